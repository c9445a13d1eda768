import io

from django.core.management import call_command
from django.urls import reverse

import pytest

from events.choices import BookingStatus
from portal.models import QueuedEmail
from tests.factories.events import BookingFactory, EventPageFactory, days_ahead

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_events_booking:list"


def test_editors_cannot_see_bookings(client, editor, events_index):
    BookingFactory(event=EventPageFactory(parent=events_index), name="Private Person")
    client.force_login(editor)
    response = client.get(reverse(LIST_URL))
    assert response.status_code in (302, 403)
    assert "Private Person" not in response.content.decode()


def test_moderators_see_attendee_lists_and_filter_by_event(
    client, moderator, events_index
):
    first = EventPageFactory(parent=events_index, title="First event")
    second = EventPageFactory(parent=events_index, title="Second event")
    BookingFactory(event=first, name="Alice Attendee")
    BookingFactory(event=second, name="Bob Booker")
    client.force_login(moderator)
    html = client.get(reverse(LIST_URL), {"event": first.pk}).content.decode()
    assert "Alice Attendee" in html and "Bob Booker" not in html


def test_csv_export(client, admin_user, events_index):
    event = EventPageFactory(parent=events_index, title="Exported event")
    BookingFactory(event=event, name="Alice Attendee", email="alice@home.example.org")
    BookingFactory(event=event, name="Wendy Waiting", status=BookingStatus.WAITING)
    client.force_login(admin_user)
    response = client.get(
        reverse(LIST_URL), {"export": "csv", "status": BookingStatus.CONFIRMED}
    )
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "alice@home.example.org" in content
    assert "Wendy Waiting" not in content
    assert content.splitlines()[0].startswith("Event,Date,Status,Name,Work email")


def test_marking_attendance(client, moderator, events_index):
    booking = BookingFactory(event=EventPageFactory(parent=events_index))
    client.force_login(moderator)
    url = reverse("wagtailsnippets_events_booking:edit", args=[booking.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"attended": "true", "name": "Changed"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.attended is True
    assert booking.name != "Changed"


def test_reminder_command_is_idempotent(events_index):
    booking = BookingFactory(
        event=EventPageFactory(parent=events_index, start=days_ahead(1, 9))
    )
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    call_command("send_event_reminders", stdout=out)
    assert "Queued 1 reminder." in out.getvalue()
    assert "Queued 0 reminders." in out.getvalue()
    assert QueuedEmail.objects.filter(to=[booking.email]).count() == 1


def test_publishing_more_places_promotes_waiting_people(events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    BookingFactory(event=event)
    waiting = BookingFactory(event=event, status=BookingStatus.WAITING)
    event.capacity = 2
    event.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED


def test_csv_export_neutralises_formulas(client, admin_user, events_index):
    BookingFactory(event=EventPageFactory(parent=events_index), name='=HYPERLINK("x")')
    client.force_login(admin_user)
    response = client.get(reverse(LIST_URL), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content


def test_old_bookings_command(events_index):
    BookingFactory(event=EventPageFactory(parent=events_index, start=days_ahead(-400)))
    out = io.StringIO()
    call_command("delete_old_event_bookings", stdout=out)
    assert "Deleted 1 old booking." in out.getvalue()


def test_editors_can_draft_an_event_in_the_admin(client, editor, events_index):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from events.models import EventPage

    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=["events", "eventpage", events_index.pk]
    )
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Hydration workshop",
            "slug": "hydration-workshop",
            "summary": "Drinks rounds that work.",
            "description": rich_text("<p>Practical ideas.</p>"),
            "event_type": "training",
            "start": "2031-03-04 10:00",
            "end": "2031-03-04 12:00",
            "recurrence": "",
            "attendance_mode": "in-person",
            "organiser": "Care Quality Team",
            "cost": "Free",
            "booking_method": "here",
            "capacity": "12",
            "exceptions": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="hydration-workshop")
    assert not event.live
    assert event.capacity == 12


def test_the_admin_rejects_a_series_without_an_end(client, editor, events_index):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=["events", "eventpage", events_index.pk]
    )
    data = nested_form_data(
        {
            "title": "Endless",
            "slug": "endless",
            "summary": "No end.",
            "description": rich_text("<p>x</p>"),
            "event_type": "training",
            "start": "2031-03-04 10:00",
            "end": "2031-03-04 09:00",
            "recurrence": "weekly",
            "attendance_mode": "in-person",
            "organiser": "Care Quality Team",
            "cost": "Free",
            "booking_method": "external",
            "exceptions": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The end must be after the start." in html
    assert "Say when the series ends." in html
    assert "Give the link to the booking page." in html


def test_bulk_marking_attendance(client, moderator, editor, events_index):
    event = EventPageFactory(parent=events_index)
    bookings = [BookingFactory(event=event) for _ in range(3)]
    url = (
        reverse("wagtail_bulk_action", args=("events", "booking", "mark_attended"))
        + "?"
        + "&".join(f"id={booking.pk}" for booking in bookings[:2])
    )
    client.force_login(editor)
    client.post(url)
    assert not event.bookings.filter(attended=True).exists()
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert set(event.bookings.filter(attended=True)) == set(bookings[:2])


def test_nobody_adds_a_booking_in_the_admin_not_even_a_superuser(
    client, admin_user, events_index
):
    """Places come only from the booking rules; the add form used to end in a
    server error for superusers (it has nothing to fill in but attendance)."""
    from events.models import Booking

    event = EventPageFactory(parent=events_index, capacity=1)
    booking = BookingFactory(event=event, name="Alice Attendee")
    client.force_login(admin_user)
    add_url = reverse("wagtailsnippets_events_booking:add")

    assert client.get(add_url).status_code == 302
    assert client.post(add_url, {"attended": "on"}).status_code == 302
    assert Booking.objects.count() == 1
    assert add_url not in client.get(reverse(LIST_URL)).content.decode()

    edit_url = reverse("wagtailsnippets_events_booking:edit", args=[booking.pk])
    assert client.post(edit_url, {"attended": "true"}).status_code == 302
    booking.refresh_from_db()
    assert booking.attended is True
