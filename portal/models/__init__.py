"""The portal's models, one module per family, all importable from portal.models."""

from portal.models.guides import GuideIndexPage, GuidePage, GuideTag
from portal.models.outbox import QueuedEmail
from portal.models.pages import ContentPage, HomePage, PortalSettings

__all__ = [
    "ContentPage",
    "GuideIndexPage",
    "GuidePage",
    "GuideTag",
    "HomePage",
    "PortalSettings",
    "QueuedEmail",
]
