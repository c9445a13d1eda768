"""The top layer's models, one module per family, all importable from discovery.models."""

from discovery.models.alerts import (
    AlertFrequency,
    AlertKind,
    AlertSubscriber,
    AlertSubscription,
)
from discovery.models.home import HomePage
from discovery.models.topics import TopicHub, TopicHubPin, TopicIndexPage

__all__ = [
    "AlertFrequency",
    "AlertKind",
    "AlertSubscriber",
    "AlertSubscription",
    "HomePage",
    "TopicHub",
    "TopicHubPin",
    "TopicIndexPage",
]
