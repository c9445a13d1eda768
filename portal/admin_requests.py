"""Admin for Leadership Academy applications and support requests: what was sent,
read-only, above the fields the team changes (status, assignee, notes).

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

from portal.models import AcademyApplication, SupportRequest


class FromPublicFormPermissionPolicy(ModelPermissionPolicy):
    """These come only from the public forms: nobody adds or copies them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)


for model in (AcademyApplication, SupportRequest):
    register_permission_policy(model, FromPublicFormPermissionPolicy(model))


def definition_list(rows):
    items = format_html_join(
        "", "<dt>{}</dt><dd style='white-space: pre-line'>{}</dd>", rows
    )
    return format_html("<dl>{}</dl>", items)


def sent_at(record):
    return f"{timezone.localtime(record.created_at):%-d %B %Y at %H:%M}"


def application_summary(application):
    return definition_list(
        [
            ("Reference", application.reference),
            ("Cohort", application.cohort_name),
            ("Sent", sent_at(application)),
            ("Name", application.name),
            ("Work email", application.email),
            ("Care home", application.care_home),
            ("Role", application.role),
            ("Time in post", application.get_time_in_post_display()),
            ("What they hope to get from it", application.hopes),
        ]
    )


def support_request_summary(support_request):
    return definition_list(
        [
            ("Reference", support_request.reference),
            ("Sent", sent_at(support_request)),
            ("Care home", support_request.home_name),
            ("CQC location ID", support_request.cqc_location_id),
            ("Type of home", support_request.get_home_type_display()),
            ("Contact", support_request.contact_name),
            ("Email", support_request.email),
            ("Phone", support_request.phone or "not given"),
            ("Needs help with", support_request.get_need_display()),
            ("How urgent", support_request.get_urgency_display()),
            ("What they told us", support_request.description),
        ]
    )


def summary_panel(render):
    class SummaryPanel(HelpPanel):
        class BoundPanel(HelpPanel.BoundPanel):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                if self.instance is not None and self.instance.pk:
                    self.content = render(self.instance)

    return SummaryPanel


ApplicationSummaryPanel = summary_panel(application_summary)
SupportRequestSummaryPanel = summary_panel(support_request_summary)


class AcademyApplicationViewSet(ModelViewSet):
    model = AcademyApplication
    name = "academy_applications"
    url_prefix = "academy/applications"
    icon = "group"
    menu_label = "Academy applications"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "reference",
        "name",
        "care_home",
        "cohort_name",
        "status",
        "created_at",
    ]
    list_filter = ["status", "cohort_name", "time_in_post"]
    search_fields = ["reference", "name", "email", "care_home"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    list_export = [
        "reference",
        "cohort_name",
        "created_at",
        "status",
        "name",
        "email",
        "care_home",
        "role",
        "time_in_post",
        "hopes",
    ]
    export_filename = "academy-applications"
    panels = [
        ApplicationSummaryPanel(heading="The application"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("team_notes")], heading="Decision"
        ),
    ]


class SupportRequestViewSet(ModelViewSet):
    model = SupportRequest
    name = "support_requests"
    url_prefix = "support/requests"
    icon = "help"
    menu_label = "Support requests"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "reference",
        "home_name",
        "need",
        "urgency",
        "status",
        "assignee",
        "created_at",
    ]
    list_filter = ["status", "urgency", "need", "home_type", "assignee"]
    search_fields = ["reference", "home_name", "cqc_location_id", "contact_name"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    list_export = [
        "reference",
        "created_at",
        "status",
        "assignee",
        "home_name",
        "cqc_location_id",
        "home_type",
        "need",
        "urgency",
    ]
    export_filename = "support-requests"
    panels = [
        SupportRequestSummaryPanel(heading="The request"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("assignee"),
                FieldPanel("internal_notes"),
            ],
            heading="Triage",
        ),
    ]


class CareQualityTeamViewSetGroup(ViewSetGroup):
    menu_label = "Requests"
    menu_icon = "help"
    menu_order = 240
    items = (SupportRequestViewSet, AcademyApplicationViewSet)
