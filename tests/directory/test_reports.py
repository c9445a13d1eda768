"""The directory's admin reports: entries not checked for a year, and broken links."""

import datetime

from django.utils import timezone

import pytest

from directory.link_checker import BOOKING_LINK, LinkCheckResult, save_results
from tests.factories import DirectoryEntryPageFactory, ProviderFactory
from tests.pages import assert_hides, assert_shows, page_html

pytestmark = pytest.mark.django_db

NOT_CHECKED_URL = "/admin/directory/reports/not-checked/"
BROKEN_LINKS_URL = "/admin/directory/reports/broken-links/"


@pytest.fixture
def aged_entries(directory):
    today = timezone.localdate()
    return {
        "old": DirectoryEntryPageFactory(
            parent=directory,
            title="Falls awareness workshop",
            provider=ProviderFactory(name="Steady Steps Trust"),
            last_checked=today - datetime.timedelta(days=400),
        ),
        "just_in_time": DirectoryEntryPageFactory(
            parent=directory,
            title="Oral health basics",
            last_checked=today - datetime.timedelta(days=365),
        ),
        "recent": DirectoryEntryPageFactory(
            parent=directory,
            title="Safeguarding refresher",
            last_checked=today - datetime.timedelta(days=20),
        ),
    }


def test_report_lists_entries_not_checked_for_a_year(client, editor, aged_entries):
    client.force_login(editor)
    assert NOT_CHECKED_URL in client.get("/admin/").content.decode()

    response = client.get(NOT_CHECKED_URL)

    html = page_html(response)
    assert_shows(
        html,
        "Falls awareness workshop",
        "Steady Steps Trust",
        f"/admin/pages/{aged_entries['old'].pk}/edit/",
    )
    assert_hides(html, "Oral health basics", "Safeguarding refresher")


def test_report_downloads_as_csv_and_xlsx(client, editor, aged_entries):
    client.force_login(editor)
    response = client.get(NOT_CHECKED_URL, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    lines = content.strip().splitlines()
    assert lines[0] == "Entry,Provider,Last checked,Status,Page address"
    assert lines[1].startswith("Falls awareness workshop,Steady Steps Trust,")
    assert len(lines) == 2

    response = client.get(NOT_CHECKED_URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_report_has_an_empty_state(client, editor, directory):
    client.force_login(editor)
    html = client.get(NOT_CHECKED_URL).content.decode()
    assert "There are no entries not checked for 12 months to display." in html


def test_broken_links_report_shows_the_last_run(client, editor, directory):
    entry = DirectoryEntryPageFactory(
        parent=directory,
        title="Hydration rounds",
        booking_url="https://gone.example.org/",
    )
    client.force_login(editor)
    assert (
        "Links have not been checked yet."
        in client.get(BROKEN_LINKS_URL).content.decode()
    )
    checked_at = timezone.now()
    save_results(
        [
            LinkCheckResult(
                entry_id=entry.pk,
                entry_title=entry.title,
                link=BOOKING_LINK,
                url="https://gone.example.org/",
                ok=False,
                status=404,
                problem="404 Not Found",
                checked_at=checked_at,
            ),
            LinkCheckResult(
                entry_id=entry.pk,
                entry_title=entry.title,
                link="Provider website",
                url="https://fine.example.org/",
                ok=True,
                status=200,
                problem="",
                checked_at=checked_at,
            ),
        ]
    )

    response = client.get(BROKEN_LINKS_URL)

    html = response.content.decode()
    assert_shows(
        html,
        "Links were last checked on",
        "Hydration rounds",
        "https://gone.example.org/",
        "404 Not Found",
        f"/admin/pages/{entry.pk}/edit/",
    )
    assert "https://fine.example.org/" not in html

    response = client.get(BROKEN_LINKS_URL, {"export": "csv"})
    lines = b"".join(response.streaming_content).decode().strip().splitlines()
    assert lines[0] == "Entry,Link,Address,Problem,HTTP status,Checked"
    assert lines[1].startswith(
        "Hydration rounds,Booking link,https://gone.example.org/"
    )


def test_reports_are_for_directory_editors_only(client, panel_member, aged_entries):
    for url in (NOT_CHECKED_URL, BROKEN_LINKS_URL):
        assert client.get(url).status_code == 302
        assert "/admin/login/" in client.get(url)["Location"]
    client.force_login(panel_member)
    for url in (NOT_CHECKED_URL, BROKEN_LINKS_URL):
        response = client.get(url)
        assert response.status_code == 302 and "login" not in response["Location"]
    html = client.get("/admin/").content.decode()
    assert NOT_CHECKED_URL not in html and BROKEN_LINKS_URL not in html
