"""CSV export of directory entries, in exactly the import format.

An export can be opened in a spreadsheet, corrected and imported back: every
column is written the way `directory.csv_import` reads it (stored choice values,
semicolon-separated lists, ISO dates, the description as stored rich text).
"""

import csv
import re

from django.utils import timezone

from directory.choices import Audience, HomeType
from directory.csv_import import COLUMNS, EVERYTHING, SEPARATOR
from directory.models import DirectoryEntryPage
from portal.csv_files import FORMULA_STARTS

BATCH_SIZE = 500
# Phone numbers such as +44 117 496 0000 are not formulas and are left alone.
NUMBER_LIKE = re.compile(r"^[+-]?[\d\s().]+$")


def entries_with_details(entry_ids):
    """The entries with these ids, in the same order, with what the export and API
    show fetched in a fixed number of queries per batch."""
    for start in range(0, len(entry_ids), BATCH_SIZE):
        batch = entry_ids[start : start + BATCH_SIZE]
        by_id = (
            DirectoryEntryPage.objects.filter(pk__in=batch)
            .select_related("provider")
            .prefetch_related("tags", "areas", "dates")
            .in_bulk()
        )
        yield from (by_id[pk] for pk in batch if pk in by_id)


def joined(values, every):
    values = list(values)
    if len(values) == len(every):
        return EVERYTHING
    return f"{SEPARATOR} ".join(values)


def entry_row(entry):
    """One entry as a dict of CSV cells, keyed by column name."""
    return {
        "title": entry.title,
        "summary": entry.summary,
        "description": entry.description,
        "provider": entry.provider.name if entry.provider else "",
        "kind": entry.kind,
        "home_types": joined(entry.home_types, HomeType),
        "topics": f"{SEPARATOR} ".join(tag.name for tag in entry.tags.all()),
        "audience": joined(entry.audiences, Audience),
        "level": entry.level,
        "format": entry.format,
        "duration": entry.duration,
        "cost": entry.cost,
        "price": entry.price,
        "areas": "citywide"
        if entry.citywide
        else f"{SEPARATOR} ".join(area.name for area in entry.areas.all()),
        "accreditation": entry.accreditation,
        "booking_url": entry.booking_url,
        "booking_phone": entry.booking_phone,
        "booking_email": entry.booking_email,
        "booking_notes": entry.booking_notes,
        "next_dates": f"{SEPARATOR} ".join(
            date.date.isoformat() for date in entry.dates.all()
        ),
        "last_checked": entry.last_checked.isoformat(),
    }


def safe_cell(value):
    if value.startswith(FORMULA_STARTS) and not NUMBER_LIKE.match(value):
        return "'" + value
    return value


def write_entries(entries, stream):
    """Write a header row and one row per entry to a text stream."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    for entry in entries:
        writer.writerow(
            {name: safe_cell(value) for name, value in entry_row(entry).items()}
        )


def export_filename():
    return f"directory-{timezone.localdate().isoformat()}.csv"
