import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from news.services import news_published_since
from portal.choices import NewsAudience
from tests.factories import password_protected, signed_in_only
from tests.factories.news import NewsPageFactory
from tests.pages import assert_hides, assert_shows, count_first_queries, page_html

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def news(news_index):
    return {
        "bags": NewsPageFactory(
            parent=news_index,
            title="Hospital transfer bags reach 40 more homes",
            date=days_ago(1),
            topics=["Falls prevention"],
        ),
        "thresholds": NewsPageFactory(
            parent=news_index,
            title="New safeguarding thresholds from April",
            date=days_ago(3),
            topics=["Safeguarding"],
            audience=NewsAudience.MANAGERS,
            action_required=True,
            action="Read the new thresholds and brief your staff",
            deadline=TODAY + datetime.timedelta(days=20),
        ),
        "telemedicine": NewsPageFactory(
            parent=news_index,
            title="Telemedicine pilot expands to nursing homes",
            date=days_ago(2),
            topics=["Digital skills"],
            audience=NewsAudience.NURSES,
            suits_residential=False,
            suits_emi=False,
        ),
    }


def titles(response):
    return [item.title for item in response.context["news_items"]]


def test_index_lists_live_public_news_newest_first(client, news, news_index):
    NewsPageFactory(parent=news_index, title="A draft update", live=False)
    signed_in_only(NewsPageFactory(parent=news_index, title="A private update"))

    response = client.get("/news/")

    assert response.status_code == 200
    assert titles(response) == [
        "Hospital transfer bags reach 40 more homes",
        "Telemedicine pilot expands to nursing homes",
        "New safeguarding thresholds from April",
    ]
    html = response.content.decode()
    assert_hides(html, "A draft update", "A private update")
    assert_shows(
        html,
        "Action required",
        "Read the new thresholds and brief your staff",
        'type="application/rss+xml"',
        'href="/news/feed/"',
        'href="/news/feed/atom/"',
    )
    assert 'name="robots"' not in html


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"topic": "safeguarding"}, ["New safeguarding thresholds from April"]),
        (
            {"topic": ["safeguarding", "falls-prevention"]},
            [
                "Hospital transfer bags reach 40 more homes",
                "New safeguarding thresholds from April",
            ],
        ),
        (
            {"home_type": "residential"},
            [
                "Hospital transfer bags reach 40 more homes",
                "New safeguarding thresholds from April",
            ],
        ),
        # Items for all staff are kept when filtering by who an item is for.
        (
            {"audience": "nurses"},
            [
                "Hospital transfer bags reach 40 more homes",
                "Telemedicine pilot expands to nursing homes",
            ],
        ),
        ({"action_required": "yes"}, ["New safeguarding thresholds from April"]),
        (
            {"audience": "managers", "action_required": "yes"},
            ["New safeguarding thresholds from April"],
        ),
    ],
)
def test_index_filters(client, news, params, expected):
    response = client.get("/news/", params)

    assert titles(response) == expected
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "matching your filters" in html
    assert "Clear filters" in html


def test_unknown_filter_values_are_ignored_not_errors(client, news):
    response = client.get(
        "/news/", {"home_type": "castle", "audience": "x", "action_required": "maybe"}
    )

    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_existing_topic_without_news_shows_nothing_rather_than_everything(
    client, news, home_page
):
    from taggit.models import Tag

    Tag.objects.create(name="Oral health", slug="oral-health")

    response = client.get("/news/", {"topic": "oral-health"})

    assert titles(response) == []
    assert "No news matches these filters" in response.content.decode()


def test_filter_form_keeps_choices_ticked(client, news):
    response = client.get("/news/", {"topic": "safeguarding", "home_type": "nursing"})

    html = response.content.decode()
    assert 'value="safeguarding" checked' in html or (
        'value="safeguarding"' in html and "checked" in html
    )
    assert "Showing: Safeguarding; nursing homes." in html
    assert 'href="/news/feed/?topic=safeguarding&amp;home_type=nursing"' in html


