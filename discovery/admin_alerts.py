"""Alert subscribers in the admin, for administrators only: find an address,
export the list (CSV or Excel) and erase a person's data (delete removes the
address, everything it follows and every alert email sent to it).

No group is given permissions on these, so only superusers see the menu item;
nobody adds or edits subscriptions here, only the person through the emailed links.
"""

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from discovery.models import AlertSubscriber


class ReadAndEraseOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "copy"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(AlertSubscriber, ReadAndEraseOnlyPolicy(AlertSubscriber))


class AlertSubscriberIndexView(IndexView):
    def get_base_queryset(self):
        # The alert counts and the export read every subscriber's alerts at once.
        return super().get_base_queryset().prefetch_related("subscriptions")


class AlertSubscriberViewSet(ModelViewSet):
    model = AlertSubscriber
    index_view_class = AlertSubscriberIndexView
    name = "alert_subscribers"
    url_prefix = "alerts/subscribers"
    icon = "mail"
    menu_label = "Alert subscribers"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["email", "confirmed_count", "created_at"]
    search_fields = ["email"]
    search_backend_name = None
    ordering = ["email"]
    list_per_page = 50
    form_fields = ["email"]
    list_export = ["email", "created_at", "alerts_summary"]
    export_filename = "alert-subscribers"
    inspect_view_fields = ["email", "created_at", "alerts_summary"]
