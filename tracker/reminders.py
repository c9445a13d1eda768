"""The tracker's reminder emails, sent through the outbox by the daily
`send_tracker_reminders` job:

- to the team, one email listing the milestones that have come due this week
  and those that have just gone overdue;
- to a manager, a reminder a week before each review
  (TRACKER_REVIEW_REMINDER_DAYS), and an invitation when a survey opens.

Each milestone records when each reminder went, in the same transaction that
queues the email, so no reminder is ever sent twice, even if the job runs
again or on two servers at once (the claim is a conditional update: only the
run that changes the row sends). The manager's emails are optional: they stop
when the manager follows the link in any of them, and never go to someone who
has left.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.outbox import queue_email
from portal.public_forms import admin_url
from tracker import services
from tracker.access import page_url, queue_optional_email
from tracker.feedback import open_surveys
from tracker.models import Milestone
from tracker.services import long_date, team_addresses, week_bounds

logger = logging.getLogger(__name__)


def review_reminder_days():
    return getattr(settings, "TRACKER_REVIEW_REMINDER_DAYS", 7)


def claim(milestones, field):
    """Mark `field` as sent now on those of `milestones` nobody has claimed;
    returns the ones this call claimed."""
    now = timezone.now()
    claimed = []
    for milestone in milestones:
        won = Milestone.objects.filter(pk=milestone.pk, **{f"{field}__isnull": True})
        if won.update(**{field: now}):
            claimed.append(milestone)
    return claimed


@transaction.atomic
def remind_team(on=None):
    """One email to each team member: milestones due this week and milestones
    gone overdue since the last reminder. Returns (due, overdue) counts."""
    on = on or services.today()
    addresses = team_addresses()
    if not addresses:
        # Kept unclaimed, so they are in the first email once someone can get it.
        logger.warning(
            "Tracker reminders: nobody in the Care Quality Team has an email"
        )
        return 0, 0
    sunday = week_bounds(on)[1]
    due = claim(
        services.open_milestones(on).filter(
            due_on__gte=on, due_on__lte=sunday, team_told_due_at__isnull=True
        ),
        "team_told_due_at",
    )
    overdue = claim(
        services.open_milestones(on).filter(
            due_on__lt=on, team_told_overdue_at__isnull=True
        ),
        "team_told_overdue_at",
    )
    if due or overdue:
        body = render_to_string(
            "tracker/emails/team_reminder.txt",
            {
                "due": due,
                "overdue": overdue,
                "dashboard_link": admin_url(reverse("tracker_dashboard:index")),
                "long_date": long_date,
            },
        )
        subject = f"Manager Tracker: {len(due)} due this week, {len(overdue)} overdue"
        for address in addresses:
            queue_email(address, subject, body)
    return len(due), len(overdue)


def wants_optional_emails(on):
    return services.managers_in_post(on).filter(optional_emails=True)


@transaction.atomic
def remind_managers_of_reviews(on=None):
    on = on or services.today()
    until = on + datetime.timedelta(days=review_reminder_days())
    coming = Milestone.objects.filter(
        is_review=True,
        done_on__isnull=True,
        due_on__gte=on,
        due_on__lte=until,
        manager_told_review_at__isnull=True,
        manager__in=wants_optional_emails(on),
    ).select_related("manager")
    sent = claim(coming, "manager_told_review_at")
    for milestone in sent:
        queue_optional_email(
            milestone.manager,
            f"your {milestone.name.lower()} is coming up",
            "tracker/emails/review_reminder.txt",
            {"milestone": milestone, "when": long_date(milestone.due_on)},
        )
    return len(sent)


@transaction.atomic
def invite_to_surveys(on=None):
    """Invite managers to each survey that has opened (its step's date has come,
    or the step is done) and that they have not answered."""
    on = on or services.today()
    opened = (
        open_surveys(on)
        .filter(
            manager_asked_feedback_at__isnull=True,
            manager__in=wants_optional_emails(on),
        )
        .select_related("manager")
    )
    sent = claim(opened, "manager_asked_feedback_at")
    for milestone in sent:
        queue_optional_email(
            milestone.manager,
            "how is your first year going?",
            "tracker/emails/feedback_invitation.txt",
            {
                "milestone": milestone,
                "sign_in_url": page_url("managers:sign_in"),
            },
        )
    return len(sent)


def send_reminders(on=None):
    """Everything the daily job sends; returns what it did, for its report."""
    due, overdue = remind_team(on)
    return {
        "team_due": due,
        "team_overdue": overdue,
        "review_reminders": remind_managers_of_reviews(on),
        "survey_invitations": invite_to_surveys(on),
    }
