"""The awards' business rules: the nomination window, saving nominations,
duplicates, scoring and rankings, publishing photos and personal data.
"""

import hashlib
import io
import unicodedata
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from PIL import Image as PILImage

from awards.choices import (
    SCORABLE_STATUSES,
    NominationState,
    NominationStatus,
)
from awards.models import (
    LONDON,
    AwardsYearPage,
    Nomination,
    Score,
    retention_cutoff,
)
from portal import references
from portal.outbox import queue_email
from portal.references import REFERENCE_ALPHABET as REFERENCE_ALPHABET

ERASED = "[erased]"


# The nomination window -------------------------------------------------------


def nominations_open(year_page, now=None):
    """True while `year_page` takes nominations: from its open time up to, but
    not including, its exact close time."""
    return year_page.nomination_state(now) == NominationState.OPEN


def london_time(value, weekday=False):
    """'5pm on 31 January 2027' in UK time, as GOV.UK writes times; with
    `weekday`, '5pm on Sunday 31 January 2027'."""
    local = timezone.localtime(value, LONDON)
    if local.hour == 0 and local.minute == 0:
        clock = "midnight"
    elif local.hour == 12 and local.minute == 0:
        clock = "midday"
    else:
        hour = local.hour % 12 or 12
        suffix = "am" if local.hour < 12 else "pm"
        clock = f"{hour}{suffix}" if not local.minute else f"{hour}:{local:%M}{suffix}"
    day = f"{local:%A} " if weekday else ""
    return f"{clock} on {day}{local.day} {local:%B %Y}"


def window_message(year_page, now=None):
    """What the nomination page says about the window, in plain English."""
    state = year_page.nomination_state(now)
    if state == NominationState.NOT_YET_OPEN:
        return (
            f"Nominations for the {year_page.year} awards open at "
            f"{london_time(year_page.nominations_open_at)}."
        )
    if state == NominationState.CLOSED:
        return (
            f"Nominations for the {year_page.year} awards closed at "
            f"{london_time(year_page.nominations_close_at)}."
        )
    return (
        f"Nominations for the {year_page.year} awards are open until "
        f"{london_time(year_page.nominations_close_at)}."
    )


def current_year_page(now=None, request=None):
    """The live year whose nominations are open, else the next one to open."""
    from portal.visibility import public

    now = now or timezone.now()
    years = public(AwardsYearPage.objects.live(), request).order_by(
        "nominations_open_at"
    )
    open_year = years.filter(
        nominations_open_at__lte=now, nominations_close_at__gt=now
    ).first()
    return open_year or years.filter(nominations_open_at__gt=now).first()


def nomination_status_for_home_page(now=None, request=None):
    """None, or {message, url, link_text} for the home page's awards banner."""
    now = now or timezone.now()
    year = current_year_page(now, request)
    if year is None:
        return None
    if year.nominations_are_open(now):
        return {
            "message": (
                f"Nominations for the {year.year} Quality in Care Awards are open "
                f"until {london_time(year.nominations_close_at)}."
            ),
            "url": year.url + year.reverse_subpage("nominate"),
            "link_text": "Nominate someone",
        }
    return {
        "message": (
            f"Nominations for the {year.year} Quality in Care Awards open at "
            f"{london_time(year.nominations_open_at)}."
        ),
        "url": year.url,
        "link_text": f"Find out about the {year.year} awards",
    }


# Saving nominations ----------------------------------------------------------


def new_reference(year):
    return references.new_reference(f"QCA-{year}")


