"""Answers every page needs (menu, index pages, view restrictions) are remembered
between page views, yet an editor's change shows on the very next view, and an
editor's preview never leaks into what the public sees."""

from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from portal import content_memo, page_cache
from tests.factories import ContentPageFactory, GuideIndexPageFactory, signed_in_only

pytestmark = pytest.mark.django_db


def view(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_menu_section_shows_on_the_next_view(client, home_page):
    ContentPageFactory(parent=home_page, title="About us", show_in_menus=True)
    assert ">About us</a>" in view(client)

    ContentPageFactory(parent=home_page, title="Leadership Academy", show_in_menus=True)

    html = view(client)
    assert ">About us</a>" in html and ">Leadership Academy</a>" in html


def test_unpublishing_or_restricting_a_section_removes_it_at_once(client, home_page):
    about = ContentPageFactory(parent=home_page, title="About us", show_in_menus=True)
    staff = ContentPageFactory(parent=home_page, title="Staff room", show_in_menus=True)
    html = view(client)
    assert ">About us</a>" in html and ">Staff room</a>" in html

    signed_in_only(staff)
    html = view(client)
    assert ">About us</a>" in html and "Staff room" not in html

    about.unpublish()
    assert "About us" not in view(client)


def test_later_views_skip_the_remembered_queries(client, home_page):
    ContentPageFactory(parent=home_page, title="About us", show_in_menus=True)
    view(client)
    content_memo.forget()
    with CaptureQueriesContext(connection) as first:
        view(client)
    with CaptureQueriesContext(connection) as later:
        html = view(client)
    assert len(later) < len(first)
    assert ">About us</a>" in html


def test_a_preview_of_unpublished_quick_links_is_never_remembered(client, home_page):
    guides = GuideIndexPageFactory(parent=home_page, title="Guides")
    view(client)
    draft = Page.objects.get(pk=home_page.pk).specific
    draft.quick_links = [
        ("link", {"page": guides, "title": "Secret draft link", "description": "x"})
    ]

    preview = draft.make_preview_request()
    assert "Secret draft link" in preview.content.decode()

    assert "Secret draft link" not in view(client)
    content_memo.forget()
    draft.make_preview_request()
    assert "Secret draft link" not in view(client)


def test_a_lost_generation_never_comes_back_as_an_old_one():
    cache = caches["pages"]
    first = page_cache.generation(cache)
    page_cache.purge()
    second = page_cache.generation(cache)
    cache.clear()  # the stored number is lost (culled, or Redis emptied)
    third = page_cache.generation(cache)
    assert len({first, second, third}) == 3


def test_a_change_inside_a_transaction_purges_again_once_committed(home_page):
    cache = caches["pages"]
    with transaction.atomic():
        before = page_cache.generation(cache)
        ContentPageFactory(parent=home_page, title="One")
        ContentPageFactory(parent=home_page, title="Two")
        during = page_cache.generation(cache)
        purges = [
            callback
            for _, callback, _ in connection.run_on_commit
            if callback is page_cache.purge
        ]
    assert during != before
    # One more purge once committed, however many rows changed.
    assert len(purges) == 1


def test_footer_details_and_breadcrumbs_follow_edits_at_once(client, home_page):
    from wagtail.models import Site

    from portal.models import PortalSettings

    section = ContentPageFactory(parent=home_page, title="About us", slug="about")
    ContentPageFactory(parent=section, title="Our team", slug="team")
    html = view(client, "/about/team/")
    assert ">About us</a>" in html

    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_phone = "0113 496 0000"
    settings.save()
    section.title = "Who we are"
    section.save_revision().publish()

    html = view(client, "/about/team/")
    assert "phone 0113 496 0000" in html
    assert ">Who we are</a>" in html and "About us" not in html


def test_remembered_routes_follow_moves_renames_and_unpublishing(client, home_page):
    from tests.factories.events import EventIndexPageFactory

    about = ContentPageFactory(parent=home_page, title="About us", slug="about")
    team = ContentPageFactory(parent=about, title="Our team", slug="team")
    events = EventIndexPageFactory(parent=home_page, slug="events")
    assert ">Our team</h1>" in view(client, "/about/team/")
    assert client.get("/events/feed/")["Content-Type"].startswith("text/calendar")

    # Served again from the remembered route: the sub-path still resolves.
    assert client.get("/events/feed/")["Content-Type"].startswith("text/calendar")
    content_memo.forget()
    with CaptureQueriesContext(connection) as first:
        view(client, "/about/team/")
    with CaptureQueriesContext(connection) as later:
        view(client, "/about/team/")
    assert len(later) < len(first)

    team.slug = "people"
    team.save_revision().publish()
    assert client.get("/about/team/").status_code == 404
    assert ">Our team</h1>" in view(client, "/about/people/")

    team.move(events.get_parent(), pos="last-child")
    moved = client.get("/about/people/")  # Wagtail redirects a moved page
    assert moved.status_code == 301 and moved["Location"] == "/people/"
    assert ">Our team</h1>" in view(client, "/people/")

    Page.objects.get(pk=team.pk).unpublish()
    assert client.get("/people/").status_code == 404


def test_the_remembered_site_follows_new_sites_and_refuses_unknown_hosts(
    client, home_page, settings
):
    from wagtail.models import Site

    settings.ALLOWED_HOSTS = ["testserver", "staff.example.gov.uk"]
    ContentPageFactory(parent=home_page, title="About us", slug="about")
    assert ">About us</h1>" in view(client, "/about/")
    root = Page.get_first_root_node()
    staff_home = ContentPageFactory(parent=root, title="Staff home", slug="staff")
    ContentPageFactory(parent=staff_home, title="Rotas", slug="about")
    # Without a site of its own, the host gets the default site.
    before = client.get("/about/", HTTP_HOST="staff.example.gov.uk")
    assert ">About us</h1>" in before.content.decode()

    Site.objects.create(hostname="staff.example.gov.uk", port=80, root_page=staff_home)

    staff = client.get("/about/", HTTP_HOST="staff.example.gov.uk")
    assert ">Rotas</h1>" in staff.content.decode()
    assert ">About us</h1>" in view(client, "/about/")
    assert client.get("/about/", HTTP_HOST="evil.example.com").status_code == 400
