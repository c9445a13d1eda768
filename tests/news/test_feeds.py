"""The news feeds are valid RSS 2.0 and Atom 1.0 and only carry live, public items."""

import datetime
from email.utils import parsedate_to_datetime

import pytest
from defusedxml import ElementTree

from portal.choices import NewsAudience
from tests.factories import signed_in_only
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    today = datetime.date.today()
    NewsPageFactory(
        parent=index,
        title="Hospital transfer bags reach 40 more homes",
        summary="The red bag scheme now covers most of the city.",
        topics=["Falls prevention"],
    )
    NewsPageFactory(
        parent=index,
        title="New safeguarding thresholds from April",
        summary="The council's thresholds for raising a concern have changed.",
        date=today - datetime.timedelta(days=2),
        topics=["Safeguarding"],
        audience=NewsAudience.MANAGERS,
        action_required=True,
        action="Brief your staff",
        deadline=today + datetime.timedelta(days=30),
    )
    NewsPageFactory(parent=index, title="Draft: fees uplift", live=False)
    signed_in_only(NewsPageFactory(parent=index, title="Private: team rota"))
    return index


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss"
    assert root.attrib["version"] == "2.0"
    channels = root.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for required in ("title", "link", "description"):
        assert channel.findtext(required), f"channel has no {required}"
    assert channel.findtext("link").startswith("http://testserver/news/")
    parsedate_to_datetime(channel.findtext("lastBuildDate"))
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title")
        assert item.findtext("link").startswith("http://testserver/news/")
        assert item.findtext("guid") == item.findtext("link")
        assert item.findtext("description")
        published = parsedate_to_datetime(item.findtext("pubDate"))
        assert published.tzinfo is not None
    return items


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}"), f"feed has no {required}"
    datetime.datetime.fromisoformat(root.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}author/{ATOM}name").text
    links = {
        link.attrib.get("rel", "alternate"): link
        for link in root.findall(f"{ATOM}link")
    }
    assert links["self"].attrib["href"].startswith("http://testserver/news/feed/atom/")
    assert links["alternate"].attrib["href"].startswith("http://testserver/news/")
    entries = root.findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert entry.findtext(f"{ATOM}id")
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
        assert entry.find(f"{ATOM}link").attrib["href"].startswith("http://testserver/")
        assert entry.findtext(f"{ATOM}summary")
    return entries


def test_rss_feed_is_valid_and_lists_only_live_public_news(client, news):
    items = rss_items(client.get("/news/feed/"))

    assert [item.findtext("title") for item in items] == [
        "Hospital transfer bags reach 40 more homes",
        "Action required: New safeguarding thresholds from April",
    ]
    body = client.get("/news/feed/").content.decode()
    assert "Draft" not in body
    assert "Private" not in body
    thresholds = items[1]
    assert "Action required: Brief your staff by" in thresholds.findtext("description")
    assert [category.text for category in thresholds.findall("category")] == [
        "Safeguarding"
    ]


def test_atom_feed_is_valid_and_lists_only_live_public_news(client, news):
    response = client.get("/news/feed/atom/")
    entries = atom_entries(response)

    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Hospital transfer bags reach 40 more homes",
        "Action required: New safeguarding thresholds from April",
    ]
    body = response.content.decode()
    assert "Draft" not in body
    assert "Private" not in body


@pytest.mark.parametrize("feed", ["/news/feed/", "/news/feed/atom/"])
@pytest.mark.parametrize(
    "params, expected",
    [
        ({"topic": "safeguarding"}, 1),
        ({"action_required": "yes"}, 1),
        ({"audience": "nurses"}, 1),
        ({"home_type": "emi", "topic": "falls-prevention"}, 1),
        ({"topic": "no-such-topic"}, 0),
    ],
)
def test_every_filter_has_a_feed(client, news, feed, params, expected):
    response = client.get(feed, params)

    found = atom_entries(response) if "atom" in feed else rss_items(response)
    assert len(found) == expected


def test_filtered_feed_title_says_what_it_holds(client, news):
    response = client.get(
        "/news/feed/", {"topic": "safeguarding", "action_required": "yes"}
    )

    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title").endswith(": Safeguarding; action required")
    assert channel.findtext("link") == (
        "http://testserver/news/?topic=safeguarding&action_required=yes"
    )


def test_feed_of_a_private_news_index_is_not_public(client, news):
    signed_in_only(news)

    response = client.get("/news/feed/")

    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]
