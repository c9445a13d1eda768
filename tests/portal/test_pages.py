import pytest

from tests.factories import ContentPageFactory, signed_in_only
from tests.pages import assert_hides, assert_shows, page_html

pytestmark = pytest.mark.django_db


def test_home_page_shows_intro_sections_and_empty_states(client, home_page):
    assert_shows(
        page_html(client.get("/")),
        "Training, guidance and support for care homes.",
        "Latest guides",
        "No guides have been published yet",
        "There are no events coming up",
        "Nominations for this year",
        'href="#maincontent"',
        'lang="en-GB"',
    )


def test_primary_navigation_lists_live_sections_in_menu(client, home_page):
    ContentPageFactory(parent=home_page, title="Directory", show_in_menus=True)
    ContentPageFactory(parent=home_page, title="Hidden section", show_in_menus=False)
    ContentPageFactory(
        parent=home_page, title="Draft section", show_in_menus=True, live=False
    )
    html = client.get("/").content.decode()
    assert_shows(html, 'aria-label="Main menu"', ">Directory</a>")
    assert_hides(html, "Hidden section</a>", "Draft section")


def test_home_quick_links_fall_back_to_menu_sections(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Events",
        show_in_menus=True,
        search_description="Training sessions and network meetings.",
    )
    html = client.get("/").content.decode()
    assert "Training sessions and network meetings." in html


def test_content_page_renders_body_and_breadcrumbs(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    response = client.get("/privacy/")
    assert_shows(
        page_html(response),
        "<h1>Privacy notice</h1>",
        "Plain information for care homes.",
        'aria-label="Breadcrumb"',
    )
    assert page.title in response.context["page"].title


def test_draft_page_is_not_found_for_the_public(client, home_page):
    ContentPageFactory(parent=home_page, slug="draft", live=False)
    response = client.get("/draft/")
    assert response.status_code == 404


def test_private_page_asks_for_login(client, home_page, editor):
    signed_in_only(ContentPageFactory(parent=home_page, slug="team-only"))
    response = client.get("/team-only/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]
    client.force_login(editor)
    assert client.get("/team-only/").status_code == 200


def test_unknown_url_gives_the_404_page(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_is_standalone():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html


def test_robots_txt_blocks_admin_and_points_to_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_public_pages_only(client, home_page):
    ContentPageFactory(parent=home_page, slug="cookies")
    ContentPageFactory(parent=home_page, slug="unpublished", live=False)
    signed_in_only(ContentPageFactory(parent=home_page, slug="private"))
    body = page_html(client.get("/sitemap.xml"))
    assert "/cookies/" in body
    assert_hides(body, "/unpublished/", "/private/")


def test_django_admin_is_not_exposed(client, home_page):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/admin/").status_code == 302  # Wagtail admin asks for login


def test_footer_links_come_from_portal_settings(client, home_page):
    from wagtail.models import Site

    from portal.models import PortalSettings

    page = ContentPageFactory(parent=home_page, title="Accessibility statement")
    settings_ = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.accessibility_page = page
    settings_.contact_email = "team@example.gov.uk"
    settings_.save()
    html = client.get("/").content.decode()
    assert f'href="{page.url}">Accessibility statement</a>' in html
    assert "team@example.gov.uk" in html


def test_home_page_shows_upcoming_events_and_open_nominations(client, home_page):
    from tests.factories.awards import AwardsIndexPageFactory, AwardsYearPageFactory
    from tests.factories.events import EventIndexPageFactory, EventPageFactory

    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Winter planning forum")
    awards = AwardsIndexPageFactory(parent=home_page)
    AwardsYearPageFactory(parent=awards)
    html = client.get("/").content.decode()
    assert "Winter planning forum" in html
    assert "See all events" in html
    assert "Nominate someone" in html or "Find out about the" in html


def test_a_form_without_its_security_token_gets_a_helpful_page(home_page):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/search/", {"q": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, your form could not be sent" in html
    assert "Skip to main content" in html
