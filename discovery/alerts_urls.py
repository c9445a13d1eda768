"""Email alerts, under /alerts/ (outside the page tree: these are not pages editors
manage)."""

from django.urls import path

from discovery import alerts_views

app_name = "alerts"

urlpatterns = [
    path("", alerts_views.subscribe, name="subscribe"),
    path("check-your-email/", alerts_views.check_email, name="check_email"),
    path("confirm/<str:token>/", alerts_views.confirm, name="confirm"),
    path("manage/", alerts_views.request_manage_link, name="manage_request"),
    path("manage/<str:token>/", alerts_views.manage, name="manage"),
    path("unsubscribe/<str:token>/", alerts_views.unsubscribe, name="unsubscribe"),
]
