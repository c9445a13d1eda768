"""Reading a CSV file a person saved from a spreadsheet, for any importer: every
way such a file goes wrong gets one plain message, and cells come back as the
export wrote them."""

import csv
import io

MAX_FILE_BYTES = 2 * 1024 * 1024
SEPARATOR = ";"
# Spreadsheets run a cell starting with one of these as a formula, so exports
# put an apostrophe before such text; reading it back removes the apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvFileError(Exception):
    """The file as a whole cannot be used, so none of it is imported."""


def normalise_column(name):
    """'Home types ' -> 'home_types', so headings can be written naturally."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def unescape_cell(cell):
    if cell.startswith("'") and cell[1:2].startswith(FORMULA_STARTS):
        cell = cell[1:]
    return cell.strip()


def read_csv_rows(
    data,
    required_columns,
    *,
    column_name=normalise_column,
    columns_hint="the example file",
    rows_name="rows",
):
    """The file's column names and its non-blank rows as (row number, dict) pairs;
    a row with more cells than there are columns comes back as None.

    Raises CsvFileError when the file cannot be used at all.
    """
    if len(data) > MAX_FILE_BYTES:
        raise CsvFileError(
            f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB. "
            "Split it into smaller files and import them one at a time."
        )
    if not data.strip():
        raise CsvFileError("The file is empty.")
    if data.startswith(b"PK\x03\x04"):
        raise CsvFileError(
            "This looks like an Excel workbook, not a CSV file. In Excel, choose "
            "File, Save As, and the type 'CSV UTF-8 (Comma delimited)'."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvFileError(
            "The file is not saved as UTF-8 text, so letters such as £ or é would "
            "be garbled. In Excel, save it as 'CSV UTF-8 (Comma delimited)'."
        ) from None
    if "\x00" in text:
        raise CsvFileError("This is not a CSV file. Save the spreadsheet as CSV.")

    records = []
    try:
        for record in csv.reader(io.StringIO(text, newline="")):
            records.append(record)
    except csv.Error as error:
        raise CsvFileError(
            f"The file could not be read as CSV near row {len(records) + 1} ({error})."
        ) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise CsvFileError("The first row must hold the column names.")

    header = [column_name(heading) for heading in records[0]]
    if len(header) == 1 and SEPARATOR in records[0][0]:
        raise CsvFileError(
            "The columns are separated by semicolons. Save the file as "
            "'CSV UTF-8 (Comma delimited)' so that commas separate them."
        )
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    if duplicates:
        raise CsvFileError(
            f"These columns appear more than once: {', '.join(duplicates)}."
        )
    missing = [name for name in required_columns if name not in header]
    if missing:
        raise CsvFileError(
            f"The file is missing required columns: {', '.join(missing)}. The first "
            f"row must hold the column names from {columns_hint}."
        )

    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            rows.append((number, None))
            continue
        padded = record + [""] * (len(header) - len(record))
        rows.append(
            (
                number,
                {
                    name: unescape_cell(cell)
                    for name, cell in zip(header, padded, strict=True)
                    if name
                },
            )
        )
    if not rows:
        raise CsvFileError(f"The file has column names but no {rows_name}.")
    return header, rows
