import datetime

from django.utils import timezone

import pytest

from events import services
from events.choices import BookingStatus
from events.models import Booking, EventException
from portal.models import QueuedEmail
from tests.factories.events import (
    BookingFactory,
    EventExceptionFactory,
    EventPageFactory,
    days_ahead,
    london,
)

pytestmark = pytest.mark.django_db


def book(event, email, date=None, **kwargs):
    return services.book_place(
        event,
        date or event.occurrences()[0].date,
        name="Jo Bloggs",
        email=email,
        care_home="Oak Lodge",
        role="Registered manager",
        **kwargs,
    )


def first_tuesday_evenings(events_index, until):
    """A series on the first Tuesday of each month, 7 to 9pm, from September 2026."""
    return EventPageFactory(
        parent=events_index,
        start=london(2026, 9, 1, 19),
        end=london(2026, 9, 1, 21),
        recurrence="monthly-weekday",
        recurs_until=until,
    )


def test_monthly_weekday_series_keeps_local_time_across_clock_changes(events_index):
    # Through the October clock change.
    event = first_tuesday_evenings(events_index, until=datetime.date(2027, 4, 30))
    occurrences = event.occurrences()
    assert [occ.date for occ in occurrences] == [
        datetime.date(2026, 9, 1),
        datetime.date(2026, 10, 6),
        datetime.date(2026, 11, 3),
        datetime.date(2026, 12, 1),
        datetime.date(2027, 1, 5),
        datetime.date(2027, 2, 2),
        datetime.date(2027, 3, 2),
        datetime.date(2027, 4, 6),
    ]
    for occurrence in occurrences:
        assert occurrence.local_start.hour == 19
        assert occurrence.local_end.hour == 21
    # 7pm BST is 18:00 UTC; 7pm GMT is 19:00 UTC.
    assert occurrences[0].start.astimezone(datetime.UTC).hour == 18
    assert occurrences[2].start.astimezone(datetime.UTC).hour == 19


def test_cancelled_and_moved_dates(events_index):
    event = first_tuesday_evenings(events_index, until=datetime.date(2026, 12, 31))
    EventExceptionFactory(event=event, original_date=datetime.date(2026, 10, 6))
    EventExceptionFactory(
        event=event,
        original_date=datetime.date(2026, 11, 3),
        status="rescheduled",
        new_start=london(2026, 11, 10, 18),
        note="Moved a week later",
    )
    event = type(event).objects.get(pk=event.pk)
    by_date = {occ.date: occ for occ in event.occurrences()}
    assert by_date[datetime.date(2026, 10, 6)].is_cancelled
    moved = by_date[datetime.date(2026, 11, 3)]
    assert moved.is_rescheduled
    assert moved.local_start == london(2026, 11, 10, 18)
    assert moved.local_end == london(2026, 11, 10, 20)


def test_booking_confirms_until_full_then_waiting_list(events_index):
    event = EventPageFactory(parent=events_index, capacity=2)
    first = book(event, "a@home.example.org")
    second = book(event, "b@home.example.org")
    third = book(event, "c@home.example.org")
    assert [first.status, second.status, third.status] == [
        BookingStatus.CONFIRMED,
        BookingStatus.CONFIRMED,
        BookingStatus.WAITING,
    ]
    confirmation = QueuedEmail.objects.filter(to=["a@home.example.org"]).get()
    assert confirmation.subject.startswith("Booking confirmed")
    assert confirmation.attachments[0]["mimetype"] == "text/calendar"
    assert "BEGIN:VCALENDAR" in confirmation.attachments[0]["content"]
    waiting = QueuedEmail.objects.filter(to=["c@home.example.org"]).get()
    assert "waiting list" in waiting.subject


def test_same_email_cannot_book_twice(events_index):
    event = EventPageFactory(parent=events_index)
    book(event, "a@home.example.org")
    with pytest.raises(services.AlreadyBooked):
        book(event, "A@Home.example.org")


