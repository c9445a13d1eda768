"""Controlled vocabularies for the awards: settings, relationships, statuses."""

from django.db import models


class Setting(models.TextChoices):
    NURSING_HOME = "nursing_home", "Nursing home"
    RESIDENTIAL_HOME = "residential_home", "Residential home"
    CARE_AT_HOME = "care_at_home", "Care in people's own homes"
    OTHER = "other", "Other"


class Relationship(models.TextChoices):
    RESIDENT = "resident", "I am a resident or receive care from them"
    FAMILY = "family", "I am a family member or friend of someone they care for"
    COLLEAGUE = "colleague", "I work with them"
    MANAGER = "manager", "I manage them"
    OTHER_ORGANISATION = "other_organisation", "I work for another organisation"
    OTHER = "other", "Other"


class NominationStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ELIGIBLE = "eligible", "Eligible"
    INELIGIBLE = "ineligible", "Not eligible"
    SHORTLISTED = "shortlisted", "Shortlisted"
    HIGHLY_COMMENDED = "highly_commended", "Highly commended"
    WINNER = "winner", "Winner"


# Statuses that put a nomination on the published shortlist.
SHORTLIST_STATUSES = [
    NominationStatus.SHORTLISTED,
    NominationStatus.HIGHLY_COMMENDED,
    NominationStatus.WINNER,
]
# Statuses the panel scores.
SCORABLE_STATUSES = [NominationStatus.ELIGIBLE, *SHORTLIST_STATUSES]


class NominationState(models.TextChoices):
    """Where a year is in its nomination window."""

    NOT_YET_OPEN = "not_yet_open", "Not yet open"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
