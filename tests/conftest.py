from wagtail.models import Page, Site

import pytest

from portal import roles
from tests.factories import HomePageFactory, UserFactory


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