def test_bookings_close_at_the_closing_time_or_the_start(events_index):
    event = EventPageFactory(
        parent=events_index, bookings_close_at=days_ahead(5, 17), capacity=10
    )
    book(event, "early@home.example.org", now=days_ahead(5, 16))
    with pytest.raises(services.BookingClosed):
        book(event, "late@home.example.org", now=days_ahead(5, 17))
    open_event = EventPageFactory(parent=events_index)
    with pytest.raises(services.BookingClosed):
        book(open_event, "x@home.example.org", now=open_event.start)
    book(
        open_event,
        "y@home.example.org",
        now=open_event.start - datetime.timedelta(minutes=1),
    )


def test_cancelled_date_and_unknown_date_cannot_be_booked(events_index):
    event = EventPageFactory(parent=events_index)
    date = event.occurrences()[0].date
    with pytest.raises(services.OccurrenceNotFound):
        book(event, "a@home.example.org", date=date + datetime.timedelta(days=1))
    EventExceptionFactory(event=event, original_date=date)
    event = type(event).objects.get(pk=event.pk)
    with pytest.raises(services.BookingClosed):
        book(event, "a@home.example.org")


def test_external_booking_events_do_not_take_bookings(events_index):
    event = EventPageFactory(
        parent=events_index, booking_method="external", booking_url="https://x.org"
    )
    with pytest.raises(services.BookingClosed):
        book(event, "a@home.example.org")


