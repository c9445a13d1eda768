"""SQL queries per directory page must not grow with the number of entries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import AreaFactory, DirectoryEntryPageFactory, ProviderFactory

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


def queries_for(client, url, params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


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
    small = queries_for(client, "/directory/", params)
    add_entries(directory, 30, start=100)
    large = queries_for(client, "/directory/", params)
    assert large == small, f"{small} queries with 6 entries, {large} with 36"
