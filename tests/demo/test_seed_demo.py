from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.models import Site

import pytest

from discovery.models import HomePage
from portal.models import ContentPage, PortalSettings

pytestmark = pytest.mark.django_db


# That a second run changes nothing is tested on every model in test_loader.py.
def test_seed_demo_builds_the_site(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", "--skip-index")
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    slugs = set(ContentPage.objects.child_of(home).values_list("slug", flat=True))
    assert {
        "accessibility-statement",
        "privacy-notice",
        "cookies",
        "contact-us",
    } <= slugs
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert portal_settings.privacy_page.slug == "privacy-notice"
    users = get_user_model().objects.filter(
        username__in=["editor", "moderator", "panel"]
    )
    assert {user.groups.get().name for user in users} == {
        "Editors",
        "Moderators",
        "Awards panel",
    }
    html = client.get("/").content.decode()
    assert "Care Quality Team" in html
    assert "Privacy notice</a>" in html


def test_seed_demo_refuses_to_run_in_production(settings):
    settings.PORTAL_ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", "--skip-index")


def test_ensure_admin_creates_once_and_prints_login(
    settings, tmp_path, monkeypatch, capsys
):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    first = capsys.readouterr().out
    assert "username: admin" in first
    password = (tmp_path / "admin-login.txt").read_text().strip()
    assert f"password: {password}" in first
    call_command("ensure_admin")
    second = capsys.readouterr().out
    assert "already set up" in second
    assert (
        get_user_model().objects.filter(username="admin", is_superuser=True).count()
        == 1
    )
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_ensure_admin_takes_login_from_environment(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("PORTAL_ADMIN_USERNAME", "cqtadmin")
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "a-long-local-password")
    call_command("ensure_admin")
    user = get_user_model().objects.get(username="cqtadmin")
    assert user.check_password("a-long-local-password")
