"""One home-type vocabulary for every content type that is for some kinds of
care home: guides, news, events and directory entries.

A multi-valued choice (residential, nursing, EMI) is stored as one boolean per
value, so every search backend can filter and count it as an ordinary field.
"""

from django.db import models
from django.db.models import Q

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.choices import HOME_TYPE_FIELDS, HomeType


class HomeTypes(models.Model):
    """Which kinds of care home this is for; all three unless the editor says
    otherwise."""

    suits_residential = models.BooleanField("residential homes", default=True)
    suits_nursing = models.BooleanField("nursing homes", default=True)
    suits_emi = models.BooleanField("EMI homes", default=True)

    class Meta:
        abstract = True

    @property
    def home_types(self):
        return [
            home for home, field in HOME_TYPE_FIELDS.items() if getattr(self, field)
        ]

    @property
    def suits_all_home_types(self):
        return len(self.home_types) == len(HomeType)


class ChosenHomeTypes(HomeTypes):
    """As HomeTypes, but none is assumed: a directory entry's provider says
    which homes it suits (an import without the column suits none)."""

    suits_residential = models.BooleanField("residential homes", default=False)
    suits_nursing = models.BooleanField("nursing homes", default=False)
    suits_emi = models.BooleanField("EMI homes", default=False)

    class Meta:
        abstract = True


def home_type_panels():
    """The three checkboxes, for a model's own panel layout and heading."""
    return [FieldPanel(field) for field in HOME_TYPE_FIELDS.values()]


def home_type_filter_fields():
    """Search filter fields, so searches can be narrowed by home type."""
    return [index.FilterField(field) for field in HOME_TYPE_FIELDS.values()]


def suits_any_home_type(home_types):
    """A filter for things that suit any of `home_types` (values or HomeType);
    nothing to filter (an empty Q) when none is given."""
    applies = Q()
    for home_type in home_types:
        applies |= Q(**{HOME_TYPE_FIELDS[HomeType(home_type)]: True})
    return applies
