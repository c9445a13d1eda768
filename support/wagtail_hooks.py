"""Support requests in the admin, under Requests."""

from wagtail import hooks

from portal.admin_requests import (
    TeamRequestViewSet,
    definition_list,
    request_panels,
    sent_at,
    summary_panel,
)
from support.models import SupportRequest


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


class SupportRequestViewSet(TeamRequestViewSet):
    model = SupportRequest
    name = "support_requests"
    url_prefix = "support/requests"
    icon = "help"
    menu_label = "Support requests"
    menu_order = 1
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
    panels = request_panels(
        summary_panel(support_request_summary),
        "The request",
        ["status", "assignee", "internal_notes"],
        "Triage",
    )


@hooks.register("register_admin_viewset")
def register_support_request_viewset():
    return SupportRequestViewSet()
