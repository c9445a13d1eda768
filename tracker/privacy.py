"""A manager's personal data, as the law expects: kept only as long as needed,
given back on request, and erased on request.

Retention: a record is anonymised TRACKER_RETENTION_MONTHS (default 12) after
the manager leaves the post, or after their plan ends (the last milestone's
date, or a year after the start when there is none) if they are still in it.
Anonymising keeps what the team's figures need (area, type of home, role,
dates, registration, the survey's scores) and removes the rest: name, email,
phone, the home's name and CQC ID, how they heard of the team in their own
words, every contact and note, the notes on milestones, the written survey
answers, and the manager's name in the admin's history of changes.

Erasing (on request) deletes the record and everything under it, and scrubs
the admin history the same way. Who erased or anonymised, and when, is logged
under the record's number only, never its name.
"""

import json
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from wagtail.models import ModelLogEntry

from dateutil.relativedelta import relativedelta

from tracker import services
from tracker.models import (
    CareHomeManager,
    ContactNote,
    FeedbackResponse,
    Milestone,
)

logger = logging.getLogger(__name__)

ANONYMISED_NAME = "Anonymised manager"
DEFAULT_RETENTION_MONTHS = 12


def retention_months():
    return int(getattr(settings, "TRACKER_RETENTION_MONTHS", DEFAULT_RETENTION_MONTHS))


def plan_end(manager, last_due=None):
    """The end of a manager's plan: the last milestone's date, or a year after
    they started when they have none."""
    if last_due is None:
        last_due = manager.milestones.aggregate(last=Max("due_on"))["last"]
    return last_due or manager.start_date + relativedelta(years=1)


def keep_until(manager, last_due=None):
    """The day after which the record is anonymised."""
    ended = manager.left_on or plan_end(manager, last_due)
    return ended + relativedelta(months=retention_months())


def due_for_anonymising(on=None):
    """Records past their retention date and not yet anonymised."""
    on = on or services.today()
    cutoff = on - relativedelta(months=retention_months())
    candidates = (
        CareHomeManager.objects.filter(anonymised_at__isnull=True)
        .filter(Q(left_on__isnull=False, left_on__lt=cutoff) | Q(left_on__isnull=True))
        .annotate(last_due=Max("milestones__due_on"))
    )
    return [
        manager for manager in candidates if keep_until(manager, manager.last_due) < on
    ]


def scrub_history(model, pks):
    """The admin's history of changes names each record (its title when the
    change was made): replace that, and whatever the entry kept, everywhere."""
    content_type = ContentType.objects.get_for_model(model)
    ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in pks]
    ).update(label=ANONYMISED_NAME, data={})


@transaction.atomic
def anonymise(manager, now=None):
    now = now or timezone.now()
    CareHomeManager.objects.filter(pk=manager.pk).update(
        name=ANONYMISED_NAME,
        email="",
        phone="",
        home_name="",
        cqc_location_id="",
        heard_from_detail="",
        optional_emails=False,
        # Any sign-in link still in an inbox stops working.
        sign_in_count=F("sign_in_count") + 1,
        anonymised_at=now,
    )
    note_pks = list(manager.contacts.values_list("pk", flat=True))
    ContactNote.objects.filter(pk__in=note_pks).delete()
    Milestone.objects.filter(manager=manager).update(done_note="", reschedule_note="")
    FeedbackResponse.objects.filter(milestone__manager=manager).update(
        helped_other="", missing="", comments=""
    )
    scrub_history(CareHomeManager, [manager.pk])
    scrub_history(ContactNote, note_pks)
    logger.info("Manager Tracker: record %s anonymised", manager.pk)


def anonymise_old_records(on=None):
    """The retention rule, run nightly. Returns how many were anonymised."""
    due = due_for_anonymising(on)
    for manager in due:
        anonymise(manager)
    return len(due)


def forget_deleted(sender, instance, **kwargs):
    """However a record or note is deleted (erased on request, or with the
    admin's own delete button), its name leaves the history of changes too.
    Connected in TrackerConfig.ready."""
    scrub_history(sender, [instance.pk])


@transaction.atomic
def erase(manager, erased_by):
    """Delete a manager's record and everything in it, at their request."""
    pk = manager.pk
    manager.delete()
    logger.info(
        "Manager Tracker: record %s erased on request by user %s", pk, erased_by.pk
    )


# Subject access ------------------------------------------------------------------


def date_text(value):
    return value.isoformat() if value else None


def export(manager):
    """Everything the tracker holds about a manager, for a subject access
    request: the record, the plan, contacts and notes, survey answers and the
    admin's history of changes to the record."""
    content_type = ContentType.objects.get_for_model(CareHomeManager)
    history = ModelLogEntry.objects.filter(
        content_type=content_type, object_id=str(manager.pk)
    ).select_related("user")
    return {
        "exported_at": timezone.now(),
        "record": {
            "name": manager.name,
            "email": manager.email,
            "phone": manager.phone,
            "role": manager.get_role_display(),
            "care_home": manager.home_name,
            "cqc_location_id": manager.cqc_location_id,
            "type_of_home": manager.get_home_type_display(),
            "area": manager.area.name if manager.area else None,
            "start_date": date_text(manager.start_date),
            "left_on": date_text(manager.left_on),
            "cqc_registration": manager.get_cqc_registration_display(),
            "cqc_registered_on": date_text(manager.cqc_registered_on),
            "how_they_heard": manager.get_heard_from_display(),
            "how_they_heard_detail": manager.heard_from_detail,
            "reminders_and_surveys_by_email": manager.optional_emails,
            "last_signed_in_at": manager.last_signed_in_at,
            "recorded_at": manager.created_at,
            "kept_until": date_text(keep_until(manager)),
        },
        "plan": [
            {
                "step": milestone.name,
                "due": date_text(milestone.due_on),
                "first_due": date_text(milestone.original_due_on),
                "done_on": date_text(milestone.done_on),
                "note": milestone.done_note,
                "reschedule_note": milestone.reschedule_note,
            }
            for milestone in manager.milestones.order_by("due_on", "pk")
        ],
        "contacts_and_notes": [
            {
                "type": note.get_kind_display(),
                "date": date_text(note.happened_on),
                "text": note.text,
            }
            for note in manager.contacts.order_by("happened_on", "pk")
        ],
        "survey_answers": [
            {
                "step": answer.milestone.name,
                "answered_at": answer.submitted_at,
                "how_supported": answer.get_supported_display(),
                "what_helped": answer.helped_labels(),
                "something_else_that_helped": answer.helped_other,
                "what_was_missing": answer.missing,
                "anything_else": answer.comments,
            }
            for answer in FeedbackResponse.objects.filter(
                milestone__manager=manager
            ).select_related("milestone")
        ],
        "history_of_changes": [
            {"action": entry.action, "at": entry.timestamp}
            for entry in history.order_by("timestamp", "pk")
        ],
    }


def export_json(manager):
    return json.dumps(export(manager), cls=DjangoJSONEncoder, indent=2)


def export_filename(manager, on=None):
    on = on or services.today()
    return f"manager-tracker-record-{manager.pk}-{on.isoformat()}.json"
