"""The Manager Tracker in the admin: one "Manager Tracker" menu with the
dashboard, the managers, the CSV import and the support plans.

Only the Care Quality Team (and administrators) hold tracker permissions
(tracker/roles.py), and every menu item and screen asks for them, so editors,
moderators and the awards panel see no part of it. Lists search the database,
never the site's search index.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.urls import path

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.panels.group import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from directory.models import Area
from portal.choices import HomeType
from tracker import admin_views, services
from tracker.choices import CqcRegistration, ManagerRole
from tracker.forms import CareHomeManagerForm
from tracker.models import CareHomeManager, SupportPlanTemplate


def short_date(day):
    return f"{day.day} {day:%b %Y}" if day else ""


class PermissionMenuItem(MenuItem):
    permissions = ()

    def is_shown(self, request):
        return all(request.user.has_perm(p) for p in self.permissions)


class DashboardMenuItem(PermissionMenuItem):
    permissions = (admin_views.CAN_VIEW,)


class ImportMenuItem(PermissionMenuItem):
    permissions = (admin_views.CAN_VIEW, admin_views.CAN_ADD)


class FeedbackMenuItem(PermissionMenuItem):
    permissions = (admin_views.CAN_VIEW_FEEDBACK,)


class DashboardViewSet(ViewSet):
    name = "tracker_dashboard"
    url_prefix = "tracker/dashboard"
    icon = "calendar"
    menu_label = "Dashboard"
    menu_order = 0
    menu_item_class = DashboardMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.DashboardView.as_view(), name="index"),
            path("<slug:list_name>.csv", admin_views.export_csv, name="export"),
        ]


class InPostFilter(django_filters.ChoiceFilter):
    def filter(self, queryset, value):
        if value == "yes":
            return queryset.filter(services.in_post(services.today()))
        if value == "no":
            return queryset.exclude(services.in_post(services.today()))
        return queryset


class CareHomeManagerFilterSet(WagtailFilterSet):
    area = django_filters.ModelChoiceFilter(queryset=Area.objects.all())
    home_type = django_filters.ChoiceFilter(
        label="Type of home", choices=HomeType.choices
    )
    role = django_filters.ChoiceFilter(choices=ManagerRole.choices)
    cqc_registration = django_filters.ChoiceFilter(
        label="CQC registration", choices=CqcRegistration.choices
    )
    in_post = InPostFilter(
        label="In the post", choices=[("yes", "Still in the post"), ("no", "Left")]
    )

    class Meta:
        model = CareHomeManager
        fields = ["area", "home_type", "role", "cqc_registration"]


class CareHomeManagerViewSet(ModelViewSet):
    model = CareHomeManager
    name = "tracker_managers"
    url_prefix = "tracker/managers"
    icon = "user"
    menu_label = "Managers"
    menu_order = 10
    index_view_class = admin_views.ManagerIndexView
    add_view_class = admin_views.ManagerCreateView
    edit_view_class = admin_views.ManagerEditView
    inspect_view_class = admin_views.ManagerRecordView
    inspect_view_enabled = True
    copy_view_enabled = False
    # The database, not the search index: manager records are personal data.
    search_backend_name = None
    search_fields = ["name", "email", "home_name", "cqc_location_id"]
    filterset_class = CareHomeManagerFilterSet
    ordering = ["-start_date", "name"]
    list_per_page = 50
    list_display = [
        "name",
        "home_name",
        Column("area", label="Area", accessor="area"),
        "home_type",
        "role",
        Column(
            "start_date",
            label="Started",
            accessor=lambda manager: short_date(manager.start_date),
            sort_key="start_date",
        ),
        "cqc_registration",
        Column(
            "left_on",
            label="Left",
            accessor=lambda manager: short_date(manager.left_on),
            sort_key="left_on",
        ),
    ]
    inspect_view_fields = [
        "email",
        "phone",
        "role",
        "home_name",
        "cqc_location_id",
        "home_type",
        "area",
        "start_date",
        "cqc_registration",
        "cqc_registered_on",
        "heard_from",
        "heard_from_detail",
        "left_on",
        "plan_template",
        "optional_emails",
        "last_signed_in_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("role"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("left_on")]),
                ],
                heading="The manager",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("home_name"),
                    FieldPanel("cqc_location_id"),
                    # A plain list: the snippet chooser would need directory rights.
                    FieldRowPanel(
                        [
                            FieldPanel("home_type"),
                            FieldPanel("area", widget=forms.Select),
                        ]
                    ),
                ],
                heading="The home",
            ),
            MultiFieldPanel(
                [FieldPanel("cqc_registration"), FieldPanel("cqc_registered_on")],
                heading="CQC registration",
            ),
            MultiFieldPanel(
                [FieldPanel("heard_from"), FieldPanel("heard_from_detail")],
                heading="How they heard of the team",
            ),
            MultiFieldPanel(
                [FieldPanel("optional_emails")], heading="Emails to the manager"
            ),
        ],
        base_form_class=CareHomeManagerForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "milestones/<int:pk>/done/",
                admin_views.MilestoneDoneView.as_view(),
                name="milestone_done",
            ),
            path(
                "milestones/<int:pk>/reschedule/",
                admin_views.RescheduleView.as_view(),
                name="milestone_reschedule",
            ),
            path(
                "milestones/<int:pk>/reopen/",
                admin_views.ReopenMilestoneView.as_view(),
                name="milestone_reopen",
            ),
            path("<int:pk>/export/", admin_views.export_record, name="export_record"),
            path("<int:pk>/erase/", admin_views.EraseView.as_view(), name="erase"),
            path(
                "<int:pk>/contacts/new/",
                admin_views.AddContactView.as_view(),
                name="add_contact",
            ),
        ]


class ImportViewSet(ViewSet):
    name = "tracker_import"
    url_prefix = "tracker/import"
    icon = "upload"
    menu_label = "Import from CSV"
    menu_order = 20
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.ImportView.as_view(), name="index"),
            path("confirm/", admin_views.ConfirmImportView.as_view(), name="confirm"),
            path("example.csv", admin_views.example_csv, name="example"),
        ]


class FeedbackViewSet(ViewSet):
    name = "tracker_feedback"
    url_prefix = "tracker/feedback"
    icon = "comment"
    menu_label = "Feedback from managers"
    menu_order = 25
    menu_item_class = FeedbackMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.FeedbackResultsView.as_view(), name="index")]


class SupportPlanTemplateViewSet(ModelViewSet):
    """The plans the team gives new managers, each an ordered list of
    milestones dated from the manager's start."""

    model = SupportPlanTemplate
    name = "tracker_plans"
    url_prefix = "tracker/plans"
    icon = "list-ol"
    menu_label = "Support plans"
    menu_order = 30
    copy_view_enabled = True
    search_backend_name = None
    search_fields = ["name"]
    list_display = ["name", "is_default", "updated_at"]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("is_default"),
        InlinePanel(
            "milestones",
            heading="Milestones",
            label="Milestone",
            min_num=1,
            help_text="In the order the team works through them. Each is dated "
            "from the manager's start date when they are recorded; changing a "
            "plan later does not change the milestones managers already have.",
            panels=[
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("offset_amount"), FieldPanel("offset_unit")]),
                FieldRowPanel(
                    [FieldPanel("is_review"), FieldPanel("asks_for_feedback")]
                ),
            ],
        ),
    ]


class ManagerTrackerViewSetGroup(ViewSetGroup):
    menu_label = "Manager Tracker"
    menu_icon = "user"
    menu_order = 245
    items = (
        DashboardViewSet,
        CareHomeManagerViewSet,
        ImportViewSet,
        FeedbackViewSet,
        SupportPlanTemplateViewSet,
    )


@hooks.register("register_admin_viewset")
def register_tracker_viewsets():
    return ManagerTrackerViewSetGroup()


@hooks.register("register_permissions")
def register_tracker_permissions():
    """Milestones, notes and feedback have no model screens of their own; their
    permissions are listed on the group settings with the rest of the
    tracker's."""
    return Permission.objects.filter(
        content_type__app_label="tracker",
        content_type__model__in=["milestone", "contactnote", "feedbackresponse"],
    )
