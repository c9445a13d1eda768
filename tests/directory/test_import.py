"""Importing directory entries from CSV: the command, the rules and the example file."""

import csv
import datetime
import io
from io import StringIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

import pytest

from directory.csv_import import COLUMNS, MAX_FILE_BYTES, check_file, import_entries
from directory.models import DirectoryEntryPage, Provider
from tests.factories import AreaFactory, DirectoryEntryPageFactory, ProviderFactory
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "directory-example.csv"
HEADER = ",".join(COLUMNS)


def csv_bytes(*rows):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode()


def row(**cells):
    """A valid row with every column, with some cells replaced."""
    values = {
        "title": "Oral health for care staff",
        "summary": "Keeping residents' mouths healthy, and spotting problems early.",
        "description": "Brushing, dentures and when to call the dentist.",
        "provider": "Smile Well Community Dental",
        "kind": "training",
        "home_types": "all",
        "topics": "Oral health",
        "audience": "care-worker",
        "level": "",
        "format": "classroom",
        "duration": "2 hours",
        "cost": "free",
        "price": "",
        "areas": "citywide",
        "accreditation": "",
        "booking_url": "https://smile-well.example.org/book",
        "booking_phone": "",
        "booking_email": "",
        "booking_notes": "",
        "next_dates": "",
        "last_checked": "2026-01-10",
    }
    values.update(cells)
    return values


def run_import(path, *args):
    out = StringIO()
    call_command("import_directory", str(path), *args, stdout=out)
    return out.getvalue()


def write(tmp_path, data):
    path = tmp_path / "entries.csv"
    path.write_bytes(data)
    return path


def test_example_file_imports_cleanly_as_live_pages_with_revisions(directory):
    AreaFactory(name="North")
    AreaFactory(name="South")
    output = run_import(EXAMPLE)

    assert "Imported 4 entries created and 0 updated, and published." in output
    entries = DirectoryEntryPage.objects.child_of(directory).live()
    assert entries.count() == 4
    assert all(entry.latest_revision_id for entry in entries)

    hydration = entries.get(title="Hydration rounds that work")
    assert hydration.kind == "training"
    assert hydration.format == "classroom"
    assert hydration.level == "introductory"
    assert (
        hydration.suits_residential,
        hydration.suits_nursing,
        hydration.suits_emi,
    ) == (True, True, False)
    assert hydration.for_care_workers and hydration.for_nurses
    assert not hydration.for_managers
    assert {tag.name for tag in hydration.tags.all()} == {
        "Nutrition and hydration",
        "Falls prevention",
    }
    assert [date.date for date in hydration.dates.all()] == [
        datetime.date(2027, 2, 9),
        datetime.date(2027, 4, 13),
    ]
    assert hydration.last_checked == datetime.date(2026, 10, 1)
    # Plain text becomes one paragraph per block.
    assert hydration.description.count("<p") == 2
    assert hydration.provider.name == "Meadowbank Training Partnership"
    assert Provider.objects.filter(name="Meadowbank Training Partnership").count() == 1

    circle = entries.get(title="Registered manager peer support circle")
    assert not circle.citywide
    assert {area.name for area in circle.areas.all()} == {"North", "South"}
    assert circle.cost == "paid" and circle.price == "£15 per meeting"

    toolkit = entries.get(title__startswith="Living well with dementia")
    assert toolkit.for_care_workers and toolkit.for_owners
    assert "<li" in toolkit.description


def test_dry_run_checks_everything_and_changes_nothing(directory, tmp_path):
    output = run_import(write(tmp_path, csv_bytes(row())), "--dry-run")
    assert "Ready to import: 1 entry to create and 0 to update." in output
    assert "provider 'Smile Well Community Dental' is new" in output
    assert not DirectoryEntryPage.objects.exists()
    assert not Provider.objects.exists()


