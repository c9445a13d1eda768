"""The public page cache: anonymous visitors get stored pages, editors' changes
show at once, and forms, signed-in users, previews and the admin never come from
or go into the cache."""

from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from wagtail.models import Site

import pytest

from portal import page_cache
from portal.models import PortalSettings
from tests.factories import ContentPageFactory
from tests.factories.portal_forms import SupportRequestPageFactory


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def guide(home_page):
    # Created on first use otherwise, which (rightly) empties the cache.
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    return ContentPageFactory(
        parent=home_page, title="Preventing falls", slug="preventing-falls"
    )


def test_second_visit_is_served_from_the_cache(client, guide):
    first = client.get("/preventing-falls/")
    second = client.get("/preventing-falls/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Preventing falls" in second.content.decode()
    # Security headers are stored with the page.
    assert second["X-Content-Type-Options"] == "nosniff"


def test_a_published_edit_appears_at_once(client, guide, django_assert_num_queries):
    client.get("/preventing-falls/")
    with django_assert_num_queries(0):
        assert client.get("/preventing-falls/")["X-Page-Cache"] == "hit"

    guide.title = "Preventing falls at night"
    guide.save_revision().publish()

    response = client.get("/preventing-falls/")
    assert response["X-Page-Cache"] == "miss"
    assert "Preventing falls at night" in response.content.decode()


def test_a_saved_draft_does_not_change_the_public_page(client, guide):
    client.get("/preventing-falls/")
    guide.title = "Draft title nobody should see"
    guide.save_revision()
    response = client.get("/preventing-falls/")
    assert "Draft title nobody should see" not in response.content.decode()


def test_an_unpublished_page_disappears_at_once(client, guide):
    client.get("/preventing-falls/")
    guide.unpublish()
    assert client.get("/preventing-falls/").status_code == 404


def test_pages_with_forms_are_never_stored(client, home_page):
    page = SupportRequestPageFactory(parent=home_page)
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_signed_in_users_never_get_or_fill_the_cache(client, guide, editor):
    client.force_login(editor)
    response = client.get("/preventing-falls/")
    assert "X-Page-Cache" not in response
    client.logout()
    client.cookies.clear()
    assert client.get("/preventing-falls/")["X-Page-Cache"] == "miss"
    client.force_login(editor)
    assert "X-Page-Cache" not in client.get("/preventing-falls/")


def test_query_strings_and_message_cookies_skip_the_cache(client, guide):
    client.get("/preventing-falls/")
    assert "X-Page-Cache" not in client.get("/preventing-falls/?page=2")
    client.cookies["messages"] = "stored-message"
    assert "X-Page-Cache" not in client.get("/preventing-falls/")


def test_admin_previews_health_and_personal_alert_links_are_never_cached():
    factory = RequestFactory()
    for path in [
        "/admin/pages/3/edit/preview/",
        "/admin/",
        "/health/",
        "/search/",
        "/alerts/unsubscribe/a-subscribers-token/",
    ]:
        assert not page_cache.request_is_cacheable(factory.get(path))
    assert page_cache.request_is_cacheable(factory.get("/events/"))
    assert not page_cache.request_is_cacheable(factory.post("/events/"))


def test_private_responses_are_never_stored():

    assert page_cache.response_is_cacheable(HttpResponse("ok"))
    private = HttpResponse("calendar")
    private["Cache-Control"] = "private, no-store"
    assert not page_cache.response_is_cacheable(private)
    assert not page_cache.response_is_cacheable(HttpResponse("gone", status=404))
    with_cookie = HttpResponse("form")
    with_cookie.set_cookie("csrftoken", "x")
    assert not page_cache.response_is_cacheable(with_cookie)


def test_cache_off_when_page_cache_seconds_is_zero(client, guide, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/preventing-falls/")
    assert "X-Page-Cache" not in client.get("/preventing-falls/")


def test_the_file_store_keeps_pages_uncompressed_and_treats_bad_files_as_misses(
    tmp_path,
):
    store = page_cache.PageFileCache(str(tmp_path), {})
    store.set("page", HttpResponse("<p>Falls</p>"), 60)
    assert store.get("page").content == b"<p>Falls</p>"
    stored = next(tmp_path.glob("*.page"))
    assert b"<p>Falls</p>" in stored.read_bytes()  # not zlib-compressed

    assert store.touch("page", 120)
    assert not store.touch("missing", 120)
    store.set("count", 1, None)
    assert store.incr("count") == 2

    stored.write_bytes(stored.read_bytes()[:-20])  # cut short, as by a full disk
    assert store.get("page", "miss") == "miss"

    store.set("gone", "soon", -1)
    assert store.get("gone") is None


def test_culling_a_full_store_never_removes_the_generation(tmp_path):
    store = page_cache.PageFileCache(
        str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}}
    )
    generation = page_cache.generation(store)
    for number in range(60):
        store.set(f"page-{number}", HttpResponse(f"page {number}"), 60)
        assert page_cache.generation(store) == generation
    assert len(list(tmp_path.glob("*.page"))) <= 10


def test_the_generation_read_from_memory_follows_every_change(tmp_path):
    store = page_cache.PageFileCache(str(tmp_path), {})
    other_worker = page_cache.PageFileCache(str(tmp_path), {})
    first = page_cache.generation(store)
    assert page_cache.generation(other_worker) == first
    for _ in range(3):  # quicker than the file system's clock may tick
        store.set(page_cache.GENERATION_KEY, page_cache.new_generation(), None)
        assert other_worker.get_unexpiring(page_cache.GENERATION_KEY) == store.get(
            page_cache.GENERATION_KEY
        )
    store.clear()
    assert other_worker.get_unexpiring(page_cache.GENERATION_KEY, "gone") == "gone"
