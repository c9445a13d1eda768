from wagtail.models import PageViewRestriction

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    return {
        "public": ContentPageFactory(
            parent=home_page, title="Falls prevention in care homes"
        ),
        "draft": ContentPageFactory(
            parent=home_page, title="Falls draft plan", live=False
        ),
        "private": ContentPageFactory(parent=home_page, title="Falls team notes"),
    }


def test_search_finds_published_pages_only(client, pages):
    PageViewRestriction.objects.create(
        page=pages["private"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/search/", {"q": "falls"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Falls prevention in care homes" in html
    assert "Falls draft plan" not in html
    assert "Falls team notes" not in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_search_without_a_query_invites_one(client, home_page):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Enter a word or phrase" in response.content.decode()


def test_search_with_no_results_suggests_what_to_try(client, home_page):
    html = client.get("/search/", {"q": "zzzunknownzzz"}).content.decode()
    assert "No results for" in html
    assert "checking your spelling" in html


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "a" * 10_000,
        "care AND OR NOT (",
        "😀 résumé ✓",
        "   ",
        "<script>",
    ],
)
def test_awkward_queries_never_error(client, pages, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main")[1]


@pytest.mark.parametrize("page_number", ["0", "-1", "999", "abc"])
def test_bad_page_numbers_fall_back(client, pages, page_number):
    response = client.get("/search/", {"q": "falls", "page": page_number})
    assert response.status_code == 200
