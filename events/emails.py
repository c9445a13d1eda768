"""The emails people get about their bookings, queued through the outbox."""

from django.conf import settings
from django.utils import timezone

from events.feeds import build_calendar
from portal.outbox import queue_email


def when_text(occurrence):
    start, end = occurrence.local_start, occurrence.local_end
    if occurrence.event.all_day:
        if start.date() == end.date():
            return f"{start:%A %-d %B %Y} (all day)"
        return f"{start:%A %-d %B %Y} to {end:%A %-d %B %Y}"
    return (
        f"{start:%A %-d %B %Y}, {start:%-I:%M%p} to {end:%-I:%M%p}".replace(
            "AM", "am"
        ).replace("PM", "pm")
        + " (UK time)"
    )


def where_text(event, with_joining_details):
    lines = []
    if event.is_in_person:
        venue = ", ".join(
            line.strip()
            for line in [event.venue_name, *event.venue_address.splitlines()]
            if line.strip()
        )
        lines.append(f"Venue: {venue or 'to be confirmed'}")
        if event.accessibility_notes:
            lines.append(f"Access: {event.accessibility_notes}")
    if event.is_online:
        if with_joining_details and event.joining_details:
            lines.append(f"How to join online:\n{event.joining_details}")
        elif with_joining_details:
            lines.append("We will send the online joining details before the event.")
        else:
            lines.append("Online: joining details come if you get a place.")
    return "\n".join(lines)


def _manage_link(booking):
    from events.services import manage_booking_url

    return manage_booking_url(booking)


def _when_and_where(occurrence):
    """The date's time and place, with the joining details for those booked."""
    return f"When: {when_text(occurrence)}\n{where_text(occurrence.event, True)}"


def _please_cancel(booking):
    return f"If you can no longer come, please cancel:\n{_manage_link(booking)}"


def _signature():
    return f"\n\n{getattr(settings, 'PORTAL_ORGANISATION', 'Care Quality Team')}\n"


def _ics_attachment(booking, occurrence):
    event = occurrence.event
    extra = ""
    if event.is_online and event.joining_details:
        extra = f"How to join online:\n{event.joining_details}"
    return {
        "filename": f"{event.slug}-{occurrence.date:%Y-%m-%d}.ics",
        "content": build_calendar([occurrence], event.title, extra).decode(),
        "mimetype": "text/calendar",
    }


def _queue_booking_email(booking, subject, text, calendar_for=None):
    """`text` to the person booked, after the greeting and before the team's
    signature; with the date's calendar file when `calendar_for` is given."""
    queue_email(
        booking.email,
        subject,
        f"Dear {booking.name},\n\n{text}{_signature()}",
        attachments=[_ics_attachment(booking, calendar_for)] if calendar_for else (),
    )


def _queue_place_email(booking, occurrence, subject, opening, closing):
    """About a place the person holds: `opening`, when and where the date is,
    then `closing`, with the date's calendar file."""
    _queue_booking_email(
        booking,
        subject,
        f"{opening}\n\n{_when_and_where(occurrence)}\n\n{closing}",
        calendar_for=occurrence,
    )


def send_confirmation(booking, occurrence):
    event = occurrence.event
    _queue_place_email(
        booking,
        occurrence,
        f"Booking confirmed: {event.title}, {occurrence.local_start:%-d %B %Y}",
        f"Your place is booked for {event.title}.",
        "The calendar file attached adds it to Outlook or your phone's calendar.\n\n"
        "If you can no longer come, please cancel so someone else can have your "
        f"place:\n{_manage_link(booking)}",
    )


def send_waiting_list(booking, occurrence):
    event = occurrence.event
    _queue_booking_email(
        booking,
        f"You are on the waiting list: {event.title}",
        f"{event.title} on {when_text(occurrence)} is full, so you are on the "
        "waiting list. If a place comes free, it goes to the first person on the "
        "list and we will email you straight away.\n\n"
        f"To see or leave the waiting list:\n{_manage_link(booking)}",
    )


def send_promotion(booking, occurrence):
    event = occurrence.event
    _queue_place_email(
        booking,
        occurrence,
        f"You have a place: {event.title}, {occurrence.local_start:%-d %B %Y}",
        "Good news: a place has come free and it is yours. You are booked for "
        f"{event.title}.",
        "The calendar file attached adds it to your calendar.\n\n"
        f"{_please_cancel(booking)}",
    )


def send_cancellation(booking, occurrence):
    event = booking.event
    when = when_text(occurrence) if occurrence else f"{booking.occurrence_date}"
    _queue_booking_email(
        booking,
        f"Booking cancelled: {event.title}",
        f"Your booking for {event.title} on {when} is cancelled. "
        "Thank you for letting us know.\n\n"
        f"You can book again at {event.full_url}",
    )


def send_reminder(booking, occurrence):
    event = occurrence.event
    _queue_place_email(
        booking,
        occurrence,
        f"Reminder: {event.title} tomorrow, "
        f"{timezone.localtime(occurrence.start):%-I:%M%p}".replace("AM", "am").replace(
            "PM", "pm"
        ),
        f"A reminder that {event.title} is tomorrow.",
        _please_cancel(booking),
    )


def send_date_cancelled(booking, occurrence):
    event = occurrence.event
    _queue_booking_email(
        booking,
        f"Cancelled: {event.title}",
        f"We are sorry: {event.title} on {when_text(occurrence)} is cancelled, "
        "so your booking is cancelled too.\n\n"
        + (f"{occurrence.note}\n\n" if occurrence.note else "")
        + f"See other dates and events at {event.full_url}",
    )


def send_new_time(booking, occurrence):
    event = occurrence.event
    confirmed = booking.status == "confirmed"
    _queue_booking_email(
        booking,
        f"New time: {event.title}",
        f"The time of {event.title} has changed. It is now:\n\n"
        f"{when_text(occurrence)}\n\n"
        + (f"{occurrence.note}\n\n" if occurrence.note else "")
        + (
            "Your place is still booked. The calendar file attached updates the "
            "entry in your calendar.\n\n"
            if confirmed
            else "You are still on the waiting list.\n\n"
        )
        + _please_cancel(booking),
        calendar_for=occurrence if confirmed else None,
    )
