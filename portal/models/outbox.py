from django.db import models
from django.utils import timezone


class QueuedEmail(models.Model):
    """An email waiting to be sent, or sent: the outbox.

    Forms save what people sent first and queue the email in the same database
    transaction; it is sent after the commit and retried later if sending fails,
    so a broken mail server never loses a submission or an email.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up after repeated failures"

    to = models.JSONField(help_text="List of recipient addresses.")
    subject = models.CharField(max_length=250)
    body = models.TextField()
    reply_to = models.EmailField(blank=True)
    attachments = models.JSONField(
        default=list,
        blank=True,
        help_text="List of {filename, content, mimetype}; text content only.",
    )
    headers = models.JSONField(
        default=dict,
        blank=True,
        help_text="Extra headers, such as List-Unsubscribe on alert emails.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} to {', '.join(self.to)}"
