import datetime

import pytest

from tests.factories import AreaFactory, UserFactory
from tracker.roles import CARE_QUALITY_TEAM

# A Wednesday: "this week" runs from Monday 9 to Sunday 15 March 2026.
TODAY = datetime.date(2026, 3, 11)


@pytest.fixture
def team_member(db):
    """A Care Quality Officer: in the Care Quality Team group only."""
    return UserFactory(
        username="officer",
        first_name="Priya",
        last_name="Shah",
        groups=[CARE_QUALITY_TEAM],
    )


@pytest.fixture
def today(monkeypatch):
    """The tracker's "today" (in Europe/London) fixed on a Wednesday."""
    from tracker import services

    monkeypatch.setattr(services, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def north(db):
    return AreaFactory(name="North")


@pytest.fixture
def south(db):
    return AreaFactory(name="South")


def days(number):
    return datetime.timedelta(days=number)
