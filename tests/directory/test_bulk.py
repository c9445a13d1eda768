from wagtail.models import Page

import pytest

from directory.bulk import add_bulk_entries
from directory.models import DirectoryEntryPage
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def test_bulk_entries_are_valid_live_pages(client, directory):
    AreaFactory(name="North")
    assert add_bulk_entries(25) == 25
    assert add_bulk_entries(5, seed=7) == 5
    assert DirectoryEntryPage.objects.live().count() == 30
    # The page tree is intact: paths, depths and child counts agree.
    assert all(not problems for problems in Page.find_problems())
    entry = DirectoryEntryPage.objects.order_by("path").last()
    assert client.get(entry.url).status_code == 200
    assert entry.tags.count() >= 1
    html = client.get("/directory/", {"sort": "az"}).content.decode()
    assert "30 results" in html
    # Every entry row belongs to its own page.
    for entry in DirectoryEntryPage.objects.filter(slug__startswith="bulk-entry-"):
        assert entry.title.split()[-1] == entry.slug.rsplit("-", 1)[1]
