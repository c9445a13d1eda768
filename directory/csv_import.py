"""Bulk import of directory entries from a CSV file, as the team keeps them in
spreadsheets. The format is described for editors in docs/directory-csv.md.

Two rules shape everything here:

- Every row is checked before anything is written, and the messages say which
  row and which column is wrong, in plain English.
- The import is all-or-nothing: one bad row (or a failure while saving) means
  nothing at all is imported, so the directory never holds half a spreadsheet.

Entries are saved as the child pages of the one `DirectoryIndexPage`, each with
a revision, so they look and behave like entries made in the admin. An entry
whose title (ignoring case) already exists under the index is updated, not
duplicated; its topics, areas and dates are replaced by the row's.

The import never gets round moderation: it publishes only for someone who may
publish directory entries (or when run from the command line without a user).
For an editor who may not, entries are saved as drafts and submitted to the
moderation workflow, as if they had pressed "Submit for moderation" themselves.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from taggit.models import Tag

from directory.choices import (
    AUDIENCE_FIELDS,
    COMMON_TOPICS,
    HOME_TYPE_FIELDS,
    Audience,
    Cost,
    EntryKind,
    Format,
    HomeType,
    Level,
)
from directory.models import (
    Area,
    DirectoryEntryPage,
    DirectoryIndexPage,
    EntryDate,
    Provider,
)
from portal.csv_files import (
    MAX_FILE_BYTES as MAX_FILE_BYTES,  # the admin upload form checks it too
)
from portal.csv_files import (
    SEPARATOR,
    CsvFileError,
    read_csv_rows,
)

EVERYTHING = "all"
CITYWIDE_WORDS = {"citywide", "city-wide", "all", "whole city", "the whole city"}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')

# The columns, in the order the export writes them.
COLUMNS = [
    "title",
    "summary",
    "description",
    "provider",
    "kind",
    "home_types",
    "topics",
    "audience",
    "level",
    "format",
    "duration",
    "cost",
    "price",
    "areas",
    "accreditation",
    "booking_url",
    "booking_phone",
    "booking_email",
    "booking_notes",
    "next_dates",
    "last_checked",
]
REQUIRED_COLUMNS = ["title", "summary", "description", "kind", "home_types", "format"]
# Plain text columns copied to the entry field of the same name, checked by
# that model field (length, email and web address rules).
TEXT_FIELDS = [
    "title",
    "summary",
    "duration",
    "price",
    "accreditation",
    "booking_url",
    "booking_phone",
    "booking_email",
    "booking_notes",
]


class RowSaveError(Exception):
    """A checked row still failed to save; raised inside the transaction to undo it."""


@dataclass
class RowResult:
    """One data row: what it will do, the values it holds and what is wrong."""

    number: int  # as a spreadsheet numbers it: the column names are row 1
    title: str = ""
    action: str = ""  # "create" or "update"
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    values: dict = field(default_factory=dict)
    existing_id: int | None = None  # the entry this row updates

    @property
    def ok(self):
        return not self.errors

    @property
    def messages(self):
        return [f"Row {self.number}: {message}" for message in self.errors + self.notes]


@dataclass
class ImportReport:
    """The outcome of checking (and perhaps importing) one file."""

    rows: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    file_notes: list = field(default_factory=list)
    imported: bool = False
    index: DirectoryIndexPage | None = None
    # False when the importing user may not publish: entries go to moderation.
    publish: bool = True

    @property
    def ok(self):
        return not self.file_errors and all(row.ok for row in self.rows)

    @property
    def created(self):
        return sum(1 for row in self.rows if row.action == "create")

    @property
    def updated(self):
        return sum(1 for row in self.rows if row.action == "update")

    @property
    def rows_with_errors(self):
        return [row for row in self.rows if row.errors]

    @property
    def row_messages(self):
        """Notes about the file's columns, then each row's problems and notes."""
        lines = list(self.file_notes)
        for row in self.rows:
            lines.extend(row.messages)
        return lines

    @property
    def messages(self):
        return self.file_errors + self.row_messages

    @property
    def summary(self):
        if self.file_errors:
            return "Nothing was imported: " + " ".join(self.file_errors)
        if not self.ok:
            count = len(self.rows_with_errors)
            rows = "row has" if count == 1 else "rows have"
            return (
                f"Nothing was imported: {count} {rows} problems. "
                "Correct them and try again."
            )
        counts = f"{self.created} {'entry' if self.created == 1 else 'entries'} "
        if self.imported:
            done = f"Imported {counts}created and {self.updated} updated"
            if self.publish:
                return f"{done}, and published."
            return f"{done}, as drafts submitted to moderators for approval."
        ready = f"Ready to import: {counts}to create and {self.updated} to update"
        if self.publish:
            return f"{ready}. They will be published straight away."
        return (
            f"{ready}. They will be saved as drafts and submitted to moderators "
            "for approval, because your account cannot publish."
        )


def read_rows(data):
    """The file's column names and its non-blank rows as (row number, dict) pairs.

    Raises CsvFileError when the file cannot be used at all.
    """
    return read_csv_rows(
        data, REQUIRED_COLUMNS, columns_hint="the CSV guide", rows_name="entries"
    )


def split_list(raw):
    return [item.strip() for item in raw.split(SEPARATOR) if item.strip()]


def choice_lookup(choices):
    """Both the stored values and the labels editors see, matched ignoring case."""
    lookup = {}
    for value, label in choices.choices:
        lookup[value.lower()] = value
        lookup[str(label).lower()] = value
    return lookup


def describe_choices(choices):
    return ", ".join(f"{value} ({label})" for value, label in choices.choices)


def parse_date(raw):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(raw, date_format).date()
        except ValueError:
            continue
    return None


def description_html(raw):
    """Rich text for the entry: simple HTML is kept (only what the editor allows);
    plain text becomes paragraphs, one per blank-line-separated block."""
    if "<" not in raw:
        paragraphs = [" ".join(block.split()) for block in raw.split("\n\n")]
        raw = "".join(f"<p>{escape(text)}</p>" for text in paragraphs if text)
    features = DirectoryEntryPage._meta.get_field("description").features
    converter = ContentstateConverter(features)
    # A round trip through the editor's own format drops anything it would not
    # allow (scripts, styles, unsupported tags), exactly as the admin does.
    cleaned = converter.to_database_format(converter.from_database_format(raw))
    # HTML that was already clean is kept as it was, so an export imported back
    # does not change (the round trip adds random paragraph keys).
    return raw if BLOCK_KEY.sub("", cleaned) == BLOCK_KEY.sub("", raw) else cleaned


class RowChecker:
    """Checks rows against the vocabularies and what is already in the directory.

    Looks everything up once, so checking a large file takes a handful of queries.
    """

    def __init__(self, index):
        self.kinds = choice_lookup(EntryKind)
        self.formats = choice_lookup(Format)
        self.levels = choice_lookup(Level)
        self.costs = choice_lookup(Cost)
        self.home_types = choice_lookup(HomeType)
        self.audiences = choice_lookup(Audience)
        self.providers = {
            name.lower(): name
            for name in Provider.objects.values_list("name", flat=True)
        }
        self.areas = {}
        for area in Area.objects.all():
            self.areas[area.name.lower()] = area
            self.areas[area.slug.lower()] = area
        self.topics = {name.lower(): name for name in COMMON_TOPICS}
        for name, slug in Tag.objects.values_list("name", "slug"):
            self.topics[name.lower()] = name
            self.topics.setdefault(slug.lower(), name)
        self.existing = {}
        # Titles only: pages are loaded one at a time when saved, so checking
        # stays light however large the directory is.
        entries = DirectoryEntryPage.objects.child_of(index).values_list("pk", "title")
        for pk, title in entries:
            self.existing.setdefault(title.lower(), []).append(pk)
        self.titles_seen = {}

    def check(self, number, cells):
        row = RowResult(number=number)
        if cells is None:
            row.errors.append("it has more cells than there are column names.")
            return row
        values = row.values
        self.check_text_fields(row, cells)
        row.title = values.get("title", "")
        self.check_title(row)
        self.check_description(row, cells.get("description", ""))
        self.check_provider(row, cells.get("provider", ""))
        self.check_choices(row, cells)
        self.check_topics(row, cells.get("topics", ""))
        self.check_areas(row, cells.get("areas", ""))
        self.check_dates(row, cells)
        return row

    def check_text_fields(self, row, cells):
        for name in TEXT_FIELDS:
            raw = cells.get(name, "")
            if name in ("title", "summary") and not raw:
                row.errors.append(f"{name} is empty.")
                continue
            model_field = DirectoryEntryPage._meta.get_field(name)
            try:
                row.values[name] = model_field.clean(raw, None)
            except ValidationError as error:
                row.errors.append(f"{name} '{raw}': {' '.join(error.messages)}")
        # Summaries are shown in results as plain text on one line.
        if "summary" in row.values:
            row.values["summary"] = " ".join(row.values["summary"].split())

    def check_title(self, row):
        key = row.title.lower()
        if not key:
            return
        if key in self.titles_seen:
            row.errors.append(
                f"the title '{row.title}' is also on row {self.titles_seen[key]}; "
                "each entry must have its own title."
            )
        else:
            self.titles_seen[key] = row.number
        matches = self.existing.get(key, [])
        if len(matches) > 1:
            row.errors.append(
                f"there are {len(matches)} entries called '{row.title}' in the "
                "directory, so it is unclear which to update. Rename one in the admin."
            )
        elif matches:
            row.action, row.existing_id = "update", matches[0]
        else:
            row.action = "create"

    def check_description(self, row, raw):
        if not raw:
            row.errors.append("description is empty.")
            return
        html = description_html(raw)
        if not html.strip():
            row.errors.append("description has no text once the HTML is tidied.")
        row.values["description"] = html

    def check_provider(self, row, raw):
        if not raw:
            row.values["provider"] = ""
            return
        limit = Provider._meta.get_field("name").max_length
        if len(raw) > limit:
            row.errors.append(f"provider name is longer than {limit} characters.")
            return
        name = self.providers.get(raw.lower())
        if name is None:
            row.notes.append(f"provider '{raw}' is new and will be added.")
            name = raw
        row.values["provider"] = name

    def pick(self, row, column, raw, lookup, choices, default=None):
        if not raw:
            if default is None:
                row.errors.append(
                    f"{column} is empty: use one of {describe_choices(choices)}."
                )
            return default
        value = lookup.get(raw.lower())
        if value is None:
            row.errors.append(
                f"{column} '{raw}' is not one of: {describe_choices(choices)}."
            )
        return value

    def pick_many(self, row, column, raw, lookup, choices, required):
        if raw.lower() == EVERYTHING:
            return list(choices.values)
        if not raw:
            if required:
                row.errors.append(
                    f"{column} is empty: use 'all' or one or more of "
                    f"{describe_choices(choices)}, separated by semicolons."
                )
            return []
        picked = []
        for item in split_list(raw):
            value = lookup.get(item.lower())
            if value is None:
                row.errors.append(
                    f"{column} '{item}' is not one of: {describe_choices(choices)} "
                    "(or 'all')."
                )
            elif value not in picked:
                picked.append(value)
        return picked

    def check_choices(self, row, cells):
        values = row.values
        values["kind"] = self.pick(
            row, "kind", cells.get("kind", ""), self.kinds, EntryKind
        )
        values["format"] = self.pick(
            row, "format", cells.get("format", ""), self.formats, Format
        )
        values["level"] = self.pick(
            row, "level", cells.get("level", ""), self.levels, Level, Level.ANY
        )
        # With no cost given, an entry with a price is taken to be paid for.
        default_cost = Cost.PAID if values.get("price") else Cost.FREE
        values["cost"] = self.pick(
            row, "cost", cells.get("cost", ""), self.costs, Cost, default_cost
        )
        values["home_types"] = self.pick_many(
            row,
            "home_types",
            cells.get("home_types", ""),
            self.home_types,
            HomeType,
            True,
        )
        values["audience"] = self.pick_many(
            row, "audience", cells.get("audience", ""), self.audiences, Audience, False
        )

    def check_topics(self, row, raw):
        topics = []
        limit = Tag._meta.get_field("name").max_length
        for item in split_list(raw):
            if len(item) > limit:
                row.errors.append(
                    f"topic '{item[:40]}...' is longer than {limit} characters."
                )
                continue
            # Reuse the existing spelling so "dementia care" joins "Dementia care".
            name = self.topics.get(item.lower())
            if name is None:
                name = item
                self.topics[item.lower()] = item
                row.notes.append(f"topic '{item}' is new and will be added.")
            if name not in topics:
                topics.append(name)
        row.values["topics"] = topics

    def check_areas(self, row, raw):
        items = split_list(raw)
        if not items or (len(items) == 1 and items[0].lower() in CITYWIDE_WORDS):
            row.values["citywide"], row.values["areas"] = True, []
            return
        areas = []
        for item in items:
            area = self.areas.get(item.lower())
            if item.lower() in CITYWIDE_WORDS:
                row.errors.append(
                    "areas: use either 'citywide' on its own or a list of areas, not both."
                )
            elif area is None:
                known = (
                    ", ".join(sorted({a.name for a in self.areas.values()}))
                    or "none yet"
                )
                row.errors.append(
                    f"area '{item}' is not in the list of areas ({known}). Add it "
                    "under Directory, Areas of the city, first, or check the spelling."
                )
            elif area not in areas:
                areas.append(area)
        row.values["citywide"], row.values["areas"] = False, areas

    def check_dates(self, row, cells):
        dates = []
        for item in split_list(cells.get("next_dates", "")):
            date = parse_date(item)
            if date is None:
                row.errors.append(
                    f"next date '{item}' is not a date like 2026-03-31 or 31/03/2026."
                )
            elif date not in dates:
                dates.append(date)
        row.values["next_dates"] = sorted(dates)

        raw = cells.get("last_checked", "")
        today = timezone.localdate()
        if not raw:
            row.values["last_checked"] = today
            return
        checked = parse_date(raw)
        if checked is None:
            row.errors.append(
                f"last_checked '{raw}' is not a date like 2026-03-31 or 31/03/2026."
            )
        elif checked > today:
            row.errors.append(f"last_checked {raw} is in the future.")
        row.values["last_checked"] = checked


def directory_index():
    index = DirectoryIndexPage.objects.first()
    if index is None:
        raise CsvFileError(
            "There is no directory page to add entries to. Create it in the admin first."
        )
    return index


def may_publish(user, index):
    return user is None or index.permissions_for_user(user).can_publish_subpage()


def check_file(data, user=None):
    """Read and check every row of a CSV file without changing anything."""
    report = ImportReport()
    try:
        header, rows = read_rows(data)
        index = directory_index()
    except CsvFileError as error:
        report.file_errors.append(str(error))
        return report
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        report.file_notes.append(
            f"These columns are not part of the format and were ignored: {', '.join(unknown)}."
        )
    checker = RowChecker(index)
    report.rows = [checker.check(number, cells) for number, cells in rows]
    report.index = index
    report.publish = may_publish(user, index)
    return report


def import_entries(data, user=None, dry_run=False):
    """Check a CSV file and, if every row is right and this is not a dry run,
    save its entries in one transaction. Returns the ImportReport."""
    report = check_file(data, user)
    if dry_run or not report.ok:
        return report
    try:
        with transaction.atomic():
            providers = {}
            taken_slugs = set(
                report.index.get_children().values_list("slug", flat=True)
            )
            for row in report.rows:
                save_row(
                    row, report.index, user, providers, taken_slugs, report.publish
                )
    except RowSaveError as error:
        report.file_errors.append(str(error))
        return report
    report.imported = True
    return report


def unique_slug(title, taken):
    base = slugify(title)[:240] or "entry"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def provider_named(name, providers):
    if not name:
        return None
    if name not in providers:
        providers[name] = Provider.objects.filter(
            name__iexact=name
        ).first() or Provider.objects.create(name=name)
    return providers[name]


def save_row(row, index, user, providers, taken_slugs, publish):
    """Create or update one entry with a revision, then publish it or submit it
    for moderation."""
    values = row.values
    if row.existing_id:
        entry = DirectoryEntryPage.objects.get(pk=row.existing_id)
    else:
        entry = DirectoryEntryPage()
    for name in TEXT_FIELDS + ["description", "kind", "format", "level", "cost"]:
        setattr(entry, name, values[name])
    for name in ("citywide", "last_checked"):
        setattr(entry, name, values[name])
    entry.provider = provider_named(values["provider"], providers)
    for home_type, field_name in HOME_TYPE_FIELDS.items():
        setattr(entry, field_name, home_type in values["home_types"])
    for audience, field_name in AUDIENCE_FIELDS.items():
        setattr(entry, field_name, audience in values["audience"])
    entry.tags.clear()
    entry.tags.add(*values["topics"])
    entry.areas.set(values["areas"])
    # Dates are replaced as a whole; their notes are kept where the date stays.
    notes = {date.date: date.note for date in entry.dates.all()} if entry.pk else {}
    entry.dates = [
        EntryDate(date=date, note=notes.get(date, "")) for date in values["next_dates"]
    ]
    try:
        if entry.pk is None:
            entry.slug = unique_slug(entry.title, taken_slugs)
            entry.live = publish
            index.add_child(instance=entry)
        revision = entry.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
        else:
            submit_for_moderation(entry, user)
    except ValidationError as error:
        raise RowSaveError(
            f"Row {row.number} could not be saved ({' '.join(error.messages)})."
        ) from error
    except PermissionDenied as error:
        # For example a page locked by someone else since the preview.
        raise RowSaveError(
            f"Row {row.number}: you do not have permission to publish "
            f"'{entry.title}' (it may be locked)."
        ) from error
    except DatabaseError as error:
        raise RowSaveError(
            f"Row {row.number} could not be saved because of a database error. "
            "Try again, and tell the web team if it happens again."
        ) from error


def submit_for_moderation(entry, user):
    workflow = entry.get_workflow()
    # An entry already waiting for approval keeps its place in the queue; the
    # moderators will see this newest revision.
    if workflow and not entry.workflow_in_progress:
        workflow.start(entry, user)
