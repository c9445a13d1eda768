"""Many people booking the last places at the same moment."""

import threading

from django.db import connection, connections

import pytest

from events import services
from events.choices import BookingStatus
from events.models import Booking
from tests.factories.events import EventPageFactory

PLACES = 10
EXTRA = 20


@pytest.fixture
def event(events_index):
    return EventPageFactory(parent=events_index, capacity=PLACES)


@pytest.fixture
def file_database(event, tmp_path):
    """Point new connections at a file copy of the test database (event included).

    SQLite's shared in-memory test database locks whole tables and never waits,
    so real concurrent writers need a file database (with WAL and BEGIN
    IMMEDIATE from the settings), as in production.
    """
    if connection.vendor != "sqlite":
        yield
        return
    path = tmp_path / "concurrency.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    database = connections.settings["default"]
    original = database["NAME"]
    database["NAME"] = str(path)
    try:
        yield
    finally:
        database["NAME"] = original


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_exactly_n_confirmed_when_n_plus_20_book_at_once(event, file_database):
    """Every thread has its own connection; all start booking at the same moment."""
    results, errors = [], []
    barrier = threading.Barrier(PLACES + EXTRA)
    date = event.occurrences()[0].date

    def attempt(number):
        try:
            barrier.wait()
            booking = services.book_place(
                event,
                date,
                name=f"Person {number}",
                email=f"person{number}@home.example.org",
                care_home="Oak Lodge",
                role="Care worker",
            )
            results.append(booking.status)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections["default"].close()

    threads = [
        threading.Thread(target=attempt, args=(n,)) for n in range(PLACES + EXTRA)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    assert results.count(BookingStatus.CONFIRMED) == PLACES
    assert results.count(BookingStatus.WAITING) == EXTRA

    counts = {}

    def count():
        for status in (BookingStatus.CONFIRMED, BookingStatus.WAITING):
            counts[status] = Booking.objects.filter(
                event_id=event.pk, status=status
            ).count()
        connections["default"].close()

    thread = threading.Thread(target=count)
    thread.start()
    thread.join()
    assert counts == {BookingStatus.CONFIRMED: PLACES, BookingStatus.WAITING: EXTRA}
