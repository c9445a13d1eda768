import datetime
import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from awards.choices import (
    SHORTLIST_STATUSES,
    NominationState,
    NominationStatus,
    Relationship,
    Setting,
)
from awards.storage import get_private_storage
from portal.models.fields import optional_link
from portal.models.pages import SectionIndexPage

LONDON = zoneinfo.ZoneInfo("Europe/London")
CQC_LOCATION_ID = RegexValidator(
    r"^1-\d{6,12}$",
    "Enter a CQC location ID like 1-123456789, or leave it blank",
)


class AwardsIndexPage(SectionIndexPage):
    """/awards/: the Quality in Care Awards, with every year's page below it."""

    subpage_types = ["awards.AwardsYearPage"]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "awards index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        years = list(
            AwardsYearPage.objects.child_of(self).live().public().order_by("-year")
        )
        context["years"] = years
        context["open_year"] = next(
            (year for year in years if year.nominations_are_open()), None
        )
        return context


class AwardsYearPage(RoutablePageMixin, Page):
    """One year's awards: categories, key dates, how to nominate and the results."""

    year = models.PositiveSmallIntegerField(
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    intro = RichTextField(features=["bold", "italic", "link"])
    nominations_open_at = models.DateTimeField(
        help_text="When the nomination form opens (UK time)."
    )
    nominations_close_at = models.DateTimeField(
        help_text="The exact moment nominations close (UK time), e.g. 17:00."
    )
    shortlist_announced_on = models.DateField(null=True, blank=True)
    ceremony_at = models.DateTimeField("ceremony", null=True, blank=True)
    ceremony_page = optional_link(
        "wagtailcore.Page",
        help_text="The ceremony's event page, if there is one.",
    )
    ceremony_link = models.URLField(
        blank=True, help_text="Or a link to the ceremony details elsewhere."
    )
    judging = RichTextField(
        "how judging works", features=["bold", "italic", "link", "ul", "ol"]
    )
    partners = RichTextField(
        "partners and sponsors",
        features=["bold", "italic", "link", "ul"],
        blank=True,
    )
    results_published = models.BooleanField(
        "show the shortlist and winners",
        default=False,
        help_text="Tick once the shortlist or the winners may be made public.",
    )
    winners_announced = models.BooleanField(
        "show who won",
        default=False,
        help_text="Untick to show the shortlist without saying who won.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("nominations_open_at"),
                        FieldPanel("nominations_close_at"),
                    ]
                ),
                FieldPanel("shortlist_announced_on"),
                FieldPanel("ceremony_at"),
                PageChooserPanel("ceremony_page", "events.EventPage"),
                FieldPanel("ceremony_link"),
            ],
            heading="Key dates",
        ),
        InlinePanel("categories", heading="Categories", label="Category", min_num=1),
        FieldPanel("judging"),
        FieldPanel("partners"),
        MultiFieldPanel(
            [FieldPanel("results_published"), FieldPanel("winners_announced")],
            heading="Results",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("year"),
    ]

    parent_page_types = ["awards.AwardsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "awards year page"

    def nomination_state(self, now=None):
        """Not yet open before `nominations_open_at`; closed from the exact
        close time onwards."""
        now = now or timezone.now()
        if now < self.nominations_open_at:
            return NominationState.NOT_YET_OPEN
        if now >= self.nominations_close_at:
            return NominationState.CLOSED
        return NominationState.OPEN

    def nominations_are_open(self, now=None):
        return self.nomination_state(now) == NominationState.OPEN

    @property
    def opens_in_london(self):
        return timezone.localtime(self.nominations_open_at, LONDON)

    @property
    def closes_in_london(self):
        return timezone.localtime(self.nominations_close_at, LONDON)

    @property
    def opens_text(self):
        from awards.services import london_time

        return london_time(self.nominations_open_at, weekday=True)

    @property
    def closes_text(self):
        from awards.services import london_time

        return london_time(self.nominations_close_at, weekday=True)

    @property
    def ceremony_text(self):
        from awards.services import london_time

        return london_time(self.ceremony_at, weekday=True) if self.ceremony_at else ""

    @property
    def window_message(self):
        from awards.services import window_message

        return window_message(self)

    @property
    def ceremony_in_london(self):
        if self.ceremony_at is None:
            return None
        return timezone.localtime(self.ceremony_at, LONDON)

    @property
    def ceremony_url(self):
        if self.ceremony_page and self.ceremony_page.live:
            return self.ceremony_page.url
        return self.ceremony_link

    def results(self):
        """Each category with its published shortlist, winners first."""
        order = {
            NominationStatus.WINNER: 0,
            NominationStatus.HIGHLY_COMMENDED: 1,
            NominationStatus.SHORTLISTED: 2,
        }
        results = []
        for category in self.categories.all():
            nominations = sorted(
                category.nominations.filter(
                    status__in=SHORTLIST_STATUSES
                ).select_related("published_photo"),
                key=lambda nomination: (
                    order[nomination.status] if self.winners_announced else 0,
                    nomination.nominee_name.casefold(),
                ),
            )
            if nominations:
                results.append({"category": category, "nominations": nominations})
        return results

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if (
            self.nominations_open_at
            and self.nominations_close_at
            and self.nominations_close_at <= self.nominations_open_at
        ):
            raise ValidationError(
                {"nominations_close_at": "Nominations must close after they open."}
            )

    def get_context(self, request, *args, **kwargs):
        from awards.services import window_message

        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.nomination_state()
        context["window_message"] = window_message(self)
        context["results"] = self.results() if self.results_published else []
        context["past_years"] = (
            AwardsYearPage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .filter(year__lt=self.year)
            .order_by("-year")
        )
        return context

    @path("nominate/", name="nominate")
    def nominate_view(self, request):
        from awards.views import nominate

        return nominate(request, self)

    @path("nominate/done/<str:reference>/", name="nomination_done")
    def nomination_done_view(self, request, reference):
        from awards.views import nomination_done

        return nomination_done(request, self, reference)


class AwardCategory(Orderable):
    """A category in one year's awards, with the criteria the panel scores."""

    page = ParentalKey(
        AwardsYearPage, related_name="categories", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=120)
    description = models.TextField(max_length=1000)
    eligibility = models.TextField("who is eligible", max_length=1000)
    criteria = models.TextField(
        "judging criteria",
        max_length=2000,
        help_text="One criterion per line; the panel scores each from 1 to 5.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("eligibility"),
        FieldPanel("criteria"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "award category"
        verbose_name_plural = "award categories"

    def __str__(self):
        return f"{self.name} ({self.page.year})" if self.page_id else self.name

    @property
    def criteria_list(self):
        return [line.strip() for line in self.criteria.splitlines() if line.strip()]


class Nomination(models.Model):
    """A nomination from a member of the public. Holds personal data: see
    `awards.services` for retention, export and erasure."""

    # The nominee and the case for them, as the form asks: what judges read.
    ABOUT_THE_NOMINEE = [
        "nominee_name",
        "nominee_role",
        "nominee_workplace",
        "setting",
        "cqc_location_id",
        "statement",
    ]

    reference = models.CharField(max_length=20, unique=True, editable=False)
    year = models.ForeignKey(
        AwardsYearPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
        editable=False,
    )
    year_number = models.PositiveSmallIntegerField("year", editable=False)
    category = models.ForeignKey(
        AwardCategory,
        null=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
        editable=False,
    )
    # Kept so the nomination still says which category it was for if an editor
    # later removes the category from the year's page.
    category_name = models.CharField("category", max_length=120, editable=False)

    nominee_name = models.CharField(max_length=100)
    nominee_role = models.CharField(max_length=100)
    nominee_workplace = models.CharField("where they work", max_length=150)
    setting = models.CharField(max_length=20, choices=Setting.choices)
    cqc_location_id = models.CharField(
        "CQC location ID", max_length=20, blank=True, validators=[CQC_LOCATION_ID]
    )
    statement = models.TextField("why they deserve it", max_length=5000)

    nominator_name = models.CharField(max_length=100)
    nominator_email = models.EmailField(max_length=254)
    nominator_phone = models.CharField(max_length=30, blank=True)
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    consent_privacy = models.BooleanField(
        "agreed to the privacy notice", default=False, editable=False
    )
    nominee_may_be_contacted = models.BooleanField(default=False)

    photo = models.FileField(
        storage=get_private_storage,
        upload_to="award-photos/",
        blank=True,
        editable=False,
    )
    published_photo = optional_link(
        "wagtailimages.Image",
        editable=False,
    )
    citation = models.TextField(
        blank=True,
        max_length=600,
        help_text="A short public description shown with the shortlist and winners.",
    )

    status = models.CharField(
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.RECEIVED,
    )
    ineligible_reason = models.CharField(
        "reason it is not eligible", max_length=300, blank=True
    )
    possible_duplicate = models.BooleanField(
        default=False,
        help_text="The same person nominated the same nominee in this category before.",
    )
    # sha256 of nominator email + normalised nominee name + category; kept after
    # anonymisation is cleared so no personal data survives in it.
    duplicate_key = models.CharField(max_length=64, blank=True, db_index=True)
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        permissions = [
            ("export_personal_data", "Can export nominators' personal data"),
            ("erase_personal_data", "Can erase a person's data on request"),
        ]
        indexes = [models.Index(fields=["year_number", "status"])]

    def __str__(self):
        return f"{self.reference}: {self.nominee_name}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.status == NominationStatus.INELIGIBLE and not self.ineligible_reason:
            raise ValidationError(
                {"ineligible_reason": "Say why the nomination is not eligible."}
            )

    @property
    def criteria(self):
        return self.category.criteria_list if self.category else []

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None


class Score(models.Model):
    """One panel member's scores for one nomination, or their conflict of interest."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="scores"
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    conflict_of_interest = models.BooleanField(default=False)
    conflict_details = models.CharField(max_length=300, blank=True)
    # [{"criterion": "...", "score": 1-5}], in the category's criteria order.
    criterion_scores = models.JSONField(default=list, blank=True)
    total = models.PositiveSmallIntegerField(default=0)
    comment = models.TextField(blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "judge"], name="one_score_per_judge"
            )
        ]

    def __str__(self):
        return f"{self.nomination.reference} by {self.judge}"


def default_retention_days():
    return getattr(settings, "AWARDS_RETENTION_DAYS", 730)


def retention_cutoff(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=default_retention_days())
