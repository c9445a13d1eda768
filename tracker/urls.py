"""A new manager's own pages, under /managers/ (outside the page tree: they
show one person's plan, never content editors manage)."""

from django.urls import path

from tracker import views

app_name = "managers"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("sign-in/", views.sign_in_request, name="sign_in"),
    path("sign-in/<str:token>/", views.sign_in_link, name="sign_in_link"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("help/", views.ask_for_help, name="help"),
    path("feedback/<int:milestone_id>/", views.feedback, name="feedback"),
    path("emails/<str:token>/", views.stop_emails, name="stop_emails"),
]
