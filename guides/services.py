import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from guides.models import REVIEW_WARNING_DAYS, GuidePage, GuideTag
from portal.listings import on_topics_for_home_types
from portal.outbox import queue_email


def filter_guides(guides, topics=(), home_types=()):
    """Guides on any of `topics` that apply to any of `home_types`."""
    return on_topics_for_home_types(guides, GuideTag, topics, home_types)


def guides_due_for_review(today=None):
    """Live guides whose review is overdue or due within the warning period."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=REVIEW_WARNING_DAYS)
    return (
        GuidePage.objects.live().filter(review_due__lte=horizon).order_by("review_due")
    )


def send_review_reminders(today=None):
    """Email each owner about their guides due for review, at most once a week each.

    Returns the number of reminders queued.
    """
    today = today or timezone.localdate()
    week_ago = today - datetime.timedelta(days=7)
    queued = 0
    for guide in guides_due_for_review(today).select_related("guide_owner"):
        owner = guide.guide_owner
        if owner is None or not owner.email:
            continue
        if guide.review_reminder_sent_on and guide.review_reminder_sent_on > week_ago:
            continue
        with transaction.atomic():
            state = guide.review_state(today)
            queue_email(
                owner.email,
                f"Guide {state} for review: {guide.title}",
                (
                    f"Hello {owner.first_name or owner.username},\n\n"
                    f'The guide "{guide.title}" is {state} for review '
                    f"(review date {guide.review_due:%-d %B %Y}).\n\n"
                    "Please check it against current practice, update it if needed, "
                    "and set the next review date.\n\n"
                    f"Edit it here: {settings.WAGTAILADMIN_BASE_URL}/admin/pages/{guide.pk}/edit/\n"
                ),
            )
            GuidePage.objects.filter(pk=guide.pk).update(review_reminder_sent_on=today)
        queued += 1
    return queued
