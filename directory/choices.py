"""The directory's controlled vocabularies."""

from django.db import models

# Home types are shared with guides and events; re-exported for the directory.
from portal.choices import HOME_TYPE_FIELDS as HOME_TYPE_FIELDS
from portal.choices import HomeType


class EntryKind(models.TextChoices):
    TRAINING = "training", "Training course"
    ELEARNING = "elearning", "E-learning"
    GUIDE = "guide", "Guide or toolkit"
    SUPPORT = "support", "Support service"
    SCHEME = "scheme", "Scheme or initiative"
    FUNDING = "funding", "Funding"


class Audience(models.TextChoices):
    CARE_WORKER = "care-worker", "Care and support workers"
    NURSE = "nurse", "Nurses"
    MANAGER = "manager", "Registered managers"
    OWNER = "owner", "Owners and directors"


class Level(models.TextChoices):
    ANY = "any", "Any level"
    INTRODUCTORY = "introductory", "Introductory"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class Format(models.TextChoices):
    CLASSROOM = "classroom", "Classroom"
    ELEARNING = "elearning", "E-learning"
    BLENDED = "blended", "Blended"
    ON_SITE = "on-site", "On site at your home"
    WEBINAR = "webinar", "Webinar"
    RESOURCE = "resource", "Online or printed resource"
    SERVICE = "service", "Advice or support service"


class Cost(models.TextChoices):
    FREE = "free", "Free"
    PAID = "paid", "Paid"


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


# How one person in each role or home type is described in a sentence.
ROLE_IN_A_SENTENCE = {
    Audience.CARE_WORKER: "a care or support worker",
    Audience.NURSE: "a nurse",
    Audience.MANAGER: "a registered manager",
    Audience.OWNER: "an owner or director",
}
HOME_IN_A_SENTENCE = {
    HomeType.RESIDENTIAL: "a residential home",
    HomeType.NURSING: "a nursing home",
    HomeType.EMI: "an EMI home",
}

# Like home types (portal.choices), audiences are stored as one boolean each.
AUDIENCE_FIELDS = {
    Audience.CARE_WORKER: "for_care_workers",
    Audience.NURSE: "for_nurses",
    Audience.MANAGER: "for_managers",
    Audience.OWNER: "for_owners",
}

# Offered to editors as the common topics; they may add others.
COMMON_TOPICS = [
    "Safeguarding",
    "Medication management",
    "Moving and handling",
    "Mental Capacity Act and DoLS",
    "Dementia care",
    "Care planning",
    "Pressure area care",
    "Nutrition and hydration",
    "Infection prevention",
    "Falls prevention",
    "End of life care",
    "Mental health",
    "Dignity",
    "Equipment",
    "LGBT+ inclusive care",
    "Leadership",
    "Recruitment and retention",
    "Digital skills",
    "Oral health",
    "Wellbeing",
]
