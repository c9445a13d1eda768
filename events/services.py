"""Business rules for events: listings, booking places, waiting lists, reminders.

Views and commands call these; each rule lives here once and is tested directly.
"""

import datetime
import uuid

from django.core import signing
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from events import emails
from events.choices import BookingMethod, BookingStatus, EventType, OccurrenceStatus
from events.models import Booking, EventException, EventPage

TOKEN_SALT = "events.booking"
# How far ahead listings and feeds look for occurrences of a series.
HORIZON_DAYS = 400


class BookingError(Exception):
    """A booking that cannot be made; the message is shown to the person booking."""


class BookingClosed(BookingError):
    pass


class AlreadyBooked(BookingError):
    pass


class OccurrenceNotFound(BookingError):
    pass


def published_events(request=None, with_tags=False):
    """Live events anyone may see (no private pages), with what listings need.

    Tags only when asked for: prefetching them builds a query per event.
    """
    from portal.visibility import public

    related = ["exceptions", "tags"] if with_tags else ["exceptions"]
    return (
        public(EventPage.objects.live(), request)
        .prefetch_related(*related)
        .order_by("start", "pk")
    )


def occurrences_between(events, start=None, end=None):
    """Every occurrence of `events` overlapping [start, end), soonest first."""
    found = []
    for event in events:
        for occurrence in event.occurrences():
            if start is not None and occurrence.end <= start:
                continue
            if end is not None and occurrence.start >= end:
                continue
            found.append(occurrence)
    return sorted(found, key=lambda item: (item.start, item.event.title))


def not_finished(events, now):
    """Only events that may still have an occurrence ending after `now`.

    Listings would otherwise load every event ever published to find the
    upcoming ones. A series counts until a month after its last date (an
    occurrence may last several days); a rescheduled date counts by its new time.
    """
    margin = now - datetime.timedelta(days=31)
    rescheduled = EventException.objects.filter(event=OuterRef("pk")).filter(
        Q(new_end__gt=now) | Q(new_start__gt=margin)
    )
    return events.filter(
        Q(end__gt=now) | Q(recurs_until__gte=margin.date()) | Exists(rescheduled)
    )


def upcoming(events, now=None):
    """Occurrences that have not yet finished, soonest first."""
    now = now or timezone.now()
    return occurrences_between(
        not_finished(events, now), now, now + datetime.timedelta(days=HORIZON_DAYS)
    )


def past(events, now=None):
    """Occurrences that have finished, most recent first."""
    now = now or timezone.now()
    found = [
        occurrence
        for event in events
        for occurrence in event.occurrences()
        if occurrence.end <= now
    ]
    return sorted(found, key=lambda item: item.start, reverse=True)


def upcoming_occurrences(limit=5, now=None, request=None):
    """The next `limit` occurrences going ahead, for the home page.

    Each has `title`, `url` and `start` (an aware datetime).
    """
    return [
        occurrence
        for occurrence in upcoming(published_events(request), now)
        if not occurrence.is_cancelled
    ][:limit]


# Booking ------------------------------------------------------------------------


def places_taken(event, occurrence_date):
    return Booking.objects.filter(
        event=event, occurrence_date=occurrence_date, status=BookingStatus.CONFIRMED
    ).count()


