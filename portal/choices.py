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
