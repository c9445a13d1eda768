"""Field declarations the apps' models share."""

from django.db import models


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
