import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from portal.models import QueuedEmail
from portal.outbox import MAX_ATTEMPTS, queue_email, send_queued_emails

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
