"""The ground layer's models (shared by every app), all importable from portal.models."""

from portal.models.home_types import ChosenHomeTypes, HomeTypes
from portal.models.outbox import QueuedEmail
from portal.models.pages import ContentPage, PortalSettings
from portal.models.schedule import ScheduledJobRun

__all__ = [
    "ChosenHomeTypes",
    "ContentPage",
    "HomeTypes",
    "PortalSettings",
    "QueuedEmail",
    "ScheduledJobRun",
]
