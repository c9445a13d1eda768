from django.urls import path

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from directory import admin_views
from directory.choices import FeedbackStatus
from directory.models import Area, Feedback, OutdatedReport, Provider
from portal.admin_menus import menu_item_shown_to


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "group"
    menu_label = "Providers"
    list_display = ["name", "website", "email"]
    search_fields = ["name", "description"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = "Areas of the city"
    list_display = ["name", "slug", "sort_order"]


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=FeedbackStatus.choices)

    class Meta:
        model = Feedback
        fields = ["status", "rating", "home_type"]


class FeedbackViewSet(SnippetViewSet):
    """Moderators approve or reject what attendees said before it is shown."""

    model = Feedback
    icon = "comment"
    menu_label = "Feedback"
    list_display = ["entry", "rating", "status", "role", "home_type", "created_at"]
    list_filter = ["status"]
    filterset_class = FeedbackFilterSet
    ordering = ["status", "-created_at"]


class OutdatedReportViewSet(SnippetViewSet):
    model = OutdatedReport
    icon = "warning"
    menu_label = "Problem reports"
    list_display = ["entry", "message", "resolved", "created_at"]
    list_filter = ["resolved"]
    ordering = ["resolved", "-created_at"]


class DirectoryImportViewSet(ViewSet):
    """Bulk import from CSV, with a preview before anything changes."""

    name = "directory_import"
    url_prefix = "directory/import"
    icon = "upload"
    menu_label = "Import from CSV"
    menu_item_class = menu_item_shown_to(admin_views.can_import)

    def get_urlpatterns(self):
        return [
            path("", admin_views.ImportView.as_view(), name="index"),
            path("confirm/", admin_views.ConfirmImportView.as_view(), name="confirm"),
            path("example.csv", admin_views.example_csv, name="example"),
        ]


class DirectoryReportViewSet(ViewSet):
    """A directory report at /admin/<url_prefix>/, with its filtering results URL."""

    report_view = None
    menu_item_class = menu_item_shown_to(admin_views.can_see_directory_reports)

    def get_urlpatterns(self):
        return [
            path("", self.report_view.as_view(), name="index"),
            path(
                "results/",
                self.report_view.as_view(results_only=True),
                name="results",
            ),
        ]


class NotCheckedReportViewSet(DirectoryReportViewSet):
    name = "directory_not_checked"
    url_prefix = "directory/reports/not-checked"
    icon = "time"
    menu_label = "Not checked for 12 months"
    report_view = admin_views.NotCheckedReportView


class BrokenLinksReportViewSet(DirectoryReportViewSet):
    name = "directory_broken_links"
    url_prefix = "directory/reports/broken-links"
    icon = "warning"
    menu_label = "Broken links"
    report_view = admin_views.BrokenLinksReportView


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "list-ul"
    menu_order = 200
    items = (
        ProviderViewSet,
        AreaViewSet,
        FeedbackViewSet,
        OutdatedReportViewSet,
        DirectoryImportViewSet,
        NotCheckedReportViewSet,
        BrokenLinksReportViewSet,
    )


register_snippet(DirectoryViewSetGroup)
