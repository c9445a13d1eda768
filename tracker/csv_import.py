"""Importing the team's existing spreadsheet of new managers from CSV.

The house rules of the directory's import (`directory.csv_import`) hold here
too, and its helpers are reused:

- Every row is checked before anything is written; each message names the
  row and the column, in plain English.
- All or nothing: one bad row, or a failure while saving, means nothing at all
  is imported.

A row for a manager already in the tracker at the same home (same email
address and CQC location ID) is skipped and left as it is, so the same
spreadsheet can be imported again after rows are added to it. Each new
manager gets the default support plan, as if recorded in the admin; a "notes"
cell becomes the first note in their history.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from wagtail.log_actions import log

from directory.csv_import import choice_lookup, describe_choices, parse_date
from directory.models import Area
from portal.choices import HomeType
from portal.csv_files import (
    CsvFileError,
    normalise_column,
    read_csv_rows,
)
from tracker import services
from tracker.choices import ContactKind, CqcRegistration, HeardFrom, ManagerRole
from tracker.models import CareHomeManager

COLUMNS = [
    "name",
    "email",
    "phone",
    "role",
    "home_name",
    "cqc_location_id",
    "home_type",
    "area",
    "start_date",
    "cqc_registration",
    "cqc_registered_on",
    "heard_from",
    "heard_from_detail",
    "left_on",
    "notes",
]
REQUIRED_COLUMNS = [
    "name",
    "email",
    "role",
    "home_name",
    "cqc_location_id",
    "home_type",
    "area",
    "start_date",
]
# Headings a team's own spreadsheet may use for the same columns.
COLUMN_ALIASES = {
    "manager": "name",
    "manager_name": "name",
    "email_address": "email",
    "phone_number": "phone",
    "telephone": "phone",
    "job_title": "role",
    "home": "home_name",
    "care_home": "home_name",
    "care_home_name": "home_name",
    "cqc_id": "cqc_location_id",
    "location_id": "cqc_location_id",
    "cqc_location": "cqc_location_id",
    "type_of_home": "home_type",
    "home_types": "home_type",
    "started": "start_date",
    "started_on": "start_date",
    "registration": "cqc_registration",
    "cqc_registration_status": "cqc_registration",
    "registered_on": "cqc_registered_on",
    "date_registered": "cqc_registered_on",
    "cqc_registration_date": "cqc_registered_on",
    "how_they_heard": "heard_from",
    "how_they_heard_of_us": "heard_from",
    "how_they_heard_of_the_team": "heard_from",
    "left": "left_on",
    "date_left": "left_on",
    "left_the_post": "left_on",
    "left_the_post_on": "left_on",
    "note": "notes",
}
TEXT_FIELDS = ["name", "email", "phone", "home_name", "heard_from_detail"]
REQUIRED_TEXT = {"name", "email", "home_name"}
ROLE_ALIASES = {
    "rm": ManagerRole.REGISTERED_MANAGER,
    "manager": ManagerRole.REGISTERED_MANAGER,
    "registered": ManagerRole.REGISTERED_MANAGER,
    "home manager": ManagerRole.REGISTERED_MANAGER,
    "deputy": ManagerRole.DEPUTY,
    "deputy manager": ManagerRole.DEPUTY,
    "acting": ManagerRole.ACTING,
    "acting manager": ManagerRole.ACTING,
    "interim": ManagerRole.ACTING,
    "interim manager": ManagerRole.ACTING,
}
HOME_TYPE_ALIASES = {
    "residential home": HomeType.RESIDENTIAL,
    "care home": HomeType.RESIDENTIAL,
    "nursing home": HomeType.NURSING,
    "dementia": HomeType.EMI,
    "emi home": HomeType.EMI,
}
REGISTRATION_WORDS = {
    "pending": CqcRegistration.PENDING,
    "not yet": CqcRegistration.PENDING,
    "no": CqcRegistration.PENDING,
    "applied": CqcRegistration.PENDING,
    "in progress": CqcRegistration.PENDING,
    "done": CqcRegistration.DONE,
    "yes": CqcRegistration.DONE,
    "registered": CqcRegistration.DONE,
    "complete": CqcRegistration.DONE,
    "completed": CqcRegistration.DONE,
}


class RowSaveError(Exception):
    """A checked row still failed to save; raised inside the transaction to undo it."""


@dataclass
class RowResult:
    number: int  # as a spreadsheet numbers it: the column names are row 1
    name: str = ""
    home_name: str = ""
    action: str = ""  # "create" or "skip"
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    values: dict = field(default_factory=dict)
    note_text: str = ""

    @property
    def ok(self):
        return not self.errors

    @property
    def messages(self):
        return [f"Row {self.number}: {message}" for message in self.errors + self.notes]


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    file_notes: list = field(default_factory=list)
    imported: bool = False
    milestones_added: int = 0
    plan_name: str = ""

    @property
    def ok(self):
        return not self.file_errors and all(row.ok for row in self.rows)

    @property
    def to_create(self):
        return [row for row in self.rows if row.action == "create" and row.ok]

    @property
    def skipped(self):
        return [row for row in self.rows if row.action == "skip"]

    @property
    def rows_with_errors(self):
        return [row for row in self.rows if row.errors]

    @property
    def messages(self):
        lines = self.file_errors + list(self.file_notes)
        for row in self.rows:
            lines.extend(row.messages)
        return lines

    @property
    def summary(self):
        if self.file_errors:
            return "Nothing was imported: " + " ".join(self.file_errors)
        if not self.ok:
            count = len(self.rows_with_errors)
            rows = "row has" if count == 1 else "rows have"
            return (
                f"Nothing was imported: {count} {rows} problems. "
                "Correct them in the spreadsheet and try again."
            )
        created = len(self.to_create)
        managers = "manager" if created == 1 else "managers"
        skipped = len(self.skipped)
        already = (
            f" {skipped} {'row is' if skipped == 1 else 'rows are'} already in the "
            "tracker and will be left as they are."
            if skipped
            else ""
        )
        if self.imported:
            plan = (
                f", each with the milestones of '{self.plan_name}'"
                if self.plan_name
                else ", without milestones (no support plan is the default)"
            )
            left = (
                f" {skipped} already in the tracker {'was' if skipped == 1 else 'were'} "
                "left as they were."
                if skipped
                else ""
            )
            return f"Imported {created} {managers}{plan}.{left}"
        return f"Ready to import {created} {managers}.{already}"


def column_name(heading):
    name = normalise_column(heading)
    return COLUMN_ALIASES.get(name, name)


def read_rows(data):
    """The file's column names and its non-blank rows as (row number, dict)
    pairs. Raises CsvFileError when the file cannot be used at all."""
    return read_csv_rows(
        data, REQUIRED_COLUMNS, column_name=column_name, rows_name="managers"
    )


class RowChecker:
    """Checks rows against the vocabularies, the areas and the managers already
    recorded, looking each up once for the whole file."""

    def __init__(self):
        self.roles = choice_lookup(ManagerRole) | ROLE_ALIASES
        self.home_types = choice_lookup(HomeType) | HOME_TYPE_ALIASES
        self.registrations = choice_lookup(CqcRegistration) | REGISTRATION_WORDS
        self.heard_from = choice_lookup(HeardFrom)
        self.areas = {}
        for area in Area.objects.all():
            self.areas[area.name.lower()] = area
            self.areas[area.slug.lower()] = area
        self.existing = {}
        for email, location, start in CareHomeManager.objects.values_list(
            "email", "cqc_location_id", "start_date"
        ):
            self.existing.setdefault((email.lower(), location), start)
        self.seen = {}

    def check(self, number, cells):
        row = RowResult(number=number)
        if cells is None:
            row.errors.append("it has more cells than there are column names.")
            return row
        values = row.values
        for name in TEXT_FIELDS:
            raw = " ".join(cells.get(name, "").split())
            if name in REQUIRED_TEXT and not raw:
                row.errors.append(f"{name} is empty.")
            values[name] = raw
        row.name, row.home_name = values["name"], values["home_name"]
        values["cqc_location_id"] = services.normalise_cqc_location_id(
            cells.get("cqc_location_id", "")
        )
        if not values["cqc_location_id"]:
            row.errors.append("cqc_location_id is empty.")
        self.check_choice(row, cells, "role", self.roles, ManagerRole)
        self.check_choice(row, cells, "home_type", self.home_types, HomeType)
        self.check_area(row, cells.get("area", ""))
        self.check_dates(row, cells)
        self.check_registration(row, cells.get("cqc_registration", ""))
        self.check_heard_from(row, cells)
        row.note_text = cells.get("notes", "").strip()

        key = (values["email"].lower(), values["cqc_location_id"])
        if values["email"] and values["cqc_location_id"]:
            if key in self.seen:
                row.errors.append(
                    f"the same manager and home (email and CQC location ID) are "
                    f"on row {self.seen[key]}; each manager at a home goes on one "
                    "row."
                )
                return row
            self.seen[key] = number
            if key in self.existing:
                row.action = "skip"
                row.errors.clear()
                started = self.existing[key]
                row.notes.append(
                    f"{row.name or 'this manager'} is already in the tracker at this "
                    f"home (started {services.long_date(started)}), so the row is "
                    "skipped and the record left as it is."
                )
                return row
        row.action = "create"
        if row.ok:
            self.check_record(row)
        return row

    def check_choice(self, row, cells, name, lookup, choices):
        raw = cells.get(name, "")
        if not raw:
            row.errors.append(
                f"{name} is empty. Use one of: {describe_choices(choices)}."
            )
            return
        value = lookup.get(" ".join(raw.lower().split()))
        if value is None:
            row.errors.append(
                f"{name} '{raw}' is not one of: {describe_choices(choices)}."
            )
        row.values[name] = value

    def check_area(self, row, raw):
        if not raw:
            row.errors.append("area is empty.")
            return
        area = self.areas.get(raw.lower())
        if area is None:
            known = (
                ", ".join(sorted({a.name for a in self.areas.values()})) or "none yet"
            )
            row.errors.append(
                f"area '{raw}' is not in the list of areas ({known}). Check the "
                "spelling, or ask an editor to add it under Directory, Areas of the "
                "city."
            )
        row.values["area"] = area

    def check_dates(self, row, cells):
        for name in ("start_date", "cqc_registered_on", "left_on"):
            raw = cells.get(name, "")
            if not raw:
                if name == "start_date":
                    row.errors.append("start_date is empty.")
                row.values[name] = None
                continue
            day = parse_date(raw)
            if day is None:
                row.errors.append(
                    f"{name} '{raw}' is not a date like 2026-03-31 or 31/03/2026."
                )
            row.values[name] = day

    def check_registration(self, row, raw):
        if not raw:
            # Blank means pending, unless the row gives the date it was done.
            row.values["cqc_registration"] = (
                CqcRegistration.DONE
                if row.values.get("cqc_registered_on")
                else CqcRegistration.PENDING
            )
            return
        value = self.registrations.get(" ".join(raw.lower().split()))
        if value is None:
            row.errors.append(
                f"cqc_registration '{raw}' is not one of: "
                f"{describe_choices(CqcRegistration)}."
            )
        row.values["cqc_registration"] = value or CqcRegistration.PENDING

    def check_heard_from(self, row, cells):
        raw = cells.get("heard_from", "")
        if not raw:
            row.values["heard_from"] = ""
            return
        value = self.heard_from.get(" ".join(raw.lower().split()))
        if value is None:
            # The team's own words are kept rather than refused.
            row.values["heard_from"] = HeardFrom.OTHER
            if not row.values["heard_from_detail"]:
                row.values["heard_from_detail"] = " ".join(raw.split())[:200]
            row.notes.append(
                f"heard_from '{raw}' is not one of the choices, so it is saved as "
                f"'{HeardFrom.OTHER.label}' with the words as written."
            )
        else:
            row.values["heard_from"] = value

    def check_record(self, row):
        """The model's own checks, and the rules between fields."""
        manager = CareHomeManager(**row.values)
        problems = {}
        try:
            manager.clean_fields()
        except ValidationError as error:
            problems = error.message_dict
        for name, messages in services.manager_problems(
            manager, check_duplicates=False
        ).items():
            problems.setdefault(name, []).extend(messages)
        for name, messages in problems.items():
            column = "row" if name == "__all__" else name
            raw = row.values.get(name)
            shown = f" '{raw}'" if isinstance(raw, str) and raw else ""
            row.errors.append(f"{column}{shown}: {' '.join(messages)}")


