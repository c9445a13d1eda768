"""Business rules for the directory: feedback and reports from visitors."""

from django.db import transaction

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