def places_left(event, occurrence_date):
    """Free places at one occurrence, or None when there is no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - places_taken(event, occurrence_date), 0)


def places_left_by_date(event):
    """Free places at every date of an event in one query: {date: places or None}.

    A date missing from the result has every place free.
    """
    if event.capacity is None:
        return {}
    taken = (
        Booking.objects.filter(event=event, status=BookingStatus.CONFIRMED)
        .values("occurrence_date")
        .annotate(taken=Count("pk"))
    )
    return {
        row["occurrence_date"]: max(event.capacity - row["taken"], 0) for row in taken
    }


def _lock_event(event):
    # On PostgreSQL this row lock serialises bookings for the event; SQLite's
    # BEGIN IMMEDIATE (see settings) already serialises every writer.
    return (
        EventPage.objects.select_for_update()
        .prefetch_related("exceptions")
        .get(pk=event.pk)
    )


def book_place(
    event,
    occurrence_date,
    *,
    name,
    email,
    care_home,
    role,
    accessibility_needs="",
    consent=True,
    now=None,
):
    """Book a place at one occurrence, or a waiting list place when it is full.

    Never confirms more bookings than `event.capacity`, however many people book
    at the same moment. Raises BookingClosed after the closing time (or once the
    event starts, or when the date is cancelled), OccurrenceNotFound for a date
    not in the series, AlreadyBooked when this email already holds a place.
    The confirmation or waiting list email is queued in the same transaction.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(event)
        occurrence = event.get_occurrence(occurrence_date)
        if occurrence is None:
            raise OccurrenceNotFound("That date is not part of this event.")
        if event.booking_method != BookingMethod.HERE:
            raise BookingClosed("This event does not take bookings on this site.")
        if occurrence.is_cancelled:
            raise BookingClosed("This date has been cancelled.")
        if not occurrence.is_bookable(now):
            raise BookingClosed("Bookings for this date have closed.")
        email = email.strip()
        if Booking.objects.filter(
            event=event,
            occurrence_date=occurrence_date,
            email__iexact=email,
            status__in=[BookingStatus.CONFIRMED, BookingStatus.WAITING],
        ).exists():
            raise AlreadyBooked(
                "This email address already has a booking for this date. "
                "Use the link in your confirmation email to see or cancel it."
            )
        full = event.capacity is not None and (
            places_taken(event, occurrence_date) >= event.capacity
        )
        booking = Booking.objects.create(
            event=event,
            occurrence_date=occurrence_date,
            name=name,
            email=email,
            care_home=care_home,
            role=role,
            accessibility_needs=accessibility_needs,
            consent=consent,
            status=BookingStatus.WAITING if full else BookingStatus.CONFIRMED,
            notified_start=occurrence.start,
        )
        if full:
            emails.send_waiting_list(booking, occurrence)
        else:
            emails.send_confirmation(booking, occurrence)
    return booking


def fill_free_places(event, occurrence_date, now=None):
    """Promote people from the waiting list, first come first served, into free places.

    Only before the occurrence starts. Call inside a transaction holding the
    event lock. Returns the promoted bookings; each is told by email.
    """
    now = now or timezone.now()
    occurrence = event.get_occurrence(occurrence_date)
    if occurrence is None or occurrence.is_cancelled or occurrence.has_started(now):
        return []
    free = places_left(event, occurrence_date)
    waiting = Booking.objects.filter(
        event=event, occurrence_date=occurrence_date, status=BookingStatus.WAITING
    ).order_by("created_at", "pk")
    if free is not None:
        waiting = waiting[:free]
    promoted = []
    for booking in waiting:
        booking.status = BookingStatus.CONFIRMED
        booking.promoted_at = now
        booking.notified_start = occurrence.start
        booking.save(update_fields=["status", "promoted_at", "notified_start"])
        emails.send_promotion(booking, occurrence)
        promoted.append(booking)
    return promoted


