import datetime
import io
import smtplib

from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import OperationalError
from django.db.models import QuerySet
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from portal import outbox
from portal.models import QueuedEmail
from portal.outbox import (
    MAX_ATTEMPTS,
    queue_email,
    retry_delay,
    send_queued_email,
    send_queued_emails,
)
from portal.settings.base import email_settings, tasks_backend

pytestmark = pytest.mark.django_db

FAILING = "tests.email_backends.FailingEmailBackend"


def test_email_is_sent_after_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(
            "manager@example.org",
            "Your booking",
            "See you there.",
            attachments=[
                {
                    "filename": "event.ics",
                    "content": "BEGIN:VCALENDAR",
                    "mimetype": "text/calendar",
                }
            ],
        )
        assert len(mail.outbox) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["manager@example.org"]
    assert mail.outbox[0].attachments[0][0] == "event.ics"
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
    assert email.attempts == 1


def test_a_failing_mail_server_loses_nothing(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(["a@example.org"], "Hello", "Body")
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.PENDING
    assert email.attempts == 1
    assert "went away" in email.last_error
    assert email.next_attempt_at > timezone.now()

    # Not due yet: nothing is tried.
    assert send_queued_emails() == (0, 0)
    # Once due, and the server is back, it goes.
    QueuedEmail.objects.update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_queued_emails", stdout=io.StringIO())
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_gives_up_after_repeated_failures(settings):
    settings.EMAIL_BACKEND = FAILING
    email = QueuedEmail.objects.create(to=["a@example.org"], subject="S", body="B")
    for _ in range(MAX_ATTEMPTS):
        QueuedEmail.objects.update(next_attempt_at=timezone.now())
        send_queued_emails()
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.FAILED
    assert email.attempts == MAX_ATTEMPTS


def test_sent_emails_are_not_sent_twice():
    email = QueuedEmail.objects.create(to=["a@example.org"], subject="S", body="B")
    assert send_queued_emails() == (1, 0)
    assert send_queued_emails() == (0, 0)
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_only_administrators_see_the_outbox(client, editor, admin_user):
    QueuedEmail.objects.create(to=["private@example.org"], subject="S", body="B")
    client.force_login(editor)
    assert client.get("/admin/snippets/portal/queuedemail/").status_code in (302, 403)
    client.force_login(admin_user)
    response = client.get("/admin/snippets/portal/queuedemail/")
    assert response.status_code == 200


def test_retry_delays_double_from_the_settings_up_to_a_ceiling(settings):
    settings.EMAIL_RETRY_SECONDS = 60
    settings.EMAIL_RETRY_MAX_SECONDS = 4 * 60 * 60
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 9, 19)] == [
        60,
        120,
        240,
        14400,
        14400,
    ]
    settings.EMAIL_RETRY_SECONDS = settings.EMAIL_RETRY_MAX_SECONDS = 1
    assert retry_delay(5) == datetime.timedelta(seconds=1)


