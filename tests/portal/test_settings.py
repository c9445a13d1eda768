import os

import pytest

from tests.commands import manage_py

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 60 + "-production-test-key-with-enough-entropy",
    "ALLOWED_HOSTS": "care.example.gov.uk",
}


def run_manage(*args, env):
    # The browser tests' async-safety switch must not leak into a deploy check.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean_env = {k: v for k, v in os.environ.items() if k not in unset}
    clean_env.update(env)
    return manage_py(*args, env=clean_env, timeout=120)


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, "PORTAL_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(tmp_path, missing):
    env = {**PRODUCTION_ENV, "PORTAL_VAR_DIR": str(tmp_path)}
    env[missing] = ""
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_search_backend_and_cache_are_chosen_by_environment():
    from portal.settings.base import cache_settings, search_backend_settings

    assert (
        search_backend_settings("database")["BACKEND"]
        == "wagtail.search.backends.database"
    )
    # The portal's own modules: they import the clients beside the `events` app.
    assert (
        search_backend_settings("opensearch")["BACKEND"] == "portal.search.opensearch"
    )
    assert (
        search_backend_settings("elasticsearch")["BACKEND"]
        == "portal.search.elasticsearch"
    )
    assert cache_settings("redis://cache:6379/0")["LOCATION"] == "redis://cache:6379/0"
    with pytest.raises(ValueError):
        search_backend_settings("solr")


def test_security_headers_on_public_pages(client, home_page, settings):
    settings.CONTENT_SECURITY_POLICY = "default-src 'self'"
    response = client.get("/")
    assert response["Content-Security-Policy"] == "default-src 'self'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get("/admin/login/").get("Content-Security-Policy") is None


def test_static_files_collect_with_hashed_names_in_production(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        env={**PRODUCTION_ENV, "PORTAL_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "css/portal.css" in manifest
    assert "wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js" in manifest
