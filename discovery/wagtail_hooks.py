from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from discovery.models import TopicHub


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


@hooks.register("register_admin_viewset")
def register_alert_subscriber_viewset():
    from discovery.admin_alerts import AlertSubscriberViewSet

    return AlertSubscriberViewSet()
