"""The periodic commands: when each is due, and that each due time runs once."""

import datetime
import threading
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db import connection

import pytest

from portal import schedule
from portal.models import ScheduledJobRun

LONDON = ZoneInfo("Europe/London")


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


DAILY_8AM = schedule.Job("send_event_reminders", "", at=datetime.time(8, 0))
MONDAY_0730 = schedule.Job("x", "", at=datetime.time(7, 30), weekday=0)
EVERY_5 = schedule.Job("send_queued_emails", "", minutes=5)


@pytest.mark.parametrize(
    ("job", "now", "due"),
    [
        (DAILY_8AM, london(2026, 12, 7, 9, 0), london(2026, 12, 7, 8, 0)),
        (DAILY_8AM, london(2026, 12, 7, 7, 59), london(2026, 12, 6, 8, 0)),
        (DAILY_8AM, london(2026, 12, 7, 8, 0), london(2026, 12, 7, 8, 0)),
        # The clocks go forward on 29 March 2026 and back on 25 October 2026:
        # 8am London time either side, not 24 hours apart.
        (DAILY_8AM, london(2026, 3, 29, 7, 0), london(2026, 3, 28, 8, 0)),
        (DAILY_8AM, london(2026, 3, 29, 9, 0), london(2026, 3, 29, 8, 0)),
        (DAILY_8AM, london(2026, 10, 25, 7, 0), london(2026, 10, 24, 8, 0)),
        # Monday 7 December 2026.
        (MONDAY_0730, london(2026, 12, 7, 8, 0), london(2026, 12, 7, 7, 30)),
        (MONDAY_0730, london(2026, 12, 7, 7, 0), london(2026, 11, 30, 7, 30)),
        (MONDAY_0730, london(2026, 12, 10, 12, 0), london(2026, 12, 7, 7, 30)),
        (EVERY_5, london(2026, 12, 7, 9, 3, 59), london(2026, 12, 7, 9, 0)),
        (EVERY_5, london(2026, 7, 1, 9, 5), london(2026, 7, 1, 9, 5)),
    ],
)
def test_last_due_time(job, now, due):
    assert job.last_due(now) == due
    assert job.last_due(now).utcoffset() == datetime.timedelta(0)


@pytest.mark.django_db
def test_each_due_time_runs_once_and_is_recorded():
    now = london(2026, 12, 7, 9, 1)
    ran = schedule.run_due_jobs(now=now, jobs=[EVERY_5, DAILY_8AM])
    assert [job.command for job, _ in ran] == [
        "send_queued_emails",
        "send_event_reminders",
    ]
    assert all(run.outcome == "succeeded" for _, run in ran)
    assert (
        "Sent 0 emails" in ScheduledJobRun.objects.get(job="send_queued_emails").report
    )
    # Later in the same five minutes nothing runs again; at 9:05 only the email job.
    assert (
        schedule.run_due_jobs(now=london(2026, 12, 7, 9, 4), jobs=[EVERY_5, DAILY_8AM])
        == []
    )
    again = schedule.run_due_jobs(
        now=london(2026, 12, 7, 9, 5), jobs=[EVERY_5, DAILY_8AM]
    )
    assert [job.command for job, _ in again] == ["send_queued_emails"]


@pytest.mark.django_db
def test_a_failing_job_is_recorded_and_the_others_still_run():
    broken = schedule.Job(
        "import_directory", "", minutes=5, args=("/no/such/file.csv",)
    )
    ran = schedule.run_due_jobs(now=london(2026, 12, 7, 9, 0), jobs=[broken, EVERY_5])
    outcomes = {job.command: run.outcome for job, run in ran}
    assert outcomes == {"import_directory": "failed", "send_queued_emails": "succeeded"}
    failed = ScheduledJobRun.objects.get(job="import_directory")
    assert failed.report and failed.finished_at


@pytest.mark.django_db
def test_jobs_that_do_not_apply_are_left_out(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    commands = [
        job.command for job, _ in schedule.run_due_jobs(now=london(2026, 12, 7, 9, 0))
    ]
    assert "prune_db_task_results" not in commands
    assert "send_event_reminders" in commands and "check_directory_links" in commands


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_schedulers_at_once_run_each_job_once():
    if connection.vendor == "sqlite":
        pytest.skip("several schedulers at once are for several servers: PostgreSQL")
    now = london(2026, 12, 7, 9, 1)
    results, barrier = [], threading.Barrier(2)

    def scheduler():
        barrier.wait()
        try:
            results.extend(schedule.run_due_jobs(now=now, jobs=[EVERY_5, DAILY_8AM]))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(job.command for job, _ in results) == [
        "send_event_reminders",
        "send_queued_emails",
    ]
    assert ScheduledJobRun.objects.count() == 2


def test_the_command_lists_the_jobs():
    from io import StringIO

    output = StringIO()
    call_command("run_scheduled_jobs", "--list", stdout=output)
    assert "send_alert_digests             daily at 07:00" in output.getvalue()
    assert "check_directory_links          Sundays at 03:00" in output.getvalue()


@pytest.mark.django_db
def test_administrators_see_the_runs_in_the_admin_and_nobody_edits_them(
    client, admin_user, editor
):
    schedule.run_due_jobs(now=london(2026, 12, 7, 9, 1), jobs=[EVERY_5])
    run = ScheduledJobRun.objects.get()
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/portal/scheduledjobrun/")
    assert listing.status_code == 200
    assert "send_queued_emails" in listing.content.decode()
    inspect = client.get(f"/admin/snippets/portal/scheduledjobrun/inspect/{run.pk}/")
    assert "Sent 0 emails" in inspect.content.decode()
    for path in ("add/", f"edit/{run.pk}/", f"delete/{run.pk}/"):
        assert client.get(
            f"/admin/snippets/portal/scheduledjobrun/{path}"
        ).status_code in (
            302,
            403,
        )
    client.force_login(editor)
    assert client.get("/admin/snippets/portal/scheduledjobrun/").status_code in (
        302,
        403,
    )
