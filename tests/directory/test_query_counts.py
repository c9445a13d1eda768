"""SQL queries per directory page must not grow with the number of entries."""

import pytest

from tests.factories import AreaFactory, DirectoryEntryPageFactory, ProviderFactory
from tests.pages import count_queries

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


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"home_type": "nursing", "topic": "dementia-care"},
        {"q": "course", "area": "north", "sort": "az"},
    ],
)
def test_directory_queries_stay_constant_as_entries_grow(client, directory, params):
    add_entries(directory, 6, start=0)
    client.get(
        "/directory/", params
    )  # warm per-process caches (site root, content types)
    small = count_queries(client, "/directory/", params)
    add_entries(directory, 30, start=100)
    large = count_queries(client, "/directory/", params)
    assert large == small, f"{small} queries with 6 entries, {large} with 36"