def normalise_name(name):
    """Names compared for duplicates: Unicode-folded, case-folded, single-spaced."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(folded.replace(".", " ").split())


def duplicate_key(nominator_email, nominee_name, category_id):
    raw = "\n".join(
        [
            nominator_email.strip().casefold(),
            normalise_name(nominee_name),
            str(category_id),
        ]
    )
    return hashlib.sha256(raw.encode()).hexdigest()


def submit_nomination(year_page, category, data, photo_bytes=None, notify=True):
    """Store a nomination and queue its confirmation email, in one transaction.

    The email is sent only after the commit, and retried from the outbox if
    sending fails, so a mail failure never loses a nomination. A repeat from
    the same nominator for the same nominee and category is stored and flagged.
    Reference collisions and a briefly locked database are retried.
    """
    key = duplicate_key(data["nominator_email"], data["nominee_name"], category.pk)

    def create(reference):
        nomination = Nomination(
            reference=reference,
            year=year_page,
            year_number=year_page.year,
            category=category,
            category_name=category.name,
            duplicate_key=key,
            **data,
        )
        try:
            nomination.possible_duplicate = Nomination.objects.filter(
                duplicate_key=key
            ).exists()
            if photo_bytes:
                nomination.photo.save(
                    f"{uuid.uuid4().hex}.jpg", ContentFile(photo_bytes), save=False
                )
            nomination.save()
            if notify:
                queue_confirmation_email(nomination)
        except Exception:
            # Nothing was stored, so the photo file must not stay behind either.
            if nomination.photo:
                nomination.photo.delete(save=False)
            raise
        return nomination

    return references.save_with_new_reference(
        f"QCA-{year_page.year}",
        Nomination,
        create,
        draw=lambda _prefix: new_reference(year_page.year),
    )


def queue_confirmation_email(nomination):
    body = render_to_string(
        "awards/emails/nomination_received.txt", {"nomination": nomination}
    )
    queue_email(
        nomination.nominator_email,
        f"Your nomination {nomination.reference} for the {nomination.year_number} "
        "Quality in Care Awards",
        body,
    )


# Judging ---------------------------------------------------------------------


def has_conflict(nomination, user):
    return Score.objects.filter(
        nomination=nomination, judge=user, conflict_of_interest=True
    ).exists()


def can_score(user, nomination):
    return (
        user.has_perm("awards.add_score")
        and nomination.status in SCORABLE_STATUSES
        and not has_conflict(nomination, user)
    )


def record_score(nomination, judge, criterion_scores, comment=""):
    """Save a judge's scores (one 1-5 score per criterion, in order)."""
    criteria = nomination.criteria
    if len(criterion_scores) != len(criteria) or not all(
        1 <= int(score) <= 5 for score in criterion_scores
    ):
        raise ValueError("One score from 1 to 5 is needed for each criterion.")
    if has_conflict(nomination, judge):
        raise PermissionError("A judge with a conflict of interest cannot score.")
    score, _ = Score.objects.update_or_create(
        nomination=nomination,
        judge=judge,
        defaults={
            "conflict_of_interest": False,
            "conflict_details": "",
            "criterion_scores": [
                {"criterion": criterion, "score": int(value)}
                for criterion, value in zip(criteria, criterion_scores, strict=True)
            ],
            "total": sum(int(value) for value in criterion_scores),
            "comment": comment,
        },
    )
    return score


def declare_conflict(nomination, judge, details=""):
    """A declared conflict replaces any scores the judge gave this nomination."""
    score, _ = Score.objects.update_or_create(
        nomination=nomination,
        judge=judge,
        defaults={
            "conflict_of_interest": True,
            "conflict_details": details,
            "criterion_scores": [],
            "total": 0,
            "comment": "",
        },
    )
    return score


def rankings(year_number):
    """Per category, scored nominations ranked by average total (highest first).

    Conflicts are left out of the average. Equal averages share a rank.
    """
    nominations = (
        Nomination.objects.filter(year_number=year_number, status__in=SCORABLE_STATUSES)
        .prefetch_related("scores")
        .order_by("category_name", "reference")
    )
    by_category = {}
    for nomination in nominations:
        valid = [s for s in nomination.scores.all() if not s.conflict_of_interest]
        average = sum(s.total for s in valid) / len(valid) if valid else None
        by_category.setdefault(nomination.category_name, []).append(
            {
                "nomination": nomination,
                "judges": len(valid),
                "conflicts": sum(
                    s.conflict_of_interest for s in nomination.scores.all()
                ),
                "total": sum(s.total for s in valid),
                "average": average,
            }
        )
    result = []
    for category_name, rows in sorted(by_category.items()):
        rows.sort(key=lambda row: (row["average"] is None, -(row["average"] or 0)))
        rank, previous = 0, object()
        for position, row in enumerate(rows, start=1):
            if row["average"] is None:
                row["rank"] = None
                continue
            if row["average"] != previous:
                rank, previous = position, row["average"]
            row["rank"] = rank
        result.append({"category": category_name, "rows": rows})
    return result


# Publishing photos -----------------------------------------------------------


