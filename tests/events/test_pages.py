import datetime
import json
import re

import pytest

from events import services
from events.choices import BookingStatus
from events.models import Booking
from portal.models import QueuedEmail
from tests.factories import signed_in_only
from tests.factories.events import (
    BookingFactory,
    EventExceptionFactory,
    EventPageFactory,
    days_ahead,
    london,
)
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db


def booking_data(occurrence_date, **overrides):
    return {
        "booking-occurrence": occurrence_date.isoformat(),
        "booking-name": "Amina Shah",
        "booking-email": "amina@oaklodge.example.org",
        "booking-care_home": "Oak Lodge",
        "booking-role": "Deputy manager",
        "booking-accessibility_needs": "",
        "booking-consent": "on",
        "booking-website": "",
        **overrides,
    }


def test_index_lists_upcoming_first_and_past_separately(client, events_index):
    later = EventPageFactory(parent=events_index, title="Later", start=days_ahead(20))
    sooner = EventPageFactory(parent=events_index, title="Sooner", start=days_ahead(2))
    gone = EventPageFactory(parent=events_index, title="Gone", start=days_ahead(-5))
    EventPageFactory(parent=events_index, title="Draft", live=False)
    html = client.get(events_index.url).content.decode()
    assert html.index("Sooner") < html.index("Later")
    assert "Gone" not in html and "Draft" not in html
    past = client.get(events_index.url + "past/").content.decode()
    assert gone.title in past and sooner.title not in past
    assert later.url in client.get(events_index.url).content.decode()


def test_filters_use_allow_lists_and_mark_noindex(client, events_index):
    EventPageFactory(
        parent=events_index,
        title="Forum on wards",
        event_type="forum",
        topics=["Winter"],
    )
    EventPageFactory(
        parent=events_index,
        title="Online briefing",
        event_type="briefing",
        attendance_mode="online",
        suits_residential=False,
    )
    response = client.get(events_index.url, {"type": "forum"})
    html = response.content.decode()
    assert "Forum on wards" in html and "Online briefing" not in html
    assert 'name="robots" content="noindex' in html
    html = client.get(events_index.url, {"mode": "online"}).content.decode()
    assert "Online briefing" in html and "Forum on wards" not in html
    html = client.get(events_index.url, {"topic": "winter"}).content.decode()
    assert "Forum on wards" in html and "Online briefing" not in html
    html = client.get(events_index.url, {"home_type": "residential"}).content.decode()
    assert "Forum on wards" in html and "Online briefing" not in html
    # Unknown values are ignored, never an error.
    for params in (
        {"type": "<script>"},
        {"topic": "x" * 500},
        {"page": "999"},
        {"page": "abc"},
        {"mode": ["online", "nonsense"]},
    ):
        assert client.get(events_index.url, params).status_code == 200


def test_pagination(client, events_index):
    for number in range(12):
        EventPageFactory(
            parent=events_index,
            title=f"Session {number:02}",
            start=days_ahead(number + 1),
        )
    first = client.get(events_index.url).content.decode()
    second = client.get(events_index.url, {"page": 2}).content.decode()
    assert "Session 00" in first and "Session 11" not in first
    assert "Session 11" in second


def test_month_calendar(client, events_index):
    EventPageFactory(
        parent=events_index, title="July forum", start=london(2030, 7, 9, 14)
    )
    html = client.get(events_index.url + "calendar/2030/7/").content.decode()
    assert "Events in July 2030" in html
    assert html.count("July forum") == 2  # grid and list versions
    assert "June 2030" in html and "August 2030" in html
    assert client.get(events_index.url + "calendar/").status_code == 200
    assert client.get(events_index.url + "calendar/2030/13/").status_code == 404
    assert client.get(events_index.url + "calendar/1900/1/").status_code == 404


def test_event_page_shows_dates_and_json_ld(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        title="Falls prevention",
        start=london(2031, 3, 4, 19),
        end=london(2031, 3, 4, 21),
        recurrence="monthly-weekday",
        recurs_until=datetime.date(2031, 6, 30),
        capacity=20,
    )
    EventExceptionFactory(event=event, original_date=datetime.date(2031, 4, 1))
    html = client.get(event.url).content.decode()
    assert "Tuesday 4 March 2031, 7pm to 9pm" in html
    assert "Cancelled" in html
    assert "20 places left" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data[0]["@type"] == "Event"
    assert data[0]["startDate"] == "2031-03-04T19:00:00+00:00"
    assert data[1]["eventStatus"] == "https://schema.org/EventCancelled"
    assert data[0]["location"]["@type"] == "Place"


def test_joining_details_are_only_for_people_who_booked(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        attendance_mode="online",
        joining_details="https://meet.example.org/secret-room passcode 4321",
    )
    assert "secret-room" not in client.get(event.url).content.decode()
    assert "secret-room" not in client.get(event.url + "ics/").content.decode()
    booking = BookingFactory(event=event)
    token = services.booking_token(booking)
    html = client.get(event.url + f"booking/{token}/").content.decode()
    assert "secret-room" in html
    waiting = BookingFactory(event=event, status=BookingStatus.WAITING)
    html = client.get(
        event.url + f"booking/{services.booking_token(waiting)}/"
    ).content.decode()
    assert "secret-room" not in html


