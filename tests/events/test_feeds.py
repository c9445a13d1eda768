"""The iCalendar files and feeds, parsed with `icalendar` as a calendar app would."""

import datetime

import pytest
from icalendar import Calendar

from tests.factories import password_protected, signed_in_only
from tests.factories.events import EventExceptionFactory, EventPageFactory, london

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return calendar


def vevents(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def series(events_index):
    start = datetime.date.today() + datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=events_index,
        title="Registered Managers Network",
        event_type="network-meeting",
        start=london(start.year, start.month, start.day, 19),
        end=london(start.year, start.month, start.day, 21),
        recurrence="weekly",
        recurs_until=start + datetime.timedelta(days=21),
        topics=["Leadership"],
    )
    EventExceptionFactory(event=event, original_date=start + datetime.timedelta(days=7))
    return type(event).objects.get(pk=event.pk)


def test_feed_has_every_occurrence_with_stable_uids_and_timezone(
    client, events_index, series
):
    calendar = parse(client.get(events_index.url + "feed/"))
    events = vevents(calendar)
    first = series.occurrences()[0]
    assert len(events) == 4
    uid = f"event-{series.pk}-{first.date:%Y%m%d}@localhost"
    assert uid in events
    vevent = events[uid]
    assert str(vevent["SUMMARY"]) == "Registered Managers Network"
    start = vevent.decoded("DTSTART")
    assert start.hour == 19
    assert str(start.tzinfo) == "Europe/London"
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert vevent.decoded("SEQUENCE") == 0
    statuses = sorted(str(event["STATUS"]) for event in events.values())
    assert statuses == ["CANCELLED", "CONFIRMED", "CONFIRMED", "CONFIRMED"]
    # Fetching again gives the same UIDs.
    again = vevents(parse(client.get(events_index.url + "feed/")))
    assert set(again) == set(events)


def test_sequence_increases_when_times_change(client, events_index, series):
    uid = f"event-{series.pk}-{series.occurrences()[0].date:%Y%m%d}@localhost"
    series.start += datetime.timedelta(minutes=30)
    series.end += datetime.timedelta(minutes=30)
    series.save_revision().publish()
    vevent = vevents(parse(client.get(events_index.url + "feed/")))[uid]
    assert vevent.decoded("SEQUENCE") == 1
    assert vevent.decoded("DTSTART").minute == 30


def test_feeds_by_type_and_topic(client, events_index, series):
    other = EventPageFactory(
        parent=events_index, title="Winter forum", event_type="forum"
    )
    by_type = vevents(parse(client.get(events_index.url + "feed/type/forum/")))
    assert [str(event["SUMMARY"]) for event in by_type.values()] == ["Winter forum"]
    by_topic = vevents(parse(client.get(events_index.url + "feed/topic/leadership/")))
    assert {str(event["SUMMARY"]) for event in by_topic.values()} == {
        "Registered Managers Network"
    }
    assert client.get(events_index.url + "feed/type/nonsense/").status_code == 404
    assert client.get(events_index.url + "feed/topic/nonsense/").status_code == 404
    assert other.title


def test_no_unpublished_or_private_events_in_feeds(client, events_index):
    EventPageFactory(parent=events_index, title="Draft event", live=False)
    password_protected(EventPageFactory(parent=events_index, title="Private event"))
    EventPageFactory(parent=events_index, title="Public event")
    summaries = [
        str(event["SUMMARY"])
        for event in parse(client.get(events_index.url + "feed/")).walk("VEVENT")
    ]
    assert summaries == ["Public event"]


def test_add_to_calendar_for_an_event_and_one_date(client, series):
    whole = parse(client.get(series.url + "ics/"))
    assert len(whole.walk("VEVENT")) == 4
    date = series.occurrences()[2].date
    one = parse(client.get(series.url + f"ics/{date.isoformat()}/"))
    (vevent,) = one.walk("VEVENT")
    assert vevent.decoded("DTSTART").date() == date
    assert client.get(series.url + "ics/2001-01-01/").status_code == 404
    assert client.get(series.url + "ics/not-a-date/").status_code == 404
    response = client.get(series.url + "ics/")
    assert response["Content-Disposition"].endswith('.ics"')


