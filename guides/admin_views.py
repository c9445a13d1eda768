from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from guides.services import guides_due_for_review


class GuidesDueForReviewView(ReportView):
    """Guides whose review date has passed or falls within the next 30 days."""

    page_title = "Guides due for review"
    header_icon = "time"
    index_url_name = "guides_due_for_review"
    index_results_url_name = "guides_due_for_review_results"
    list_export = [
        "title",
        "review_state",
        "review_due",
        "last_reviewed",
        "guide_owner",
    ]
    export_headings = {
        "title": "Guide",
        "review_state": "Review",
        "review_due": "Review due",
        "last_reviewed": "Last reviewed",
        "guide_owner": "Owner",
    }
    columns = [
        TitleColumn("title", label="Guide", url_name="wagtailadmin_pages:edit"),
        Column("review_state", label="Review"),
        DateColumn("review_due", label="Review due"),
        DateColumn("last_reviewed", label="Last reviewed"),
        Column("guide_owner", label="Owner"),
    ]

    def get_queryset(self):
        return guides_due_for_review().select_related("guide_owner")
