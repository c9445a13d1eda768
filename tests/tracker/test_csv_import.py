"""Importing the team's spreadsheet: upload, preview, confirm, and a clear
report of every row it could not take, with nothing half-imported."""

import csv
import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from tests.tracker.factories import CareHomeManagerFactory
from tracker import csv_import
from tracker.models import CareHomeManager, ContactNote, Milestone

pytestmark = pytest.mark.django_db

URL = "/admin/tracker/import/"
CONFIRM = "/admin/tracker/import/confirm/"


def row(**cells):
    values = {
        "name": "Aisha Rahman",
        "email": "aisha.rahman@beech.example.org",
        "phone": "0113 496 0101",
        "role": "Registered manager",
        "home_name": "Beech House",
        "cqc_location_id": "1-123456789",
        "home_type": "Residential",
        "area": "North",
        "start_date": "2026-01-12",
        "cqc_registration": "Pending",
        "cqc_registered_on": "",
        "heard_from": "From the previous manager",
        "heard_from_detail": "",
        "left_on": "",
        "notes": "",
    }
    values.update(cells)
    return values


def csv_bytes(*rows, columns=None):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=columns or csv_import.COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode()


def upload(client, data, name="managers.csv"):
    return client.post(
        URL, {"csv_file": SimpleUploadedFile(name, data, content_type="text/csv")}
    )


@pytest.fixture
def officer(client, team_member, north, south, today):
    client.force_login(team_member)
    return team_member


