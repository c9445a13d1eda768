"""The Leadership Academy: the programme page, its modules, cohorts and
testimonials, and the expressions of interest managers send for a cohort.

A cohort's status is set by editors (open, full or closed); an open cohort also
counts as full once the team has accepted as many applications as it has places,
so nobody has to remember to close it by hand.
"""

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from events.services import upcoming_network_meetings
from portal.models.fields import optional_link

PROSE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class CohortFormat(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    ONLINE = "online", "Online"
    MIXED = "mixed", "Mix of in person and online"


class CohortStatus(models.TextChoices):
    OPEN = "open", "Open for applications"
    FULL = "full", "Full"
    CLOSED = "closed", "Closed"


class TimeInPost(models.TextChoices):
    NOT_YET = "not-yet", "Not started yet, or about to start"
    UNDER_6_MONTHS = "under-6-months", "Less than 6 months"
    UNDER_2_YEARS = "6-months-to-2-years", "6 months to 2 years"
    UNDER_5_YEARS = "2-to-5-years", "2 to 5 years"
    OVER_5_YEARS = "over-5-years", "More than 5 years"


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ACCEPTED = "accepted", "Accepted"
    WAITING_LIST = "waiting-list", "Waiting list"
    DECLINED = "declined", "Declined"


class AcademyPage(RoutablePageMixin, Page):
    """The Leadership Academy programme page, with its cohorts' application forms."""

    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences shown under the title and in search results.",
    )
    who_its_for = RichTextField(
        "who it is for", features=PROSE_FEATURES, help_text="Who can join the academy."
    )
    how_it_works = RichTextField(
        features=PROSE_FEATURES,
        help_text="Learning by doing, action learning sets, coaching and mentoring.",
    )
    network_intro = RichTextField(
        "Registered Managers Network",
        features=PROSE_FEATURES,
        blank=True,
        help_text="About the peer network. Its next meetings are listed from the "
        "events section automatically.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("who_its_for"),
        FieldPanel("how_it_works"),
        InlinePanel("modules", label="Modules", heading="Modules"),
        InlinePanel("cohorts", label="Cohorts", heading="Cohorts"),
        InlinePanel("testimonials", label="Testimonials", heading="Testimonials"),
        FieldPanel("network_intro"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("who_its_for"),
        index.SearchField("how_it_works"),
    ]

    parent_page_types = ["discovery.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Leadership Academy page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cohorts"] = list(self.cohorts.all())
        # Asked of the events app through its services, the one way in it offers.
        context["network_meetings"] = upcoming_network_meetings()
        return context

    @path("apply/<int:cohort_id>/", name="apply")
    def apply_view(self, request, cohort_id):
        from academy.views import apply

        return apply(request, self, cohort_id)

    @path("apply/done/<str:reference>/", name="application_done")
    def application_done_view(self, request, reference):
        from academy.views import application_done

        return application_done(request, self, reference)


class AcademyModule(Orderable):
    page = ParentalKey(AcademyPage, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(max_length=120)
    summary = models.TextField(max_length=600)
    outcomes = models.TextField(
        max_length=1500,
        blank=True,
        help_text="What managers will be able to do afterwards: one per line.",
    )

    panels = [FieldPanel("title"), FieldPanel("summary"), FieldPanel("outcomes")]

    def outcome_list(self):
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    def __str__(self):
        return self.title


class AcademyCohort(Orderable):
    page = ParentalKey(AcademyPage, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=120, help_text="For example, 'Spring 2027'.")
    starts_on = models.DateField("start date")
    format = models.CharField(
        max_length=20, choices=CohortFormat.choices, default=CohortFormat.MIXED
    )
    places = models.PositiveSmallIntegerField(default=12)
    status = models.CharField(
        max_length=10,
        choices=CohortStatus.choices,
        default=CohortStatus.OPEN,
        help_text="An open cohort shows as full by itself once as many "
        "applications are accepted as there are places.",
    )
    details = models.CharField(
        max_length=300,
        blank=True,
        help_text="Optional: where and when the sessions are, for example "
        "'Six Tuesday mornings at the Civic Centre'.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("starts_on")]),
        FieldRowPanel([FieldPanel("format"), FieldPanel("places")]),
        FieldPanel("status"),
        FieldPanel("details"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "cohort"

    def __str__(self):
        return self.name

    def accepted_count(self):
        if self.pk is None:
            return 0
        return self.applications.filter(status=ApplicationStatus.ACCEPTED).count()

    def current_status(self):
        """Open, full or closed: the editors' status, or full once every place
        has been offered to an accepted applicant."""
        if self.status == CohortStatus.OPEN and self.accepted_count() >= self.places:
            return CohortStatus.FULL
        return self.status

    def current_status_label(self):
        return CohortStatus(self.current_status()).label

    def is_open(self):
        return self.current_status() == CohortStatus.OPEN


class AcademyTestimonial(Orderable):
    page = ParentalKey(
        AcademyPage, on_delete=models.CASCADE, related_name="testimonials"
    )
    quote = models.TextField(max_length=800)
    name = models.CharField(max_length=100)
    role = models.CharField(
        max_length=150, blank=True, help_text="For example, 'Registered manager'."
    )

    panels = [
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
    ]

    def __str__(self):
        return f"{self.name}: {self.quote[:40]}"


class AcademyApplication(models.Model):
    """An expression of interest in a cohort, sent from the public form."""

    # What the person sends on the form, in its order.
    SENT_FIELDS = ["name", "email", "care_home", "role", "time_in_post", "hopes"]

    reference = models.CharField(max_length=20, unique=True, editable=False)
    cohort = optional_link(AcademyCohort, related_name="applications")
    # Kept so the application still says which cohort it was for if an editor
    # later removes the cohort from the page.
    cohort_name = models.CharField(max_length=120, editable=False)
    name = models.CharField(max_length=100)
    email = models.EmailField("work email", max_length=254)
    care_home = models.CharField(max_length=150)
    role = models.CharField(max_length=100)
    time_in_post = models.CharField(max_length=30, choices=TimeInPost.choices)
    hopes = models.TextField("what they hope to get from it", max_length=2000)
    consent = models.BooleanField(default=False, editable=False)
    status = models.CharField(
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.RECEIVED,
    )
    team_notes = models.TextField(
        "internal notes", blank=True, help_text="Only the team sees these."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel([FieldPanel("status"), FieldPanel("team_notes")], "Decision")
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "academy application"

    def __str__(self):
        return f"{self.reference} {self.name} ({self.cohort_name})"
