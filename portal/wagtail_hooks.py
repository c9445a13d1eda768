from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_views import GuidesDueForReviewView
from portal.models import QueuedEmail, ScheduledJobRun, TopicHub


class QueuedEmailViewSet(SnippetViewSet):
    """The outbox, for administrators: what was sent and what is stuck."""

    model = QueuedEmail
    icon = "mail"
    menu_label = "Outbox"
    add_to_settings_menu = True
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_snippet(QueuedEmailViewSet)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records that only the portal itself writes."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "copy", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(ScheduledJobRun, ReadOnlyPolicy(ScheduledJobRun))


class ScheduledJobRunViewSet(SnippetViewSet):
    """For administrators: when each periodic command last ran, and how it went."""

    model = ScheduledJobRun
    icon = "time"
    menu_label = "Scheduled jobs"
    add_to_settings_menu = True
    list_display = ["job", "due", "outcome", "started_at", "finished_at"]
    list_filter = ["job", "outcome"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "job",
        "due",
        "outcome",
        "started_at",
        "finished_at",
        "report",
    ]
    copy_view_enabled = False


register_snippet(ScheduledJobRunViewSet)


class TopicHubViewSet(SnippetViewSet):
    """Introductions and pinned items for topic hubs (the rest is automatic)."""

    model = TopicHub
    icon = "tag"
    menu_label = "Topic hubs"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", LiveStatusTagColumn(), UpdatedAtColumn()]
    search_fields = ["tag__name"]


register_snippet(TopicHubViewSet)


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


@hooks.register("register_admin_viewset")
def register_request_viewsets():
    from portal.admin_requests import CareQualityTeamViewSetGroup

    return CareQualityTeamViewSetGroup()


@hooks.register("register_admin_viewset")
def register_alert_subscriber_viewset():
    from portal.admin_alerts import AlertSubscriberViewSet

    return AlertSubscriberViewSet()
