"""A directory-like model the benchmark can index without the portal's apps."""

from django.db import models

from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin


class CareResourceQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class CareResource(index.Indexed, models.Model):
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    topic = models.CharField(max_length=40)
    home_type = models.CharField(max_length=20)
    format = models.CharField(max_length=20)
    cost = models.CharField(max_length=10)
    area = models.CharField(max_length=20)
    published = models.DateField()

    objects = CareResourceQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("topic"),
        index.FilterField("home_type"),
        index.FilterField("format"),
        index.FilterField("cost"),
        index.FilterField("area"),
        index.FilterField("published"),
    ]

    class Meta:
        app_label = "benchapp"

    def __str__(self):
        return self.title
