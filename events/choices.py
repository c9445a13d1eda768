"""The events app's controlled vocabularies."""

from django.db import models


class EventType(models.TextChoices):
    TRAINING = "training", "Training session"
    NETWORK_MEETING = "network-meeting", "Network meeting"
    FORUM = "forum", "Provider forum"
    BRIEFING = "briefing", "Briefing"
    AWARDS_CEREMONY = "awards-ceremony", "Awards ceremony"
    OTHER = "other", "Other event"


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    ONLINE = "online", "Online"
    MIXED = "mixed", "In person or online"


class Recurrence(models.TextChoices):
    NONE = "", "Does not repeat"
    WEEKLY = "weekly", "Every week, on the same day"
    MONTHLY_WEEKDAY = (
        "monthly-weekday",
        "Every month, on the same weekday (e.g. first Tuesday)",
    )
    MONTHLY_DATE = "monthly-date", "Every month, on the same date"


class BookingMethod(models.TextChoices):
    NONE = "none", "No booking needed"
    HERE = "here", "Book on this portal"
    EXTERNAL = "external", "Book on another website"


class OccurrenceStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Going ahead"
    CANCELLED = "cancelled", "Cancelled"
    RESCHEDULED = "rescheduled", "Moved to a new time"


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Place confirmed"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


# How the filters on the index offer "online or in person".
MODE_FILTER_CHOICES = [("in-person", "In person"), ("online", "Online")]
