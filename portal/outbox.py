"""Queue emails in the database and send them after the transaction commits.

Use `queue_email(...)` inside the same transaction that saves a submission. If the
mail server is down (or the task worker is), the email stays queued and `send_queued_emails` (run by
cron every few minutes) retries it with growing delays.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from portal.models import QueuedEmail
from portal.tasks import send_queued_email_task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def queue_email(to, subject, body, *, reply_to="", attachments=(), headers=None):
    """Store an email and send it once the surrounding transaction has committed."""
    recipients = [to] if isinstance(to, str) else list(to)
    email = QueuedEmail.objects.create(
        to=recipients,
        subject=subject[:250],
        body=body,
        reply_to=reply_to,
        attachments=[dict(attachment) for attachment in attachments],
        headers=dict(headers or {}),
    )
    transaction.on_commit(lambda: send_queued_email_task.enqueue(email.pk))
    return email


def retry_delay(attempts):
    """1, 2, 4 ... minutes between tries, at most 4 hours."""
    return datetime.timedelta(minutes=min(2 ** (attempts - 1), 240))


def send_queued_email(pk):
    """Try to send one queued email; record the outcome. Never raises."""
    with transaction.atomic():
        email = (
            QueuedEmail.objects.select_for_update()
            .filter(pk=pk, status=QueuedEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return False
        message = EmailMessage(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.to,
            reply_to=[email.reply_to] if email.reply_to else None,
            headers=email.headers or None,
        )
        for attachment in email.attachments:
            message.attach(
                attachment["filename"], attachment["content"], attachment["mimetype"]
            )
        email.attempts += 1
        try:
            message.send()
        except Exception as error:  # any mail failure is retried later
            logger.warning("Sending email %s failed: %s", email.pk, error)
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = QueuedEmail.Status.FAILED
            else:
                email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
            email.save()
            return False
        email.status = QueuedEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save()
        return True


def send_queued_emails(limit=200):
    """Send the emails whose next attempt is due. Returns (sent, failed)."""
    due = QueuedEmail.objects.filter(
        status=QueuedEmail.Status.PENDING, next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)[:limit]
    sent = failed = 0
    for pk in list(due):
        if send_queued_email(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
