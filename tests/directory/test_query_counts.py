"""SQL queries per directory page must not grow with the number of entries."""

import pytest

from tests.factories import AreaFactory, DirectoryEntryPageFactory, ProviderFactory
from tests.pages import count_first_queries

pytestmark = pytest.mark.django_db


def add_entries(directory, count, start):
    provider = ProviderFactory()
    area = AreaFactory(name="North")
    for number in range(start, start + count):
        entry = DirectoryEntryPageFactory(
            parent=directory,
            title=f"Course {number:03d}",
            provider=provider if number % 2 else ProviderFactory(),
            topics=["Dementia care", "Falls prevention"],
            citywide=bool(number % 3),
        )
        entry.areas.set([area])


DIRECTORY_FILTERS = [
    {},
    {"home_type": "nursing", "topic": "dementia-care"},
    {"q": "course", "area": "north", "sort": "az"},
]


def test_directory_queries_stay_constant_as_entries_grow(client, directory):
    # One growing directory serves every filter: making entries is the slow part.
    add_entries(directory, 6, start=0)
    for params in DIRECTORY_FILTERS:
        client.get("/directory/", params)  # warm per-process caches
    pages = [("/directory/", params) for params in DIRECTORY_FILTERS]
    small = count_first_queries(client, pages)
    add_entries(directory, 30, start=100)
    large = count_first_queries(client, pages)
    assert large == small, "queries with 6 entries (right) and with 36 (left)"