def test_upload_preview_then_import(client, officer):
    data = csv_bytes(
        row(notes="Asked for help with the medicines audit."),
        row(
            name="Tom Walsh",
            email="tom.walsh@larch.example.org",
            role="Deputy",
            home_name="Larch View",
            cqc_location_id="1-987654321",
            home_type="nursing",
            area="south",
            start_date="03/11/2025",
            cqc_registration="Done",
            cqc_registered_on="20/12/2025",
        ),
    )
    response = upload(client, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ready to import 2 managers." in content
    assert "Nothing has been imported yet." in content
    assert '<th scope="row">2</th>' in content
    assert "New manager" in content
    assert not CareHomeManager.objects.exists()
    token = response.context["token"]

    response = client.post(CONFIRM, {"token": token}, follow=True)
    assert "Imported 2 managers, each with the milestones of" in (
        response.content.decode()
    )
    aisha = CareHomeManager.objects.get(name="Aisha Rahman")
    assert aisha.home_type == "residential" and aisha.area.name == "North"
    assert aisha.heard_from == "previous-manager"
    assert aisha.milestones.count() == 8
    note = aisha.contacts.get()
    assert note.kind == "note" and "medicines audit" in note.text
    assert note.by == officer
    tom = CareHomeManager.objects.get(name="Tom Walsh")
    assert tom.role == "deputy"
    assert tom.start_date == datetime.date(2025, 11, 3)
    assert tom.cqc_registration == "done"
    assert tom.cqc_registered_on == datetime.date(2025, 12, 20)
    # Imported managers have a history entry, as if added in the admin.
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(object_id=str(tom.pk), action="wagtail.create")
    assert entry.user == officer
    history = client.get(f"/admin/tracker/managers/history/{tom.pk}/")
    assert history.status_code == 200


def test_a_bad_row_means_nothing_is_imported_and_says_why(client, officer):
    data = csv_bytes(
        row(),
        row(
            name="",
            email="not-an-email",
            cqc_location_id="12345",
            home_type="hotel",
            area="Atlantis",
            role="boss",
            start_date="2026-13-01",
            cqc_registered_on="yesterday",
        ),
        row(
            name="Grace Okafor",
            email="grace@rowan.example.org",
            cqc_location_id="1-555555555",
            cqc_registration="Done",
        ),
    )
    response = upload(client, data)
    content = response.content.decode()
    assert "Nothing was imported: 2 rows have problems." in content
    assert "Needs correcting" in content
    report = response.context["report"]
    messages = report.messages
    assert "Row 3: name is empty." in messages
    assert any("Row 3: role 'boss' is not one of" in m for m in messages)
    assert any("Row 3: home_type 'hotel' is not one of" in m for m in messages)
    assert any(
        "Row 3: area 'Atlantis' is not in the list of areas (North, South)" in m
        for m in messages
    )
    assert any("Row 3: start_date '2026-13-01' is not a date" in m for m in messages)
    assert any(
        "Row 3: cqc_registered_on 'yesterday' is not a date" in m for m in messages
    )
    assert any(
        m.startswith(
            "Row 4: cqc_registered_on: Enter the date the manager was registered"
        )
        for m in messages
    )
    assert response.context["token"] == ""
    assert "Import 1 manager" not in content
    assert not CareHomeManager.objects.exists()


def test_the_model_rules_are_the_imports_rules(client, officer):
    data = csv_bytes(
        row(email="aisha@", cqc_location_id="2-123456789"),
        row(
            name="Tom Walsh",
            email="tom@larch.example.org",
            cqc_location_id="1-987654321",
            left_on="2026-01-01",
        ),
    )
    report = csv_import.check_file(data)
    assert not report.ok
    messages = report.messages
    assert any(m.startswith("Row 2: email 'aisha@':") for m in messages)
    assert any(
        "Row 2: cqc_location_id '2-123456789': Enter a CQC location ID in the correct format"
        in m
        for m in messages
    )
    assert any(
        m.startswith("Row 3: left_on: The date they left cannot be before")
        for m in messages
    )


def test_rows_already_in_the_tracker_are_skipped(client, officer, north):
    CareHomeManagerFactory(
        name="Aisha Rahman",
        email="Aisha.Rahman@beech.example.org",
        cqc_location_id="1-123456789",
        area=north,
        start_date=datetime.date(2026, 1, 12),
    )
    data = csv_bytes(
        row(),
        row(
            name="Tom Walsh",
            email="tom@larch.example.org",
            cqc_location_id="1-987654321",
        ),
    )
    response = upload(client, data)
    content = response.content.decode()
    assert "Ready to import 1 manager. 1 row is already in the tracker" in content
    assert "Already in the tracker: skipped" in content
    client.post(CONFIRM, {"token": response.context["token"]})
    assert CareHomeManager.objects.count() == 2
    assert CareHomeManager.objects.filter(name="Aisha Rahman").count() == 1


def test_only_skipped_rows_offer_no_import(client, officer, north):
    CareHomeManagerFactory(
        email="aisha.rahman@beech.example.org",
        cqc_location_id="1-123456789",
        area=north,
    )
    response = upload(client, csv_bytes(row()))
    assert response.context["token"] == ""
    assert "Ready to import 0 managers" in response.content.decode()


def test_the_same_manager_twice_in_a_file(officer):
    report = csv_import.check_file(
        csv_bytes(row(), row(cqc_location_id="1-123 456 789 "))
    )
    assert not report.ok
    assert any(
        "Row 3: the same manager and home (email and CQC location ID) are on row 2" in m
        for m in report.messages
    )


def test_spreadsheet_headings_and_words_are_understood(officer):
    columns = [
        "Manager name",
        "Email address",
        "Job title",
        "Care home",
        "CQC ID",
        "Type of home",
        "Area",
        "Started",
        "Registration",
        "How they heard of us",
        "Notes",
    ]
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(columns)
    writer.writerow(
        [
            "Aisha Rahman",
            "aisha@beech.example.org",
            "Interim manager",
            "Beech House",
            "1–123456789",
            "Nursing home",
            "north",
            "12/1/2026",
            "",
            "Told by her area manager at the Leeds office",
            "",
        ]
    )
    report = csv_import.check_file(stream.getvalue().encode("utf-8-sig"))
    assert report.ok, report.messages
    values = report.rows[0].values
    assert values["role"] == "acting"
    assert values["home_type"] == "nursing"
    assert values["cqc_location_id"] == "1-123456789"
    assert values["start_date"] == datetime.date(2026, 1, 12)
    assert values["cqc_registration"] == "pending"
    assert values["heard_from"] == "other"
    assert values["heard_from_detail"] == "Told by her area manager at the Leeds office"
    assert any(
        "is not one of the choices, so it is saved as" in m for m in report.messages
    )


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "The file is empty"),
        (b"PK\x03\x04rest-of-a-workbook", "looks like an Excel workbook"),
        ("name,email\nZoë,\xe9".encode("latin-1"), "not saved as UTF-8"),
        (b"name;email;role\nA;b;c\n", "separated by semicolons"),
        (b"name,email\nA,b\n", "missing required columns: role, home_name"),
        (b"name,name,email\n", "appear more than once: name"),
        (
            ",".join(csv_import.COLUMNS).encode() + b"\n\n",
            "column names but no managers",
        ),
        (b'name,email\n"' + b"x" * 140000 + b'"\n', "could not be read as CSV"),
    ],
)
def test_files_that_cannot_be_used(client, officer, data, message):
    response = upload(client, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "Nothing was imported" in content or "empty" in content
    assert not CareHomeManager.objects.exists()


def test_a_row_with_too_many_cells(officer):
    data = csv_bytes(row()) + b"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"
    report = csv_import.check_file(data)
    assert "Row 3: it has more cells than there are column names." in report.messages


def test_unknown_columns_are_ignored_and_said(officer):
    data = csv_bytes(
        {**row(), "shoe_size": "9"}, columns=csv_import.COLUMNS + ["shoe_size"]
    )
    report = csv_import.check_file(data)
    assert report.ok
    assert report.file_notes == [
        "These columns are not part of the format and were ignored: shoe_size."
    ]


def test_a_file_that_is_not_csv_is_refused_by_name(client, officer):
    response = upload(client, b"hello", name="managers.xlsx")
    content = response.content.decode()
    assert "Choose a CSV file (its name ends in .csv)" in content
    assert "There is a problem" in content
    response = client.post(URL, {})
    assert "Choose a CSV file to import" in response.content.decode()


def test_an_old_or_forged_token_imports_nothing(client, officer):
    response = upload(client, csv_bytes(row()))
    assert response.context["token"]
    response = client.post(CONFIRM, {"token": "forged"}, follow=True)
    assert "no longer waiting to be imported" in response.content.decode()
    assert not CareHomeManager.objects.exists()
    # The upload is forgotten: the real token no longer works either.
    response = client.post(CONFIRM, {"token": "anything"}, follow=True)
    assert not CareHomeManager.objects.exists()


def test_an_upload_left_too_long_is_forgotten(client, officer, monkeypatch):
    response = upload(client, csv_bytes(row()))
    token = response.context["token"]
    import time

    from tracker import admin_views

    later = time.time() + admin_views.UPLOAD_KEPT_SECONDS + 1
    monkeypatch.setattr(admin_views.time, "time", lambda: later)
    response = client.post(CONFIRM, {"token": token}, follow=True)
    assert "no longer waiting" in response.content.decode()
    assert not CareHomeManager.objects.exists()


def test_opening_the_page_forgets_an_upload_left_too_long(client, officer, monkeypatch):
    upload(client, csv_bytes(row()))
    assert "tracker_csv_import" in client.session
    import time

    from tracker import admin_views

    later = time.time() + admin_views.UPLOAD_KEPT_SECONDS + 1
    monkeypatch.setattr(admin_views.time, "time", lambda: later)
    client.get(URL)
    assert "tracker_csv_import" not in client.session


def test_a_change_since_the_preview_stops_the_import(client, officer, north):
    response = upload(
        client,
        csv_bytes(
            row(),
            row(
                name="B",
                email="b@x.example.org",
                cqc_location_id="1-222222222",
                area="South",
            ),
        ),
    )
    from directory.models import Area

    Area.objects.filter(name="South").delete()
    response = client.post(CONFIRM, {"token": response.context["token"]})
    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    assert not CareHomeManager.objects.exists()


def test_a_failure_while_saving_undoes_the_whole_file(officer, monkeypatch):
    from django.db import DatabaseError

    from tracker import services

    saved = []
    real = services.record_manager

    def failing(manager):
        if saved:
            raise DatabaseError("disk full")
        saved.append(manager)
        return real(manager)

    monkeypatch.setattr(services, "record_manager", failing)
    data = csv_bytes(
        row(), row(name="B", email="b@x.example.org", cqc_location_id="1-222222222")
    )
    report = csv_import.import_managers(data)
    assert not report.imported
    assert "Row 3 could not be saved because of a database error" in report.summary
    assert not CareHomeManager.objects.exists()
    assert not Milestone.objects.exists()
    assert not ContactNote.objects.exists()


def test_the_example_file_imports_cleanly(client, officer):
    response = client.get("/admin/tracker/import/example.csv")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    report = csv_import.check_file(response.content)
    assert report.ok, report.messages
    assert len(report.to_create) == 2
    assert csv_import.import_managers(response.content).imported
    assert CareHomeManager.objects.count() == 2


def test_the_import_page_explains_the_columns(client, officer):
    content = client.get(URL).content.decode()
    assert '<th scope="row">cqc_location_id</th>' in content
    assert "Download an example file" in content
    assert '<label class="w-field__label" for="id_csv_file"' in content
