"""Find training for my home: the plain GET form and where it ends."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db

FINDER = "/find-training/"


def test_questions_are_a_plain_form(client, directory):
    response = client.get(FINDER)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="get" action="/find-training/"' in html
    for text in (
        "What type of home do you work in?",
        "Which part of the city is the home in?",
        "What is your role?",
        "What do you need help with?",
        'value="north"',
        'value="dementia-care"',
        "Anywhere in the city",
        "Show me everything",
    ):
        assert text in html
    assert 'content="noindex' not in html


def test_answers_end_on_the_directory_filtered(client, directory):
    response = client.get(
        FINDER,
        {
            "home_type": "nursing",
            "area": "north",
            "audience": "nurse",
            "topic": "dementia-care",
        },
    )
    assert response.status_code == 302
    url = urlsplit(response.url)
    assert url.path == directory.url
    assert parse_qsl(url.query) == [
        ("home_type", "nursing"),
        ("area", "north"),
        ("audience", "nurse"),
        ("topic", "dementia-care"),
    ]
    page = client.get(response.url).content.decode()
    assert "Active filters" in page


def test_anywhere_and_everything_leave_those_filters_off(client, directory):
    response = client.get(
        FINDER,
        {"home_type": "emi", "area": "any", "audience": "manager", "topic": "any"},
    )
    assert response.status_code == 302
    assert response.url == f"{directory.url}?home_type=emi&audience=manager"


def test_missing_or_unknown_answers_are_explained(client, directory):
    response = client.get(FINDER, {"home_type": "castle", "topic": "dementia-care"})
    assert_shows(
        page_html(response, status=400),
        "There is a problem",
        "Choose one of the options listed",
        "Choose an area, or anywhere in the city",
        "Choose your role",
        'value="dementia-care" checked',  # what was chosen is kept
        'content="noindex',
    )


def test_shortcut_placeholder_on_home_and_directory(client, directory, home_page):
    for url in (home_page.url, directory.url):
        html = client.get(url).content.decode()
        assert 'href="/find-training/">Find training for my home</a>' in html
        assert "data-finder-saved hidden" in html
        assert "js/finder.js" in html