def test_cancelling_promotes_the_first_on_the_waiting_list(events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    confirmed = book(event, "a@home.example.org")
    first_waiting = book(event, "b@home.example.org")
    second_waiting = book(event, "c@home.example.org")
    booking, promoted = services.cancel_booking(confirmed)
    assert booking.status == BookingStatus.CANCELLED
    assert promoted == [first_waiting]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == BookingStatus.CONFIRMED
    assert first_waiting.promoted_at is not None
    assert second_waiting.status == BookingStatus.WAITING
    assert QueuedEmail.objects.filter(
        to=["b@home.example.org"], subject__startswith="You have a place"
    ).exists()
    assert QueuedEmail.objects.filter(
        to=["a@home.example.org"], subject__startswith="Booking cancelled"
    ).exists()
    # Cancelling again changes nothing and promotes nobody else.
    assert services.cancel_booking(confirmed)[1] == []
    second_waiting.refresh_from_db()
    assert second_waiting.status == BookingStatus.WAITING


def test_cancelling_a_waiting_place_promotes_nobody(events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    book(event, "a@home.example.org")
    waiting = book(event, "b@home.example.org")
    third = book(event, "c@home.example.org")
    assert services.cancel_booking(waiting)[1] == []
    third.refresh_from_db()
    assert third.status == BookingStatus.WAITING


def test_no_promotion_after_the_event_has_started(events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    confirmed = book(event, "a@home.example.org")
    waiting = book(event, "b@home.example.org")
    services.cancel_booking(confirmed, now=event.start + datetime.timedelta(minutes=5))
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.WAITING


def test_adding_places_fills_them_from_the_waiting_list(events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    book(event, "a@home.example.org")
    waiting = [book(event, f"w{n}@home.example.org") for n in range(3)]
    event.capacity = 3
    event.save()
    promoted = services.fill_all_free_places(event)
    assert promoted == waiting[:2]


def test_signed_tokens(events_index):
    event = EventPageFactory(parent=events_index)
    other = EventPageFactory(parent=events_index)
    booking = BookingFactory(event=event)
    token = services.booking_token(booking)
    assert services.booking_from_token(event, token) == booking
    assert services.booking_from_token(other, token) is None
    assert services.booking_from_token(event, token + "x") is None
    assert services.booking_from_token(event, "not-a-token") is None
    assert services.booking_from_token(event, "a" * 32 + "-") is None
    forged = booking.reference.hex + "-" + token.partition("-")[2][::-1]
    assert services.booking_from_token(event, forged) is None
    assert services.manage_booking_url(booking).endswith(f"/booking/{token}/")


def test_reminders_are_sent_once_the_day_before(events_index):
    tomorrow_event = EventPageFactory(parent=events_index, start=days_ahead(1, 10))
    later_event = EventPageFactory(parent=events_index, start=days_ahead(3, 10))
    due = BookingFactory(event=tomorrow_event)
    BookingFactory(event=tomorrow_event, status=BookingStatus.WAITING)
    BookingFactory(event=tomorrow_event, status=BookingStatus.CANCELLED)
    BookingFactory(event=later_event)
    assert services.send_reminders() == 1
    assert services.send_reminders() == 0
    due.refresh_from_db()
    assert due.reminder_sent_at is not None
    reminder = QueuedEmail.objects.get(subject__startswith="Reminder")
    assert reminder.to == [due.email]


def test_upcoming_occurrences_for_the_home_page(events_index):
    soon = EventPageFactory(parent=events_index, start=days_ahead(2))
    later = EventPageFactory(parent=events_index, start=days_ahead(9))
    EventPageFactory(parent=events_index, start=days_ahead(-9))
    EventPageFactory(parent=events_index, start=days_ahead(3), live=False)
    found = services.upcoming_occurrences(limit=5)
    assert [occ.title for occ in found] == [soon.title, later.title]
    assert found[0].url == soon.url
    assert found[0].start == soon.start
    assert services.upcoming_occurrences(limit=1)[0].title == soon.title


def test_sequence_goes_up_when_the_times_change(events_index):
    event = EventPageFactory(parent=events_index)
    assert event.sequence == 0
    event.summary = "New words only"
    event.save()
    assert event.sequence == 0
    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    revision = event.save_revision()
    revision.publish()
    event.refresh_from_db()
    assert event.sequence == 1


def test_timezone_of_stored_times_is_kept(events_index):
    event = EventPageFactory(parent=events_index, start=london(2026, 7, 1, 9))
    event.refresh_from_db()
    assert timezone.localtime(event.start).hour == 9
    assert Booking.objects.count() == 0


def test_old_bookings_are_deleted_after_a_year(events_index):
    event = EventPageFactory(parent=events_index, start=days_ahead(-400))
    recent = EventPageFactory(parent=events_index, start=days_ahead(-30))
    BookingFactory(event=event)
    kept = BookingFactory(event=recent)
    assert services.delete_old_bookings() == 1
    assert list(Booking.objects.all()) == [kept]


def test_cancelling_a_date_cancels_its_bookings_and_tells_people(events_index):
    event = EventPageFactory(parent=events_index, capacity=1)
    confirmed = BookingFactory(event=event)
    waiting = BookingFactory(event=event, status=BookingStatus.WAITING)
    event.exceptions.add(
        EventException(original_date=confirmed.occurrence_date, note="Snow")
    )
    event.save_revision().publish()
    for booking in (confirmed, waiting):
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED
        email = QueuedEmail.objects.get(to=[booking.email])
        assert email.subject.startswith("Cancelled")
        assert "Snow" in email.body
    # Publishing again sends nothing more.
    event.save_revision().publish()
    assert QueuedEmail.objects.count() == 2


def test_a_changed_date_must_be_a_date_of_the_event(events_index):
    from django.core.exceptions import ValidationError

    event = EventPageFactory(parent=events_index, start=london(2031, 3, 4, 10))
    wrong = EventException(event=event, original_date=datetime.date(2031, 3, 5))
    with pytest.raises(ValidationError):
        wrong.full_clean()
    EventException(event=event, original_date=datetime.date(2031, 3, 4)).full_clean()


def test_moving_a_date_tells_the_people_booked_once(events_index):
    event = EventPageFactory(parent=events_index, start=london(2031, 3, 4, 10))
    booking = BookingFactory(event=event)
    cancelled = BookingFactory(event=event, status=BookingStatus.CANCELLED)
    new_start = london(2031, 3, 11, 14)
    event.exceptions.add(
        EventException(
            original_date=datetime.date(2031, 3, 4),
            status="rescheduled",
            new_start=new_start,
        )
    )
    event.save_revision().publish()
    event.save_revision().publish()
    (email,) = QueuedEmail.objects.filter(subject__startswith="New time")
    assert email.to == [booking.email]
    assert "Tuesday 11 March 2031" in email.body
    assert "SEQUENCE:1" in email.attachments[0]["content"]
    booking.refresh_from_db()
    assert booking.notified_start == new_start
    assert not QueuedEmail.objects.filter(to=[cancelled.email]).exists()
