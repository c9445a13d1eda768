from django.urls import re_path

from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import QueuedEmail, ScheduledJobRun


class PortalRecordViewSet(SnippetViewSet):
    """Records the portal keeps about its own work, shown to administrators
    under Settings: looked at, never copied."""

    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False


class QueuedEmailViewSet(PortalRecordViewSet):
    """The outbox, for administrators: what was sent and what is stuck."""

    model = QueuedEmail
    icon = "mail"
    menu_label = "Outbox"
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]


register_snippet(QueuedEmailViewSet)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records that only the portal itself writes."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "copy", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(ScheduledJobRun, ReadOnlyPolicy(ScheduledJobRun))


class ScheduledJobRunViewSet(PortalRecordViewSet):
    """For administrators: when each periodic command last ran, and how it went."""

    model = ScheduledJobRun
    icon = "time"
    menu_label = "Scheduled jobs"
    list_display = ["job", "due", "outcome", "started_at", "finished_at"]
    list_filter = ["job", "outcome"]
    inspect_view_fields = [
        "job",
        "due",
        "outcome",
        "started_at",
        "finished_at",
        "report",
    ]


register_snippet(ScheduledJobRunViewSet)


@hooks.register("register_admin_viewset")
def register_team_requests_menu():
    from portal.admin_requests import CareQualityTeamViewSetGroup

    return CareQualityTeamViewSetGroup()


# Snippets that moved from `portal` to an app of their own (portal migration
# 0012), by model name: their old admin addresses redirect. (Pages are edited by
# id, so their addresses did not change.)
MOVED_SNIPPETS = "topichub"


def moved_admin_url(request, kind, model, rest=""):
    """An admin address from before its model moved out of `portal`, such as a
    bookmarked snippet listing: sent on to the same screen under the new app."""
    from django.contrib.contenttypes.models import ContentType
    from django.shortcuts import get_object_or_404, redirect

    moved = get_object_or_404(
        ContentType.objects.exclude(app_label="portal"), model=model
    )
    return redirect(f"/admin/{kind}/{moved.app_label}/{model}/{rest}", permanent=True)


@hooks.register("register_admin_urls")
def register_moved_admin_urls():
    return [
        re_path(
            rf"^snippets/portal/(?P<model>{MOVED_SNIPPETS})/(?P<rest>.*)$",
            moved_admin_url,
            {"kind": "snippets"},
        ),
    ]
