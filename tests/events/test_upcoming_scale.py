"""Listings and the home page load only events that can still take place, so
their work does not grow with every event ever published."""

import datetime

from django.utils import timezone

from events import services
from events.models import EventPage
from tests.factories.events import EventExceptionFactory, EventPageFactory, days_ahead


def test_only_events_that_can_still_happen_are_loaded(events_index):
    EventPageFactory(
        parent=events_index, title="Last year's forum", start=days_ahead(-300, 10)
    )
    EventPageFactory(
        parent=events_index, title="Next week's forum", start=days_ahead(7, 10)
    )
    EventPageFactory(
        parent=events_index,
        title="Weekly drop-in",
        start=days_ahead(-60, 14),
        recurrence="weekly",
        recurs_until=datetime.date.today() + datetime.timedelta(days=30),
    )
    moved = EventPageFactory(
        parent=events_index, title="Postponed workshop", start=days_ahead(-20, 10)
    )
    EventExceptionFactory(
        event=moved,
        original_date=timezone.localdate(moved.start),
        status="rescheduled",
        new_start=days_ahead(10, 10),
        new_end=days_ahead(10, 12),
    )
    now = timezone.now()

    loaded = services.not_finished(EventPage.objects.live(), now)

    assert sorted(event.title for event in loaded) == [
        "Next week's forum",
        "Postponed workshop",
        "Weekly drop-in",
    ]
    titles = {
        occurrence.event.title
        for occurrence in services.upcoming(services.published_events(), now)
    }
    assert titles == {"Next week's forum", "Postponed workshop", "Weekly drop-in"}
