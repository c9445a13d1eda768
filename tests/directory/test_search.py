"""The directory's finding rules, through its public page and its service."""

import pytest

from directory.search import DirectoryQuery, facet_counts, find_entries

pytestmark = pytest.mark.django_db


def titles(results):
    return {entry.title for entry in results}


def test_no_filters_lists_every_live_entry_alphabetically(entries, directory):
    from tests.factories import DirectoryEntryPageFactory

    DirectoryEntryPageFactory(parent=directory, title="Unpublished course", live=False)
    results = list(find_entries(DirectoryQuery()))
    assert [entry.title for entry in results] == sorted(
        [
            "Dementia care mapping",
            "React to Red pressure ulcer training",
            "Safe handling of medicines",
            "Workforce development fund",
        ]
    )


def test_values_within_a_facet_are_ored_and_facets_are_anded(entries):
    query = DirectoryQuery(home_type=["emi", "residential"])
    assert titles(find_entries(query)) == {
        "Dementia care mapping",
        "React to Red pressure ulcer training",
        "Safe handling of medicines",
        "Workforce development fund",
    }
    query = DirectoryQuery(home_type=["emi"], topic=["dementia-care"], cost=["free"])
    assert titles(find_entries(query)) == {"React to Red pressure ulcer training"}


def test_topic_filter_counts_each_entry_once(entries):
    query = DirectoryQuery(topic=["dementia-care", "pressure-area-care"])
    results = find_entries(query)
    assert results.count() == 2
    assert len(list(results)) == 2


def test_area_filter_includes_citywide_offers(entries):
    query = DirectoryQuery(area=["north"])
    assert titles(find_entries(query)) == {
        "Dementia care mapping",
        "React to Red pressure ulcer training",
        "Safe handling of medicines",
    }


def test_text_search_combines_with_filters(entries):
    assert titles(find_entries(DirectoryQuery(text="pressure"))) == {
        "React to Red pressure ulcer training"
    }
    assert (
        titles(find_entries(DirectoryQuery(text="pressure", kind=["elearning"])))
        == set()
    )


def test_facet_counts_reflect_the_other_active_filters(entries):
    query = DirectoryQuery(home_type=["emi"])
    counts = facet_counts(
        query,
        topic_values=["dementia-care", "medication-management"],
        area_values=["north", "south"],
    )
    # The home type counts ignore the home type filter itself...
    assert counts["home_type"] == {"residential": 3, "nursing": 2, "emi": 3}
    # ...while every other facet counts only EMI-suitable entries.
    assert counts["kind"] == {"training": 2, "funding": 1}
    assert counts["topic"] == {"dementia-care": 2, "medication-management": 0}
    assert counts["cost"] == {"free": 2, "paid": 1}
    assert counts["area"] == {"north": 2, "south": 3}
    assert counts["audience"]["nurse"] == 1


def test_sort_orders(entries):
    import datetime

    from django.utils import timezone

    from directory.models import DirectoryEntryPage

    for days_ago, entry in enumerate(entries.values()):
        published = timezone.now() - datetime.timedelta(days=10 - days_ago)
        DirectoryEntryPage.objects.filter(pk=entry.pk).update(
            first_published_at=published
        )
    newest = list(find_entries(DirectoryQuery(sort="newest")))
    assert newest[0].title == "Workforce development fund"
    az = [entry.title for entry in find_entries(DirectoryQuery(sort="az"))]
    assert az == sorted(az)


@pytest.fixture(params=["whoosh", "configured"])
def counting_backend(request, settings, tmp_path):
    """The Whoosh index (which counts in one pass) and the configured engine
    (PostgreSQL's full-text search in the PostgreSQL run), each in turn."""
    from directory.search import index_counts_related_fields
    from portal.search.store import forget_stores

    if request.param == "whoosh":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "portal.search.backend",
                "PATH": tmp_path / "search-index",
            }
        }
    elif index_counts_related_fields():
        pytest.skip("the configured engine is Whoosh, counted by the whoosh run")
    yield request.param
    forget_stores()


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"home_type": ["emi"]},
        {"topic": ["dementia-care"], "cost": ["free"]},
        {"area": ["north"]},
        {"area": ["north", "south"], "topic": ["dementia-care"]},
        {"text": "training"},
        {"text": "care", "home_type": ["emi"], "area": ["south"]},
    ],
)
def test_database_search_and_index_count_facets_alike(
    counting_backend, entries, filters, monkeypatch
):
    """The three ways of counting agree: grouped SQL (no text), one search per
    value (any backend, with text) and the Whoosh index's one pass (only the
    Whoosh index can facet on related fields such as `tags__slug`)."""
    import dataclasses

    from directory import search
    from directory.search import (
        database_facet_counts,
        index_counts_related_fields,
        index_facet_counts,
        search_facet_counts,
    )

    query = DirectoryQuery(**filters)
    values = {
        "topic_values": [
            "dementia-care",
            "medication-management",
            "pressure-area-care",
        ],
        "area_values": ["north", "south"],
    }
    by_search = search_facet_counts(query, **values)
    others = []
    if index_counts_related_fields():
        others.append(index_facet_counts(query, **values))
    if query.text:
        # The database cannot match text: it counts the entries the text finds.
        found = [entry.pk for entry in find_entries(DirectoryQuery(text=query.text))]
        visible = search.visible_entries
        monkeypatch.setattr(
            search,
            "visible_entries",
            lambda request=None: visible(request).filter(pk__in=found),
        )
        query = dataclasses.replace(query, text="")
    others.append(database_facet_counts(query, **values))
    assert any(by_search["kind"].values()), "the case should find something"
    for other in others:
        assert set(other) == set(by_search)
        for name in by_search:
            # A value with no results may be missing from one side rather than zero.
            keys = set(by_search[name]) | set(other[name])
            assert {k: by_search[name].get(k, 0) for k in keys} == {
                k: other[name].get(k, 0) for k in keys
            }, name


def test_a_topic_added_when_publishing_is_searchable_and_counted(directory):
    """Publishing saves the page's tags after the page itself; the index must
    still see them at once (not only after the next save)."""
    from tests.factories import DirectoryEntryPageFactory

    entry = DirectoryEntryPageFactory(parent=directory, title="Mouth care basics")
    entry.tags.add("Oral health")
    entry.save_revision().publish()

    assert titles(find_entries(DirectoryQuery(text="oral"))) == {"Mouth care basics"}
    query = DirectoryQuery(text="mouth", topic=["oral-health"])
    assert titles(find_entries(query)) == {"Mouth care basics"}
    counts = facet_counts(query, topic_values=["oral-health"], area_values=[])
    assert counts["topic"] == {"oral-health": 1}


@pytest.mark.parametrize("text", ["", "hoist"])
def test_private_entries_are_neither_listed_nor_counted(directory, text):
    from tests.factories import DirectoryEntryPageFactory, signed_in_only

    DirectoryEntryPageFactory(
        parent=directory, title="Hoist training", topics=["Moving and handling"]
    )
    signed_in_only(
        DirectoryEntryPageFactory(
            parent=directory,
            title="Hoist training for our own staff",
            kind="funding",
            topics=["Moving and handling"],
        )
    )
    query = DirectoryQuery(text=text)
    assert titles(find_entries(query)) == {"Hoist training"}
    counts = facet_counts(query, topic_values=["moving-and-handling"], area_values=[])
    assert counts["topic"] == {"moving-and-handling": 1}
    assert counts["kind"] == {"training": 1}
