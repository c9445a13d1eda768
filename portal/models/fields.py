"""Field declarations the apps' models share."""

from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager


def optional_link(to, related_name="+", **kwargs):
    """A link an editor may leave empty, emptied again if what it points to is
    deleted."""
    return models.ForeignKey(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **kwargs,
    )


def topic_tags(through, **kwargs):
    """A page's topics: tags shared across the site, so that topic hubs, feeds
    and filters find every kind of page on a topic. `through` is the page's
    tagged-item model."""
    return ClusterTaggableManager(
        through=through, blank=True, verbose_name="topics", **kwargs
    )
