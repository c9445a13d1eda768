"""Vocabularies shared across the portal's apps."""

from django.db import models


class HomeType(models.TextChoices):
    RESIDENTIAL = "residential", "Residential"
    NURSING = "nursing", "Nursing"
    EMI = "emi", "EMI (dementia and mental health)"


# A multi-valued home type choice is stored as one boolean per value, so every
# search backend can filter and count it as an ordinary field.
HOME_TYPE_FIELDS = {
    HomeType.RESIDENTIAL: "suits_residential",
    HomeType.NURSING: "suits_nursing",
    HomeType.EMI: "suits_emi",
}


class NewsAudience(models.TextChoices):
    """Who a news item is written for; 'all staff' items reach every role."""

    ALL_STAFF = "all-staff", "All staff"
    NURSES = "nurses", "Nurses"
    MANAGERS = "managers", "Registered managers"
    OWNERS = "owners", "Owners and directors"
