"""The portal's models, one module per family, all importable from portal.models."""

from portal.models.academy import (
    AcademyApplication,
    AcademyCohort,
    AcademyModule,
    AcademyPage,
    AcademyTestimonial,
)
from portal.models.alerts import (
    AlertFrequency,
    AlertKind,
    AlertSubscriber,
    AlertSubscription,
)
from portal.models.guides import GuideIndexPage, GuidePage, GuideTag
from portal.models.news import NewsIndexPage, NewsPage, NewsTag
from portal.models.outbox import QueuedEmail
from portal.models.pages import ContentPage, HomePage, PortalSettings
from portal.models.schedule import ScheduledJobRun
from portal.models.support import SupportRequest, SupportRequestPage
from portal.models.topics import TopicHub, TopicHubPin, TopicIndexPage

__all__ = [
    "AcademyApplication",
    "AcademyCohort",
    "AcademyModule",
    "AcademyPage",
    "AcademyTestimonial",
    "AlertFrequency",
    "AlertKind",
    "AlertSubscriber",
    "AlertSubscription",
    "ContentPage",
    "GuideIndexPage",
    "GuidePage",
    "GuideTag",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsTag",
    "PortalSettings",
    "QueuedEmail",
    "ScheduledJobRun",
    "SupportRequest",
    "SupportRequestPage",
    "TopicHub",
    "TopicHubPin",
    "TopicIndexPage",
]
