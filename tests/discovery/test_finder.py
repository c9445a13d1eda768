"""Find training for my home: the plain GET form and where it ends."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.factories import (
    AreaFactory,
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
)

pytestmark = pytest.mark.django_db

FINDER = "/find-training/"


@pytest.fixture
def directory(home_page):
    index = DirectoryIndexPageFactory(parent=home_page)
    AreaFactory(name="North")
    DirectoryEntryPageFactory(parent=index, topics=["Dementia care"])
    DirectoryEntryPageFactory(parent=index, topics=["Medicines"])
    return index


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
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Choose one of the options listed" in html
    assert "Choose an area, or anywhere in the city" in html
    assert "Choose your role" in html
    # What was chosen is kept.
    assert 'value="dementia-care" checked' in html
    assert 'content="noindex' in html


def test_shortcut_placeholder_on_home_and_directory(client, directory, home_page):
    for url in (home_page.url, directory.url):
        html = client.get(url).content.decode()
        assert 'href="/find-training/">Find training for my home</a>' in html
        assert "data-finder-saved hidden" in html
        assert "js/finder.js" in html
