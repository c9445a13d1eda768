"""Files the admin hands out: exports of records, which hold personal data."""

from django.http import HttpResponse


def private_download(filename, content_type, content=""):
    """A download saved as `filename`, never kept by a browser or proxy cache."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def csv_download(filename):
    """A CSV download to write rows into (csv.writer(response)). It starts with
    a byte order mark, so spreadsheet programs read names with accents right."""
    response = private_download(filename, "text/csv; charset=utf-8")
    response.write("\ufeff")
    return response