@pytest.mark.parametrize("page", ["2", "999", "abc", "-1"])
def test_pagination_falls_back_for_bad_page_numbers(client, news_index, page):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Update {number:02d}")

    response = client.get("/news/", {"page": page})

    assert response.status_code == 200
    assert len(titles(response)) in (10, 2)
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_news_page_shows_action_and_deadline(client, news):
    response = client.get(news["thresholds"].url)

    assert_shows(
        page_html(response),
        "Action required",
        "Read the new thresholds and brief your staff",
        f'datetime="{news["thresholds"].deadline:%Y-%m-%d}"',
        "For registered managers in all care homes.",
        "Safeguarding",
    )


def test_news_page_says_when_deadline_has_passed(client, news_index):
    item = NewsPageFactory(
        parent=news_index,
        action_required=True,
        action="Send your return",
        deadline=days_ago(2),
    )

    assert "this deadline has passed" in client.get(item.url).content.decode()


def test_action_required_needs_what_to_do(news_index):
    item = NewsPageFactory.build(
        title="Registration opens", slug="reg", action_required=True, action=" "
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "action" in error.value.message_dict


def test_deadline_needs_action_required(news_index):
    item = NewsPageFactory.build(title="Registration opens", slug="reg", deadline=TODAY)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "deadline" in error.value.message_dict


def test_home_page_shows_latest_news_with_action_required_marked(
    client, news, home_page
):
    html = client.get("/").content.decode()

    assert "What's new" in html
    assert "Hospital transfer bags reach 40 more homes" in html
    assert html.count('nhsuk-tag--red">Action required') == 1
    assert 'href="/news/"' in html


def test_home_page_without_news_index_has_no_news_block(client, home_page):
    assert "latest-news-heading" not in client.get("/").content.decode()


# news_published_since: the service alerts and digests call ------------------------


def test_news_published_since_returns_newer_live_public_items(news_index):
    now = timezone.now()
    old = NewsPageFactory(
        parent=news_index,
        title="Old",
        first_published_at=now - datetime.timedelta(days=10),
    )
    new = NewsPageFactory(
        parent=news_index,
        title="New",
        first_published_at=now - datetime.timedelta(hours=1),
    )
    newest = NewsPageFactory(parent=news_index, title="Newest", first_published_at=now)
    NewsPageFactory(
        parent=news_index, title="Draft", live=False, first_published_at=now
    )
    password_protected(
        NewsPageFactory(parent=news_index, title="Private", first_published_at=now)
    )

    found = list(news_published_since(now - datetime.timedelta(days=1)))

    assert found == [newest, new]
    assert old not in found
    assert list(news_published_since(None)) == [newest, new, old]


def test_news_published_since_applies_filters_given_in_any_shape(news):
    since = timezone.now() - datetime.timedelta(days=1)

    assert [
        item.title for item in news_published_since(since, {"topic": "safeguarding"})
    ] == ["New safeguarding thresholds from April"]
    assert [
        item.title for item in news_published_since(since, {"action_required": True})
    ] == ["New safeguarding thresholds from April"]
    assert {
        item.title
        for item in news_published_since(
            since, {"home_type": ["nursing"], "audience": ["nurses"]}
        )
    } == {
        "Hospital transfer bags reach 40 more homes",
        "Telemedicine pilot expands to nursing homes",
    }
    # A topic that does not exist at all matches nothing rather than everything.
    assert list(news_published_since(since, {"topic": "no-such-topic"})) == []


# Queries per page stay constant as news grows -------------------------------------


def add_news(index, count, start):
    for number in range(start, start + count):
        NewsPageFactory(
            parent=index,
            title=f"Update {number:03d}",
            topics=["Safeguarding", "Dementia care"],
            action_required=bool(number % 2),
            action="Check your policy",
        )


NEWS_PAGES = [
    ("/news/", {}),
    ("/news/", {"topic": "safeguarding", "home_type": "emi", "page": "2"}),
    ("/news/", {"audience": "nurses", "action_required": "yes"}),
    ("/news/feed/", {}),
    ("/news/feed/atom/", {"topic": "dementia-care"}),
    ("/", {}),
]


def test_news_queries_stay_constant_as_news_grows(client, news_index):
    # One growing set of news serves every page: making it is the slow part.
    add_news(news_index, 12, start=0)
    for url, params in NEWS_PAGES:
        client.get(url, params)  # warm per-process caches (site root, content types)
    small = count_first_queries(client, NEWS_PAGES)
    add_news(news_index, 40, start=100)
    large = count_first_queries(client, NEWS_PAGES)
    assert large == small, "queries with 12 items (right) and with 52 (left)"