def check_file(data):
    """Read and check every row without changing anything."""
    report = ImportReport()
    try:
        header, rows = read_rows(data)
    except CsvFileError as error:
        report.file_errors.append(str(error))
        return report
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        report.file_notes.append(
            "These columns are not part of the format and were ignored: "
            f"{', '.join(unknown)}."
        )
    checker = RowChecker()
    report.rows = [checker.check(number, cells) for number, cells in rows]
    plan = services.default_plan()
    report.plan_name = plan.name if plan else ""
    return report


def import_managers(data, user=None, dry_run=False):
    """Check a CSV file and, if every row is right and this is not a dry run,
    record its new managers in one transaction. Returns the ImportReport."""
    report = check_file(data)
    if dry_run or not report.ok:
        return report
    try:
        with transaction.atomic():
            for row in report.to_create:
                report.milestones_added += save_row(row, user)
    except RowSaveError as error:
        report.file_errors.append(str(error))
        return report
    report.imported = True
    return report


def save_row(row, user):
    manager = CareHomeManager(**row.values)
    try:
        added = services.record_manager(manager)
        if row.note_text:
            services.record_contact(
                manager,
                kind=ContactKind.NOTE,
                happened_on=services.today(),
                by=user,
                text=f"From the imported spreadsheet: {row.note_text}",
                recorded_by=user,
            )
        log(instance=manager, action="wagtail.create", user=user)
    except DatabaseError as error:
        raise RowSaveError(
            f"Row {row.number} could not be saved because of a database error. "
            "Try again, and tell the web team if it happens again."
        ) from error
    return len(added)


def example_rows():
    area = Area.objects.order_by("sort_order", "name").first()
    area_name = area.name if area else "North"
    return [
        COLUMNS,
        [
            "Aisha Rahman",
            "aisha.rahman@beechhouse.example.org",
            "0113 496 0101",
            "Registered manager",
            "Beech House",
            "1-123456789",
            "Residential",
            area_name,
            "2026-01-12",
            "Pending",
            "",
            "From the previous manager",
            "",
            "",
            "Asked for help with the medicines audit.",
        ],
        [
            "Tom Walsh",
            "tom.walsh@larchview.example.org",
            "",
            "Deputy",
            "Larch View Nursing Home",
            "1-987654321",
            "Nursing",
            area_name,
            "03/11/2025",
            "Done",
            "20/12/2025",
            "At a Registered Managers Network meeting",
            "October meeting",
            "",
            "",
        ],
    ]


def example_csv():
    stream = io.StringIO()
    csv.writer(stream).writerows(example_rows())
    return stream.getvalue()
