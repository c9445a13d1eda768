"""The search API behaves the same on the Whoosh and database backends."""

import datetime

from django.db.models import Q
from django.utils import timezone

from modelsearch.backends import get_search_backend
from modelsearch.query import MATCH_ALL, Phrase, PlainText
from wagtail.models import Page

import pytest

from portal.models import ContentPage
from tests.factories import ContentPageFactory, signed_in_only

pytestmark = pytest.mark.django_db


def titles(results):
    return sorted(page.title for page in results)


@pytest.fixture
def pages(search_backend, content_page):
    falls = content_page(
        "Falls prevention in care homes",
        "Reduce falls with simple checks.",
        "Walking aids, lighting and footwear all matter for care.",
    )
    medicines = content_page(
        "Safe handling of medication",
        "Giving and recording medication in care homes.",
        "Store every medicine safely and keep care records.",
    )
    dementia = content_page(
        "Dementia friendly environments",
        "Signs, colour and lighting for residents living with dementia.",
        "Good lighting helps people with dementia avoid falls in care.",
        parent=falls,
    )
    draft = content_page("Falls draft plan", "care", live=False)
    private = signed_in_only(content_page("Falls team notes", "care"))
    older = timezone.now() - datetime.timedelta(days=30)
    Page.objects.filter(pk=falls.pk).update(first_published_at=older)
    falls.refresh_from_db()
    get_search_backend().add(falls)
    return {
        "falls": falls,
        "medicines": medicines,
        "dementia": dementia,
        "draft": draft,
        "private": private,
    }


def test_live_public_search_never_shows_drafts_or_private_pages(pages):
    results = Page.objects.live().public().search("falls")
    assert titles(results) == [
        "Dementia friendly environments",
        "Falls prevention in care homes",
    ]


def test_unpublishing_and_deleting_take_pages_out_of_results(pages):
    pages["falls"].unpublish()
    assert titles(Page.objects.live().public().search("falls")) == [
        "Dementia friendly environments"
    ]
    pages["dementia"].delete()
    assert titles(Page.objects.live().public().search("falls")) == []


def test_publishing_an_edit_updates_the_index(pages):
    page = pages["medicines"]
    page.title = "Safe handling of hoists"
    page.save_revision().publish()
    assert titles(ContentPage.objects.live().search("hoists")) == [
        "Safe handling of hoists"
    ]


@pytest.mark.parametrize(
    "make_queryset, expected",
    [
        (lambda p: ContentPage.objects.live().filter(depth=4), ["Dementia"]),
        (lambda p: ContentPage.objects.live().filter(depth__gt=3), ["Dementia"]),
        (
            lambda p: ContentPage.objects.live().filter(depth__lte=3),
            ["Falls", "Falls team", "Safe"],
        ),
        (
            lambda p: ContentPage.objects.live().filter(title__startswith="Safe"),
            ["Safe"],
        ),
        (
            lambda p: ContentPage.objects.live().exclude(title__startswith="Safe"),
            ["Dementia", "Falls", "Falls team"],
        ),
        (
            lambda p: ContentPage.objects.live().filter(
                Q(pk=p["falls"].pk) | Q(pk=p["medicines"].pk)
            ),
            ["Falls", "Safe"],
        ),
        (
            lambda p: ContentPage.objects.live().filter(
                id__in=[p["dementia"].pk, p["draft"].pk]
            ),
            ["Dementia"],
        ),
        (
            lambda p: ContentPage.objects.live().filter(
                first_published_at__lt=timezone.now() - datetime.timedelta(days=7)
            ),
            ["Falls"],
        ),
        (
            lambda p: ContentPage.objects.filter(live=False),
            ["Falls draft"],
        ),
        (
            lambda p: ContentPage.objects.live().filter(owner__isnull=True),
            ["Dementia", "Falls", "Falls team", "Safe"],
        ),
        (
            lambda p: ContentPage.objects.live().descendant_of(p["falls"]),
            ["Dementia"],
        ),
        (
            lambda p: ContentPage.objects.live().public().filter(locked=False),
            ["Dementia", "Falls", "Safe"],
        ),
    ],
)
def test_filters_mean_the_same_on_both_backends(pages, make_queryset, expected):
    results = make_queryset(pages).search("care")
    found = titles(results)
    assert len(found) == len(expected)
    for title, prefix in zip(found, expected, strict=True):
        assert title.startswith(prefix)
    assert results.count() == len(expected)


def test_facets_count_the_same_on_both_backends(pages):
    results = ContentPage.objects.all().search("care")
    assert dict(results.facet("live")) == {True: 4, False: 1}
    assert dict(results.facet("depth")) == {3: 4, 4: 1}
    live = ContentPage.objects.live().public().search("care")
    assert dict(live.facet("depth")) == {3: 2, 4: 1}


