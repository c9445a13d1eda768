from wagtail.models import Page, Site

import pytest

from portal import roles
from portal.models import PortalSettings
from tests.factories import HomePageFactory, UserFactory
from tests.factories.news import NewsIndexPageFactory

# The shared assertions report what they compared, as pytest's own do.
pytest.register_assert_rewrite("tests.pages")

# Tests that get a pytest session of their own: browser tests share one
# committed demo database; services tests (tests/reliability/) start real
# servers. `make test` runs each kind straight after the rest.
SEPARATE_KINDS = ("browser", "services")


def pytest_collection_modifyitems(config, items):
    """When ordinary tests are collected too, the separate kinds are left out."""
    for item in items:
        if "reliability" in item.path.parts:
            item.add_marker(pytest.mark.services)

    def separate(item):
        return any(item.get_closest_marker(kind) for kind in SEPARATE_KINDS)

    left_out = [item for item in items if separate(item)]
    if left_out and len(left_out) < len(items):
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not separate(item)]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate limits, search suggestions) and
    nothing remembered from another test's pages (its rows are rolled back)."""
    from django.core.cache import cache

    from portal import content_memo

    cache.clear()
    content_memo.forget()
    yield
    cache.clear()
    content_memo.forget()


@pytest.fixture
def home_page(db):
    """A home page at the top of the default site, as seed_demo makes it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="portal-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def team_email(home_page):
    """The Care Quality Team's address, set in the site's settings: the public
    forms send their notices to it."""
    address = "care-quality@example.gov.uk"
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = address
    settings.save()
    return address


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=[roles.EDITORS])


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderator", groups=[roles.MODERATORS])


@pytest.fixture
def panel_member(db):
    return UserFactory(username="panel", groups=[roles.AWARDS_PANEL])


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)