def test_one_bad_row_imports_nothing_and_names_the_row(directory, tmp_path):
    data = csv_bytes(
        row(title="First good row"),
        row(title="Second good row"),
        row(title="The bad row", kind="workshop", home_types="care homes"),
    )
    with pytest.raises(CommandError, match="1 row has problems"):
        run_import(write(tmp_path, data))
    report = check_file(data)
    assert report.rows[2].number == 4
    assert any(
        message.startswith("Row 4: kind 'workshop' is not one of: training")
        for message in report.messages
    )
    assert any("Row 4: home_types 'care homes'" in m for m in report.messages)
    assert not DirectoryEntryPage.objects.exists()
    assert not Provider.objects.exists()


def test_an_existing_title_is_updated_not_duplicated(directory, tmp_path):
    existing = DirectoryEntryPageFactory(
        parent=directory,
        title="Oral Health for Care Staff",
        topics=["Dignity"],
        format="webinar",
    )
    existing.save_revision().publish()
    revisions = existing.revisions.count()

    output = run_import(write(tmp_path, csv_bytes(row(topics="oral health"))))

    assert "1 updated" in output
    entry = DirectoryEntryPage.objects.get()
    assert entry.pk == existing.pk
    assert entry.format == "classroom"
    assert entry.title == "Oral health for care staff"
    assert [tag.name for tag in entry.tags.all()] == ["Oral health"]
    assert entry.revisions.count() == revisions + 1
    assert entry.live and not entry.has_unpublished_changes


def test_labels_and_values_are_accepted_in_any_case(directory):
    data = csv_bytes(
        row(
            kind="SUPPORT SERVICE",
            home_types="Residential; emi (dementia and mental health)",
            audience="nurses; REGISTERED MANAGERS",
            level="Advanced",
            format="On site at your home",
            cost="PAID",
            price="£30",
            last_checked="31/03/2026",
        )
    )
    report = import_entries(data)
    assert report.ok, report.messages
    entry = DirectoryEntryPage.objects.get()
    assert (entry.kind, entry.level, entry.format, entry.cost) == (
        "support",
        "advanced",
        "on-site",
        "paid",
    )
    assert entry.suits_residential and entry.suits_emi and not entry.suits_nursing
    assert entry.for_nurses and entry.for_managers and not entry.for_care_workers
    assert entry.last_checked == datetime.date(2026, 3, 31)


def test_areas_must_already_exist(directory):
    AreaFactory(name="North")
    report = import_entries(csv_bytes(row(areas="North; Nowhere")))
    assert not report.ok
    assert any(
        "Row 2: area 'Nowhere' is not in the list of areas (North)" in message
        for message in report.messages
    )
    assert not DirectoryEntryPage.objects.exists()


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"title": ""}, "Row 2: title is empty."),
        ({"description": ""}, "Row 2: description is empty."),
        ({"format": ""}, "Row 2: format is empty"),
        (
            {"booking_url": "not a link"},
            "Row 2: booking_url 'not a link': Enter a valid URL.",
        ),
        ({"booking_email": "bookings"}, "Row 2: booking_email 'bookings'"),
        ({"summary": "x" * 301}, "at most 300 characters"),
        (
            {"next_dates": "next Tuesday"},
            "Row 2: next date 'next Tuesday' is not a date",
        ),
        (
            {"last_checked": "2999-01-01"},
            "Row 2: last_checked 2999-01-01 is in the future.",
        ),
        ({"areas": "citywide; North"}, "use either 'citywide' on its own"),
    ],
)
def test_row_problems_are_reported_in_plain_english(directory, cells, message):
    AreaFactory(name="North")
    report = check_file(csv_bytes(row(**cells)))
    assert not report.ok
    assert any(message in line for line in report.messages), report.messages


def test_the_same_title_twice_in_a_file_is_an_error(directory):
    report = check_file(csv_bytes(row(), row(title="ORAL HEALTH FOR CARE STAFF")))
    assert any(
        "Row 3: the title 'ORAL HEALTH FOR CARE STAFF' is also on row 2" in message
        for message in report.messages
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"  \n\n", "The file is empty."),
        (b"PK\x03\x04rest-of-a-zip", "looks like an Excel workbook"),
        (HEADER.encode() + b'\n"Caf\xe9"\n', "not saved as UTF-8"),
        (b"title,summary\nA,B\n", "missing required columns: description, kind"),
        ((HEADER + "\n").encode(), "has column names but no entries"),
        (b"title;summary;description\n", "separated by semicolons"),
        (b"x" * (MAX_FILE_BYTES + 1), "larger than 2 MB"),
    ],
)
def test_unusable_files_are_explained(directory, data, message):
    report = import_entries(data)
    assert not report.ok and not report.imported
    assert any(message in line for line in report.file_errors), report.file_errors
    assert message in report.summary