def test_ordering_by_a_filter_field(pages):
    results = (
        ContentPage.objects.live()
        .public()
        .filter(first_published_at__isnull=False)
        .order_by("-first_published_at")
        .search("care", order_by_relevance=False)
    )
    assert [page.title for page in results] == ["Falls prevention in care homes"]
    newest_first = (
        ContentPage.objects.live()
        .public()
        .order_by("-title")
        .search("care", order_by_relevance=False)
    )
    assert [page.title for page in newest_first] == [
        "Safe handling of medication",
        "Falls prevention in care homes",
        "Dementia friendly environments",
    ]


def test_slicing_and_counting(pages):
    results = ContentPage.objects.live().public().search("care", operator="or")
    assert results.count() == 3
    first, rest = list(results[:1]), list(results[1:])
    assert len(first) == 1 and len(rest) == 2
    assert {page.pk for page in first + rest} == {
        pages[name].pk for name in ("falls", "medicines", "dementia")
    }
    assert results[1:2].count() == 1


def test_autocomplete_matches_word_beginnings(pages):
    results = ContentPage.objects.live().public().autocomplete("Fal")
    assert titles(results) == ["Falls prevention in care homes"]


def test_match_all_with_filters(pages):
    results = ContentPage.objects.live().public().search(MATCH_ALL)
    assert results.count() == 3


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "a" * 10_000,
        "care AND OR NOT ( [ ] { } ~ ^ * ? : \\ /",
        "😀 résumé ✓ 漢字",
        "   ",
        "",
        "the of and",
        "title:falls",
    ],
)
def test_awkward_queries_never_error(whoosh_backend, home_page, query):
    # Wagtail's database backend raises on some of these (e.g. an unbalanced
    # quote on SQLite); the Whoosh backend must not.
    ContentPageFactory(parent=home_page, title="Falls prevention")
    results = Page.objects.live().public().search(query)
    assert results.count() >= 0
    assert isinstance(list(results[:10]), list)
    assert isinstance(list(Page.objects.live().autocomplete(query)[:5]), list)


# Whoosh-only behaviour and scores: the database backend on SQLite has no
# stemming or synonyms. PostgreSQL stems, ranks and matches phrases with scores
# of its own, and gets the care synonyms from portal.search.query.parsed_query rather
# than the index: test_postgres_search.py covers it through the site's pages.


@pytest.fixture
def whoosh_pages(whoosh_backend, content_page):
    return {
        "medicines": content_page(
            "Safe handling",
            "Recording what was given.",
            "Every medication round is recorded.",
        ),
        "falls": content_page(
            "Falls prevention",
            "Checks for people at risk.",
            "Lighting and footwear for residents with dementia.",
        ),
        "emi": content_page(
            "EMI home staffing",
            "Skills mix for specialist homes.",
            "How to plan rotas.",
        ),
        "body_only": content_page(
            "Staff wellbeing",
            "Looking after the team.",
            "Rotas that prevent falls in staff energy.",
        ),
    }


def test_stemming_and_care_synonyms(whoosh_pages):
    assert titles(ContentPage.objects.live().search("medicines")) == ["Safe handling"]
    assert titles(ContentPage.objects.live().search("dementia")) == [
        "EMI home staffing",
        "Falls prevention",
    ]
    assert titles(ContentPage.objects.live().search("recording")) == ["Safe handling"]


def test_title_matches_rank_above_body_matches(whoosh_pages):
    results = list(ContentPage.objects.live().search("falls").annotate_score("score"))
    assert [page.title for page in results] == ["Falls prevention", "Staff wellbeing"]
    assert results[0].score > results[1].score > 0


def test_phrase_and_or_queries(whoosh_pages):
    assert titles(ContentPage.objects.live().search(Phrase("medication round"))) == [
        "Safe handling"
    ]
    assert titles(ContentPage.objects.live().search(Phrase("round medication"))) == []
    assert titles(
        ContentPage.objects.live().search(PlainText("rotas lighting", operator="or"))
    ) == ["EMI home staffing", "Falls prevention", "Staff wellbeing"]
    assert titles(ContentPage.objects.live().search("rotas lighting")) == []


def test_unsupported_lookups_raise_filter_error(whoosh_pages):
    from modelsearch.backends.base import FilterError

    with pytest.raises(FilterError, match="contains"):
        ContentPage.objects.filter(title__contains="Safe").search("falls")


def test_highlight_marks_stemmed_and_synonym_matches():
    from portal.search.highlight import highlight

    html = highlight("Record every medication <given>.", "medicines")
    assert "<mark>medication</mark>" in html
    assert "&lt;given" in html
