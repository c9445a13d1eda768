"""Business rules for the directory: feedback and reports from visitors."""

from django.db import transaction
from django.utils import timezone

from wagtail.search import index

from directory.models import DirectoryEntryPage, Feedback, OutdatedReport


@transaction.atomic
def record_feedback(entry: DirectoryEntryPage, form) -> Feedback:
    """Store feedback for moderation; it is not shown until a moderator approves it."""
    feedback = form.save(commit=False)
    feedback.entry = entry
    feedback.save()
    return feedback


@transaction.atomic
def record_outdated_report(entry: DirectoryEntryPage, form) -> OutdatedReport:
    report = form.save(commit=False)
    report.entry = entry
    report.save()
    return report


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