def cancel_booking(booking, now=None):
    """Cancel a booking; a freed place goes to the first person waiting.

    Returns (booking, promoted bookings). Cancelling twice changes nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(booking.event)
        booking = Booking.objects.get(pk=booking.pk)
        if booking.status == BookingStatus.CANCELLED:
            return booking, []
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        occurrence = event.get_occurrence(booking.occurrence_date)
        emails.send_cancellation(booking, occurrence)
        promoted = []
        if was_confirmed:
            promoted = fill_free_places(event, booking.occurrence_date, now)
    return booking, promoted


def fill_all_free_places(event, now=None):
    """After an editor adds places: promote waiting people at every future date."""
    now = now or timezone.now()
    dates = (
        Booking.objects.filter(event=event, status=BookingStatus.WAITING)
        .values_list("occurrence_date", flat=True)
        .distinct()
    )
    promoted = []
    for date in list(dates):
        with transaction.atomic():
            locked = _lock_event(event)
            promoted += fill_free_places(locked, date, now)
    return promoted


def booking_token(booking):
    """The signed token in a booker's links: proves they hold the booking.

    `<reference hex>-<signature>`: only letters, digits, "-" and "_", so it fits
    in a Wagtail page route.
    """
    reference = booking.reference.hex
    return f"{reference}-{signing.Signer(salt=TOKEN_SALT).signature(reference)}"


def booking_from_token(event, token):
    """The booking for a token from one of our emails, or None if it is not valid."""
    reference, _, signature = str(token).partition("-")
    if len(reference) != 32 or not signature:
        return None
    expected = signing.Signer(salt=TOKEN_SALT).signature(reference)
    if not constant_time_compare(expected, signature):
        return None
    try:
        reference = uuid.UUID(hex=reference)
    except ValueError:
        return None
    return (
        Booking.objects.filter(event=event, reference=reference)
        .select_related("event")
        .first()
    )


def manage_booking_url(booking):
    event = booking.event.specific
    return event.get_full_url() + event.reverse_subpage(
        "manage_booking", args=[booking_token(booking)]
    )


# Reminders ----------------------------------------------------------------------


def send_reminders(now=None):
    """Email everyone with a confirmed place at an occurrence starting tomorrow (UK).

    Idempotent: each booking is marked in the same transaction that queues its
    email, with a conditional update, so no one is reminded twice even if two
    runs overlap. Returns how many reminders were queued.
    """
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    # A moved date may be a few weeks from its usual date; look around it.
    candidates = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        occurrence_date__range=(
            tomorrow - datetime.timedelta(days=62),
            tomorrow + datetime.timedelta(days=62),
        ),
        event__live=True,
    ).select_related("event")
    sent = 0
    for booking in candidates:
        occurrence = booking.event.get_occurrence(booking.occurrence_date)
        if occurrence is None or occurrence.status == OccurrenceStatus.CANCELLED:
            continue
        if occurrence.local_start.date() != tomorrow:
            continue
        with transaction.atomic():
            marked = Booking.objects.filter(
                pk=booking.pk,
                status=BookingStatus.CONFIRMED,
                reminder_sent_at__isnull=True,
            ).update(reminder_sent_at=now)
            if marked:
                emails.send_reminder(booking, occurrence)
                sent += 1
    return sent


def tell_bookers_about_new_times(event, now=None):
    """After an editor moves a date, email everyone booked on it the new time.

    Confirmed people get a calendar file that updates their entry (same UID,
    higher SEQUENCE). Idempotent: each booking remembers the start it was told.
    Returns the bookings told.
    """
    now = now or timezone.now()
    told = []
    occurrences = {occurrence.date: occurrence for occurrence in event.occurrences()}
    bookings = Booking.objects.filter(
        event=event,
        status__in=[BookingStatus.CONFIRMED, BookingStatus.WAITING],
        notified_start__isnull=False,
    )
    for booking in bookings:
        occurrence = occurrences.get(booking.occurrence_date)
        if (
            occurrence is None
            or occurrence.is_cancelled
            or occurrence.end <= now
            or occurrence.start == booking.notified_start
        ):
            continue
        with transaction.atomic():
            updated = Booking.objects.filter(
                pk=booking.pk, notified_start=booking.notified_start
            ).update(notified_start=occurrence.start)
            if updated:
                emails.send_new_time(booking, occurrence)
                told.append(booking)
    return told


# Personal data -------------------------------------------------------------------

RETENTION_DAYS = 365


def delete_old_bookings(now=None):
    """Delete bookings for dates more than a year ago, as the booking form promises.

    Returns how many were deleted.
    """
    now = now or timezone.now()
    cutoff = timezone.localtime(now).date() - datetime.timedelta(days=RETENTION_DAYS)
    deleted, _ = Booking.objects.filter(occurrence_date__lt=cutoff).delete()
    return deleted


def cancel_bookings_for_cancelled_dates(event, now=None):
    """When an editor cancels a date, cancel its bookings and tell the people booked.

    Idempotent: only bookings still active are cancelled and emailed. Returns
    the bookings cancelled.
    """
    now = now or timezone.now()
    cancelled_dates = [
        occurrence
        for occurrence in event.occurrences()
        if occurrence.is_cancelled and occurrence.end > now
    ]
    affected = []
    for occurrence in cancelled_dates:
        with transaction.atomic():
            _lock_event(event)
            bookings = Booking.objects.filter(
                event=event,
                occurrence_date=occurrence.date,
                status__in=[BookingStatus.CONFIRMED, BookingStatus.WAITING],
            )
            for booking in bookings:
                booking.status = BookingStatus.CANCELLED
                booking.cancelled_at = now
                booking.save(update_fields=["status", "cancelled_at"])
                emails.send_date_cancelled(booking, occurrence)
                affected.append(booking)
    return affected


def upcoming_network_meetings(limit=3):
    """The Registered Managers Network's next meetings (the Leadership Academy
    page lists them)."""
    events = published_events().filter(event_type=EventType.NETWORK_MEETING)
    return [item for item in upcoming(events) if not item.is_cancelled][:limit]