def test_booking_through_the_form(client, events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    date = event.occurrences()[0].date
    response = client.post(event.url + "book/", booking_data(date))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.CONFIRMED
    assert response["Location"].endswith(f"/booking/{services.booking_token(booking)}/")
    page = client.get(response["Location"])
    assert "Your place is confirmed" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    email = QueuedEmail.objects.get(to=["amina@oaklodge.example.org"])
    assert services.booking_token(booking) in email.body
    # The next person joins the waiting list.
    client.post(event.url + "book/", booking_data(date, **{"booking-email": "b@x.org"}))
    assert Booking.objects.get(email="b@x.org").status == BookingStatus.WAITING


def test_booking_form_errors_keep_what_was_typed(client, events_index):
    event = EventPageFactory(parent=events_index)
    date = event.occurrences()[0].date
    response = client.post(
        event.url + "book/",
        booking_data(date, **{"booking-email": "not-an-email", "booking-consent": ""}),
    )
    assert_shows(
        page_html(response, status=400),
        "There is a problem",
        'href="#id_booking-email"',
        'value="Amina Shah"',
        "Tick the box to agree",
    )
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"booking-occurrence": "2001-01-01"},
        {"booking-occurrence": "nonsense"},
        {"booking-name": "x" * 5000},
        {"booking-name": "nul\x00byte"},
        {"booking-email": "a@" + "b" * 300 + ".org"},
        {"booking-care_home": ""},
    ],
)
def test_bad_booking_input_never_fails(client, events_index, overrides):
    event = EventPageFactory(parent=events_index)
    date = event.occurrences()[0].date
    response = client.post(event.url + "book/", booking_data(date, **overrides))
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_booking_the_same_email_twice_shows_an_error(client, events_index):
    event = EventPageFactory(parent=events_index)
    date = event.occurrences()[0].date
    client.post(event.url + "book/", booking_data(date))
    response = client.post(event.url + "book/", booking_data(date))
    assert response.status_code == 400
    assert "already has a booking" in response.content.decode()


def test_honeypot_and_rate_limit(client, events_index):
    event = EventPageFactory(parent=events_index, capacity=100)
    date = event.occurrences()[0].date
    response = client.post(
        event.url + "book/", booking_data(date, **{"booking-website": "spam"})
    )
    assert response.status_code == 302
    assert not Booking.objects.exists()
    for number in range(10):
        client.post(
            event.url + "book/",
            booking_data(date, **{"booking-email": f"p{number}@x.org"}),
        )
    response = client.post(
        event.url + "book/", booking_data(date, **{"booking-email": "late@x.org"})
    )
    assert response.status_code == 429
    assert Booking.objects.count() == 10


def test_closed_bookings_say_so(client, events_index):
    event = EventPageFactory(parent=events_index, bookings_close_at=days_ahead(-1))
    html = client.get(event.url).content.decode()
    assert "Bookings have closed" in html
    date = event.occurrences()[0].date
    response = client.post(event.url + "book/", booking_data(date))
    assert response.status_code == 400
    assert "closed" in response.content.decode()
    open_event = EventPageFactory(
        parent=events_index, bookings_close_at=days_ahead(3, 17)
    )
    assert "Bookings close at" in client.get(open_event.url).content.decode()


def test_get_on_book_redirects(client, events_index):
    event = EventPageFactory(parent=events_index)
    response = client.get(event.url + "book/")
    assert response.status_code == 302


def test_cancelling_through_the_signed_link_promotes_the_next(client, events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    first = BookingFactory(event=event)
    waiting = BookingFactory(event=event, status=BookingStatus.WAITING)
    url = event.url + f"booking/{services.booking_token(first)}/"
    response = client.post(url, {"website": ""})
    assert response.status_code == 302
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == BookingStatus.CANCELLED
    assert waiting.status == BookingStatus.CONFIRMED
    assert "This booking is cancelled" in client.get(url).content.decode()
    # Posting again is harmless.
    assert client.post(url, {"website": ""}).status_code == 400


def test_bad_tokens_are_not_found(client, events_index):
    event = EventPageFactory(parent=events_index)
    for token in ("abc", "x" * 300, "a:b:c"):
        response = client.get(event.url + f"booking/{token}/")
        assert response.status_code == 404
        assert client.post(event.url + f"booking/{token}/").status_code == 404


def test_private_and_draft_events_are_hidden(client, events_index):
    private = signed_in_only(
        EventPageFactory(parent=events_index, title="Private meeting")
    )
    html = client.get(events_index.url).content.decode()
    assert "Private meeting" not in html
    assert client.get(private.url + "ics/").status_code == 302


def test_tampered_hidden_date_is_reported_without_a_broken_link(client, events_index):
    event = EventPageFactory(parent=events_index)
    date = event.occurrences()[0].date
    response = client.post(
        event.url + "book/",
        booking_data(date, **{"booking-occurrence": "1999-01-01"}),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose one of the dates shown" in html
    assert 'href="#id_booking-occurrence"' not in html


def test_event_page_queries_do_not_grow_with_dates(
    client, events_index, django_assert_max_num_queries
):
    event = EventPageFactory(
        parent=events_index,
        start=days_ahead(3, 19),
        recurrence="weekly",
        recurs_until=datetime.date.today() + datetime.timedelta(days=200),
        capacity=5,
    )
    BookingFactory(event=event)
    client.get(event.url)
    with django_assert_max_num_queries(25):
        html = client.get(event.url).content.decode()
    assert "4 places left" in html and "5 places left" in html
