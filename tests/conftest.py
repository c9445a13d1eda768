from wagtail.models import Page, Site

import pytest

from portal import roles
from tests.factories import HomePageFactory, UserFactory


def pytest_collection_modifyitems(config, items):
    """Browser tests share one committed demo database, so they get a session of
    their own: when other tests are collected too, the browser tests are left out
    (`make test` runs them straight after the rest)."""
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser and len(browser) < len(items):
        config.hook.pytest_deselected(items=browser)
        items[:] = [item for item in items if not item.get_closest_marker("browser")]


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