def test_description_html_is_cleaned_like_the_editor_does(directory):
    description = (
        '<p>Safe <b>brushing</b><script>alert("x")</script></p>'
        '<p onclick="steal()">Dentures</p>'
    )
    assert import_entries(csv_bytes(row(description=description))).ok
    saved = DirectoryEntryPage.objects.get().description
    assert "<b>brushing</b>" in saved and "Dentures" in saved
    assert "script" not in saved and "onclick" not in saved


def test_existing_provider_and_topic_spellings_are_reused(directory):
    ProviderFactory(name="Smile Well Community Dental")
    DirectoryEntryPageFactory(parent=directory, topics=["Oral health"])
    report = import_entries(
        csv_bytes(row(provider="smile well community dental", topics="ORAL HEALTH"))
    )
    assert report.ok, report.messages
    assert (
        Provider.objects.filter(name__iexact="smile well community dental").count() == 1
    )
    entry = DirectoryEntryPage.objects.get(title="Oral health for care staff")
    assert [tag.slug for tag in entry.tags.all()] == ["oral-health"]


def test_missing_file_and_unknown_user_fail_clearly(directory, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "missing.csv")
    with pytest.raises(CommandError, match="no user called 'nobody'"):
        run_import(write(tmp_path, csv_bytes(row())), "--user", "nobody")


def test_a_file_without_a_directory_page_imports_nothing(db, tmp_path):
    with pytest.raises(CommandError, match="no directory page"):
        run_import(write(tmp_path, csv_bytes(row())))


# The admin screen ----------------------------------------------------------------

IMPORT_URL = "/admin/directory/import/"
CONFIRM_URL = "/admin/directory/import/confirm/"


