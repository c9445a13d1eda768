"""What the admin screens for requests from the public forms share (Leadership
Academy applications, support requests): what was sent, read-only, above the
fields the team changes, under one "Requests" menu. Award nominations, under
their own menu, share the permission policy and the summary panel.

Only the team's groups have model permissions on these (see portal/team_roles.py);
nobody adds or copies them in the admin, and only administrators delete them.
"""

from django.utils import timezone
from django.utils.html import format_html, format_html_join

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

# Apps add their request screens to the "Requests" menu through this hook.
TEAM_REQUESTS_MENU_HOOK = "register_team_requests_menu_item"


class FromPublicFormPermissionPolicy(ModelPermissionPolicy):
    """These come only from the public forms: nobody adds or copies them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)


def definition_list(rows):
    items = format_html_join(
        "", "<dt>{}</dt><dd style='white-space: pre-line'>{}</dd>", rows
    )
    return format_html("<dl>{}</dl>", items)


def sent_at(record):
    return f"{timezone.localtime(record.created_at):%-d %B %Y at %H:%M}"


def summary_panel(render, name="SummaryPanel"):
    """A panel showing `render(record)`: the record as sent, read-only. `name`
    is the panel type the admin's page data gives."""

    class SummaryPanel(HelpPanel):
        class BoundPanel(HelpPanel.BoundPanel):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                if self.instance is not None and self.instance.pk:
                    self.content = render(self.instance)

    SummaryPanel.__name__ = SummaryPanel.__qualname__ = name
    return SummaryPanel


def request_panels(summary, summary_heading, team_fields, team_heading):
    """The edit screen of a request: what was sent, read-only (a `summary_panel`
    class), above the fields the team changes."""
    return [
        summary(heading=summary_heading),
        MultiFieldPanel(
            [FieldPanel(name) for name in team_fields], heading=team_heading
        ),
    ]


class TeamRequestViewSet(ModelViewSet):
    """A request from a public form, listed newest first in the Requests menu and
    read-only except for what the team changes."""

    menu_hook = TEAM_REQUESTS_MENU_HOOK
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50

    def __init__(self, *args, **kwargs):
        # Before the viewset asks for a policy, so it never makes a default one.
        register_permission_policy(
            self.model, FromPublicFormPermissionPolicy(self.model)
        )
        super().__init__(*args, **kwargs)


class CareQualityTeamViewSetGroup(ViewSetGroup):
    menu_label = "Requests"
    menu_icon = "help"
    menu_order = 240
    submenu_hook = TEAM_REQUESTS_MENU_HOOK
