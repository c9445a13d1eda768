"""Factories for events, their index page and bookings."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

import factory
import wagtail_factories

from events.models import Booking, EventException, EventIndexPage, EventPage
from tests.factories import add_topics

LONDON = ZoneInfo("Europe/London")


def london(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def days_ahead(days, hour=10):
    date = timezone.localdate() + datetime.timedelta(days=days)
    return london(date.year, date.month, date.day, hour)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "A short event for care home staff."
    description = "<p>What happens at the event.</p>"
    event_type = "training"
    start = factory.LazyFunction(lambda: days_ahead(14, 10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue_name = "Riverside Community Hall"
    venue_address = "12 Mill Lane\nRiverside"
    booking_method = "here"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    topics = factory.PostGeneration(add_topics)


class EventExceptionFactory(factory.django.DjangoModelFactory):
    status = "cancelled"

    class Meta:
        model = EventException


class BookingFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    occurrence_date = factory.LazyAttribute(
        lambda booking: timezone.localtime(booking.event.start).date()
    )
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@carehome.example.org")
    care_home = "Willow Court Care Home"
    role = "Deputy manager"
    consent = True
    notified_start = factory.LazyAttribute(lambda booking: booking.event.start)

    class Meta:
        model = Booking
