"""Browser tests: Playwright drives Debian's Chromium; axe-core checks every page.

Playwright never downloads a browser here: it launches /usr/bin/chromium. When
REQUIRE_BROWSER_TESTS is set (as in CI) a missing or broken Chromium fails the
run instead of skipping these tests.
"""

import io
import os
from pathlib import Path

from django.core.management import call_command
from django.test.utils import override_settings

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


def browser_required():
    return os.environ.get("REQUIRE_BROWSER_TESTS", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - dev dependencies missing
        if browser_required():
            raise
        pytest.skip(f"Playwright is not installed: {error}")
    if not Path(CHROMIUM).exists():
        if browser_required():
            pytest.fail(f"Chromium not found at {CHROMIUM}; run `make browsers`.")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """A test database in a file rather than in memory.

    Playwright's event loop gives the test thread fresh database connections; with
    an in-memory database each could see an empty database of its own, while a
    file is the same database for every connection and for the server's thread.
    """
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("database") / "browser-tests.sqlite3"
        settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(path)


@pytest.fixture(scope="session")
def django_db_setup(
    django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """Always create the test database for the browser session.

    pytest-django creates one only for tests that ask for a database fixture, and
    browser tests do not (they use one committed demo database); without this the
    demo would be loaded into the developer's own database.
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=0, interactive=False, aliases=["default"])
    yield
    with django_db_blocker.unblock():
        from django.db import connection

        if connection.vendor == "postgresql":
            # The live server's and Playwright's threads may still hold
            # connections, and PostgreSQL refuses to drop a database in use.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        teardown_databases(databases, verbosity=0)


@pytest.fixture(scope="session")
def portal_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """The portal with its demo content, served on a local port for the session.

    The demo is loaded once and committed (no per-test flush, which would take
    the migrations' rows and a slow re-seed with it). Browser tests therefore run
    in their own pytest session (`make test` does this) and allow for what other
    browser tests added, such as feedback.
    """
    from pytest_django.live_server_helper import LiveServer

    with (
        django_db_blocker.unblock(),
        override_settings(VAR_DIR=tmp_path_factory.mktemp("var")),
    ):
        call_command("seed_demo", stdout=io.StringIO())
        server = LiveServer("127.0.0.1:0")
        server._live_server_modified_settings.enable()
        yield server
        server._live_server_modified_settings.disable()
        server.stop()


@pytest.fixture(autouse=True)
def database_access(django_db_blocker):
    """Browser tests read the database to check what a journey stored."""
    with django_db_blocker.unblock():
        yield


def assert_accessible(page):
    """Run axe-core on the page and fail with a readable list of any violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, (
        f"axe found accessibility violations on {page.url}:\n{report}"
    )
