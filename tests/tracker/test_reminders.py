"""Reminder emails: to the team for milestones due and overdue, to managers
before a review and when a survey opens; never twice, and the manager can
stop the optional ones."""

from django.core.management import call_command
from django.test import Client

import pytest

from portal.models import QueuedEmail
from tests.factories import UserFactory
from tests.tracker.conftest import TODAY, days
from tests.tracker.factories import CareHomeManagerFactory, MilestoneFactory
from tracker import access, reminders
from tracker.roles import CARE_QUALITY_TEAM

pytestmark = pytest.mark.django_db


@pytest.fixture
def officers(db):
    return [
        UserFactory(
            username="o1",
            email="one@council.example.gov.uk",
            groups=[CARE_QUALITY_TEAM],
        ),
        UserFactory(
            username="o2",
            email="two@council.example.gov.uk",
            groups=[CARE_QUALITY_TEAM],
        ),
        UserFactory(username="ed", email="editor@council.example.gov.uk"),
    ]


@pytest.fixture
def manager(north, today, home_page):
    return CareHomeManagerFactory(
        name="Jo Clarke",
        email="jo.clarke@pine.example.org",
        home_name="Pine View",
        area=north,
        start_date=TODAY - days(90),
    )


def emails_to(address):
    return list(QueuedEmail.objects.filter(to__icontains=address).order_by("pk"))


def test_the_team_hears_of_each_milestone_once_when_due_and_once_overdue(
    manager, officers
):
    due = MilestoneFactory(manager=manager, name="First visit", due_on=TODAY + days(2))
    late = MilestoneFactory(
        manager=manager, name="Welcome call", due_on=TODAY - days(3)
    )
    MilestoneFactory(manager=manager, name="Next month", due_on=TODAY + days(30))
    MilestoneFactory(
        manager=manager, name="Done already", due_on=TODAY - days(9), done_on=TODAY
    )
    assert reminders.remind_team() == (1, 1)
    (first,) = emails_to("one@")
    assert len(emails_to("two@")) == 1
    assert not emails_to("editor@")
    assert "1 due this week, 1 overdue" in first.subject
    assert "First visit, Jo Clarke (Pine View, North)" in first.body
    assert "Welcome call" in first.body
    assert "Next month" not in first.body
    assert "Done already" not in first.body
    assert "/admin/tracker/dashboard/" in first.body

    # Run again, the same day or later: nothing new, nothing sent.
    assert reminders.remind_team() == (0, 0)
    assert len(emails_to("one@")) == 1

    # The milestone due this week goes overdue: the team hears once more.
    due.refresh_from_db()
    assert reminders.remind_team(on=TODAY + days(3)) == (0, 1)
    assert "First visit" in emails_to("one@")[-1].body
    late.refresh_from_db()
    assert late.team_told_overdue_at is not None


def test_nothing_is_marked_sent_while_no_team_member_has_an_address(manager):
    milestone = MilestoneFactory(manager=manager, due_on=TODAY)
    assert reminders.remind_team() == (0, 0)
    milestone.refresh_from_db()
    assert milestone.team_told_due_at is None


def test_managers_who_left_are_not_in_the_reminders(manager, officers):
    manager.left_on = TODAY - days(1)
    manager.save()
    MilestoneFactory(manager=manager, due_on=TODAY)
    assert reminders.remind_team() == (0, 0)


def test_a_manager_is_reminded_a_week_before_a_review_once(manager, settings):
    review = MilestoneFactory(
        manager=manager, name="6 month review", is_review=True, due_on=TODAY + days(6)
    )
    MilestoneFactory(manager=manager, is_review=True, due_on=TODAY + days(20))
    MilestoneFactory(manager=manager, name="Visit", due_on=TODAY + days(3))
    assert reminders.remind_managers_of_reviews() == 1
    (email,) = emails_to("jo.clarke@")
    assert "your 6 month review is coming up" in email.subject
    assert "Tuesday 17 March 2026" in email.body
    stop_url = email.headers["List-Unsubscribe"].strip("<>")
    assert "/managers/emails/" in stop_url
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stop_url in email.body
    assert reminders.remind_managers_of_reviews() == 0
    review.refresh_from_db()
    assert review.manager_told_review_at is not None


def test_a_manager_is_invited_to_a_survey_once_when_it_opens(manager):
    MilestoneFactory(
        manager=manager, name="3 month review", asks_for_feedback=True, due_on=TODAY
    )
    MilestoneFactory(manager=manager, asks_for_feedback=True, due_on=TODAY + days(5))
    assert reminders.invite_to_surveys() == 1
    (email,) = emails_to("jo.clarke@")
    assert "how is your first year going" in email.subject
    assert "/managers/sign-in/" in email.body
    assert reminders.invite_to_surveys() == 0


def test_stopping_optional_emails_from_the_link(manager):
    client = Client(enforce_csrf_checks=True)
    token = access.stop_emails_token(manager)
    page = client.get(f"/managers/emails/{token}/")
    assert page.status_code == 200
    assert manager.email in page.content.decode()
    # The mail program's one-click unsubscribe posts without a form or cookie.
    response = client.post(
        f"/managers/emails/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert "Emails stopped" in response.content.decode()
    manager.refresh_from_db()
    assert manager.optional_emails is False

    MilestoneFactory(manager=manager, is_review=True, due_on=TODAY + days(2))
    MilestoneFactory(manager=manager, asks_for_feedback=True, due_on=TODAY)
    assert reminders.remind_managers_of_reviews() == 0
    assert reminders.invite_to_surveys() == 0
    # Sign-in links are not optional: they still arrive.
    assert access.send_sign_in_link(manager.email) == 1


def test_a_changed_stop_link_is_refused(client, manager):
    token = access.stop_emails_token(manager)
    response = client.post(f"/managers/emails/{token[:-2]}zz/")
    assert response.status_code == 400
    manager.refresh_from_db()
    assert manager.optional_emails is True


def test_the_daily_command_reports_what_it_sent(manager, officers):
    MilestoneFactory(manager=manager, due_on=TODAY - days(1))
    MilestoneFactory(manager=manager, is_review=True, due_on=TODAY + days(1))
    MilestoneFactory(manager=manager, asks_for_feedback=True, due_on=TODAY)
    from io import StringIO

    out = StringIO()
    call_command("send_tracker_reminders", stdout=out)
    assert out.getvalue().strip() == (
        "Team: 2 due this week, 1 overdue. Managers: 1 review reminders, "
        "1 survey invitations."
    )
    out = StringIO()
    call_command("send_tracker_reminders", stdout=out)
    assert "Team: 0 due this week, 0 overdue" in out.getvalue()


def test_the_scheduler_runs_the_reminders_and_the_retention_rule_daily():
    from portal.schedule import JOBS

    commands = {job.command for job in JOBS}
    assert {"send_tracker_reminders", "anonymise_old_tracker_records"} <= commands
