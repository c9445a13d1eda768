from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from guides.admin_views import GuidesDueForReviewView


@hooks.register("register_admin_urls")
def register_guide_report_urls():
    return [
        path(
            "reports/guides-due-for-review/",
            GuidesDueForReviewView.as_view(),
            name="guides_due_for_review",
        ),
        path(
            "reports/guides-due-for-review/results/",
            GuidesDueForReviewView.as_view(results_only=True),
            name="guides_due_for_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_guide_report_menu_item():
    return MenuItem(
        "Guides due for review",
        reverse("guides_due_for_review"),
        icon_name="time",
        order=700,
    )
