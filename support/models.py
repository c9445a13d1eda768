"""Asking the Care Quality Team for support: the page with the self-referral form,
and the requests it stores for the team to triage in the admin."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal import roles
from portal.choices import HomeType
from portal.models.fields import optional_link

# CQC location IDs are "1-" and then 9 to 11 digits, e.g. 1-123456789.
CQC_LOCATION_ID = RegexValidator(
    r"^1-\d{9,11}$",
    "Enter a CQC location ID in the correct format, like 1-123456789",
)


class SupportNeed(models.TextChoices):
    NEW_MANAGER = "new-manager", "A new manager is starting"
    INSPECTION = "inspection", "We are expecting a CQC inspection"
    IMPROVE_RATING = "improve-rating", "We want to improve our CQC rating"
    TRAINING = "training", "Training needs"
    OTHER = "other", "Something else"


class Urgency(models.TextChoices):
    URGENT = "urgent", "Urgent: within a week"
    SOON = "soon", "Soon: within a month"
    ROUTINE = "routine", "Not urgent"


class SupportRequestStatus(models.TextChoices):
    NEW = "new", "New"
    TRIAGED = "triaged", "Triaged"
    IN_PROGRESS = "in-progress", "In progress"
    CLOSED = "closed", "Closed"


def team_members():
    """Who a request can be assigned to: the team's own accounts."""
    return models.Q(is_superuser=True) | models.Q(
        groups__name__in=[roles.EDITORS, roles.MODERATORS]
    )


class SupportRequestPage(RoutablePageMixin, Page):
    """'Ask the Care Quality Team for support': what we offer and the request form."""

    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences shown under the title and in search results.",
    )
    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text="What support the team offers, shown above the form.",
    )
    what_happens_next = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Shown on the confirmation page after a request is sent.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("what_happens_next"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["discovery.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "support request page"

    @path("", name="form")
    def form_view(self, request):
        from support.views import request_support

        return request_support(request, self)

    @path("done/<str:reference>/", name="done")
    def done_view(self, request, reference):
        from support.views import request_done

        return request_done(request, self, reference)


class SupportRequest(models.Model):
    """A care home's request for support, with the team's triage."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    home_name = models.CharField("care home", max_length=150)
    cqc_location_id = models.CharField(
        "CQC location ID", max_length=20, validators=[CQC_LOCATION_ID]
    )
    home_type = models.CharField(max_length=20, choices=HomeType.choices)
    contact_name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254)
    phone = models.CharField(max_length=30, blank=True)
    need = models.CharField(
        "what they need help with", max_length=20, choices=SupportNeed.choices
    )
    urgency = models.CharField(max_length=10, choices=Urgency.choices)
    description = models.TextField(max_length=3000)
    consent = models.BooleanField(default=False, editable=False)
    status = models.CharField(
        max_length=20,
        choices=SupportRequestStatus.choices,
        default=SupportRequestStatus.NEW,
    )
    assignee = optional_link(
        settings.AUTH_USER_MODEL,
        limit_choices_to=team_members,
        help_text="The member of the team looking after this request.",
    )
    internal_notes = models.TextField(
        blank=True, help_text="Only the team sees these. Never shared with the home."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("assignee"),
                FieldPanel("internal_notes"),
            ],
            "Triage",
        )
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.reference} {self.home_name}"
