"""The Manager Tracker's vocabularies. Home types are the portal's own
(`portal.choices.HomeType`); areas are the directory's `Area` snippets."""

from django.db import models


class ManagerRole(models.TextChoices):
    REGISTERED_MANAGER = "registered-manager", "Registered manager"
    DEPUTY = "deputy", "Deputy manager"
    ACTING = "acting", "Acting manager"


class CqcRegistration(models.TextChoices):
    """Whether the manager's registration with the CQC has gone through."""

    PENDING = "pending", "Pending"
    DONE = "done", "Done"


class HeardFrom(models.TextChoices):
    """How the manager first heard of the Care Quality Team."""

    PREVIOUS_MANAGER = "previous-manager", "From the previous manager"
    PROVIDER = "provider", "From the home's owner or provider"
    ANOTHER_MANAGER = "another-manager", "From another care home manager"
    TEAM_CONTACT = "team-contact", "The team got in touch first"
    NETWORK = "network", "At a Registered Managers Network meeting"
    EVENT = "event", "At a training session or provider forum"
    WEBSITE = "website", "From this website"
    COMMISSIONER = "commissioner", "From a council or NHS commissioner"
    OTHER = "other", "Somewhere else"


class OffsetUnit(models.TextChoices):
    DAYS = "days", "Days"
    WEEKS = "weeks", "Weeks"
    MONTHS = "months", "Months"


class ContactKind(models.TextChoices):
    CALL = "call", "Phone or video call"
    VISIT = "visit", "Visit to the home"
    EMAIL = "email", "Email"
    MEETING = "meeting", "Meeting"
    NOTE = "note", "Note (no contact)"
    HELP_REQUEST = "request", "Asked for help (from their page)"


class SupportFelt(models.IntegerChoices):
    """How supported a new manager feels, from the feedback survey."""

    VERY_WELL = 5, "Very well supported"
    WELL = 4, "Well supported"
    PARTLY = 3, "Partly supported"
    NOT_VERY = 2, "Not very well supported"
    NOT_AT_ALL = 1, "Not supported at all"


class HelpedBy(models.TextChoices):
    """What a new manager says has helped, from the feedback survey."""

    CALLS = "calls", "Calls and emails with the Care Quality Team"
    VISITS = "visits", "Visits to the home"
    NETWORK = "network", "The Registered Managers Network"
    BUDDY = "buddy", "A buddy from the network"
    ACADEMY = "academy", "The Leadership Academy"
    TRAINING = "training", "Training from the directory"
    GUIDES = "guides", "The best-practice guides"


class MilestoneState(models.TextChoices):
    """Where a dated milestone stands today (worked out, not stored)."""

    DONE = "done", "Done"
    OVERDUE = "overdue", "Overdue"
    DUE_THIS_WEEK = "due-this-week", "Due this week"
    UPCOMING = "upcoming", "Coming up"


class DashboardList(models.TextChoices):
    """The lists on the team's dashboard, each exportable as CSV."""

    DUE_THIS_WEEK = "due", "Due this week"
    OVERDUE = "overdue", "Overdue"
    REGISTRATION_PENDING = "pending", "CQC registration still pending"
    HELP_REQUESTED = "help", "Asked for help, not yet answered"
