"""Demo content for events: the events index, a year of events and some bookings,
from demo/content/events.yaml.

Idempotent: events are looked up by slug and left alone if they exist, so
`seed_demo` can run on every `make run`. Dates are relative to the day the seed
first runs, so upcoming events stay upcoming.
"""

import datetime

from django.utils import timezone

from demo.loader import load, template
from demo.pages import publish_child, section_page
from discovery.models import HomePage
from events.choices import (
    AttendanceMode,
    BookingMethod,
    BookingStatus,
    EventType,
    OccurrenceStatus,
    Recurrence,
)
from events.models import Booking, EventException, EventIndexPage, EventPage
from portal.choices import HOME_TYPE_FIELDS, HomeType

ALL_HOMES = list(HomeType.values)
# A repeating event starts on the first Tuesday of the month this long ago, and
# repeats for this long after the seed runs.
SERIES_STARTS_DAYS_AGO = 90
SERIES_RUNS_DAYS = 365
TUESDAY = 1
EXCEPTION_STATUSES = [OccurrenceStatus.CANCELLED, OccurrenceStatus.RESCHEDULED]


def read_content():
    content = load("events.yaml")
    index = content.record("index_page")
    venues_record = content.record("venues")
    venues = {}
    for key in venues_record.names():
        venue = venues_record.record(key)
        venues[key] = {
            "venue_name": venue.text("name"),
            "venue_address": "\n".join(venue.texts("address")),
            "accessibility_notes": venue.text("accessibility"),
        }
    bookers = content.record("fully_booked_bookers")
    data = {
        "index_page": index.index_page(),
        "joining_details": "\n".join(content.texts("joining_details")),
        "events": [
            read_event(event, venues, content.text("audience"))
            for event in content.records("events", unique="slug")
        ],
        "organiser_email": content.text("organiser_email"),
        "booker_role": bookers.text("role"),
        "bookers": [
            (person.text("name"), person.text("care_home"))
            for person in bookers.records("people")
        ],
    }
    content.done()
    return data


def read_event(event, venues, audience):
    recurrence = event.choice("recurrence", Recurrence, "")
    no_venue = {"venue_name": "", "venue_address": "", "accessibility_notes": ""}
    venue = event.choice("venue", list(venues), None)
    booking = event.choice("booking", BookingMethod, BookingMethod.HERE)
    return {
        "slug": event.text("slug"),
        "title": event.text("title"),
        "event_type": event.choice("type", EventType),
        "recurrence": recurrence,
        # A repeating event's first date follows from the series (see above).
        "days": None if recurrence else event.days_from_today("date"),
        "start_hour": event.choice("start_hour", range(24)),
        "hours": event.number("hours"),
        **(venues[venue] if venue else no_venue),
        "attendance_mode": event.choice("mode", AttendanceMode),
        "homes": event.choice_list("homes", HomeType, ALL_HOMES),
        "topics": event.texts("topics"),
        "capacity": event.number("capacity", None),
        "audience": event.text("audience", audience),
        "booking_method": booking,
        "booking_url": event.text("booking_url", ""),
        "fully_booked": event.flag("fully_booked"),
        "summary": event.text("summary"),
        "description": event.rich_text("description"),
        "exceptions": [
            {
                "meeting": exception.number("meeting"),
                "status": exception.choice("status", EXCEPTION_STATUSES),
                "weeks_later": exception.number("weeks_later", 0),
                "start_hour": exception.choice("start_hour", range(24), None),
                "note": exception.text("note"),
            }
            for exception in event.records("exceptions", [])
        ],
    }


def local_datetime(date, hour):
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(date, datetime.time(hour), zone)


def first_weekday_on_or_after(date, weekday):
    return date + datetime.timedelta(days=(weekday - date.weekday()) % 7)


def make_event(index, spec, today, content):
    slug = spec["slug"]
    if spec["recurrence"]:
        month_start = (today - datetime.timedelta(days=SERIES_STARTS_DAYS_AGO)).replace(
            day=1
        )
        date = first_weekday_on_or_after(month_start, TUESDAY)
    else:
        date = today + datetime.timedelta(days=spec["days"])
    start = local_datetime(date, spec["start_hour"])
    event = EventPage(
        title=spec["title"],
        slug=slug,
        summary=spec["summary"],
        description=spec["description"],
        event_type=spec["event_type"],
        start=start,
        end=start + datetime.timedelta(hours=spec["hours"]),
        attendance_mode=spec["attendance_mode"],
        venue_name=spec["venue_name"],
        venue_address=spec["venue_address"],
        accessibility_notes=spec["accessibility_notes"],
        joining_details=template(content["joining_details"], slug=slug)
        if spec["attendance_mode"] != AttendanceMode.IN_PERSON
        else "",
        audience=spec["audience"],
        capacity=spec["capacity"],
        booking_method=spec["booking_method"],
        booking_url=spec["booking_url"],
        organiser_email=content["organiser_email"],
        recurrence=spec["recurrence"],
        recurs_until=(today + datetime.timedelta(days=SERIES_RUNS_DAYS))
        if spec["recurrence"]
        else None,
        **{field: home in spec["homes"] for home, field in HOME_TYPE_FIELDS.items()},
    )
    if event.recurrence and spec["exceptions"]:
        add_exceptions(event, spec, today)
    event.tags.add(*spec["topics"])
    publish_child(index, event)
    if spec["fully_booked"]:
        add_full_bookings(event, content)
    return event


def add_exceptions(event, spec, today):
    """Meetings moved or cancelled, counted among those after today; made only
    while the series has a meeting after the last one they change."""
    upcoming = [occ for occ in event.occurrences() if occ.start.date() > today]
    if len(upcoming) <= max(exception["meeting"] for exception in spec["exceptions"]):
        return
    for exception in spec["exceptions"]:
        original_date = upcoming[exception["meeting"] - 1].date
        if exception["status"] == OccurrenceStatus.CANCELLED:
            event.exceptions.add(
                EventException(
                    original_date=original_date,
                    status=exception["status"],
                    note=exception["note"],
                )
            )
            continue
        moved = local_datetime(
            original_date + datetime.timedelta(weeks=exception["weeks_later"]),
            exception["start_hour"]
            if exception["start_hour"] is not None
            else spec["start_hour"],
        )
        event.exceptions.add(
            EventException(
                original_date=original_date,
                status=exception["status"],
                new_start=moved,
                new_end=moved + datetime.timedelta(hours=spec["hours"]),
                note=exception["note"],
            )
        )


def add_full_bookings(event, content):
    """Fill every place and put everyone else on the waiting list."""
    occurrence = event.occurrences()[0]
    for number, (name, home) in enumerate(content["bookers"]):
        status = (
            BookingStatus.CONFIRMED
            if number < (event.capacity or 0)
            else BookingStatus.WAITING
        )
        Booking.objects.get_or_create(
            event=event,
            occurrence_date=occurrence.date,
            email=f"{name.split()[0].lower()}@{home.replace(' ', '').lower()}.example.org",
            defaults={
                "name": name,
                "care_home": home,
                "role": content["booker_role"],
                "consent": True,
                "status": status,
                "notified_start": occurrence.start,
            },
        )


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    home = HomePage.objects.first()
    if home is None:
        return
    content = content or read_content()
    index = section_page(home, EventIndexPage, content["index_page"], same_slug=False)
    today = timezone.localdate()
    existing = set(
        EventPage.objects.filter(
            slug__in=[spec["slug"] for spec in content["events"]]
        ).values_list("slug", flat=True)
    )
    for spec in content["events"]:
        if spec["slug"] not in existing:
            make_event(index, spec, today, content)
