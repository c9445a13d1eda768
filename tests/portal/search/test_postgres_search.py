"""PostgreSQL full-text search is a first-class engine (SEARCH_BACKEND=database).

Everything goes through the public surface: the site search page, the
directory page, and the admin as an editor uses it. Runs only when the tests run
on PostgreSQL (`scripts/test-postgres.sh`); each test uses the database backend,
whatever SEARCH_BACKEND says, so Whoosh runs elsewhere cannot hide a failure.
"""

import re

from django.db import connection

import pytest

from tests.factories import (
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
    ProviderFactory,
    UserFactory,
    signed_in_only,
)
from tests.pages import assert_shows, page_html, search_html

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL full-text search"
    ),
]


@pytest.fixture(autouse=True)
def postgres_search(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert type(backend).__name__ == "PostgresSearchBackend"
    return backend


def result_titles(html):
    """Result titles in the order the page lists them."""
    return re.findall(
        r'portal-results__title"><a href="[^"]*">([^<]+)</a>', html, flags=re.S
    )


@pytest.fixture
def pages(content_page):
    # The title match is created first: on equal scores the newest page would
    # come first, so only ranking can put it above the body match.
    return {
        "hoists": content_page(
            "Hoist safety checks",
            "What to check before every transfer.",
            "Slings wear out: look at the stitching.",
        ),
        "rotas": content_page(
            "Planning staff rotas",
            "Cover for nights and weekends.",
            "Two people trained to use the hoist on every shift.",
        ),
        "medication": content_page(
            "Safe handling of medication",
            "Giving and recording medication in care homes.",
            "Keep the records up to date.",
        ),
        "draft": content_page("Hoist training draft", "Not published yet.", live=False),
        "private": signed_in_only(
            content_page("Hoist team notes", "For the team only.")
        ),
    }


def test_site_search_finds_stemmed_words(client, pages):
    # "shifts" finds "shift" and "stitches" finds "stitching": English stems.
    assert result_titles(search_html(client, q="shifts")) == ["Planning staff rotas"]
    assert result_titles(search_html(client, q="stitches")) == ["Hoist safety checks"]
    html = search_html(client, q="checking transfers")
    assert result_titles(html) == ["Hoist safety checks"]


def test_site_search_finds_care_synonyms(client, pages):
    # English stemming alone keeps "medicines" (medicin) apart from "medication"
    # (medic); the care vocabulary joins them, as on Whoosh.
    assert result_titles(search_html(client, q="medicines")) == [
        "Safe handling of medication"
    ]


def test_site_search_ranks_title_matches_above_body_matches(client, pages):
    html = search_html(client, q="hoist")
    assert result_titles(html) == ["Hoist safety checks", "Planning staff rotas"]
    assert "2 results" in html


def test_site_search_never_shows_drafts_or_login_restricted_pages(client, pages):
    html = search_html(client, q="hoist")
    assert "Hoist training draft" not in html
    assert "Hoist team notes" not in html
    client.force_login(UserFactory())
    html = search_html(client, q="hoist")
    # Site search lists public pages only, even for someone signed in.
    assert "Hoist team notes" not in html


def test_site_search_matches_phrases_in_order(client, pages):
    assert result_titles(search_html(client, q='"safety checks"')) == [
        "Hoist safety checks"
    ]
    assert result_titles(search_html(client, q='"checks safety"')) == []


def test_did_you_mean_on_postgres(client, pages):
    html = client.get("/search/", {"q": "hoyst"}).content.decode()
    assert "0 results" in html
    assert "Did you mean" in html
    assert "hoist" in html


@pytest.fixture
def directory(home_page):
    directory = DirectoryIndexPageFactory(parent=home_page)
    # Created before the body-only match, so that the tie-break on equal scores
    # (newest first) would put it second: only ranking puts it first.
    DirectoryEntryPageFactory(
        parent=directory,
        title="Hoist refresher e-learning",
        summary="A short online refresher on hoist checks.",
        kind="elearning",
        format="elearning",
        cost="paid",
        topics=["Moving and handling"],
    )
    DirectoryEntryPageFactory(
        parent=directory,
        title="Moving and handling training",
        summary="Hoists, slings and safe transfers.",
        format="classroom",
        cost="free",
        suits_emi=False,
        topics=["Moving and handling"],
    )
    DirectoryEntryPageFactory(
        parent=directory,
        title="Dementia care mapping",
        summary="Observe and improve wellbeing.",
        format="blended",
        cost="paid",
        topics=["Dementia care"],
    )
    DirectoryEntryPageFactory(
        parent=directory,
        title="Hoist training draft",
        summary="Hoists for beginners.",
        live=False,
    )
    return directory


def facet_count(html, name, value):
    """The count beside a filter checkbox; 0 when the page hides the option."""
    match = re.search(
        rf'for="filter-{name}-{value}">[^<]*<span class="portal-count">\((\d+)<', html
    )
    return int(match.group(1)) if match else 0


def test_directory_search_counts_facets_with_the_other_filters(client, directory):
    html = search_html(client, "/directory/", q="hoists", cost="paid")
    assert "1 result" in html
    assert "Hoist refresher e-learning" in html
    assert "Moving and handling training" not in html
    assert "Hoist training draft" not in html
    # Cost counts leave out the cost filter itself; the others apply it.
    assert facet_count(html, "cost", "free") == 1
    assert facet_count(html, "cost", "paid") == 1
    assert facet_count(html, "format", "elearning") == 1
    assert facet_count(html, "format", "classroom") == 0
    assert facet_count(html, "kind", "elearning") == 1
    assert facet_count(html, "home_type", "emi") == 1
    assert facet_count(html, "topic", "moving-and-handling") == 1
    assert facet_count(html, "topic", "dementia-care") == 0


def test_directory_search_finds_stemmed_words_and_ranks_titles_first(client, directory):
    html = search_html(client, "/directory/", q="hoist")
    assert "2 results" in html
    assert html.index("Hoist refresher e-learning") < html.index(
        "Moving and handling training"
    )


def test_admin_page_search_finds_drafts_for_an_editor(client, pages, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/search/", {"q": "hoist"})
    assert_shows(
        page_html(response),
        "Hoist training draft",
        "Hoist safety checks",
        "Hoist team notes",
    )


def test_admin_autocomplete_matches_word_beginnings(client, pages, editor):
    client.force_login(editor)
    html = client.get("/admin/pages/search/", {"q": "medic"}).content.decode()
    assert "Safe handling of medication" in html
    assert "Hoist safety checks" not in html


def test_admin_provider_search_autocompletes(client, admin_user):
    ProviderFactory(name="Northgate Skills Academy")
    ProviderFactory(name="Riverside Care Training")
    client.force_login(admin_user)
    response = client.get("/admin/snippets/directory/provider/", {"q": "north"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Northgate Skills Academy" in html
    assert "Riverside Care Training" not in html


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "a" * 10_000,
        "care AND OR NOT ( [ ] { } ~ ^ * ? : \\ / ! & | < > '",
        "😀 résumé ✓ 漢字",
        "the of and",
        "title:hoist",
        "medicines:",
    ],
)
def test_awkward_queries_never_error(client, pages, directory, editor, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/directory/", {"q": query}).status_code == 200
    client.force_login(editor)
    assert client.get("/admin/pages/search/", {"q": query}).status_code == 200
