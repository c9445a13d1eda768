from django.utils import timezone

import pytest

from demo import events as demo
from demo import site as portal_demo
from events import services
from events.choices import BookingStatus, EventType
from events.models import Booking, EventPage

pytestmark = pytest.mark.django_db


def test_demo_events(client):
    portal_demo.seed()
    demo.seed()
    demo.seed()  # idempotent
    events = list(services.published_events())
    now = timezone.now()
    upcoming_events = [event for event in events if event.upcoming_occurrences(now)]
    past_events = [event for event in events if not event.upcoming_occurrences(now)]
    assert len(upcoming_events) >= 15
    assert len(past_events) >= 5
    assert EventPage.objects.filter(slug="registered-managers-network").count() == 1
    network = EventPage.objects.get(slug="registered-managers-network")
    assert network.recurrence == "monthly-weekday"
    assert len(network.upcoming_occurrences()) >= 10
    assert any(occ.is_cancelled for occ in network.occurrences())
    types = {event.event_type for event in events}
    assert {EventType.AWARDS_CEREMONY, EventType.TRAINING, EventType.FORUM} <= types
    full = EventPage.objects.get(slug="falls-prevention-training")
    date = full.occurrences()[0].date
    assert services.places_left(full, date) == 0
    assert Booking.objects.filter(event=full, status=BookingStatus.WAITING).count() == 3
    index = events[0].get_parent()
    for url in (index.url, index.url + "past/", index.url + "calendar/", network.url):
        assert client.get(url).status_code == 200
