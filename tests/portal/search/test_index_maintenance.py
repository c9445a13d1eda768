"""Concurrent writers, atomic rebuilds and index location."""

import multiprocessing

from django.core.management import call_command

from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from wagtail.models import Page

import pytest

from portal.search.backend import WhooshIndex, WhooshRebuilder
from portal.search.store import IndexStore
from tests.factories import ContentPageFactory
from tests.portal.search.concurrent_writer import DOCS_PER_WRITER, write_documents

WRITERS = 4


def test_concurrent_writers_lose_nothing_and_duplicate_nothing(tmp_path):
    path = tmp_path / "index"
    IndexStore(path).current_generation()
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=write_documents, args=(str(path), number))
        for number in range(WRITERS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    searcher = IndexStore(path).searcher()
    keys = [fields["doc_id"] for fields in searcher.all_stored_fields()]
    expected = {
        f"test.doc:{w}-{n}" for w in range(WRITERS) for n in range(DOCS_PER_WRITER)
    }
    assert len(keys) == len(expected)
    assert set(keys) == expected


@pytest.mark.django_db
def test_update_index_rebuilds_and_a_failed_rebuild_keeps_the_old_index(
    whoosh_backend, home_page, monkeypatch
):
    ContentPageFactory(parent=home_page, title="Falls prevention")
    call_command("update_index", verbosity=0)
    store = get_search_backend().store
    first = store.current_generation()
    assert Page.objects.live().search("falls").count() == 1

    def fail(*args, **kwargs):
        raise RuntimeError("database went away mid-rebuild")

    monkeypatch.setattr(WhooshIndex, "add_items", fail)
    with pytest.raises(RuntimeError):
        call_command("update_index", verbosity=0)
    monkeypatch.undo()
    assert store.current_generation() == first
    assert Page.objects.live().search("falls").count() == 1

    call_command("update_index", verbosity=0)
    assert store.current_generation() != first
    assert Page.objects.live().search("falls").count() == 1


def test_default_index_lives_under_var(settings):
    from portal.settings.base import search_backend_settings

    config = search_backend_settings("whoosh")
    assert config["BACKEND"] == "portal.search.backend"
    assert config["PATH"].name == "search-index"


@pytest.mark.django_db
def test_edits_made_during_a_rebuild_survive_the_swap(whoosh_backend, home_page):
    kept = ContentPageFactory(parent=home_page, title="Hoist safety checks")
    removed = ContentPageFactory(parent=home_page, title="Hoist servicing log")
    backend = get_search_backend()
    rebuilder = WhooshRebuilder(backend.get_index_for_model(Page))
    new_index = rebuilder.start()
    for model in get_indexed_models():
        new_index.add_items(model, model.get_indexed_objects())

    # While the new generation is being filled, editors keep publishing.
    added = ContentPageFactory(parent=home_page, title="Hoist training dates")
    kept.title = "Hoist safety checks, updated"
    kept.save_revision().publish()
    removed.delete()
    assert titles(Page.objects.live().search("hoist")) == [
        "Hoist safety checks, updated",
        "Hoist training dates",
    ]

    rebuilder.finish()
    assert backend.store.current_generation() == rebuilder.generation
    assert backend.store.building_generation() is None
    assert titles(Page.objects.live().search("hoist")) == [
        "Hoist safety checks, updated",
        "Hoist training dates",
    ]
    assert added.pk in {page.pk for page in Page.objects.search("training")}


def titles(results):
    return sorted(page.title for page in results)


@pytest.mark.django_db
def test_term_sets_kept_per_segment_follow_updates_deletes_and_merges(
    whoosh_backend, home_page
):
    """Term bitsets outlive a searcher per segment; an edit (a deletion in an
    old segment plus a new segment) and merges must still show at once."""
    from portal.search.store import MAX_SMALL_SEGMENTS

    pages = [
        ContentPageFactory(parent=home_page, title=f"Hydration round {number}")
        for number in range(MAX_SMALL_SEGMENTS + 2)
    ]
    live = Page.objects.live()
    assert live.search("hydration").count() == len(pages)  # fills the caches

    edited = pages[0]
    edited.title = "Oral care round"
    edited.save_revision().publish()
    assert live.search("hydration").count() == len(pages) - 1
    assert [page.pk for page in live.search("oral")] == [edited.pk]

    pages[1].delete()
    assert live.search("hydration").count() == len(pages) - 2
    # Enough single-document saves to make the store merge small segments.
    for page in pages[2:]:
        page.title = page.title.replace("Hydration", "Nutrition")
        page.save_revision().publish()
    assert live.search("hydration").count() == 0
    assert live.search("nutrition").count() == len(pages) - 2
    assert [page.pk for page in live.search("oral")] == [edited.pk]
