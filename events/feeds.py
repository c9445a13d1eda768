"""iCalendar (RFC 5545) files and feeds, built with `icalendar`.

Each occurrence is its own VEVENT with a stable UID (`event-<id>-<yyyymmdd>@<domain>`),
so calendar apps update it in place; SEQUENCE goes up when an event's times change;
cancelled dates are sent with STATUS:CANCELLED; times carry TZID Europe/London with
its VTIMEZONE. Joining details for online events are never put in a feed.
"""

import datetime
import functools

from django.conf import settings
from django.utils import timezone

from wagtail.models import Site

from icalendar import Calendar, Event, Timezone

PRODID = "-//City Council Care Quality Team//Care Quality Portal//EN"


def uid_domain():
    """The domain in UIDs; set EVENTS_UID_DOMAIN to keep UIDs if the host changes."""
    configured = getattr(settings, "EVENTS_UID_DOMAIN", "")
    if configured:
        return configured
    site = Site.objects.filter(is_default_site=True).first()
    return site.hostname if site else "care-quality-portal"


def occurrence_uid(occurrence, domain):
    return f"event-{occurrence.event.pk}-{occurrence.date:%Y%m%d}@{domain}"


def location_text(event):
    parts = []
    if event.is_in_person:
        parts.append(
            ", ".join(
                line.strip()
                for line in [event.venue_name, *event.venue_address.splitlines()]
                if line.strip()
            )
        )
    if event.is_online:
        parts.append("Online (joining details are sent when you book)")
    return " or ".join(part for part in parts if part)


def occurrence_vevent(occurrence, domain, stamp, description_extra="", event_url=None):
    event = occurrence.event
    event_url = event_url or event.full_url
    vevent = Event()
    vevent.add("uid", occurrence_uid(occurrence, domain))
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", event.sequence)
    vevent.add("summary", event.title)
    if event.all_day:
        start_date = occurrence.local_start.date()
        end_date = occurrence.local_end.date() + datetime.timedelta(days=1)
        vevent.add("dtstart", start_date)
        vevent.add("dtend", max(end_date, start_date + datetime.timedelta(days=1)))
    else:
        vevent.add("dtstart", occurrence.local_start)
        vevent.add("dtend", occurrence.local_end)
    description = [event.summary]
    if occurrence.note:
        description.append(occurrence.note)
    if description_extra:
        description.append(description_extra)
    description.append(f"Details: {event_url}")
    vevent.add("description", "\n\n".join(description))
    location = location_text(event)
    if location:
        vevent.add("location", location)
    vevent.add("url", event_url)
    vevent.add("categories", [event.get_event_type_display()])
    vevent.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    return vevent


def build_calendar(occurrences, name, description_extra=""):
    """An iCalendar file (bytes) holding `occurrences`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", datetime.timedelta(hours=12))
    calendar.add("x-published-ttl", "PT12H")
    domain = uid_domain()
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    event_urls = {}
    for occurrence in occurrences:
        event = occurrence.event
        if event.pk not in event_urls:
            event_urls[event.pk] = event.full_url
        calendar.add_component(
            occurrence_vevent(
                occurrence, domain, stamp, description_extra, event_urls[event.pk]
            )
        )
    add_timezones(calendar)
    return serialize(calendar)


@functools.lru_cache(maxsize=8)
def timezone_component(tzid):
    """The VTIMEZONE for `tzid`; working out its transitions took a quarter of a
    feed's time, and they do not change while the server runs."""
    return Timezone.from_tzid(tzid)


def add_timezones(calendar):
    """calendar.add_missing_timezones(), from components built once per process."""
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        try:
            calendar.subcomponents.insert(position, timezone_component(tzid))
        except (
            ValueError
        ):  # a zone icalendar cannot describe (as add_missing_timezones)
            continue
        position += 1


def serialize(calendar):
    """calendar.to_ical(), writing short ASCII lines (nearly all) as they are.

    icalendar folds every line one character at a time, which took a third of a
    feed's time; lines that may need folding still go through it.
    """
    return b"".join(
        (line.encode() if len(line) < 75 and line.isascii() else line.to_ical())
        + b"\r\n"
        for line in calendar.content_lines()
        if line
    )
