from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from directory.choices import FeedbackStatus
from directory.models import Area, Feedback, OutdatedReport, Provider


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


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "list-ul"
    menu_order = 200
    items = (ProviderViewSet, AreaViewSet, FeedbackViewSet, OutdatedReportViewSet)


register_snippet(DirectoryViewSetGroup)
