"""CSV export: the same filters as /directory/, and a round trip through the import."""

import csv
import io

import pytest

from directory.csv_import import COLUMNS, import_entries
from directory.models import DirectoryEntryPage
from tests.factories import DirectoryEntryPageFactory, ProviderFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = "/api/directory/export.csv"


def exported_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_lists_every_live_public_entry_in_the_import_format(client, entries):
    DirectoryEntryPageFactory(
        parent=entries["dementia"].get_parent(), title="Draft course", live=False
    )
    response = client.get(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = exported_rows(response)
    assert list(rows[0]) == COLUMNS
    assert [row["title"] for row in rows] == [
        "Dementia care mapping",
        "React to Red pressure ulcer training",
        "Safe handling of medicines",
        "Workforce development fund",
    ]
    medicines = rows[2]
    assert medicines["home_types"] == "residential"
    assert medicines["areas"] == "North"
    assert medicines["kind"] == "elearning"
    assert rows[1]["home_types"] == "all"
    assert rows[1]["topics"] in (
        "Pressure area care; Dementia care",
        "Dementia care; Pressure area care",
    )
    assert rows[0]["cost"] == "paid" and rows[0]["price"] == "£120 per person"


def test_export_uses_the_directory_filters(client, entries):
    response = client.get(EXPORT_URL, {"home_type": "emi", "topic": "dementia-care"})
    assert [row["title"] for row in exported_rows(response)] == [
        "Dementia care mapping",
        "React to Red pressure ulcer training",
    ]
    # Unknown filter values are ignored, as on the page.
    response = client.get(EXPORT_URL, {"kind": ["funding", "nonsense"]})
    assert [row["title"] for row in exported_rows(response)] == [
        "Workforce development fund"
    ]


def test_export_then_import_round_trips_without_changes(client, entries):
    entry = entries["pressure"]
    entry.provider = ProviderFactory(name="=Formula Training Ltd")
    entry.booking_phone = "+44 117 496 0000"
    entry.save_revision().publish()
    before = client.get(EXPORT_URL).content

    rows = exported_rows(client.get(EXPORT_URL))
    assert rows[1]["provider"] == "'=Formula Training Ltd"
    assert rows[1]["booking_phone"] == "+44 117 496 0000"

    report = import_entries(before)
    assert report.ok, report.messages
    assert (report.created, report.updated) == (0, 4)
    assert DirectoryEntryPage.objects.count() == 4
    assert DirectoryEntryPage.objects.get(pk=entry.pk).provider.name == (
        "=Formula Training Ltd"
    )
    assert client.get(EXPORT_URL).content == before