def publish_photo(nomination, user=None):
    """Copy the private photo into a Wagtail image so the awards page can show
    responsive renditions of it. Idempotent."""
    from wagtail.images import get_image_model

    if nomination.published_photo_id or not nomination.photo:
        return nomination.published_photo
    Image = get_image_model()
    with nomination.photo.open("rb") as source:
        content = source.read()
    with PILImage.open(io.BytesIO(content)) as decoded:
        width, height = decoded.size
    image = Image(
        title=f"{nomination.nominee_name}, {nomination.category_name} "
        f"{nomination.year_number}",
        uploaded_by_user=user,
    )
    image.file.save(
        f"award-{nomination.reference}.jpg", ContentFile(content), save=False
    )
    image.width, image.height, image.file_size = width, height, len(content)
    image.save()
    nomination.published_photo = image
    nomination.save(update_fields=["published_photo"])
    return image


# Personal data ---------------------------------------------------------------

NOMINATOR_FIELDS = ["nominator_name", "nominator_email", "nominator_phone"]
NOMINEE_FIELDS = [
    "nominee_name",
    "nominee_role",
    "nominee_workplace",
    "cqc_location_id",
]


def _erase_nominator(nomination):
    nomination.nominator_name = ERASED
    nomination.nominator_email = f"erased-{nomination.pk}@invalid"
    nomination.nominator_phone = ""


def _erase_private_photo(nomination):
    if nomination.photo:
        nomination.photo.delete(save=False)
    nomination.photo = ""


def anonymise_nomination(nomination, now=None):
    """Remove the personal data of nominator and nominee, keeping what the
    statistics and the published results need.

    Published results (shortlisted, highly commended, winners) keep the nominee's
    name, role and workplace, which were made public; everything else goes.
    """
    _erase_nominator(nomination)
    if nomination.status not in (
        NominationStatus.SHORTLISTED,
        NominationStatus.HIGHLY_COMMENDED,
        NominationStatus.WINNER,
    ):
        nomination.nominee_name = ERASED
        nomination.nominee_role = ERASED
        nomination.nominee_workplace = ERASED
        nomination.cqc_location_id = ""
    nomination.statement = ERASED
    nomination.duplicate_key = ""
    _erase_private_photo(nomination)
    nomination.anonymised_at = now or timezone.now()
    nomination.save()
    Score.objects.filter(nomination=nomination).update(comment="", conflict_details="")


def anonymise_old_nominations(now=None):
    """Anonymise nominations submitted before the retention period; returns how
    many were changed. Running it again changes nothing more."""
    now = now or timezone.now()
    due = Nomination.objects.filter(
        submitted_at__lt=retention_cutoff(now), anonymised_at__isnull=True
    )
    count = 0
    for nomination in due.iterator():
        with transaction.atomic():
            anonymise_nomination(nomination, now)
        count += 1
    return count


def nominations_by_email(email):
    email = email.strip()
    if not email:
        return Nomination.objects.none()
    return Nomination.objects.filter(nominator_email__iexact=email).order_by(
        "submitted_at"
    )


def personal_data_export(email):
    """Everything held about the nominator with this email, for a subject access
    request: a list of dicts, one per nomination."""
    return [
        {
            "reference": nomination.reference,
            "submitted_at": timezone.localtime(
                nomination.submitted_at, LONDON
            ).isoformat(),
            "year": nomination.year_number,
            "category": nomination.category_name,
            "nominator_name": nomination.nominator_name,
            "nominator_email": nomination.nominator_email,
            "nominator_phone": nomination.nominator_phone,
            "relationship": nomination.get_relationship_display(),
            "nominee_name": nomination.nominee_name,
            "nominee_role": nomination.nominee_role,
            "nominee_workplace": nomination.nominee_workplace,
            "setting": nomination.get_setting_display(),
            "cqc_location_id": nomination.cqc_location_id,
            "statement": nomination.statement,
            "agreed_to_privacy_notice": nomination.consent_privacy,
            "nominee_may_be_contacted": nomination.nominee_may_be_contacted,
            "has_photo": bool(nomination.photo),
            "status": nomination.get_status_display(),
        }
        for nomination in nominations_by_email(email)
    ]


def erase_nominator_data(email):
    """Erase a nominator's personal data on request; returns how many nominations
    were changed. Their nominations stay, so the nominee is still considered."""
    count = 0
    with transaction.atomic():
        for nomination in nominations_by_email(email).select_for_update():
            _erase_nominator(nomination)
            nomination.duplicate_key = ""
            nomination.save(update_fields=[*NOMINATOR_FIELDS, "duplicate_key"])
            count += 1
    return count
