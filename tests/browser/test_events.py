"""Finding, adding to a calendar, booking and cancelling events, with axe checks."""

import datetime
import re
import uuid

from django.utils import timezone

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from events.choices import BookingStatus
from events.models import Booking, EventIndexPage, EventPage
from portal.models import QueuedEmail
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


def manage_link(email, subject_start):
    """The signed link from the newest matching email in the outbox."""
    message = (
        QueuedEmail.objects.filter(to=[email], subject__startswith=subject_start)
        .order_by("-pk")
        .first()
    )
    assert message is not None, f"No '{subject_start}' email to {email}"
    return re.search(r"https?://\S+/booking/[\w-]+/", message.body)[0]


def local_path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def fill_booking_form(page, email, name="Robin Test"):
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Work email address").fill(email)
    page.get_by_label("Care home or organisation").fill("Willow Court")
    page.get_by_label("Your role").fill("Deputy manager")
    page.get_by_label(re.compile("I agree that the Care Quality Team")).check()
    page.get_by_role("button", name="Book a place").click()


@pytest.fixture
def small_event(portal_server):
    """A one-place workshop made for this test, so other tests' bookings don't matter."""
    index = EventIndexPage.objects.get(slug="events")
    start = timezone.localtime() + datetime.timedelta(days=10)
    start = start.replace(hour=10, minute=0, second=0, microsecond=0)
    event = EventPage(
        title=f"Small workshop {uuid.uuid4().hex[:6]}",
        summary="A workshop with one place.",
        description="<p>One place only.</p>",
        event_type="training",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue_name="Riverside Community Hall",
        venue_address="12 Mill Lane",
        capacity=1,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def test_finding_an_event_and_adding_it_to_a_calendar(portal_server, page):
    page.goto(portal_server.url + "/events/")
    expect(page.get_by_role("heading", level=1, name="Events")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("checkbox", name="Provider forum").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"type=forum"))
    page.get_by_role("link", name=re.compile("^Winter planning provider forum")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Winter planning provider forum"
    )
    assert_accessible(page)
    link = page.get_by_role("link", name=re.compile("^Add to calendar")).first
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.body())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Winter planning provider forum"
    assert str(vevent["UID"]).startswith("event-")
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"


def test_subscribing_to_the_feed_and_the_month_calendar(portal_server, page):
    page.goto(portal_server.url + "/events/")
    href = page.get_by_role("link", name="All events (iCalendar feed)").evaluate(
        "a => a.href"
    )
    calendar = Calendar.from_ical(page.request.get(href).body())
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "Registered Managers Network" in summaries
    page.get_by_role("link", name="Month calendar").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Events in")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"\(next month\)")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Events in")


def test_month_calendar_on_a_phone(portal_server, phone_page):
    phone_page.goto(portal_server.url + "/events/calendar/")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone_page)
    phone_page.goto(portal_server.url + "/events/")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375


def test_booking_errors_then_booking_and_cancelling(portal_server, page):
    event = EventPage.objects.get(slug="medicines-management-training")
    page.goto(portal_server.url + event.url)
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Enter your full name").click()
    expect(page.get_by_label("Full name")).to_be_focused()
    email = f"robin-{uuid.uuid4().hex[:8]}@willowcourt.example.org"
    fill_booking_form(page, email)
    expect(page.get_by_text("Your place is confirmed.")).to_be_visible()
    assert_accessible(page)
    booking = Booking.objects.get(email=email)
    assert booking.status == BookingStatus.CONFIRMED
    page.goto(portal_server.url + local_path(manage_link(email, "Booking confirmed")))
    page.get_by_role("button", name="Cancel my place").click()
    expect(page.get_by_text("This booking is cancelled.")).to_be_visible()
    assert_accessible(page)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_waiting_list_and_promotion(portal_server, page, small_event):
    first = f"first-{uuid.uuid4().hex[:8]}@oaklodge.example.org"
    second = f"second-{uuid.uuid4().hex[:8]}@oaklodge.example.org"
    page.goto(portal_server.url + small_event.url)
    expect(page.get_by_text("1 place left")).to_be_visible()
    fill_booking_form(page, first, name="First Person")
    expect(page.get_by_text("Your place is confirmed.")).to_be_visible()

    page.goto(portal_server.url + small_event.url)
    expect(page.get_by_text("Full: you can join the waiting list")).to_be_visible()
    assert_accessible(page)
    fill_booking_form(page, second, name="Second Person")
    expect(page.get_by_text("You are on the waiting list.", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto(portal_server.url + local_path(manage_link(first, "Booking confirmed")))
    page.get_by_role("button", name="Cancel my place").click()
    expect(page.get_by_text("This booking is cancelled.")).to_be_visible()

    promoted = Booking.objects.get(email=second)
    assert promoted.status == BookingStatus.CONFIRMED
    page.goto(portal_server.url + local_path(manage_link(second, "You have a place")))
    expect(page.get_by_text("Your place is confirmed.")).to_be_visible()
    assert_accessible(page)