def upload(client, data, name="entries.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        IMPORT_URL,
        {"csv_file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def test_editor_previews_then_confirms_an_import_for_moderation(
    client, editor, directory
):
    client.force_login(editor)
    page = client.get("/admin/").content.decode()
    assert IMPORT_URL in page  # in the Directory menu

    response = upload(client, csv_bytes(row(), row(title="Medicines refresher")))

    assert_shows(
        page_html(response),
        "Ready to import: 2 entries to create and 0 to update.",
        "submitted to moderators for approval, because your account",
        "Medicines refresher",
        "provider &#x27;Smile Well Community Dental&#x27; is new",
        "Import 2 entries",
    )
    assert not DirectoryEntryPage.objects.exists()
    token = response.context["token"]

    response = client.post(CONFIRM_URL, {"token": token}, follow=True)

    assert "as drafts submitted to moderators" in response.content.decode()
    # Editors cannot publish, so the import does not either: the entries wait
    # in the moderation workflow like any other editor's page.
    entries = DirectoryEntryPage.objects.all()
    assert entries.count() == 2
    assert not any(entry.live for entry in entries)
    assert all(entry.workflow_in_progress for entry in entries)
    entry = entries.get(title="Medicines refresher")
    assert entry.get_latest_revision().user == editor
    # The upload is used once.
    response = client.post(CONFIRM_URL, {"token": token}, follow=True)
    assert "no longer waiting to be imported" in response.content.decode()
    assert DirectoryEntryPage.objects.count() == 2


def test_an_editors_update_leaves_the_live_entry_until_approved(
    client, editor, directory
):
    existing = DirectoryEntryPageFactory(
        parent=directory, title="Oral health for care staff", format="webinar"
    )
    client.force_login(editor)
    token = upload(client, csv_bytes(row())).context["token"]
    client.post(CONFIRM_URL, {"token": token})
    entry = DirectoryEntryPage.objects.get(pk=existing.pk)
    assert entry.live and entry.format == "webinar"
    assert entry.has_unpublished_changes and entry.workflow_in_progress
    assert entry.get_latest_revision_as_object().format == "classroom"


def test_moderator_import_publishes(client, moderator, directory):
    client.force_login(moderator)
    response = upload(client, csv_bytes(row()))
    assert "They will be published straight away." in response.content.decode()
    response = client.post(CONFIRM_URL, {"token": response.context["token"]})
    entry = DirectoryEntryPage.objects.get()
    assert response["Location"] == f"/admin/pages/{directory.pk}/"
    assert entry.live and not entry.has_unpublished_changes
    assert entry.get_latest_revision().user == moderator


def test_preview_shows_row_problems_and_offers_no_import(client, editor, directory):
    client.force_login(editor)
    response = upload(client, csv_bytes(row(), row(title="Bad", kind="workshop")))
    html = response.content.decode()
    assert_shows(
        html,
        "Nothing was imported: 1 row has problems.",
        "kind &#x27;workshop&#x27; is not one of",
        "Needs correcting",
    )
    assert 'name="token"' not in html
    assert response.context["token"] == ""


def test_confirm_checks_the_file_again(client, editor, directory):
    area = AreaFactory(name="North")
    client.force_login(editor)
    response = upload(client, csv_bytes(row(areas="North")))
    token = response.context["token"]
    area.delete()  # someone removes the area before the import is confirmed

    response = client.post(CONFIRM_URL, {"token": token})

    assert response.status_code == 200
    assert (
        "area &#x27;North&#x27; is not in the list of areas"
        in response.content.decode()
    )
    assert not DirectoryEntryPage.objects.exists()


def test_confirm_never_trusts_the_form(client, editor, directory):
    client.force_login(editor)
    upload(client, csv_bytes(row()))
    response = client.post(CONFIRM_URL, {"token": "made-up"}, follow=True)
    assert "no longer waiting to be imported" in response.content.decode()
    assert not DirectoryEntryPage.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            b"title,summary\n",
            "entries.xlsx",
            "Choose a CSV file (its name ends in .csv)",
        ),
        (b"", "entries.csv", "The file is empty"),
        (b"x" * (MAX_FILE_BYTES + 1), "entries.csv", "larger than 2 MB"),
        (HEADER.encode() + b"\n\xff\xfe\n", "entries.csv", "not saved as UTF-8"),
        (b"title,summary\nA,B\n", "entries.csv", "missing required columns"),
    ],
)
def test_unusable_uploads_get_a_clear_message(
    client, editor, directory, data, name, message
):
    client.force_login(editor)
    response = upload(client, data, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DirectoryEntryPage.objects.exists()


def test_a_post_without_a_file_asks_for_one(client, editor, directory):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {})
    assert "Choose a CSV file to import" in response.content.decode()


def test_example_file_and_export_are_offered(client, editor, directory):
    client.force_login(editor)
    html = client.get(IMPORT_URL).content.decode()
    assert "<title>Import directory entries" in html
    assert "/api/directory/export.csv" in html
    response = client.get("/admin/directory/import/example.csv")
    assert b"".join(response.streaming_content) == EXAMPLE.read_bytes()


def test_only_people_who_can_add_entries_may_import(client, panel_member, directory):
    assert client.get(IMPORT_URL).status_code == 302  # to the login page
    client.force_login(panel_member)
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and "/admin/login/" not in response["Location"]
    response = upload(client, csv_bytes(row()))
    assert not DirectoryEntryPage.objects.exists()
    assert IMPORT_URL not in client.get("/admin/").content.decode()


def test_a_row_that_fails_to_save_undoes_the_whole_import(directory, monkeypatch):
    original = DirectoryEntryPage.full_clean

    def refuse_the_second(self, *args, **kwargs):
        if self.title == "Second course":
            raise ValidationError({"title": "Refused for the test."})
        return original(self, *args, **kwargs)

    monkeypatch.setattr(DirectoryEntryPage, "full_clean", refuse_the_second)
    report = import_entries(
        csv_bytes(row(title="First course"), row(title="Second course"))
    )
    assert not report.imported
    assert report.summary == (
        "Nothing was imported: Row 3 could not be saved (Refused for the test.)."
    )
    assert not DirectoryEntryPage.objects.exists()
    assert not Provider.objects.exists()
