"""The Manager Tracker's rules: what makes a manager's record right, how a
support plan is dated, what counts as due, overdue or still pending, and what
the dashboard exports.

Dates are the Care Quality Team's own: "today" and "this week" are in
Europe/London, whatever the server's clock says. A week runs Monday to Sunday.

Functions that change something check their input and raise `ValidationError`
with a message per field, in plain English, so a view can show it beside what
was typed.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from dateutil.relativedelta import relativedelta

from portal.outbox import queue_email
from portal.public_forms import admin_url
from tracker.choices import (
    ContactKind,
    CqcRegistration,
    DashboardList,
    MilestoneState,
    OffsetUnit,
)
from tracker.models import (
    CareHomeManager,
    ContactNote,
    Milestone,
    MilestoneDefinition,
    SupportPlanTemplate,
)
from tracker.roles import CARE_QUALITY_TEAM

LONDON = ZoneInfo("Europe/London")
# How long a manager's CQC registration may be pending before the dashboard
# lists it; TRACKER_CQC_PENDING_WEEKS in the settings changes it.
DEFAULT_PENDING_WEEKS = 8
# A start date this far ahead, or before this year, is almost always a typo.
LATEST_START = datetime.timedelta(days=366)
EARLIEST_YEAR = 2000
# Rescheduled milestones stay within the plan's span (about three years).
LONGEST_PLAN = relativedelta(years=3)
# Spreadsheets run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def today():
    """Today's date in Europe/London."""
    return timezone.localdate(timezone=LONDON)


def not_in_future(day):
    """A validator for dates of things that have happened."""
    if day > today():
        raise ValidationError("The date cannot be in the future.")


def long_date(day):
    return f"{day:%A} {day.day} {day:%B %Y}"


# Dating a plan ------------------------------------------------------------------


def offset_date(start, amount, unit):
    """The date `amount` days, weeks or months after `start`.

    A month later is the same day of the next month, or its last day when that
    month is shorter: 31 January plus one month is 28 (or 29) February.
    """
    if unit == OffsetUnit.DAYS:
        return start + datetime.timedelta(days=amount)
    if unit == OffsetUnit.WEEKS:
        return start + datetime.timedelta(weeks=amount)
    if unit == OffsetUnit.MONTHS:
        return start + relativedelta(months=amount)
    raise ValueError(f"Unknown offset unit {unit!r}")


def describe_offset(amount, unit):
    """'1 week', '3 months', 'the start date'."""
    if amount == 0:
        return "on the start date"
    label = str(OffsetUnit(unit).label).lower()
    if amount == 1:
        label = label[:-1]
    return f"{amount} {label} after the start"


def week_bounds(day):
    """The Monday and Sunday of the week `day` is in."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def milestone_state(milestone, on=None):
    """Done, overdue (due before today), due this week (today to Sunday) or
    coming up."""
    on = on or today()
    if milestone.done_on is not None:
        return MilestoneState.DONE
    if milestone.due_on < on:
        return MilestoneState.OVERDUE
    if milestone.due_on <= week_bounds(on)[1]:
        return MilestoneState.DUE_THIS_WEEK
    return MilestoneState.UPCOMING


def default_plan():
    return SupportPlanTemplate.objects.filter(is_default=True).first()


def start_support_plan(manager):
    """Give a manager the dated milestones of their plan (the default plan if
    they have none yet). Idempotent: a milestone already given is left as it
    is, whatever has happened to it, so running this again adds only steps
    the plan has gained since. Returns the milestones it added."""
    plan = manager.plan_template or default_plan()
    if plan is None:
        return []
    if manager.plan_template_id != plan.pk:
        manager.plan_template = plan
        manager.save(update_fields=["plan_template", "updated_at"])
    given = set(
        manager.milestones.filter(definition__isnull=False).values_list(
            "definition_id", flat=True
        )
    )
    new = [
        Milestone(
            manager=manager,
            definition=definition,
            name=definition.name,
            is_review=definition.is_review,
            asks_for_feedback=definition.asks_for_feedback,
            offset_amount=definition.offset_amount,
            offset_unit=definition.offset_unit,
            sort_order=definition.sort_order or 0,
            due_on=offset_date(
                manager.start_date, definition.offset_amount, definition.offset_unit
            ),
        )
        for definition in MilestoneDefinition.objects.filter(template=plan)
        if definition.pk not in given
    ]
    # Two saves at once (a double click) may both get here: the database's
    # one-milestone-per-step rule drops the second copy.
    Milestone.objects.bulk_create(new, ignore_conflicts=True)
    return new


def redate_open_milestones(manager):
    """After a start date is corrected: milestones not yet done, and not
    rescheduled by hand, move to their dates from the new start. Returns how
    many moved."""
    moved = []
    for milestone in manager.milestones.filter(
        done_on__isnull=True, original_due_on__isnull=True
    ):
        due = offset_date(
            manager.start_date, milestone.offset_amount, milestone.offset_unit
        )
        if due != milestone.due_on:
            milestone.due_on = due
            moved.append(milestone)
    Milestone.objects.bulk_update(moved, ["due_on"])
    return len(moved)


def plan_for(manager, on=None):
    """The manager's milestones in date order, each with its state today."""
    on = on or today()
    milestones = manager.milestones.select_related("done_by").order_by(
        "due_on", "sort_order", "pk"
    )
    return [(milestone, milestone_state(milestone, on)) for milestone in milestones]


