"""Queue emails in the database and send them after the transaction commits.

Use `queue_email(...)` inside the same transaction that saves a submission. The
email is sent by a task (in the web request, or by `manage.py db_worker` with
TASKS_BACKEND=database). If the mail server is down, it stays queued and is tried
again with growing delays: by a task scheduled for its next attempt when the task
backend can run tasks later (the database one can), and by `send_queued_emails`
(cron, every few minutes) in any case.

An email is never sent twice by two workers: a worker first claims it (row lock,
one more attempt counted, no other try until `sending_lease()` has passed), then
talks to the mail server outside any transaction, then records the outcome. Each
try carries the number of attempts its sender saw, so a try that another worker
or cron got to first does nothing. The one case no outbox can rule out, the mail
server taking the message and the database then failing to record it, is retried
for a few seconds and otherwise logged; every email has a fixed Message-ID, so a
copy sent again is the same message to the mail systems that receive it.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.message import sanitize_address
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from portal.models import QueuedEmail
from portal.tasks import send_queued_email_task

logger = logging.getLogger(__name__)

# With the default delays (1, 2, 4 ... minutes, then every 4 hours) the last
# attempt comes about two days after the first.
MAX_ATTEMPTS = 20
# Waits before recording again that an email went, when the database failed.
RECORD_SENT_RETRY_DELAYS = (0.5, 1, 2, 4)


def queue_email(to, subject, body, *, reply_to="", attachments=(), headers=None):
    """Store an email and send it once the surrounding transaction has committed."""
    recipients = [to] if isinstance(to, str) else list(to)
    email = QueuedEmail.objects.create(
        to=recipients,
        # A line break would make the subject an invalid header.
        subject=" ".join(subject.split())[:250],
        body=body,
        reply_to=reply_to,
        attachments=[dict(attachment) for attachment in attachments],
        headers=dict(headers or {}),
    )
    enqueue_send(email.pk, attempts=0)
    return email


def enqueue_send(pk, *, attempts, run_after=None):
    """Queue a try at sending email pk, as part of the current transaction."""
    task = send_queued_email_task
    backend = task.get_backend()
    if run_after is not None:
        if not backend.supports_defer:
            return  # the immediate backend: cron tries again
        task = task.using(run_after=run_after)
    if tasks_share_the_database(backend):
        # Stored with the email, in the same transaction: neither goes without
        # the other, and workers only see the task once both are committed.
        task.enqueue(pk, attempts=attempts)
    else:
        # Robust: once the submission is saved, a failure here must not turn the
        # response into an error page (cron sends the email instead).
        transaction.on_commit(lambda: task.enqueue(pk, attempts=attempts), robust=True)


def tasks_share_the_database(backend):
    from django_tasks_db import DatabaseBackend

    return isinstance(backend, DatabaseBackend)


def retry_delay(attempts):
    """EMAIL_RETRY_SECONDS (1 minute) after the first failure, doubling each
    time up to EMAIL_RETRY_MAX_SECONDS (4 hours)."""
    first = getattr(settings, "EMAIL_RETRY_SECONDS", 60)
    longest = getattr(settings, "EMAIL_RETRY_MAX_SECONDS", 4 * 60 * 60)
    return datetime.timedelta(seconds=min(first * 2 ** (attempts - 1), longest))


def sending_lease():
    """How long a claimed email is left to the worker sending it: well beyond the
    longest an SMTP conversation can take before it times out."""
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or 60
    return datetime.timedelta(seconds=10 * timeout)


def send_queued_email(pk, attempts=None):
    """Try to send one queued email and record the outcome.

    `attempts` is how many tries the caller saw; if another worker (or cron) has
    tried since, this try is theirs to follow up and nothing happens. Without it,
    the email is tried if it is due. Returns True when sent, False when it failed
    (it is tried again later unless it cannot be sent at all), None when there
    was nothing to do. Raises only database errors, never once the mail server
    has taken the email.
    """
    email = claim(pk, attempts)
    if email is None:
        return None
    message, problem = prepare(email)
    if problem:
        logger.error("Email %s cannot be sent: %s", email.pk, problem)
        record_failure(email, f"Cannot be sent: {problem}", give_up=True)
        return False
    try:
        deliver(message)
    except Exception as error:  # any mail failure is retried later
        logger.warning("Sending email %s failed: %s", email.pk, error)
        record_failure(email, f"{type(error).__name__}: {error}")
        return False
    record_sent(email)
    return True


def claim(pk, attempts):
    """Count one more attempt at a pending email, unless someone else is trying
    it or has tried it since `attempts` was read; returns the email or None."""
    now = timezone.now()
    with transaction.atomic():
        email = (
            QueuedEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=QueuedEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return None  # sent, given up, deleted, or being claimed right now
        if attempts is None and email.next_attempt_at > now:
            return None
        if attempts is not None and email.attempts != attempts:
            return None
        email.attempts += 1
        email.next_attempt_at = now + sending_lease()
        email.save(update_fields=["attempts", "next_attempt_at"])
    return email


def build_message(email):
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    created = email.created_at.strftime("%Y%m%d%H%M%S%f")
    return EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        reply_to=[email.reply_to] if email.reply_to else None,
        # The same Message-ID on every try: a copy sent again is recognisable.
        headers={
            "Message-ID": f"<outbox-{email.pk}.{created}@{domain}>",
            **(email.headers or {}),
        },
        attachments=[
            (item["filename"], item["content"], item["mimetype"])
            for item in email.attachments
        ],
    )


def prepare(email):
    """The message, and why no mail server could ever take it ("" if it can be
    sent): checked before connecting, so that bad data is not retried for days."""
    try:
        message = build_message(email)
        if not message.recipients():
            return message, "it has no recipients"
        encoding = message.encoding or settings.DEFAULT_CHARSET
        for address in [message.from_email, *message.recipients()]:
            sanitize_address(address, encoding)
        message.message()
    except (ValueError, TypeError, KeyError) as error:
        return None, f"{type(error).__name__}: {error}"
    return message, ""


def deliver(message):
    """Hand the message to the mail server; raises unless the server took it.

    The connection is opened and closed here, so that an error while saying
    goodbye, after the server has taken the message, does not count as a failure
    (which would send it again).
    """
    mail_connection = get_connection()
    mail_connection.open()
    try:
        if mail_connection.send_messages([message]) != 1:
            raise RuntimeError("The mail backend did not send the message")
    finally:
        try:
            mail_connection.close()
        except Exception as error:  # the message has gone (or failed) already
            logger.info("Closing the mail connection failed: %s", error)


def record_failure(email, error, give_up=False):
    """Store the error and when to try again, with a task for that moment."""
    email.last_error = error[:2000]
    if give_up or email.attempts >= MAX_ATTEMPTS:
        email.status = QueuedEmail.Status.FAILED
    else:
        email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
    with transaction.atomic():
        updated = QueuedEmail.objects.filter(
            pk=email.pk, status=QueuedEmail.Status.PENDING, attempts=email.attempts
        ).update(
            status=email.status,
            last_error=email.last_error,
            next_attempt_at=email.next_attempt_at,
        )
        if updated and email.status == QueuedEmail.Status.PENDING:
            enqueue_send(
                email.pk, attempts=email.attempts, run_after=email.next_attempt_at
            )


def record_sent(email):
    """Mark the email sent. The mail server has it now, so a database failure
    here is retried for a few seconds before giving up with an error in the log
    (the email would then be tried again once its lease has passed)."""
    email.status = QueuedEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    for delay in (*RECORD_SENT_RETRY_DELAYS, None):
        try:
            updated = QueuedEmail.objects.filter(
                pk=email.pk, attempts=email.attempts
            ).update(status=email.status, sent_at=email.sent_at, last_error="")
        except DatabaseError as error:
            if delay is None or connection.in_atomic_block:
                logger.error(
                    "Email %s went to the mail server, but recording that failed "
                    "(%s); it may be sent again, with the same Message-ID",
                    email.pk,
                    error,
                )
                return
            logger.warning(
                "Recording that email %s went failed (%s); trying again",
                email.pk,
                error,
            )
            connection.close()  # the next query opens a fresh connection
            time.sleep(delay)
            continue
        if not updated:
            # Deleted meanwhile (an erased alert address), or claimed again after
            # a send that outlasted its lease.
            logger.warning("Email %s changed while it was being sent", email.pk)
        return


def send_queued_emails(limit=200):
    """Send the emails whose next attempt is due. Returns (sent, failed)."""
    due = (
        QueuedEmail.objects.filter(
            status=QueuedEmail.Status.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at")
        .values_list("pk", "attempts")[:limit]
    )
    sent = failed = 0
    for pk, attempts in list(due):
        outcome = send_queued_email(pk, attempts)
        if outcome:
            sent += 1
        elif outcome is False:
            failed += 1
    return sent, failed
