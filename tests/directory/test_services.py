import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from directory.models import NO_DATE, DirectoryEntryPage, EntryDate

pytestmark = pytest.mark.django_db


def test_next_date_is_the_soonest_upcoming_date(entries):
    entry = entries["pressure"]
    today = timezone.localdate()
    for days in (30, 7, -3):
        EntryDate.objects.create(
            entry=entry, date=today + datetime.timedelta(days=days)
        )
    entry = DirectoryEntryPage.objects.get(pk=entry.pk)
    entry.save()
    assert entry.next_date == today + datetime.timedelta(days=7)


def test_refresh_command_moves_past_dates_on(entries):
    entry = entries["pressure"]
    today = timezone.localdate()
    EntryDate.objects.create(entry=entry, date=today + datetime.timedelta(days=14))
    DirectoryEntryPage.objects.filter(pk=entry.pk).update(
        next_date_sort=today - datetime.timedelta(days=1)
    )
    out = io.StringIO()
    call_command("refresh_directory_dates", stdout=out)
    assert "Updated the next date of 1 directory entries" in out.getvalue()
    entry.refresh_from_db()
    assert entry.next_date == today + datetime.timedelta(days=14)
    call_command("refresh_directory_dates", stdout=out)
    assert DirectoryEntryPage.objects.get(pk=entry.pk).next_date_sort != NO_DATE


def test_overdue_check(entries):
    entry = entries["pressure"]
    entry.last_checked = timezone.localdate() - datetime.timedelta(days=400)
    assert entry.is_overdue_for_check()
    entry.last_checked = timezone.localdate()
    assert not entry.is_overdue_for_check()