# A manager's record -------------------------------------------------------------


def normalise_cqc_location_id(value):
    """'1 - 234 567 890' and '1–234567890' (an en dash, as spreadsheets like to
    write) become '1-234567890'."""
    value = (value or "").replace("\u2013", "-").replace("\u2014", "-")
    return "".join(value.split())


def manager_problems(manager, check_duplicates=True):
    """What is wrong with a manager's record, as {field name: [messages]}.

    The model's own field checks (formats, lengths, required fields) come
    first; these are the rules between fields. The CSV import finds
    duplicates itself, for the whole file at once."""
    problems = {}

    def problem(field, message):
        problems.setdefault(field, []).append(message)

    now = today()
    start = manager.start_date
    if start:
        if start > now + LATEST_START:
            problem(
                "start_date",
                "The start date is more than a year away. Check the year.",
            )
        elif start.year < EARLIEST_YEAR:
            problem("start_date", "Check the year of the start date.")

    registered_on = manager.cqc_registered_on
    if manager.cqc_registration == CqcRegistration.DONE and not registered_on:
        problem(
            "cqc_registered_on",
            "Enter the date the manager was registered with the CQC, or choose "
            "'Pending' if it has not happened yet.",
        )
    elif manager.cqc_registration == CqcRegistration.PENDING and registered_on:
        problem(
            "cqc_registered_on",
            "Leave this date empty while registration is pending, or choose 'Done'.",
        )
    if registered_on and registered_on > now:
        problem("cqc_registered_on", "The registration date cannot be in the future.")

    if manager.left_on and start and manager.left_on < start:
        problem(
            "left_on",
            f"The date they left cannot be before their start date "
            f"({long_date(start)}).",
        )

    if check_duplicates and manager.email and manager.cqc_location_id:
        same = (
            CareHomeManager.objects.filter(
                email__iexact=manager.email,
                cqc_location_id=manager.cqc_location_id,
                left_on__isnull=True,
            )
            .exclude(pk=manager.pk)
            .first()
        )
        if same is not None and not manager.left_on:
            problem(
                "email",
                f"{same.name} is already recorded at this home with this email "
                f"address (started {long_date(same.start_date)}). Open their "
                "record instead, or enter the date they left it first.",
            )
    return problems


@transaction.atomic
def record_manager(manager):
    """Save a new manager and give them the default support plan. Returns the
    milestones added (none when no plan is the default)."""
    manager.save()
    return start_support_plan(manager)


def manager_changed(manager, changed_fields):
    """After a manager's record is edited and saved: a new start date moves the
    milestones that follow from it."""
    if "start_date" in changed_fields:
        return redate_open_milestones(manager)
    return 0


