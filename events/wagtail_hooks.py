"""The "Events" admin menu: attendee lists per event, CSV export, attendance."""

from django.contrib.auth import get_user_model

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.signals import page_published
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

import django_filters

from events import services
from events.choices import BookingStatus
from events.models import Booking, EventPage


class BookingFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        queryset=EventPage.objects.order_by("title"), label="Event"
    )
    status = django_filters.ChoiceFilter(choices=BookingStatus.choices)
    occurrence_date = django_filters.DateFilter(label="Date")
    attended = django_filters.BooleanFilter()

    class Meta:
        model = Booking
        fields = ["event", "occurrence_date", "status", "attended"]


class BookingIndexView(IndexView):
    # Names and notes come from the public: a value starting with "=" must not
    # run as a formula when the CSV is opened in a spreadsheet.
    FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(self.FORMULA_STARTS):
            return "'" + value
        return value


class BookingViewSet(SnippetViewSet):
    """Attendee lists. Personal data: only users with booking permissions see it."""

    model = Booking
    index_view_class = BookingIndexView
    icon = "user"
    menu_label = "Bookings"
    list_display = [
        "name",
        "event",
        "occurrence_date",
        "status",
        "care_home",
        "role",
        "attended",
        "created_at",
    ]
    list_export = [
        "event",
        "occurrence_date",
        "status",
        "name",
        "email",
        "care_home",
        "role",
        "accessibility_needs",
        "attended",
        "created_at",
        "promoted_at",
        "cancelled_at",
    ]
    export_headings = {"occurrence_date": "Date", "event": "Event"}
    export_filename = "bookings"
    filterset_class = BookingFilterSet
    search_fields = ["name", "email", "care_home"]
    ordering = ["event", "occurrence_date", "status", "created_at"]
    list_per_page = 100
    copy_view_enabled = False
    inspect_view_enabled = True
    # Places are only ever given by the booking rules (capacity, waiting list),
    # so here staff can only mark attendance; the rest is shown read-only.
    panels = [
        FieldRowPanel(
            [
                FieldPanel("event", read_only=True),
                FieldPanel("occurrence_date", read_only=True),
                FieldPanel("status", read_only=True),
            ]
        ),
        FieldRowPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
            ]
        ),
        FieldRowPanel(
            [
                FieldPanel("care_home", read_only=True),
                FieldPanel("role", read_only=True),
            ]
        ),
        FieldPanel("accessibility_needs", read_only=True),
        FieldPanel("attended"),
    ]

    def get_queryset(self, request):
        return Booking.objects.select_related("event")


class EventsViewSetGroup(SnippetViewSetGroup):
    menu_label = "Events"
    menu_icon = "date"
    menu_order = 210
    items = (BookingViewSet,)


class BookingPermissionPolicy(ModelPermissionPolicy):
    """Places are given only by the booking rules (capacity, waiting list), so
    nobody, superusers included, adds a booking in the admin: its form has
    nothing to fill in but attendance."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


# Registered before the viewset, which would otherwise register the default.
register_permission_policy(Booking, BookingPermissionPolicy(Booking))
register_snippet(EventsViewSetGroup)


@hooks.register("register_bulk_action")
class MarkAttendedBulkAction(SnippetBulkAction):
    """Tick off everyone who came, straight from the attendee list."""

    models = [Booking]
    display_name = "Mark as attended"
    action_type = "mark_attended"
    aria_label = "Mark the selected bookings as attended"
    template_name = "events/admin/confirm_mark_attended.html"
    action_priority = 10

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", snippet
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        updated = Booking.objects.filter(pk__in=[booking.pk for booking in objects])
        return updated.update(attended=True), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} booking{'' if num_parent_objects == 1 else 's'} marked as attended."


def update_bookings_after_publish(sender, instance, **kwargs):
    """Keep bookings in step with what an editor published.

    A cancelled date cancels its bookings (and tells people); people booked on
    a moved date are told the new time; added places go
    straight to the people waiting.
    """
    services.cancel_bookings_for_cancelled_dates(instance)
    services.tell_bookers_about_new_times(instance)
    if Booking.objects.filter(event=instance, status=BookingStatus.WAITING).exists():
        services.fill_all_free_places(instance)


page_published.connect(update_bookings_after_publish, sender=EventPage)