def test_retry_settings_come_from_the_environment_with_clear_errors():
    assert email_settings({})["EMAIL_RETRY_SECONDS"] == 60
    assert email_settings({})["EMAIL_RETRY_MAX_SECONDS"] == 14400
    assert email_settings({"EMAIL_RETRY_SECONDS": "5"})["EMAIL_RETRY_SECONDS"] == 5
    with pytest.raises(ValueError, match="EMAIL_RETRY_SECONDS must be a whole"):
        email_settings({"EMAIL_RETRY_SECONDS": "soon"})
    with pytest.raises(ValueError, match="EMAIL_PORT must be a port number"):
        email_settings({"EMAIL_HOST": "relay.local", "EMAIL_PORT": "smtp"})
    with pytest.raises(ValueError, match="invalid port"):
        email_settings({"EMAIL_URL": "smtp://relay.local:25x"})
    # console:// gives every setting, like the other schemes.
    console = email_settings({"EMAIL_URL": "console://"})
    assert console["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert console["EMAIL_HOST"] == "localhost"
    assert tasks_backend(" Database ") == "django_tasks_db.DatabaseBackend"


def test_every_try_of_an_email_carries_the_same_message_id(settings):
    settings.EMAIL_BACKEND = FAILING
    email = QueuedEmail.objects.create(to=["a@example.org"], subject="S", body="B")
    assert send_queued_email(email.pk) is False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_queued_email(email.pk, attempts=1) is True
    created = f"{email.created_at:%Y%m%d%H%M%S%f}"
    expected = f"<outbox-{email.pk}.{created}@example.gov.uk>"
    assert mail.outbox[0].extra_headers["Message-ID"] == expected


def test_a_try_that_someone_else_made_first_does_nothing():
    email = QueuedEmail.objects.create(to=["a@example.org"], subject="S", body="B")
    # A worker has claimed it and is talking to the mail server.
    QueuedEmail.objects.filter(pk=email.pk).update(
        attempts=1, next_attempt_at=timezone.now() + datetime.timedelta(minutes=3)
    )
    assert send_queued_email(email.pk, attempts=0) is None  # a stale task
    assert send_queued_email(email.pk) is None  # an old task, not due
    assert send_queued_emails() == (0, 0)  # cron
    assert mail.outbox == []
    # Once it is due again (the worker died), the next try goes.
    QueuedEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert send_queued_emails() == (1, 0)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (QueuedEmail.Status.SENT, 2)


def test_an_email_no_server_could_take_fails_at_once_with_the_reason():
    bad = QueuedEmail.objects.create(
        to=["manager@example.org"], subject="S", body="B", headers={"X-Bad": "a\nb"}
    )
    nobody = QueuedEmail.objects.create(to=[], subject="S", body="B")
    assert send_queued_emails() == (0, 2)
    bad.refresh_from_db()
    nobody.refresh_from_db()
    assert bad.status == nobody.status == QueuedEmail.Status.FAILED
    assert bad.last_error.startswith("Cannot be sent: BadHeaderError")
    assert nobody.last_error == "Cannot be sent: it has no recipients"
    assert mail.outbox == []


def test_line_breaks_in_a_subject_are_kept_out_of_the_header():
    email = queue_email("a@example.org", "Booking confirmed:\nFalls training", "B")
    assert email.subject == "Booking confirmed: Falls training"


def test_an_error_after_the_server_took_the_email_is_not_a_failure(settings):
    settings.EMAIL_BACKEND = "tests.portal.test_outbox.GoodbyeFailsBackend"
    email = QueuedEmail.objects.create(to=["a@example.org"], subject="S", body="B")
    assert send_queued_email(email.pk) is True
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_recording_a_sent_email_is_retried_when_the_database_fails(monkeypatch):
    email = QueuedEmail.objects.create(to=["a@example.org"], subject="S", body="B")
    failures = iter([True, True])
    real_update = QuerySet.update

    def flaky_update(queryset, **changes):
        if changes.get("status") == QueuedEmail.Status.SENT and next(failures, False):
            raise OperationalError("server closed the connection unexpectedly")
        return real_update(queryset, **changes)

    class OutsideTransaction:
        in_atomic_block = False

        def close(self):
            pass

    monkeypatch.setattr(QuerySet, "update", flaky_update)
    monkeypatch.setattr(outbox, "connection", OutsideTransaction())
    monkeypatch.setattr(outbox.time, "sleep", lambda seconds: None)
    assert send_queued_email(email.pk) is True
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_with_the_database_backend_a_failure_schedules_the_next_try(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = FAILING
    email = queue_email("a@example.org", "S", "B")
    # Queued with the email, in the same transaction.
    (first,) = DBTaskResult.objects.all()
    assert first.args_kwargs == {"args": [email.pk], "kwargs": {"attempts": 0}}

    assert send_queued_email(email.pk, attempts=0) is False
    email.refresh_from_db()
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert retry.args_kwargs == {"args": [email.pk], "kwargs": {"attempts": 1}}
    assert retry.run_after == email.next_attempt_at
    assert email.next_attempt_at > timezone.now()


class GoodbyeFailsBackend(locmem.EmailBackend):
    """Takes the message, then fails while closing the connection."""

    def close(self):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
