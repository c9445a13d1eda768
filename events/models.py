import datetime
import hashlib
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from dateutil import rrule
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from events.choices import (
    AttendanceMode,
    BookingMethod,
    BookingStatus,
    EventType,
    OccurrenceStatus,
    Recurrence,
)
from portal.models.fields import optional_link, topic_tags
from portal.models.home_types import (
    HomeTypes,
    home_type_panels,
)
from portal.models.pages import SectionIndexPage

# A recurring series may run for at most this long, so listings stay cheap.
MAX_SERIES_DAYS = 3 * 366


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Occurrence:
    """One dated happening of an event; `date` is its identity in the series."""

    event: "EventPage"
    date: datetime.date
    start: datetime.datetime
    end: datetime.datetime
    status: str = OccurrenceStatus.SCHEDULED
    note: str = ""

    @property
    def is_cancelled(self):
        return self.status == OccurrenceStatus.CANCELLED

    @property
    def is_rescheduled(self):
        return self.status == OccurrenceStatus.RESCHEDULED

    @property
    def title(self):
        return self.event.title

    @property
    def url(self):
        return self.event.url

    @property
    def slug(self):
        """The occurrence's date as used in URLs: YYYY-MM-DD."""
        return self.date.isoformat()

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def closes_at(self):
        """When bookings close: the event's closing time, and never after it starts."""
        close = self.event.bookings_close_at
        return min(close, self.start) if close else self.start

    def is_bookable(self, now=None):
        now = now or timezone.now()
        return (
            self.event.booking_method == BookingMethod.HERE
            and not self.is_cancelled
            and now < self.closes_at
        )

    def has_started(self, now=None):
        return (now or timezone.now()) >= self.start


class EventTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """/events/: upcoming events, past events, a month calendar and the feeds."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = "events index"

    @path("", name="upcoming")
    def index_route(self, request, *args, **kwargs):
        from events.views import event_listing

        return event_listing(request, self, past=False)

    @path("past/", name="past")
    def past_view(self, request):
        from events.views import event_listing

        return event_listing(request, self, past=True)

    @path("calendar/", name="calendar")
    @path("calendar/<int:year>/<int:month>/", name="calendar_month")
    def calendar_view(self, request, year=None, month=None):
        from events.views import month_calendar

        return month_calendar(request, self, year, month)

    @path("feed/", name="feed")
    def feed_view(self, request):
        from events.views import feed

        return feed(request, self)

    @path("feed/topic/<slug:topic>/", name="topic_feed")
    def topic_feed_view(self, request, topic):
        from events.views import feed

        return feed(request, self, topic=topic)

    @path("feed/type/<slug:event_type>/", name="type_feed")
    def type_feed_view(self, request, event_type):
        from events.views import feed

        return feed(request, self, event_type=event_type)


class EventPage(RoutablePageMixin, HomeTypes, Page):
    """One event, or a series of them (e.g. a monthly network meeting)."""

    summary = models.CharField(
        max_length=300, help_text="One or two sentences shown in listings."
    )
    description = RichTextField(features=["bold", "italic", "link", "ol", "ul", "h3"])
    event_type = models.CharField(
        "type", max_length=20, choices=EventType.choices, default=EventType.TRAINING
    )
    start = models.DateTimeField(
        help_text="UK time. For a series, the first date and time it happens."
    )
    end = models.DateTimeField(help_text="UK time. For a series, when the first ends.")
    all_day = models.BooleanField(
        default=False, help_text="Show dates only, without times."
    )
    recurrence = models.CharField(
        "repeats", max_length=20, choices=Recurrence.choices, blank=True, default=""
    )
    recurs_until = models.DateField(
        "repeats until",
        null=True,
        blank=True,
        help_text="The last date the series can happen. At most three years ahead.",
    )
    attendance_mode = models.CharField(
        "how people attend",
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True)
    accessibility_notes = models.TextField(
        "venue accessibility",
        blank=True,
        help_text="Step-free access, hearing loop, parking, nearest bus stop.",
    )
    joining_details = models.TextField(
        "online joining details",
        blank=True,
        help_text="Link and passcode. Only people who have booked see these.",
    )
    audience = models.CharField(
        "who it is for",
        max_length=200,
        blank=True,
        help_text='For example "Registered managers and deputies".',
    )
    tags = topic_tags(EventTag)
    organiser = models.CharField(
        max_length=200, default="City Council Care Quality Team"
    )
    organiser_email = models.EmailField(blank=True)
    cost = models.CharField(
        max_length=100, default="Free", help_text='For example "Free" or "£25".'
    )
    related_page = optional_link(
        "wagtailcore.Page",
        help_text="A directory entry or guide to read before or after.",
    )
    booking_method = models.CharField(
        max_length=10, choices=BookingMethod.choices, default=BookingMethod.HERE
    )
    booking_url = models.URLField("external booking link", blank=True, max_length=500)
    capacity = models.PositiveIntegerField(
        "places",
        null=True,
        blank=True,
        help_text="Places at each date. Leave empty for no limit.",
    )
    bookings_close_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Leave empty to take bookings until the event starts.",
    )
    # Calendar apps replace an event only when SEQUENCE goes up; it is bumped
    # whenever a published version changes the dates or times.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    timing_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("attendance_mode")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("recurs_until")]),
            ],
            heading="When",
        ),
        InlinePanel(
            "exceptions",
            heading="Cancelled or moved dates",
            label="Change to one date",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("accessibility_notes"),
                FieldPanel("joining_details"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                *home_type_panels(),
                FieldPanel("tags"),
            ],
            heading="Who it is for",
        ),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("organiser_email")]),
        FieldPanel("cost"),
        PageChooserPanel("related_page"),
        MultiFieldPanel(
            [
                FieldPanel("booking_method"),
                FieldPanel("booking_url"),
                FieldRowPanel(
                    [FieldPanel("capacity"), FieldPanel("bookings_close_at")]
                ),
            ],
            heading="Booking",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("event_type"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"

    # Dates and times ------------------------------------------------------------

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    @property
    def is_online(self):
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED)

    @property
    def is_in_person(self):
        return self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED)

    def _rule(self, local_start):
        until = datetime.datetime.combine(self.recurs_until, datetime.time.max)
        if self.recurrence == Recurrence.WEEKLY:
            return rrule.rrule(rrule.WEEKLY, dtstart=local_start, until=until)
        if self.recurrence == Recurrence.MONTHLY_WEEKDAY:
            nth = (local_start.day - 1) // 7 + 1
            weekday = rrule.weekday(local_start.weekday())(-1 if nth == 5 else nth)
            return rrule.rrule(
                rrule.MONTHLY, dtstart=local_start, until=until, byweekday=weekday
            )
        return rrule.rrule(
            rrule.MONTHLY,
            dtstart=local_start,
            until=until,
            bymonthday=local_start.day,
        )

    def scheduled_starts(self):
        """Every start in the series as naive UK wall-clock times.

        Computed in local time so "7pm on the first Tuesday" stays 7pm across
        the clock changes.
        """
        local_start = timezone.localtime(self.start, local_zone()).replace(tzinfo=None)
        if not self.is_recurring or not self.recurs_until:
            return [local_start]
        return list(self._rule(local_start))

    @cached_property
    def exception_map(self):
        return {
            exception.original_date: exception for exception in self.exceptions.all()
        }

    def occurrences(self):
        """Every occurrence, with cancellations and new times applied, in order."""
        zone = local_zone()
        local_start = timezone.localtime(self.start, zone).replace(tzinfo=None)
        local_end = timezone.localtime(self.end, zone).replace(tzinfo=None)
        duration = max(local_end - local_start, datetime.timedelta(0))
        result = []
        for naive_start in self.scheduled_starts():
            start = naive_start.replace(tzinfo=zone)
            end = (naive_start + duration).replace(tzinfo=zone)
            exception = self.exception_map.get(naive_start.date())
            status, note = OccurrenceStatus.SCHEDULED, ""
            if exception is not None:
                status, note = exception.status, exception.note
                if (
                    exception.status == OccurrenceStatus.RESCHEDULED
                    and exception.new_start
                ):
                    start = exception.new_start
                    end = exception.new_end or exception.new_start + duration
            result.append(
                Occurrence(self, naive_start.date(), start, end, status, note)
            )
        return sorted(result, key=lambda occurrence: occurrence.start)

    def get_occurrence(self, date):
        """The occurrence whose series date is `date`, or None."""
        for occurrence in self.occurrences():
            if occurrence.date == date:
                return occurrence
        return None

    def upcoming_occurrences(self, now=None):
        now = now or timezone.now()
        return [occurrence for occurrence in self.occurrences() if occurrence.end > now]

    def next_occurrence(self, now=None):
        upcoming = self.upcoming_occurrences(now)
        return upcoming[0] if upcoming else None

    # Validation and saving --------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "The end must be after the start."
        if self.recurrence:
            if not self.recurs_until:
                errors["recurs_until"] = "Say when the series ends."
            elif self.start and (
                self.recurs_until < timezone.localtime(self.start).date()
            ):
                errors["recurs_until"] = "The series must end after it starts."
            elif (
                self.start
                and (self.recurs_until - timezone.localtime(self.start).date()).days
                > MAX_SERIES_DAYS
            ):
                errors["recurs_until"] = "A series can run for at most three years."
        if self.booking_method == BookingMethod.EXTERNAL and not self.booking_url:
            errors["booking_url"] = "Give the link to the booking page."
        if self.booking_method == BookingMethod.HERE and self.capacity == 0:
            errors["capacity"] = "Give at least one place, or leave it empty."
        if errors:
            raise ValidationError(errors)

    def compute_timing_fingerprint(self):
        parts = [
            self.start.isoformat() if self.start else "",
            self.end.isoformat() if self.end else "",
            str(self.all_day),
            self.recurrence,
            str(self.recurs_until),
            self.title,
            self.venue_name,
        ]
        for exception in sorted(
            self.exceptions.all(), key=lambda item: item.original_date
        ):
            parts.append(
                f"{exception.original_date}|{exception.status}|"
                f"{exception.new_start}|{exception.new_end}"
            )
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "start" in update_fields:
            fingerprint = self.compute_timing_fingerprint()
            stored = (
                EventPage.objects.filter(pk=self.pk)
                .values("sequence", "timing_fingerprint")
                .first()
                if self.pk
                else None
            )
            if stored:
                # A published revision carries the sequence from when it was
                # drafted; never let it go backwards.
                self.sequence = max(self.sequence, stored["sequence"])
                if stored["timing_fingerprint"] and (
                    stored["timing_fingerprint"] != fingerprint
                ):
                    self.sequence += 1
            self.timing_fingerprint = fingerprint
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    "sequence",
                    "timing_fingerprint",
                }
        super().save(*args, **kwargs)

    # Presentation -------------------------------------------------------------------

    def structured_data(self, now=None):
        """schema.org Event JSON-LD for the next occurrences (or the last one)."""
        occurrences = self.upcoming_occurrences(now)[:5] or self.occurrences()[-1:]
        status_map = {
            OccurrenceStatus.SCHEDULED: "https://schema.org/EventScheduled",
            OccurrenceStatus.CANCELLED: "https://schema.org/EventCancelled",
            OccurrenceStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
        }
        mode_map = {
            AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
            AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
            AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
        }
        locations = []
        if self.is_in_person:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue_name or "To be confirmed",
                    "address": ", ".join(
                        line.strip()
                        for line in self.venue_address.splitlines()
                        if line.strip()
                    )
                    or "To be confirmed",
                }
            )
        if self.is_online:
            # Joining details are for people who booked; the page stands in.
            locations.append({"@type": "VirtualLocation", "url": self.full_url})
        items = []
        for occurrence in occurrences:
            data = {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": self.title,
                "description": self.summary,
                "url": self.full_url,
                "startDate": (
                    occurrence.local_start.date().isoformat()
                    if self.all_day
                    else occurrence.local_start.isoformat()
                ),
                "endDate": (
                    occurrence.local_end.date().isoformat()
                    if self.all_day
                    else occurrence.local_end.isoformat()
                ),
                "eventStatus": status_map.get(occurrence.status),
                "eventAttendanceMode": mode_map.get(self.attendance_mode),
                "location": locations[0] if len(locations) == 1 else locations,
                "organizer": {"@type": "Organization", "name": self.organiser},
                "isAccessibleForFree": self.cost.strip().lower() == "free",
            }
            if self.cost.strip().lower() == "free":
                data["offers"] = {
                    "@type": "Offer",
                    "price": "0",
                    "priceCurrency": "GBP",
                    "url": self.full_url,
                }
            items.append(data)
        return items[0] if len(items) == 1 else items

    @path("", name="detail")
    def index_route(self, request, *args, **kwargs):
        from events.views import event_detail

        return event_detail(request, self)

    @path("book/", name="book")
    def book_view(self, request):
        from events.views import book

        return book(request, self)

    @path("ics/", name="ics")
    def ics_view(self, request):
        from events.views import event_ics

        return event_ics(request, self)

    @path("ics/<slug:date>/", name="occurrence_ics")
    def occurrence_ics_view(self, request, date):
        from events.views import event_ics

        return event_ics(request, self, date=date)

    @path("booking/<slug:token>/", name="manage_booking")
    def manage_booking_view(self, request, token):
        from events.views import manage_booking

        return manage_booking(request, self, token)


class EventException(Orderable):
    """A change to one date of a series (or a one-off event): cancelled or moved."""

    event = ParentalKey(EventPage, related_name="exceptions", on_delete=models.CASCADE)
    original_date = models.DateField(
        help_text="The date it was due to happen (for a series, its usual date)."
    )
    status = models.CharField(
        max_length=12,
        choices=[
            (OccurrenceStatus.CANCELLED, "Cancelled"),
            (OccurrenceStatus.RESCHEDULED, "Moved to a new time"),
        ],
        default=OccurrenceStatus.CANCELLED,
    )
    new_start = models.DateTimeField(
        null=True, blank=True, help_text="For a moved date: the new start (UK time)."
    )
    new_end = models.DateTimeField(null=True, blank=True)
    note = models.CharField(
        max_length=200, blank=True, help_text='For example "Moved because of Easter".'
    )

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    def clean(self):
        super().clean()
        try:
            event = self.event
        except ObjectDoesNotExist:
            event = None
        if (
            event is not None
            and self.original_date
            and event.start
            and (not event.recurrence or event.recurs_until)
            and self.original_date
            not in {start.date() for start in event.scheduled_starts()}
        ):
            raise ValidationError(
                {"original_date": "The event does not happen on this date."}
            )
        if self.status == OccurrenceStatus.RESCHEDULED and not self.new_start:
            raise ValidationError({"new_start": "Give the new start time."})
        if self.new_start and self.new_end and self.new_end < self.new_start:
            raise ValidationError({"new_end": "The end must be after the start."})


class Booking(models.Model):
    """A place (or a waiting list place) at one occurrence of an event.

    Holds personal data: only people with the booking permissions see it.
    """

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="bookings"
    )
    occurrence_date = models.DateField(help_text="The date in the series.")
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120)
    email = models.EmailField("work email")
    care_home = models.CharField(max_length=200)
    role = models.CharField(max_length=120)
    accessibility_needs = models.TextField(blank=True)
    consent = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    attended = models.BooleanField(
        null=True, blank=True, help_text="Leave empty until the event has happened."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # The start time the person was last told, so a moved date is told once.
    notified_start = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["event", "occurrence_date", "created_at", "pk"]
        indexes = [models.Index(fields=["event", "occurrence_date", "status"])]
        verbose_name = "booking"

    def __str__(self):
        return f"{self.name} - {self.event.title} ({self.occurrence_date:%d %b %Y})"

    @cached_property
    def occurrence(self):
        return self.event.specific.get_occurrence(self.occurrence_date)
