import datetime
import functools

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL, And, PlainText
from wagtail.search.utils import parse_query_string

from portal.models import GuidePage, GuideTag
from portal.models.guides import REVIEW_WARNING_DAYS
from portal.models.home_types import suits_any_home_type
from portal.outbox import queue_email
from portal.search.analysis import CARE_SYNONYMS, text_analyzer


def parsed_query(text):
    """What a person typed, as Wagtail query objects (MATCH_ALL when empty).

    Phrases in quotes become phrase queries and everything else plain words, rather
    than handing the backend raw text, so stray quotes and other syntax characters
    can never make a search engine fail.
    """
    if not text.strip():
        return MATCH_ALL
    _filters, query = parse_query_string(text, operator="and")
    if not getattr(get_search_backend(), "expands_care_synonyms", False):
        query = with_care_synonyms(query)
    return query


@functools.cache
def care_synonym_groups():
    """The stem of each word in the care vocabulary, mapped to its whole group."""
    analyzer = text_analyzer()
    groups = {}
    for group in CARE_SYNONYMS:
        for word in group:
            for token in analyzer(word):
                groups.setdefault(token.text, set()).update(group)
    return {stem: " ".join(sorted(words)) for stem, words in groups.items()}


def with_care_synonyms(query):
    """`query` with each word of the care vocabulary ORed with its synonyms.

    The Whoosh index expands synonyms itself; other engines get them in the query
    (PostgreSQL's English stemmer keeps "medicines" and "medication" apart).
    Phrases stay as typed.
    """
    if isinstance(query, And):
        return And([with_care_synonyms(subquery) for subquery in query.subqueries])
    if not isinstance(query, PlainText) or query.operator != "and":
        return query
    analyzer = text_analyzer()
    plain, expanded = [], []
    for word in query.query_string.split():
        stems = [token.text for token in analyzer(word)]
        group = care_synonym_groups().get(stems[0]) if len(stems) == 1 else None
        if group:
            expanded.append(PlainText(group, operator="or"))
        else:
            plain.append(word)
    if not expanded:
        return query
    parts = [PlainText(" ".join(plain), operator="and")] if plain else []
    parts += expanded
    return And(parts) if len(parts) > 1 else parts[0]


def filter_guides(guides, topics=(), home_types=()):
    """Guides on any of `topics` that apply to any of `home_types`."""
    if topics:
        tagged = GuideTag.objects.filter(tag__slug__in=topics).values(
            "content_object_id"
        )
        guides = guides.filter(pk__in=tagged)
    if home_types:
        guides = guides.filter(suits_any_home_type(home_types))
    return guides


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
