"""RSS for directory filters: valid RSS 2.0, only live public entries, and the
same filter checks as the directory page."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

import pytest

from directory.models import DirectoryEntryPage
from portal import content_memo
from tests.factories import DirectoryEntryPageFactory, password_protected

pytestmark = pytest.mark.django_db

FEED = "/api/directory/feed/"


def rss(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    return channel


def titles(channel):
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title") and item.findtext("link")
        assert item.findtext("guid") and item.findtext("pubDate")
    return [item.findtext("title") for item in items]


def date_entries():
    """Factories leave first_published_at empty; spread the entries a day apart."""
    now = timezone.now()
    for days, entry in enumerate(DirectoryEntryPage.objects.order_by("-pk")):
        DirectoryEntryPage.objects.filter(pk=entry.pk).update(
            first_published_at=now - datetime.timedelta(days=days)
        )


def test_feed_lists_live_public_entries_newest_first(client, entries):
    DirectoryEntryPageFactory(parent=entries["dementia"].get_parent(), live=False)
    password_protected(
        DirectoryEntryPageFactory(
            parent=entries["dementia"].get_parent(), title="Private course"
        )
    )
    date_entries()
    channel = rss(client.get(FEED))
    assert titles(channel) == [
        "Workforce development fund",
        "Safe handling of medicines",
        "React to Red pressure ulcer training",
        "Dementia care mapping",
    ]
    assert "noindex" not in client.get(FEED).get("X-Robots-Tag", "")


def test_feed_filters_like_the_directory_page(client, entries):
    date_entries()
    query = "topic=dementia-care&home_type=emi&home_type=castle&colour=red"
    channel = rss(client.get(f"{FEED}?{query}"))
    assert titles(channel) == [
        "React to Red pressure ulcer training",
        "Dementia care mapping",
    ]
    assert "topic: Dementia care" in channel.findtext("title")
    assert channel.findtext("link").endswith(
        "/directory/?home_type=emi&topic=dementia-care"
    )
    page = client.get("/directory/?" + query).content.decode()
    for title in titles(channel):
        assert title in page
    assert client.get(f"{FEED}?{query}")["X-Robots-Tag"] == "noindex"


def test_feed_with_search_text(client, entries):
    date_entries()
    channel = rss(client.get(FEED, {"q": "medicines"}))
    assert titles(channel) == ["Safe handling of medicines"]


def test_directory_page_links_to_alerts_and_the_feed(client, entries):
    html = client.get("/directory/?topic=dementia-care").content.decode()
    assert 'href="/alerts/?directory=topic%3Ddementia-care"' in html
    assert 'href="/api/directory/feed/?topic=dementia-care"' in html
    assert 'type="application/rss+xml"' in html


def test_feed_queries_do_not_grow_with_entries(
    client, entries, django_assert_max_num_queries
):
    parent = entries["dementia"].get_parent()
    date_entries()
    client.get(FEED)  # warm the site root paths cache, as on a running site
    content_memo.forget()  # both counts as just after an edit
    with django_assert_max_num_queries(30) as small:
        client.get(FEED, {"topic": "dementia-care"})
    for _ in range(15):
        DirectoryEntryPageFactory(parent=parent, topics=["Dementia care"])
    date_entries()
    content_memo.forget()
    with django_assert_max_num_queries(30) as large:
        client.get(FEED, {"topic": "dementia-care"})
    assert len(large.captured_queries) == len(small.captured_queries)
