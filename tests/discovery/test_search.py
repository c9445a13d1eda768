import pytest

from tests.factories import ContentPageFactory, signed_in_only
from tests.pages import assert_hides, assert_shows, search_html

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
    signed_in_only(pages["private"])
    html = search_html(client, q="falls")
    assert_shows(
        html,
        "Falls prevention in care homes",
        '<meta name="robots" content="noindex, follow">',
    )
    assert_hides(html, "Falls draft plan", "Falls team notes")


def test_search_without_a_query_invites_one(client, home_page):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Enter a word or phrase" in response.content.decode()


def test_search_with_no_results_suggests_what_to_try(client, home_page):
    html = client.get("/search/", {"q": "zzzunknownzzz"}).content.decode()
    assert "0 results for" in html
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


def test_results_are_labelled_and_can_be_narrowed_by_kind(client, home_page):
    from tests.factories import (
        DirectoryEntryPageFactory,
        DirectoryIndexPageFactory,
        GuideIndexPageFactory,
        GuidePageFactory,
    )

    guides = GuideIndexPageFactory(parent=home_page)
    GuidePageFactory(parent=guides, title="Falls: what to do first")
    directory = DirectoryIndexPageFactory(parent=home_page)
    DirectoryEntryPageFactory(parent=directory, title="Falls awareness course")
    assert_shows(
        search_html(client, q="falls"),
        "2 results",
        ">Guide</strong>",
        ">Training and resources</strong>",
        "Guides (1)",
    )
    html = search_html(client, q="falls", kind="guide")
    assert "1 result " in html
    assert "Falls awareness course" not in html


def test_did_you_mean_suggests_a_known_word(client, pages):
    html = client.get("/search/", {"q": "preventon fals"}).content.decode()
    assert "Did you mean" in html
    assert "prevention falls" in html


def test_matches_are_highlighted(client, pages):
    html = client.get("/search/", {"q": "falls"}).content.decode()
    assert "<mark>Falls</mark>" in html


def test_public_documents_are_found_and_private_ones_are_not(client, home_page):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    private = root.add_child(name="Team only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    Document.objects.create(
        title="Falls audit template", file=ContentFile(b"audit", name="falls-audit.pdf")
    )
    Document.objects.create(
        title="Falls team minutes",
        file=ContentFile(b"minutes", name="falls-minutes.pdf"),
        collection=private,
    )
    html = search_html(client, q="falls")
    assert "Falls audit template" in html
    assert "(PDF" in html
    assert "Falls team minutes" not in html


def test_snippets_are_escaped_exactly_once(client, home_page):
    ContentPageFactory(
        parent=home_page, title="Hospital bags", summary="A resident's bag & <papers>"
    )
    html = client.get("/search/", {"q": "hospital"}).content.decode()
    assert "A resident&#x27;s bag &amp; &lt;papers&gt;" in html
    assert "&amp;#x27;" not in html
