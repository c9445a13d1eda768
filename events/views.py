"""Thin views behind the events pages' routes: parse, validate, call a service, render."""

import calendar
import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from events import services
from events.choices import AttendanceMode, BookingStatus, EventType
from events.feeds import build_calendar
from events.forms import BookingForm, CancelBookingForm, EventFilterForm
from portal.models.home_types import suits_any_home_type
from portal.ratelimit import is_rate_limited

RESULTS_PER_PAGE = 10
BOOKINGS_PER_HOUR = 10
CANCELS_PER_HOUR = 20
MODE_VALUES = {
    "online": [AttendanceMode.ONLINE, AttendanceMode.MIXED],
    "in-person": [AttendanceMode.IN_PERSON, AttendanceMode.MIXED],
}


def _time_label(value):
    return value.strftime("%-I:%M%p").replace(":00", "").lower()


def occurrence_when(occurrence):
    """'Tuesday 3 March 2026, 7pm to 9pm' in UK time."""
    start, end = occurrence.local_start, occurrence.local_end
    if occurrence.event.all_day:
        if start.date() == end.date():
            return f"{start:%A %-d %B %Y}"
        return f"{start:%A %-d %B %Y} to {end:%A %-d %B %Y}"
    return (
        f"{start:%A %-d %B %Y}, {_time_label(start)} to {_time_label(end)}"
        if start.date() == end.date()
        else f"{start:%A %-d %B %Y}, {_time_label(start)} to "
        f"{end:%A %-d %B %Y}, {_time_label(end)}"
    )


def filtered_events(form, request=None):
    """Live, public events matching the form's (allow-listed) filters."""
    events = services.published_events(request)
    data = form.cleaned_data
    if data.get("type"):
        events = events.filter(event_type__in=data["type"])
    if data.get("home_type"):
        events = events.filter(suits_any_home_type(data["home_type"]))
    if data.get("topic"):
        events = events.filter(tags__slug__in=data["topic"]).distinct()
    if data.get("mode"):
        modes = {mode for value in data["mode"] for mode in MODE_VALUES[value]}
        events = events.filter(attendance_mode__in=modes)
    return events


def filter_params(request, form):
    return [
        (key, value)
        for key, values in request.GET.lists()
        for value in values
        if key in form.FILTERS and value
    ]