def test_all_day_events_use_dates(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        all_day=True,
        start=london(2031, 6, 12),
        end=london(2031, 6, 12, 23, 59),
    )
    (vevent,) = parse(client.get(event.url + "ics/")).walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.date(2031, 6, 12)
    assert vevent.decoded("DTEND") == datetime.date(2031, 6, 13)


def test_restricted_event_files_are_not_publicly_cached(
    client, events_index, admin_user
):
    event = EventPageFactory(parent=events_index)
    assert client.get(event.url + "ics/")["Cache-Control"].startswith("public")
    signed_in_only(event)
    client.force_login(admin_user)
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")


def reference_calendar(occurrences, name, stamp, domain):
    """The calendar as icalendar's own Event and Calendar API writes it: what
    events.feeds wrote before it wrote VEVENT lines itself."""
    from django.conf import settings

    from icalendar import Event

    from events.feeds import PRODID, location_text, occurrence_uid

    calendar = Calendar()
    for prop, value in [
        ("prodid", PRODID),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("method", "PUBLISH"),
        ("x-wr-calname", name),
        ("x-wr-timezone", settings.TIME_ZONE),
        ("refresh-interval", datetime.timedelta(hours=12)),
        ("x-published-ttl", "PT12H"),
    ]:
        calendar.add(prop, value)
    for occurrence in occurrences:
        event = occurrence.event
        vevent = Event()
        vevent.add("uid", occurrence_uid(occurrence, domain))
        vevent.add("dtstamp", stamp)
        vevent.add("sequence", event.sequence)
        vevent.add("summary", event.title)
        if event.all_day:
            start = occurrence.local_start.date()
            end = occurrence.local_end.date() + datetime.timedelta(days=1)
            vevent.add("dtstart", start)
            vevent.add("dtend", max(end, start + datetime.timedelta(days=1)))
        else:
            vevent.add("dtstart", occurrence.local_start)
            vevent.add("dtend", occurrence.local_end)
        description = [event.summary]
        if occurrence.note:
            description.append(occurrence.note)
        description.append(f"Details: {event.full_url}")
        vevent.add("description", "\n\n".join(description))
        if location_text(event):
            vevent.add("location", location_text(event))
        vevent.add("url", event.full_url)
        vevent.add("categories", [event.get_event_type_display()])
        vevent.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
        if event.last_published_at:
            vevent.add("last-modified", event.last_published_at)
        calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def test_feeds_are_byte_for_byte_what_icalendar_writes(events_index, series):
    """events.feeds writes VEVENT lines and folds ASCII lines itself, for speed;
    long, escaped, non-ASCII, all-day and cancelled entries must still come out
    exactly as icalendar writes them."""
    from unittest import mock

    from events.feeds import build_calendar, uid_domain
    from events.services import occurrences_between, published_events

    EventPageFactory(
        parent=events_index,
        title="x" * 65 + ", a comma escaped at the fold",  # its backslash is 74th
        summary="Café and résidents' lounge: a long description " * 4,
        venue_name="Salle Émile",
        start=london(2027, 3, 28, 0, 30),  # the night the clocks change
        end=london(2027, 3, 28, 3, 0),
    )
    EventPageFactory(
        parent=events_index,
        title="Awards ceremony",
        all_day=True,
        start=london(2027, 6, 1),
        end=london(2027, 6, 2),
    )
    occurrences = occurrences_between(published_events())
    stamp = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=stamp):
        ours = build_calendar(occurrences, "Care Quality Team events")
    expected = reference_calendar(
        occurrences, "Care Quality Team events", stamp, uid_domain()
    )
    assert ours == expected
    assert b"CANCELLED" in ours and b"VALUE=DATE" in ours and b"\r\n " in ours
