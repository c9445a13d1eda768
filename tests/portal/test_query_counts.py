"""SQL queries per public page stay the same as content grows, and within the
budget of 20 a page (directory pages: tests/directory/test_query_counts.py;
an event's dates: tests/events/test_pages.py)."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal import content_memo
from tests.factories import GuideIndexPageFactory, GuidePageFactory
from tests.factories.awards import AwardsIndexPageFactory, AwardsYearPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

BUDGET = 20
TOPICS = ["Dementia care", "Falls prevention", "Medicines", "Nutrition"]
numbers = itertools.count()


@pytest.fixture
def site(home_page):
    guides = GuideIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    awards = AwardsIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    return {
        "home": home_page,
        "guides": guides,
        "events": events,
        "awards": awards,
        "news": news,
    }


def add_content(site, count):
    """count more guides and news items (two topics each), events and award
    categories."""
    for _ in range(count):
        number = next(numbers)
        GuidePageFactory(
            parent=site["guides"],
            title=f"Guide {number}",
            slug=f"guide-{number}",
            topics=[TOPICS[number % 4], TOPICS[(number + 1) % 4]],
        )
        NewsPageFactory(
            parent=site["news"],
            title=f"News {number}",
            slug=f"news-{number}",
            topics=[TOPICS[number % 4], TOPICS[(number + 1) % 4]],
        )
        EventPageFactory(
            parent=site["events"],
            title=f"Event {number}",
            slug=f"event-{number}",
            capacity=20,
        )
    AwardsYearPageFactory(
        parent=site["awards"],
        year=2030 + next(numbers) % 60,
        category_names=[f"Category {n}" for n in range(count)],
    )


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def queries(client, url):
    """(queries just after a content change, queries on later views).

    The menu, index pages and view restrictions are remembered until content
    next changes (portal.content_memo), so the first view after an edit costs
    more; both must stay the same as content grows.
    """
    client.get(url)  # per-process caches (site root, content types) warm up
    content_memo.forget()
    after_change = count(client, url)
    return after_change, count(client, url)


def urls(site):
    guide = site["guides"].get_children().live().first()
    event = site["events"].get_children().live().first()
    year = site["awards"].get_children().live().last()
    news_item = site["news"].get_children().live().first()
    return {
        "home": "/",
        "guide index": site["guides"].url,
        "guide index, filtered": site["guides"].url + "?topic=dementia-care",
        "guide": guide.url,
        "event list": site["events"].url,
        "event": event.url,
        "awards index": site["awards"].url,
        "awards year": year.url,
        "events .ics feed": site["events"].url + "feed/",
        "news index": site["news"].url,
        "news item": news_item.url,
        "news feed": site["news"].url + "feed/",
    }


def test_queries_per_page_stay_constant_as_content_grows(client, site):
    add_content(site, 2)
    small = {name: queries(client, url) for name, url in urls(site).items()}
    add_content(site, 6)
    large = {name: queries(client, url) for name, url in urls(site).items()}
    assert large == small, f"with 2 items: {small}; with 8: {large}"
    over = {name: counts for name, counts in large.items() if max(counts) > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"