def event_listing(request, index, past=False):
    form = EventFilterForm(request.GET)
    form.is_valid()  # every field is optional; unknown values are dropped
    events = filtered_events(form, request)
    occurrences = services.past(events) if past else services.upcoming(events)
    paginator = Paginator(occurrences, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = filter_params(request, form)
    context = index.get_context(request)
    context.update(
        {
            "form": form,
            "past": past,
            "page_obj": page_obj,
            "occurrences": [
                {"occurrence": occurrence, "when": occurrence_when(occurrence)}
                for occurrence in page_obj.object_list
            ],
            "querystring_base": urlencode(params),
            "is_filtered": bool(params),
            "noindex": bool(params) or "page" in request.GET,
            "feed_links": feed_links(index),
        }
    )
    return TemplateResponse(request, "events/event_index_page.html", context)


def feed_links(index):
    return [
        {
            "label": label,
            "url": index.url + index.reverse_subpage("type_feed", args=[value]),
        }
        for value, label in EventType.choices
    ]


def month_calendar(request, index, year=None, month=None):
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404("No calendar for that month")
    zone = timezone.get_current_timezone()
    first = datetime.date(year, month, 1)
    last_day = calendar.monthrange(year, month)[1]
    start = datetime.datetime.combine(first, datetime.time.min, zone)
    end = start + datetime.timedelta(days=last_day)
    end = datetime.datetime.combine(end.date(), datetime.time.min, zone)
    occurrences = services.occurrences_between(
        services.published_events(request), start, end
    )
    by_day = {}
    for occurrence in occurrences:
        day = max(occurrence.local_start.date(), first)
        by_day.setdefault(day, []).append(
            {"occurrence": occurrence, "time": occurrence_time(occurrence)}
        )
    weeks = [
        [
            {"date": day, "in_month": day.month == month, "items": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous = first - datetime.timedelta(days=1)
    following = first + datetime.timedelta(days=last_day)
    context = index.get_context(request)
    context.update(
        {
            "month": first,
            "weeks": weeks,
            "days": sorted(by_day.items()),
            "today": today,
            "previous_url": index.url
            + index.reverse_subpage(
                "calendar_month", args=[previous.year, previous.month]
            ),
            "next_url": index.url
            + index.reverse_subpage(
                "calendar_month", args=[following.year, following.month]
            ),
            "previous_month": previous,
            "next_month": following,
            "weekday_names": list(calendar.day_name),
            "noindex": year != today.year or month != today.month,
        }
    )
    return TemplateResponse(request, "events/calendar.html", context)


def occurrence_time(occurrence):
    if occurrence.event.all_day:
        return "All day"
    return _time_label(occurrence.local_start)


def ics_response(content, filename, public=True):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Feeds hold only public events; one event's file may be behind a login.
    response["Cache-Control"] = "public, max-age=900" if public else "private"
    return response


def feed(request, index, event_type=None, topic=None):
    """Subscribable feeds: every event, or one type, or one topic."""
    now = timezone.now()
    window_start = now - datetime.timedelta(days=90)
    events = services.not_finished(
        services.published_events(request, with_tags=topic is not None), window_start
    )
    name = "Care Quality Team events"
    filename = "events.ics"
    if event_type is not None:
        if event_type not in EventType.values:
            raise Http404("No such type of event")
        events = events.filter(event_type=event_type)
        name = f"{name}: {EventType(event_type).label}"
        filename = f"events-{event_type}.ics"
    if topic is not None:
        events = events.filter(tags__slug=topic).distinct()
        tag = next(
            (tag for event in events for tag in event.tags.all() if tag.slug == topic),
            None,
        )
        if tag is None:
            raise Http404("No events on that topic")
        name = f"{name}: {tag.name}"
        filename = f"events-topic-{topic}.ics"
    occurrences = services.occurrences_between(
        events, window_start, now + datetime.timedelta(days=services.HORIZON_DAYS)
    )
    return ics_response(build_calendar(occurrences, name), filename)


def event_ics(request, event, date=None):
    """'Add to calendar' for a whole event (every date) or one date of a series."""
    if date is None:
        occurrences = event.occurrences()
        filename = f"{event.slug}.ics"
    else:
        try:
            parsed = datetime.date.fromisoformat(date)
        except ValueError:
            raise Http404("Not a date") from None
        occurrence = event.get_occurrence(parsed)
        if occurrence is None:
            raise Http404("The event does not happen on that date")
        occurrences = [occurrence]
        filename = f"{event.slug}-{parsed.isoformat()}.ics"
    public = not event.get_view_restrictions().exists()
    return ics_response(build_calendar(occurrences, event.title), filename, public)


def bookable_occurrences(event, now=None):
    """(occurrence, label) for each date open for booking, with places left."""
    choices = []
    free = services.places_left_by_date(event)
    for occurrence in event.upcoming_occurrences(now):
        if not occurrence.is_bookable(now):
            continue
        left = free.get(occurrence.date, event.capacity)
        label = occurrence_when(occurrence)
        if left == 0:
            label += " (full: join the waiting list)"
        elif left is not None:
            label += f" ({left} place{'' if left == 1 else 's'} left)"
        choices.append((occurrence, label))
    return choices


def event_detail(request, event, form=None, status=200):
    now = timezone.now()
    bookable = bookable_occurrences(event, now)
    free = services.places_left_by_date(event)
    if form is None and bookable:
        form = BookingForm(occurrences=bookable, prefix="booking")
    upcoming = [
        {
            "occurrence": occurrence,
            "when": occurrence_when(occurrence),
            "ics_url": event.url
            + event.reverse_subpage("occurrence_ics", args=[occurrence.slug]),
            "places_left": free.get(occurrence.date, event.capacity),
        }
        for occurrence in event.upcoming_occurrences(now)[:12]
    ]
    last = None if upcoming else event.occurrences()[-1:]
    closes = [occurrence.closes_at for occurrence, _label in bookable]
    context = event.get_context(request)
    context.update(
        {
            "upcoming": upcoming,
            "finished": (
                {"occurrence": last[0], "when": occurrence_when(last[0])}
                if last
                else None
            ),
            "form": form,
            "bookable": bookable,
            "closes_at": min(closes) if len(closes) == 1 else None,
            "related": (
                event.related_page.specific
                if event.related_page and event.related_page.live
                else None
            ),
        }
    )
    return TemplateResponse(request, "events/event_page.html", context, status=status)


def book(request, event):
    if request.method != "POST":
        return HttpResponseRedirect(event.url + "#book")
    bookable = bookable_occurrences(event)
    form = BookingForm(request.POST, occurrences=bookable, prefix="booking")
    if form.is_spam():
        messages.success(request, "Thank you. Check your email for your booking.")
        return HttpResponseRedirect(event.url)
    if not bookable:
        form.is_valid()
        form.add_error(None, "Bookings for this event have closed.")
        return event_detail(request, event, form=form, status=400)
    if is_rate_limited(request, "events-booking", BOOKINGS_PER_HOUR, 3600):
        form.is_valid()
        form.add_error(
            None, "You have made a lot of bookings in the last hour. Try again later."
        )
        return event_detail(request, event, form=form, status=429)
    if not form.is_valid():
        return event_detail(request, event, form=form, status=400)
    data = form.cleaned_data
    try:
        booking = services.book_place(
            event,
            data["occurrence"].date,
            name=data["name"],
            email=data["email"],
            care_home=data["care_home"],
            role=data["role"],
            accessibility_needs=data["accessibility_needs"],
            consent=data["consent"],
        )
    except services.BookingError as error:
        form.add_error(None, str(error))
        return event_detail(request, event, form=form, status=400)
    if booking.status == BookingStatus.CONFIRMED:
        messages.success(
            request, "Your place is booked. We have emailed you the details."
        )
    else:
        messages.info(
            request,
            "This date is full, so you are on the waiting list. We will email you "
            "if a place comes free.",
        )
    return HttpResponseRedirect(
        event.url
        + event.reverse_subpage(
            "manage_booking", args=[services.booking_token(booking)]
        )
    )


def manage_booking(request, event, token):
    """The page behind the signed link in a booker's emails: see or cancel."""
    booking = services.booking_from_token(event, token)
    context = event.get_context(request)
    context["noindex"] = True
    if booking is None:
        response = TemplateResponse(
            request, "events/manage_booking.html", context, status=404
        )
        response["Cache-Control"] = "private, no-store"
        return response
    occurrence = booking.occurrence
    can_cancel = booking.status != BookingStatus.CANCELLED and (
        occurrence is None or not occurrence.has_started()
    )
    form = CancelBookingForm()
    status = 200
    if request.method == "POST":
        form = CancelBookingForm(request.POST)
        if form.is_spam():
            return HttpResponseRedirect(request.path)
        if is_rate_limited(request, "events-cancel", CANCELS_PER_HOUR, 3600):
            form.add_error(None, "Too many attempts in the last hour. Try again later.")
            status = 429
        elif form.is_valid() and can_cancel:
            services.cancel_booking(booking)
            messages.success(request, "Your booking is cancelled.")
            return HttpResponseRedirect(request.path)
        elif not can_cancel:
            form.add_error(None, "This booking can no longer be cancelled.")
            status = 400
    context.update(
        {
            "booking": booking,
            "occurrence": occurrence,
            "when": occurrence_when(occurrence) if occurrence else None,
            "can_cancel": can_cancel,
            "form": form,
            "show_joining_details": booking.status == BookingStatus.CONFIRMED
            and event.is_online,
            "ics_url": (
                event.url
                + event.reverse_subpage("occurrence_ics", args=[occurrence.slug])
                if occurrence
                else None
            ),
        }
    )
    response = TemplateResponse(
        request, "events/manage_booking.html", context, status=status
    )
    response["Cache-Control"] = "private, no-store"
    return response
