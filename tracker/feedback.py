"""Feedback from new managers: the survey at chosen milestones, and the results
the team reads, per area and over time.

Answers are personal data and are read only on the tracker's screens, by
people with the "view feedback" permission (the Care Quality Team). A
milestone has at most one set of answers: a second send of the same survey
changes nothing.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncQuarter

from tracker import services
from tracker.choices import HelpedBy, SupportFelt
from tracker.models import FeedbackResponse, Milestone
from tracker.services import narrowed

# Answers of 4 or 5 ("well" or "very well supported") count as feeling supported.
SUPPORTED_AT_LEAST = SupportFelt.WELL
QUARTER_NAMES = [
    "January to March",
    "April to June",
    "July to September",
    "October to December",
]


def open_surveys(on=None):
    """Milestones whose survey can be answered now: the step asks for feedback,
    its date has come (or it is done early), and it is not yet answered."""
    on = on or services.today()
    return Milestone.objects.filter(
        asks_for_feedback=True, feedback__isnull=True
    ).exclude(due_on__gt=on, done_on__isnull=True)


class AlreadyAnswered(Exception):
    pass


def record_feedback(
    milestone, supported, helped=(), helped_other="", missing="", comments=""
):
    """Store the manager's answers for `milestone`; AlreadyAnswered if it has
    some already (a double click, or the form open in two tabs)."""
    if supported not in SupportFelt.values:
        raise ValidationError({"supported": "Choose how supported you feel"})
    unknown = set(helped) - set(HelpedBy.values)
    if unknown:
        raise ValidationError({"helped": "Choose from the options listed"})
    ordered = [value for value in HelpedBy.values if value in set(helped)]
    try:
        with transaction.atomic():
            return FeedbackResponse.objects.create(
                milestone=milestone,
                supported=supported,
                helped=ordered,
                helped_other=helped_other.strip(),
                missing=missing.strip(),
                comments=comments.strip(),
            )
    except IntegrityError:
        raise AlreadyAnswered from None


def responses(area=None, home_type=None):
    found = FeedbackResponse.objects.select_related(
        "milestone", "milestone__manager", "milestone__manager__area"
    )
    return narrowed(found, "milestone__manager__", area, home_type)


def percent(part, whole):
    return round(100 * part / whole) if whole else None


def summary_rows(queryset, group_by):
    """Per value of `group_by`: how many answered, the average answer (1 to 5)
    and the share who feel well or very well supported."""
    rows = (
        queryset.values(group_by)
        .annotate(
            answers=Count("pk"),
            average=Avg("supported"),
            supported_count=Count("pk", filter=Q(supported__gte=SUPPORTED_AT_LEAST)),
        )
        .order_by(group_by)
    )
    return [
        {
            "group": row[group_by],
            "answers": row["answers"],
            "average": round(row["average"], 1) if row["average"] else None,
            "supported_percent": percent(row["supported_count"], row["answers"]),
        }
        for row in rows
    ]


def results(area=None, home_type=None):
    """Everything the results screen shows, for the chosen area and home type."""
    found = responses(area, home_type)
    by_quarter = summary_rows(
        found.annotate(quarter=TruncQuarter("submitted_at")), "quarter"
    )
    for row in by_quarter:
        start = row["group"]
        row["label"] = f"{QUARTER_NAMES[(start.month - 1) // 3]} {start.year}"
    by_area = summary_rows(found, "milestone__manager__area__name")
    by_milestone = summary_rows(found, "milestone__name")
    helped = Counter()
    chosen = Counter()
    for supported, values in found.values_list("supported", "helped"):
        chosen[supported] += 1
        helped.update(values or [])
    total = sum(chosen.values())
    feel_supported = sum(
        count for value, count in chosen.items() if value >= SUPPORTED_AT_LEAST
    )
    return {
        "total": total,
        "supported_percent": percent(feel_supported, total),
        "by_quarter": by_quarter,
        "by_area": by_area,
        "by_milestone": by_milestone,
        "helped": [
            (label, helped[value], percent(helped[value], total))
            for value, label in HelpedBy.choices
        ],
        "scale": [(label, chosen[value]) for value, label in SupportFelt.choices],
    }


def written_answers(area=None, home_type=None):
    """Answers with something written in them, newest first, for the team."""
    return responses(area, home_type).exclude(helped_other="", missing="", comments="")
