"""Leadership Academy applications in the admin, under Requests."""

from wagtail import hooks

from academy.models import AcademyApplication
from portal.admin_requests import (
    TeamRequestViewSet,
    definition_list,
    request_panels,
    sent_at,
    summary_panel,
)


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


class AcademyApplicationViewSet(TeamRequestViewSet):
    model = AcademyApplication
    name = "academy_applications"
    url_prefix = "academy/applications"
    icon = "group"
    menu_label = "Academy applications"
    menu_order = 2
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
    list_export = [
        "reference",
        "cohort_name",
        "created_at",
        "status",
        *AcademyApplication.SENT_FIELDS,
    ]
    export_filename = "academy-applications"
    panels = request_panels(
        summary_panel(application_summary),
        "The application",
        ["status", "team_notes"],
        "Decision",
    )


@hooks.register("register_admin_viewset")
def register_academy_application_viewset():
    return AcademyApplicationViewSet()
