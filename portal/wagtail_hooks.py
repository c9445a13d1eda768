from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import QueuedEmail


class QueuedEmailViewSet(SnippetViewSet):
    """The outbox, for administrators: what was sent and what is stuck."""

    model = QueuedEmail
    icon = "mail"
    menu_label = "Outbox"
    add_to_settings_menu = True
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_snippet(QueuedEmailViewSet)
