"""The link checker, against a small web server on this machine (no network)."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from directory.link_checker import (
    BOOKING_LINK,
    PROVIDER_WEBSITE,
    broken_links,
    check_url,
    latest_results,
)
from tests.factories import DirectoryEntryPageFactory, ProviderFactory

SLOW_SECONDS = 2


class Handler(BaseHTTPRequestHandler):
    """/ok, /missing (404), /moved (redirect to /ok), /slow, /no-head (405 on HEAD)."""

    def answer(self, with_body):
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and not with_body:
            self.send_response(405)
        elif self.path in ("/ok", "/slow", "/no-head"):
            self.send_response(200)
        elif self.path == "/broken":
            self.send_response(500)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"hi")

    def do_HEAD(self):
        self.answer(with_body=False)

    def do_GET(self):
        self.answer(with_body=True)

    def log_message(self, *args):
        pass  # tests print nothing


@pytest.fixture(scope="module")
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def test_working_links_and_redirects_are_ok(local_site):
    assert check_url(f"{local_site}/ok").ok
    moved = check_url(f"{local_site}/moved")
    assert moved.ok and moved.status == 200


def test_a_site_that_refuses_head_is_checked_with_get(local_site):
    assert check_url(f"{local_site}/no-head").ok


def test_error_answers_are_broken(local_site):
    missing = check_url(f"{local_site}/missing")
    assert (missing.ok, missing.status, missing.problem) == (
        False,
        404,
        "404 Not Found",
    )
    assert check_url(f"{local_site}/broken").status == 500


def test_a_slow_site_is_broken_within_the_time_allowed(local_site):
    started = time.monotonic()
    slow = check_url(f"{local_site}/slow", timeout=0.5)
    assert time.monotonic() - started < SLOW_SECONDS
    assert not slow.ok and slow.problem == "no answer within 0.5 seconds"


def test_unreachable_and_invalid_addresses_are_broken(closed_port_url):
    assert (
        check_url(closed_port_url, timeout=1).problem == "could not connect to the site"
    )
    assert check_url("not a web address").problem == "not a valid web address"


@pytest.mark.django_db
def test_command_checks_every_live_entry_and_keeps_the_results(directory, local_site):
    provider = ProviderFactory(name="Meadowbank", website=f"{local_site}/moved")
    DirectoryEntryPageFactory(
        parent=directory,
        title="Working course",
        booking_url=f"{local_site}/ok",
        provider=provider,
    )
    DirectoryEntryPageFactory(
        parent=directory,
        title="Missing course",
        booking_url=f"{local_site}/missing",
        provider=provider,
    )
    DirectoryEntryPageFactory(
        parent=directory, title="Slow course", booking_url=f"{local_site}/slow"
    )
    DirectoryEntryPageFactory(
        parent=directory,
        title="Draft course",
        booking_url=f"{local_site}/missing",
        live=False,
    )
    out = StringIO()

    call_command("check_directory_links", "--timeout", "0.5", stdout=out)

    output = out.getvalue()
    assert "Checked 5 links on 3 entries: 2 broken." in output
    assert f"Broken: Missing course - booking link {local_site}/missing" in output
    assert "Draft course" not in output
    results = latest_results()
    assert len(results) == 5
    assert {(r.entry_title, r.link) for r in results if r.link == PROVIDER_WEBSITE} == {
        ("Working course", PROVIDER_WEBSITE),
        ("Missing course", PROVIDER_WEBSITE),
    }
    assert {(r.entry_title, r.link, r.problem) for r in broken_links()} == {
        ("Missing course", BOOKING_LINK, "404 Not Found"),
        ("Slow course", BOOKING_LINK, "no answer within 0.5 seconds"),
    }


@pytest.mark.django_db
def test_broken_links_leave_out_entries_unpublished_since(directory, local_site):
    entry = DirectoryEntryPageFactory(
        parent=directory, title="Missing course", booking_url=f"{local_site}/missing"
    )
    call_command("check_directory_links", stdout=StringIO())
    assert len(broken_links()) == 1
    entry.unpublish()
    assert broken_links() == []


@pytest.mark.django_db
def test_no_results_before_the_first_run_and_a_bad_timeout_is_refused(directory):
    assert latest_results() == []
    with pytest.raises(CommandError, match="more than 0 seconds"):
        call_command("check_directory_links", "--timeout", "0", stdout=StringIO())
