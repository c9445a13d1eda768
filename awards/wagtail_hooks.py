from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

import django_filters

from awards import admin_views
from awards.choices import NominationStatus, Setting
from awards.models import Nomination
from portal.admin_menus import menu_item_shown_to
from portal.admin_requests import (
    FromPublicFormPermissionPolicy,
    request_panels,
    summary_panel,
)


def category_choices():
    names = (
        Nomination.objects.order_by("category_name")
        .values_list("category_name", flat=True)
        .distinct()
    )
    return [(name, name) for name in names]


class NominationFilterSet(WagtailFilterSet):
    year_number = django_filters.ChoiceFilter(
        label="Year", choices=admin_views.year_choices
    )
    category_name = django_filters.ChoiceFilter(
        label="Category", choices=category_choices
    )
    status = django_filters.ChoiceFilter(choices=NominationStatus.choices)
    setting = django_filters.ChoiceFilter(choices=Setting.choices)

    class Meta:
        model = Nomination
        fields = [
            "year_number",
            "category_name",
            "status",
            "setting",
            "possible_duplicate",
        ]


# Nominations come only from the public form: nobody adds or copies them in the
# admin, and only administrators delete them.
register_permission_policy(Nomination, FromPublicFormPermissionPolicy(Nomination))


def nomination_summary(nomination):
    photo = ""
    if nomination.photo:
        publish = format_html(
            " (published for the results page)"
            if nomination.published_photo_id
            else '<button type="submit" class="button button-small button-secondary" '
            'formaction="{}" formnovalidate>Publish the photo for the results '
            "page</button>",
            reverse("awards_photos:publish", args=[nomination.pk]),
        )
        photo = format_html(
            '<p><a href="{}" target="_blank" rel="noopener">View the photo sent</a> '
            "{}</p>",
            reverse("awards_photos:view", args=[nomination.pk]),
            publish,
        )
    return format_html(
        "<dl>"
        "<dt>Reference</dt><dd>{}</dd>"
        "<dt>Award</dt><dd>{} {}</dd>"
        "<dt>Nominee</dt><dd>{}, {}, {} ({})</dd>"
        "<dt>CQC location ID</dt><dd>{}</dd>"
        "<dt>Why they deserve it</dt><dd style='white-space: pre-line'>{}</dd>"
        "<dt>Nominator</dt><dd>{}, {} {} ({})</dd>"
        "<dt>Nominee may be contacted</dt><dd>{}</dd>"
        "</dl>{}",
        nomination.reference,
        nomination.category_name,
        nomination.year_number,
        nomination.nominee_name,
        nomination.nominee_role,
        nomination.nominee_workplace,
        nomination.get_setting_display(),
        nomination.cqc_location_id or "not given",
        nomination.statement,
        nomination.nominator_name,
        nomination.nominator_email,
        nomination.nominator_phone,
        nomination.get_relationship_display(),
        "yes" if nomination.nominee_may_be_contacted else "no",
        photo,
    )


# The nomination as sent, read-only, above the fields the team can change.
NominationSummaryPanel = summary_panel(nomination_summary, "NominationSummaryPanel")


class NominationViewSet(ModelViewSet):
    model = Nomination
    name = "awards_nominations"
    url_prefix = "awards/nominations"
    icon = "form"
    menu_label = "Nominations"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    # Judges see the nomination, not the nominator's contact details.
    inspect_view_fields = [
        "reference",
        "year_number",
        "category_name",
        *Nomination.ABOUT_THE_NOMINEE,
        "relationship",
        "status",
        "possible_duplicate",
        "submitted_at",
    ]
    list_display = [
        "reference",
        "nominee_name",
        "category_name",
        "year_number",
        "setting",
        "status",
        "possible_duplicate",
        "submitted_at",
    ]
    filterset_class = NominationFilterSet
    search_fields = ["reference", "nominee_name", "nominee_workplace", "statement"]
    search_backend_name = None
    ordering = ["-submitted_at"]
    list_per_page = 50
    panels = request_panels(
        NominationSummaryPanel,
        "The nomination",
        ["status", "ineligible_reason", "possible_duplicate", "citation"],
        "Judging and results",
    )


def menu_item_class(*permissions):
    return menu_item_shown_to(
        lambda user: admin_views.has_permissions(user, *permissions)
    )


class JudgingViewSet(ViewSet):
    name = "awards_judging"
    url_prefix = "awards/judging"
    icon = "pick"
    menu_label = "Score nominations"
    menu_item_class = menu_item_class(admin_views.CAN_SCORE, admin_views.CAN_VIEW)

    def get_urlpatterns(self):
        return [
            path("", admin_views.JudgingIndexView.as_view(), name="index"),
            path("<int:pk>/", admin_views.ScoreView.as_view(), name="score"),
        ]


class RankingsViewSet(ViewSet):
    name = "awards_rankings"
    url_prefix = "awards/rankings"
    icon = "list-ol"
    menu_label = "Rankings"
    menu_item_class = menu_item_shown_to(admin_views.can_see_rankings)

    def get_urlpatterns(self):
        return [path("", admin_views.RankingsView.as_view(), name="index")]


class ExportViewSet(ViewSet):
    name = "awards_export"
    url_prefix = "awards/export"
    icon = "download"
    menu_label = "Export nominations"
    menu_item_class = menu_item_class(admin_views.CAN_VIEW)

    def get_urlpatterns(self):
        return [
            path("", admin_views.ExportView.as_view(), name="index"),
            path("nominations.csv", admin_views.export_csv, name="csv"),
        ]


class PersonalDataViewSet(ViewSet):
    name = "awards_personal_data"
    url_prefix = "awards/personal-data"
    icon = "lock"
    menu_label = "Personal data requests"
    menu_item_class = menu_item_class(admin_views.CAN_EXPORT_PERSONAL)

    def get_urlpatterns(self):
        return [path("", admin_views.PersonalDataView.as_view(), name="index")]


class PhotoViewSet(ViewSet):
    name = "awards_photos"
    url_prefix = "awards/photos"
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("<int:pk>/", admin_views.private_photo, name="view"),
            path("<int:pk>/publish/", admin_views.publish_photo, name="publish"),
        ]


class AwardsViewSetGroup(ViewSetGroup):
    menu_label = "Awards"
    menu_icon = "pick"
    menu_order = 250
    items = (
        NominationViewSet,
        JudgingViewSet,
        RankingsViewSet,
        ExportViewSet,
        PersonalDataViewSet,
    )


@hooks.register("register_admin_viewset")
def register_awards_viewsets():
    return [AwardsViewSetGroup(), PhotoViewSet()]
