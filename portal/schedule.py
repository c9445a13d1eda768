"""The periodic commands, and when each is due.

`manage.py run_scheduled_jobs` runs whatever is due (from cron every few
minutes, or as a long-running process with --loop). Every app server may run
it: a run is recorded per job and due time, and only the server that records
it first runs the job. A job missed while no scheduler ran (a deploy, an
outage) runs once when a scheduler next starts, not once per missed time.

Times are Europe/London wall-clock times, as the team thinks of them.
"""

import datetime
import io
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.models import ScheduledJobRun

logger = logging.getLogger(__name__)
LONDON = ZoneInfo("Europe/London")
REPORT_CHARACTERS = 2000


@dataclass(frozen=True)
class Job:
    """A management command run every `minutes`, or daily (or weekly, on
    `weekday`: 0 is Monday) at `at`, London time."""

    command: str
    description: str
    minutes: int = 0
    at: datetime.time | None = None
    weekday: int | None = None
    args: tuple = field(default=())
    # Whether the job applies to this configuration.
    applies: Callable[[], bool] = lambda: True

    def last_due(self, now):
        """The latest time at or before `now` this job was due (aware, UTC)."""
        if self.minutes:
            step = self.minutes * 60
            seconds = int(now.timestamp()) // step * step
            return datetime.datetime.fromtimestamp(seconds, datetime.UTC)
        local = now.astimezone(LONDON)
        due = datetime.datetime.combine(local.date(), self.at, tzinfo=LONDON)
        if self.weekday is not None:
            due -= datetime.timedelta(days=(local.weekday() - self.weekday) % 7)
        if due > local:
            # Wall-clock arithmetic: the same London time a day (or week) back,
            # whatever a clock change in between did.
            due -= datetime.timedelta(days=7 if self.weekday is not None else 1)
        return due.astimezone(datetime.UTC)

    @property
    def when(self):
        if self.minutes:
            return f"every {self.minutes} minutes"
        day = "daily" if self.weekday is None else f"{DAYS[self.weekday]}s"
        return f"{day} at {self.at:%H:%M}"


def tasks_wait_in_the_database():
    backend = settings.TASKS["default"]["BACKEND"]
    return backend.startswith("django_tasks_db.")


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

JOBS = [
    Job(
        "send_queued_emails",
        "send queued emails that are due, retrying earlier failures",
        minutes=5,
    ),
    Job(
        "refresh_directory_dates",
        "move directory entries' next dates past days gone by",
        at=datetime.time(0, 30),
    ),
    Job(
        "anonymise_old_nominations",
        "anonymise award nominations past their retention period",
        at=datetime.time(2, 0),
    ),
    Job(
        "delete_old_event_bookings",
        "delete event bookings a year after the event",
        at=datetime.time(2, 15),
    ),
    Job(
        "anonymise_old_tracker_records",
        "anonymise Manager Tracker records past their retention period",
        at=datetime.time(2, 30),
    ),
    Job(
        "send_tracker_reminders",
        "Manager Tracker reminders to the team and to new managers",
        at=datetime.time(7, 15),
    ),
    Job(
        "send_alert_digests",
        "queue subscribers' daily and weekly alert digests",
        at=datetime.time(7, 0),
    ),
    Job(
        "send_event_reminders",
        "day-before reminders to people booked on an event",
        at=datetime.time(8, 0),
    ),
    Job(
        "send_guide_review_reminders",
        "remind guide owners of guides due for review",
        at=datetime.time(7, 30),
        weekday=0,
    ),
    Job(
        "check_directory_links",
        "check every directory entry's links",
        at=datetime.time(3, 0),
        weekday=6,
    ),
    Job(
        "prune_db_task_results",
        "delete old background task results",
        at=datetime.time(3, 30),
        weekday=6,
        applies=tasks_wait_in_the_database,
    ),
]


def run_due_jobs(now=None, jobs=None):
    """Runs every job that is due and not yet run for its due time by any
    server. Returns [(job, run)] for the jobs this call ran."""
    now = now or timezone.now()
    ran = []
    for job in JOBS if jobs is None else jobs:
        if not job.applies():
            continue
        due = job.last_due(now)
        try:
            with transaction.atomic():
                run = ScheduledJobRun.objects.create(job=job.command, due=due)
        except IntegrityError:
            continue  # this due time is another server's, or already done
        ran.append((job, run_job(job, run)))
    return ran


def run_job(job, run):
    output = io.StringIO()
    try:
        call_command(job.command, *job.args, stdout=output, stderr=output)
    except Exception as error:  # one failing job must not stop the others
        logger.error("Scheduled job %s failed", job.command, exc_info=True)
        run.outcome = ScheduledJobRun.Outcome.FAILED
        run.report = "".join(traceback.format_exception_only(error))
    else:
        run.outcome = ScheduledJobRun.Outcome.SUCCEEDED
        run.report = output.getvalue()
    run.report = run.report[-REPORT_CHARACTERS:]
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "report", "finished_at"])
    return run