def team_members():
    """Who can be named as having made a contact or done a milestone: active
    members of the Care Quality Team, and administrators."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=CARE_QUALITY_TEAM) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


# Milestones and notes -----------------------------------------------------------


def mark_milestone_done(milestone, done_on, done_by, note=""):
    if milestone.is_done:
        raise ValidationError(
            f"'{milestone.name}' was already marked done on "
            f"{long_date(milestone.done_on)}."
        )
    if done_on > today():
        raise ValidationError({"done_on": "The date cannot be in the future."})
    milestone.done_on = done_on
    milestone.done_by = done_by
    milestone.done_note = note.strip()
    milestone.save(update_fields=["done_on", "done_by", "done_note", "updated_at"])
    return milestone


def reopen_milestone(milestone):
    """Undo 'done' (it was marked by mistake); what was noted is cleared."""
    milestone.done_on = None
    milestone.done_by = None
    milestone.done_note = ""
    milestone.save(update_fields=["done_on", "done_by", "done_note", "updated_at"])
    return milestone


def reschedule_milestone(milestone, due_on, note=""):
    """Move a milestone to a new date. The date it was first due is kept; moving
    it back to that date makes it an ordinary milestone again."""
    if milestone.is_done:
        raise ValidationError(
            f"'{milestone.name}' is already done. Reopen it before rescheduling."
        )
    if due_on == milestone.due_on:
        raise ValidationError(
            {
                "due_on": f"It is already due on {long_date(due_on)}. Choose a "
                "different date."
            }
        )
    start = milestone.manager.start_date
    if due_on < start:
        raise ValidationError(
            {
                "due_on": "The new date cannot be before the manager's start date "
                f"({long_date(start)})."
            }
        )
    if due_on > start + LONGEST_PLAN:
        raise ValidationError(
            {"due_on": "The new date is more than three years after the start date."}
        )
    first_due = milestone.original_due_on or milestone.due_on
    milestone.original_due_on = None if due_on == first_due else first_due
    milestone.due_on = due_on
    milestone.reschedule_note = note.strip()
    milestone.save(
        update_fields=["due_on", "original_due_on", "reschedule_note", "updated_at"]
    )
    return milestone


def record_contact(manager, kind, happened_on, by, text, recorded_by=None):
    """Add a call, visit, email, meeting or note to the manager's history."""
    problems = {}
    if kind not in ContactKind.values or kind == ContactKind.HELP_REQUEST:
        problems["kind"] = "Choose the type of contact."
    if happened_on > today():
        problems["happened_on"] = "The date cannot be in the future."
    if not text.strip():
        problems["text"] = "Enter what happened."
    if problems:
        raise ValidationError(problems)
    return ContactNote.objects.create(
        manager=manager,
        kind=kind,
        happened_on=happened_on,
        by=by,
        text=text.strip(),
        recorded_by=recorded_by,
    )


