"""The Manager Tracker: new care home managers, the support plan each one is
given, and the team's contacts with them.

Everything here about a manager is personal data. None of these models is in
the search index (none is `Indexed`, and the admin lists search the database),
none is shown on a public page, and none is in the reference index, so an
area's "usage" screen never names a manager to someone outside the team.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from portal.choices import HomeType
from support.models import CQC_LOCATION_ID
from tracker.choices import (
    ContactKind,
    CqcRegistration,
    HeardFrom,
    HelpedBy,
    ManagerRole,
    OffsetUnit,
    SupportFelt,
)

# Offsets are capped at about three years, whatever the unit.
MAX_OFFSET = {OffsetUnit.DAYS: 1095, OffsetUnit.WEEKS: 156, OffsetUnit.MONTHS: 36}


class SupportPlanTemplate(ClusterableModel):
    """A plan the team gives new managers: milestones dated from their start."""

    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(
        blank=True, help_text="Who this plan is for, in a sentence or two."
    )
    is_default = models.BooleanField(
        "use for new managers",
        default=False,
        help_text="Every manager recorded from now on gets this plan. Only one "
        "plan can be the default: choosing this one replaces the last.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = "support plan"
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="tracker_one_default_plan",
            )
        ]

    def __str__(self):
        return self.name

    def validate_constraints(self, exclude=None):
        # Choosing a new default is allowed: save() takes it from the last one.
        exclude = set(exclude or ()) | {"is_default"}
        super().validate_constraints(exclude=exclude)

    def save(self, *args, **kwargs):
        if self.is_default:
            # One default at a time: the newest choice wins.
            SupportPlanTemplate.objects.filter(is_default=True).exclude(
                pk=self.pk
            ).update(is_default=False)
        super().save(*args, **kwargs)


class MilestoneDefinition(Orderable):
    """One step of a plan, e.g. "First visit", one month after the start date."""

    template = ParentalKey(
        SupportPlanTemplate, on_delete=models.CASCADE, related_name="milestones"
    )
    name = models.CharField(max_length=150)
    offset_amount = models.PositiveSmallIntegerField(
        "due after",
        validators=[MaxValueValidator(MAX_OFFSET[OffsetUnit.DAYS])],
        help_text="How long after the manager's start date, e.g. 1 for one week.",
    )
    offset_unit = models.CharField(
        "unit", max_length=10, choices=OffsetUnit.choices, default=OffsetUnit.WEEKS
    )
    is_review = models.BooleanField(
        "this is a review",
        default=False,
        help_text="Reviews (e.g. at 3, 6 and 12 months) are shown as such on the "
        "manager's plan, and the manager is reminded of them a week before.",
    )
    asks_for_feedback = models.BooleanField(
        "ask the manager for feedback",
        default=False,
        help_text="When this step is due, the manager is asked a short survey on "
        "how supported they feel.",
    )

    wagtail_reference_index_ignore = True

    class Meta(Orderable.Meta):
        verbose_name = "milestone"

    def __str__(self):
        return self.name

    def clean(self):
        limit = MAX_OFFSET.get(self.offset_unit)
        if limit is not None and (self.offset_amount or 0) > limit:
            raise ValidationError(
                {
                    "offset_amount": f"Choose {limit} {self.offset_unit} or fewer "
                    "(about three years)."
                }
            )


class CareHomeManager(models.Model):
    """A manager starting at a care home, whom the team supports through their
    first year. A manager who moves to another home gets a new record."""

    name = models.CharField(max_length=150)
    email = models.EmailField(
        max_length=254, help_text="The manager's own work email address."
    )
    phone = models.CharField(max_length=40, blank=True)
    role = models.CharField(
        max_length=30,
        choices=ManagerRole.choices,
        default=ManagerRole.REGISTERED_MANAGER,
    )
    start_date = models.DateField(help_text="Their first day in the post.")
    left_on = models.DateField(
        "left the post on",
        null=True,
        blank=True,
        help_text="Leave empty while they are in the post. Records are kept for "
        "a set time after this date, then anonymised.",
    )
    home_name = models.CharField("care home", max_length=150)
    cqc_location_id = models.CharField(
        "CQC location ID",
        max_length=20,
        validators=[CQC_LOCATION_ID],
        help_text="It starts with 1- and is followed by 9 to 11 numbers, for "
        "example 1-123456789.",
    )
    home_type = models.CharField(
        "type of home", max_length=20, choices=HomeType.choices
    )
    # Required in forms; null only so that removing an area keeps the record.
    area = models.ForeignKey(
        "directory.Area",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text="The part of the city the home is in.",
    )
    cqc_registration = models.CharField(
        "CQC registration",
        max_length=10,
        choices=CqcRegistration.choices,
        default=CqcRegistration.PENDING,
    )
    cqc_registered_on = models.DateField(
        "registered with the CQC on",
        null=True,
        blank=True,
        help_text="The date on the CQC's notice of registration.",
    )
    heard_from = models.CharField(
        "how they heard of the team",
        max_length=30,
        choices=HeardFrom.choices,
        blank=True,
    )
    heard_from_detail = models.CharField(
        "more about how they heard",
        max_length=200,
        blank=True,
        help_text="Optional, e.g. the name of the event.",
    )
    plan_template = models.ForeignKey(
        SupportPlanTemplate,
        verbose_name="support plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    optional_emails = models.BooleanField(
        "reminders and surveys by email",
        default=True,
        help_text="Review reminders and survey invitations. The manager can stop "
        "them from a link in each one; sign-in links are always sent.",
    )
    # Raised at each sign-in: a sign-in link carries the number it was sent
    # with, so it works once, and not after a newer one has been used.
    sign_in_count = models.PositiveIntegerField(default=0, editable=False)
    last_signed_in_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = "manager"
        indexes = [models.Index(fields=["start_date"], name="tracker_manager_start")]

    def __str__(self):
        return f"{self.name} ({self.home_name})"

    def clean(self):
        from tracker.services import manager_problems

        problems = manager_problems(self)
        if problems:
            raise ValidationError(problems)


class Milestone(models.Model):
    """A dated step of one manager's plan, copied from the plan's definition so
    that later changes to the plan leave it as it was given."""

    manager = models.ForeignKey(
        CareHomeManager, on_delete=models.CASCADE, related_name="milestones"
    )
    definition = models.ForeignKey(
        MilestoneDefinition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(max_length=150)
    is_review = models.BooleanField(default=False)
    offset_amount = models.PositiveSmallIntegerField(default=0)
    offset_unit = models.CharField(
        max_length=10, choices=OffsetUnit.choices, default=OffsetUnit.WEEKS
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    due_on = models.DateField("due")
    original_due_on = models.DateField(
        "first due", null=True, blank=True, help_text="Set when it is rescheduled."
    )
    reschedule_note = models.CharField(max_length=500, blank=True)
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    done_note = models.TextField(blank=True)
    asks_for_feedback = models.BooleanField(default=False)
    # When each reminder went, so that none is sent twice.
    team_told_due_at = models.DateTimeField(null=True, blank=True)
    team_told_overdue_at = models.DateTimeField(null=True, blank=True)
    manager_told_review_at = models.DateTimeField(null=True, blank=True)
    manager_asked_feedback_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["due_on", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["manager", "definition"],
                condition=Q(definition__isnull=False),
                name="tracker_one_milestone_per_definition",
            )
        ]
        indexes = [
            models.Index(fields=["done_on", "due_on"], name="tracker_milestone_due")
        ]

    def __str__(self):
        return self.name

    @property
    def is_done(self):
        return self.done_on is not None

    @property
    def was_rescheduled(self):
        return self.original_due_on is not None


class ContactNote(models.Model):
    """A call, visit, email or meeting with the manager, or a note about them.
    Seen only by the team."""

    manager = models.ForeignKey(
        CareHomeManager, on_delete=models.CASCADE, related_name="contacts"
    )
    kind = models.CharField(
        "type", max_length=10, choices=ContactKind.choices, default=ContactKind.CALL
    )
    happened_on = models.DateField("date")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField("what happened")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-happened_on", "-created_at", "-pk"]
        verbose_name = "contact or note"
        verbose_name_plural = "contacts and notes"

    def __str__(self):
        return f"{self.get_kind_display()} on {self.happened_on:%-d %B %Y}"


class FeedbackResponse(models.Model):
    """A new manager's answers to the survey at one milestone. Seen only by the
    team; the results screens show them together, per area and over time."""

    milestone = models.OneToOneField(
        Milestone, on_delete=models.CASCADE, related_name="feedback"
    )
    supported = models.PositiveSmallIntegerField(
        "how supported they feel", choices=SupportFelt.choices
    )
    # Values of HelpedBy, in the order the survey lists them.
    helped = models.JSONField("what helped", default=list, blank=True)
    helped_other = models.CharField(
        "something else that helped", max_length=300, blank=True
    )
    missing = models.TextField("what was missing", blank=True)
    comments = models.TextField("anything else", blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "feedback from a manager"
        verbose_name_plural = "feedback from managers"

    def __str__(self):
        return f"Feedback at {self.milestone.name}"

    def helped_labels(self):
        labels = dict(HelpedBy.choices)
        return [labels[value] for value in self.helped if value in labels]
