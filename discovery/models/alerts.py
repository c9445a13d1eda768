"""Email alerts: people who asked to hear about new content, and what they follow.

Only the address, the choices and timestamps are kept. A subscription counts
only once confirmed from the emailed link (double opt-in); unconfirmed ones are
removed when their link expires.
"""

from django.db import models
from django.utils import timezone

from portal.models.outbox import QueuedEmail

# Every alert email's subject starts with this, so erasing an address can find them.
ALERT_SUBJECT_PREFIX = "Care Quality Portal alerts"


class AlertFrequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"


class AlertKind(models.TextChoices):
    TOPIC = "topic", "Topic"
    DIRECTORY = "directory", "Directory search"
    NEWS = "news", "News"


class AlertSubscriber(models.Model):
    """One email address that follows something."""

    email = models.EmailField(max_length=254, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["email"]
        verbose_name = "alert subscriber"

    def __str__(self):
        return self.email

    def confirmed_count(self):
        return sum(1 for item in self.subscriptions.all() if item.confirmed_at)

    confirmed_count.short_description = "Confirmed alerts"

    def alerts_summary(self):
        return "; ".join(
            f"{item} ({item.get_frequency_display().lower()}, "
            f"{'confirmed' if item.confirmed_at else 'not confirmed'})"
            for item in self.subscriptions.all()
        )

    alerts_summary.short_description = "Alerts"

    def delete(self, *args, **kwargs):
        """Erasing an address also removes every alert email queued or sent to it."""
        self.alert_emails().delete()
        return super().delete(*args, **kwargs)

    def alert_emails(self):
        candidates = QueuedEmail.objects.filter(
            subject__startswith=ALERT_SUBJECT_PREFIX,
            to__icontains=f'"{self.email}"',
        ).only("pk", "to")
        wanted = self.email.lower()
        ids = [
            item.pk
            for item in candidates
            if wanted in (address.lower() for address in item.to)
        ]
        return QueuedEmail.objects.filter(pk__in=ids)


class AlertSubscription(models.Model):
    """Something one address follows: a topic, a directory filter or a news filter.

    `target` is a topic's tag slug, or the directory's or the news page's query
    string after that page's own filter form has checked it. `last_sent_at` is the watermark:
    a digest lists what was published after it and moves it on in the same
    transaction that queues the email.
    """

    subscriber = models.ForeignKey(
        AlertSubscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(max_length=20, choices=AlertKind.choices)
    target = models.CharField(max_length=500, blank=True)
    frequency = models.CharField(
        max_length=10, choices=AlertFrequency.choices, default=AlertFrequency.WEEKLY
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["subscriber", "kind", "target"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "kind", "target"],
                name="one_subscription_per_target",
            )
        ]
        indexes = [models.Index(fields=["confirmed_at", "last_sent_at"])]
        verbose_name = "alert"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target or 'everything'}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
