"""Business rules for the directory: feedback and reports from visitors, and a
directory filter kept as a query string (alerts, feeds and the finder use it)."""

from urllib.parse import urlencode

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from wagtail.search import index

from directory.forms import DirectoryFilterForm
from directory.models import (
    DirectoryEntryPage,
    DirectoryIndexPage,
    Feedback,
    OutdatedReport,
)


@transaction.atomic
def record_for_entry(entry: DirectoryEntryPage, form) -> Feedback | OutdatedReport:
    """Store a visitor's feedback or problem report on `entry` for the team;
    feedback is not shown until a moderator approves it."""
    record = form.save(commit=False)
    record.entry = entry
    record.save()
    return record


def refresh_next_dates(today=None):
    """Move each entry's sortable next date past dates that have gone by.

    Run daily (cron) so "soonest next date" never sorts by a date in the past.
    Only entries whose next date has passed are touched; returns how many.
    """
    today = today or timezone.localdate()
    stale = DirectoryEntryPage.objects.filter(
        next_date_sort__lt=today
    ).prefetch_related("dates")
    changed = 0
    for entry in stale:
        next_date = entry.compute_next_date()
        if next_date != entry.next_date_sort:
            DirectoryEntryPage.objects.filter(pk=entry.pk).update(
                next_date_sort=next_date
            )
            entry.next_date_sort = next_date
            index.insert_or_update_object(entry)
            changed += 1
    return changed


# A directory filter as a saved query (alerts, feeds, the finder) ---------------


def directory_form(data):
    form = DirectoryFilterForm(data)
    form.is_valid()  # every field is optional; unknown values are dropped
    return form


def normalised_directory_query(raw):
    """The directory query string as the directory's filter form reads it: allowed
    values only, in a fixed order, without page or sort. Returns (form, string)."""
    form = directory_form(QueryDict(raw[:2000]))
    pairs = []
    if form.cleaned_data.get("q"):
        pairs.append(("q", form.cleaned_data["q"]))
    for name in DirectoryFilterForm.FACETS:
        for value in sorted(form.cleaned_data.get(name, [])):
            pairs.append((name, value))
    return form, urlencode(pairs)


def directory_url():
    index = DirectoryIndexPage.objects.live().first()
    return index.url if index else "/"


def describe_directory_filter(form):
    parts = []
    if form.cleaned_data.get("q"):
        parts.append(f"matching “{form.cleaned_data['q']}”")
    for name in DirectoryFilterForm.FACETS:
        chosen = form.cleaned_data.get(name, [])
        if chosen:
            labels = dict(form.fields[name].choices)
            names = ", ".join(labels.get(value, value) for value in chosen)
            parts.append(f"{form.fields[name].label.lower()}: {names}")
    if not parts:
        return "All new directory entries"
    return "New directory entries, " + "; ".join(parts)