def team_addresses():
    """Where the tracker's emails to the team go: each active member of the Care
    Quality Team with an address (not the portal's public contact address,
    which people outside the team may read)."""
    return sorted(
        set(
            get_user_model()
            .objects.filter(is_active=True, groups__name=CARE_QUALITY_TEAM)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def ask_for_help(manager, message):
    """A manager asks the team for help from their page: the request goes in
    their history, and each team member is emailed a link to the record (the
    email itself says nothing of what was asked)."""
    with transaction.atomic():
        note = ContactNote.objects.create(
            manager=manager,
            kind=ContactKind.HELP_REQUEST,
            happened_on=today(),
            text=message.strip(),
        )
        link = admin_url(
            reverse("tracker_managers:inspect", args=[manager.pk]) + "#history"
        )
        body = render_to_string(
            "tracker/emails/help_requested.txt", {"manager": manager, "link": link}
        )
        for address in team_addresses():
            queue_email(address, "Manager Tracker: a manager has asked for help", body)
    return note


# The dashboard ------------------------------------------------------------------


def pending_weeks():
    """N in "CQC registration still pending after N weeks"."""
    weeks = getattr(settings, "TRACKER_CQC_PENDING_WEEKS", DEFAULT_PENDING_WEEKS)
    try:
        weeks = int(weeks)
    except (TypeError, ValueError):
        return DEFAULT_PENDING_WEEKS
    return weeks if weeks > 0 else DEFAULT_PENDING_WEEKS


def in_post(on, prefix=""):
    """Managers still in the post on a date (they may have a leaving date
    ahead) whose record is not anonymised; `prefix` reaches them from a related
    model, e.g. "manager__"."""
    return (
        Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": on})
    ) & Q(**{f"{prefix}anonymised_at__isnull": True})


def managers_in_post(on=None):
    return CareHomeManager.objects.filter(in_post(on or today()))


def narrowed(queryset, prefix, area=None, home_type=None):
    if area is not None:
        queryset = queryset.filter(**{f"{prefix}area": area})
    if home_type:
        queryset = queryset.filter(**{f"{prefix}home_type": home_type})
    return queryset


def open_milestones(on, area=None, home_type=None):
    queryset = Milestone.objects.filter(in_post(on, "manager__"), done_on__isnull=True)
    return narrowed(queryset, "manager__", area, home_type).select_related(
        "manager", "manager__area"
    )


def due_this_week(on=None, area=None, home_type=None):
    """Milestones not done and due from today to Sunday."""
    on = on or today()
    return (
        open_milestones(on, area, home_type)
        .filter(due_on__gte=on, due_on__lte=week_bounds(on)[1])
        .order_by("due_on", "manager__name", "sort_order", "pk")
    )


def overdue(on=None, area=None, home_type=None):
    """Milestones not done and due before today, the longest overdue first."""
    on = on or today()
    return (
        open_milestones(on, area, home_type)
        .filter(due_on__lt=on)
        .order_by("due_on", "manager__name", "sort_order", "pk")
    )


def registration_pending(on=None, area=None, home_type=None, weeks=None):
    """Managers in the post whose CQC registration is still pending `weeks`
    (the setting) or more after they started, the longest waiting first."""
    on = on or today()
    weeks = weeks or pending_weeks()
    queryset = CareHomeManager.objects.filter(
        in_post(on),
        cqc_registration=CqcRegistration.PENDING,
        start_date__lte=on - datetime.timedelta(weeks=weeks),
    )
    return (
        narrowed(queryset, "", area, home_type)
        .select_related("area")
        .order_by("start_date", "name", "pk")
    )


def help_requested(on=None, area=None, home_type=None):
    """Requests for help from managers' pages that no contact has followed yet
    (a call, visit, email or meeting recorded after the request), oldest first."""
    on = on or today()
    answered = ContactNote.objects.filter(
        manager=OuterRef("manager"),
        created_at__gt=OuterRef("created_at"),
    ).exclude(kind__in=[ContactKind.HELP_REQUEST, ContactKind.NOTE])
    queryset = ContactNote.objects.filter(
        kind=ContactKind.HELP_REQUEST,
        manager__in=managers_in_post(on),
    ).exclude(Exists(answered))
    return (
        narrowed(queryset, "manager__", area, home_type)
        .select_related("manager", "manager__area")
        .order_by("created_at", "pk")
    )


def dashboard_list(name, on=None, area=None, home_type=None):
    lists = {
        DashboardList.DUE_THIS_WEEK: due_this_week,
        DashboardList.OVERDUE: overdue,
        DashboardList.REGISTRATION_PENDING: registration_pending,
        DashboardList.HELP_REQUESTED: help_requested,
    }
    return lists[DashboardList(name)](on=on, area=area, home_type=home_type)


def weeks_since(start, on):
    return (on - start).days // 7


def safe_cell(value):
    """Stop spreadsheet programs reading a cell as a formula."""
    value = "" if value is None else str(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


MANAGER_COLUMNS = [
    "Manager",
    "Email",
    "Phone",
    "Role",
    "Care home",
    "CQC location ID",
    "Type of home",
    "Area",
]


def manager_cells(manager):
    return [
        manager.name,
        manager.email,
        manager.phone,
        manager.get_role_display(),
        manager.home_name,
        manager.cqc_location_id,
        manager.get_home_type_display(),
        manager.area.name if manager.area else "",
    ]


def dashboard_rows(name, items, on=None):
    """The CSV of one dashboard list: a heading row, then one row per item."""
    on = on or today()
    if DashboardList(name) == DashboardList.REGISTRATION_PENDING:
        yield MANAGER_COLUMNS + ["Start date", "Weeks since start", "CQC registration"]
        for manager in items:
            yield [
                safe_cell(cell)
                for cell in manager_cells(manager)
                + [
                    manager.start_date.isoformat(),
                    weeks_since(manager.start_date, on),
                    manager.get_cqc_registration_display(),
                ]
            ]
        return
    if DashboardList(name) == DashboardList.HELP_REQUESTED:
        yield MANAGER_COLUMNS + ["Asked on", "Days waiting"]
        for request in items:
            yield [
                safe_cell(cell)
                for cell in manager_cells(request.manager)
                + [request.happened_on.isoformat(), (on - request.happened_on).days]
            ]
        return
    yield MANAGER_COLUMNS + [
        "Milestone",
        "Review",
        "Due",
        "Days overdue",
        "Rescheduled from",
    ]
    for milestone in items:
        late = (on - milestone.due_on).days
        yield [
            safe_cell(cell)
            for cell in manager_cells(milestone.manager)
            + [
                milestone.name,
                "yes" if milestone.is_review else "no",
                milestone.due_on.isoformat(),
                late if late > 0 else "",
                milestone.original_due_on.isoformat()
                if milestone.original_due_on
                else "",
            ]
        ]
