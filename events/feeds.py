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

from icalendar import (
    Calendar,
    Timezone,
    vCategory,
    vDDDTypes,
    vInt,
    vText,
    vUri,
)
from icalendar.parser import Contentline

PRODID = "-//City Council Care Quality Team//Care Quality Portal//EN"
# Characters on a folded line before the line break (icalendar folds at 75 octets).
FOLD_LIMIT = 74


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


def occurrence_properties(occurrence, domain, stamp, description_extra, event_url):
    """[(NAME, value)] of one occurrence's VEVENT, in icalendar's own order."""
    event = occurrence.event
    if event.all_day:
        start = occurrence.local_start.date()
        end = occurrence.local_end.date() + datetime.timedelta(days=1)
        end = max(end, start + datetime.timedelta(days=1))
    else:
        start, end = occurrence.local_start, occurrence.local_end
    description = [event.summary]
    if occurrence.note:
        description.append(occurrence.note)
    if description_extra:
        description.append(description_extra)
    description.append(f"Details: {event_url}")
    location = location_text(event)
    properties = [
        ("SUMMARY", vText(event.title)),
        ("DTSTART", vDDDTypes(start)),
        ("DTEND", vDDDTypes(end)),
        ("DTSTAMP", vDDDTypes(stamp)),
        ("UID", vText(occurrence_uid(occurrence, domain))),
        ("SEQUENCE", vInt(event.sequence)),
        ("CATEGORIES", vCategory([event.get_event_type_display()])),
        ("DESCRIPTION", vText("\n\n".join(description))),
    ]
    if event.last_published_at:
        properties.append(("LAST-MODIFIED", vDDDTypes(event.last_published_at)))
    if location:
        properties.append(("LOCATION", vText(location)))
    properties.append(
        ("STATUS", vText("CANCELLED" if occurrence.is_cancelled else "CONFIRMED"))
    )
    properties.append(("URL", vUri(event_url)))
    return properties


def vevent_lines(properties):
    """The VEVENT's unfolded content lines, and the TZIDs its times refer to.

    Written here rather than through icalendar's Event: building and writing a
    component property by property took two thirds of a feed's time. Values
    are still encoded by icalendar's types, and tests compare the bytes with
    icalendar's own.
    """
    lines, tzids = ["BEGIN:VEVENT"], set()
    for name, value in properties:
        params = getattr(value, "params", None)
        if params and "TZID" in params:
            tzids.add(params["TZID"])
        params_text = f";{params.to_ical().decode()}" if params else ""
        lines.append(f"{name}{params_text}:{value.to_ical().decode()}")
    lines.append("END:VEVENT")
    return lines, tzids


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
    event_urls, event_lines, tzids = {}, [], set()
    for occurrence in occurrences:
        event = occurrence.event
        if event.pk not in event_urls:
            event_urls[event.pk] = event.full_url
        lines, used = vevent_lines(
            occurrence_properties(
                occurrence, domain, stamp, description_extra, event_urls[event.pk]
            )
        )
        event_lines.extend(lines)
        tzids |= used
    add_timezones(calendar, tzids)
    head = serialize(calendar.content_lines()[:-2])  # all but END:VCALENDAR
    return head + serialize(event_lines) + b"END:VCALENDAR\r\n"


@functools.lru_cache(maxsize=8)
def timezone_component(tzid):
    """The VTIMEZONE for `tzid`; working out its transitions took a quarter of a
    feed's time, and they do not change while the server runs."""
    return Timezone.from_tzid(tzid)


def add_timezones(calendar, tzids):
    """A VTIMEZONE for each of `tzids`, from components built once per process
    (as calendar.add_missing_timezones() would add them)."""
    position = len(calendar.timezones)
    for tzid in sorted(tzids):
        try:
            calendar.subcomponents.insert(position, timezone_component(tzid))
        except (
            ValueError
        ):  # a zone icalendar cannot describe (as add_missing_timezones)
            continue
        position += 1


def serialize(lines):
    """Content lines as iCalendar bytes, each folded as icalendar folds it."""
    return b"".join(
        (fold_ascii(line) if line.isascii() else Contentline(line).to_ical()) + b"\r\n"
        for line in lines
        if line
    )


def fold_ascii(line):
    """icalendar's folding of an ASCII line, without its loop over every
    character (which took a third of a feed's time): 74 characters a line, and
    a backslash or caret never left at the end of one (it may start an escape).
    """
    parts, start = [], 0
    while len(line) - start > FOLD_LIMIT:
        end = start + FOLD_LIMIT
        if line[end - 1] in "\\^" and end - start > 1:
            end -= 1
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return "\r\n ".join(parts).encode()
