import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from directory.choices import (
    AUDIENCE_FIELDS,
    HOME_IN_A_SENTENCE,
    ROLE_IN_A_SENTENCE,
    Audience,
    Cost,
    EntryKind,
    FeedbackStatus,
    Format,
    HomeType,
    Level,
)
from portal.models.fields import optional_link, topic_tags
from portal.models.home_types import (
    ChosenHomeTypes,
    home_type_panels,
)
from portal.models.pages import SectionIndexPage, topic_page_search_fields

NO_DATE = datetime.date.max
COURSE_MODES = {
    Format.CLASSROOM: "Onsite",
    Format.ON_SITE: "Onsite",
    Format.ELEARNING: "Online",
    Format.WEBINAR: "Online",
    Format.BLENDED: "Blended",
}


class Provider(index.Indexed, models.Model):
    """An organisation that offers training or support: reused across many entries."""

    name = models.CharField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    description = models.TextField(blank=True, max_length=1000)

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Area(models.Model):
    """A part of the city where an offer is available (managed by editors)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class DirectoryEntryTag(TaggedItemBase):
    content_object = ParentalKey(
        "directory.DirectoryEntryPage",
        related_name="tagged_items",
        on_delete=models.CASCADE,
    )


class DirectoryIndexPage(SectionIndexPage):
    """/directory/: search and filter every entry."""

    subpage_types = ["directory.DirectoryEntryPage"]

    def listing_context(self, request):
        from directory.views import directory_search_context

        return directory_search_context(request, self)

    def get_template(self, request, *args, **kwargs):
        if request.headers.get("X-Requested-With") == "fetch":
            return "directory/includes/results.html"
        return super().get_template(request, *args, **kwargs)


class DirectoryEntryPage(RoutablePageMixin, ChosenHomeTypes, Page):
    """One training offer, resource, support service, scheme or source of funding."""

    summary = models.CharField(
        max_length=300, help_text="One or two sentences shown in search results."
    )
    description = RichTextField(features=["bold", "italic", "link", "ol", "ul", "h3"])
    provider = optional_link(Provider, related_name="entries")
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    tags = topic_tags(
        DirectoryEntryTag,
        help_text="Pick from the common topics offered, or add a new one.",
    )
    for_care_workers = models.BooleanField("care and support workers", default=False)
    for_nurses = models.BooleanField("nurses", default=False)
    for_managers = models.BooleanField("registered managers", default=False)
    for_owners = models.BooleanField("owners and directors", default=False)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.ANY)
    format = models.CharField(max_length=20, choices=Format.choices)
    duration = models.CharField(
        max_length=100, blank=True, help_text='For example "3 hours" or "2 half days".'
    )
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    price = models.CharField(
        max_length=100, blank=True, help_text='For paid offers, e.g. "£45 per person".'
    )
    citywide = models.BooleanField(
        "available across the whole city",
        default=True,
        help_text="Untick to choose the areas where it is available.",
    )
    areas = ParentalManyToManyField(Area, blank=True, related_name="entries")
    accreditation = models.CharField(
        max_length=200,
        blank=True,
        help_text="E.g. endorsed by the workforce development body, or 3 CPD points.",
    )
    booking_url = models.URLField("booking or access link", blank=True, max_length=500)
    booking_phone = models.CharField("phone", max_length=40, blank=True)
    booking_email = models.EmailField("email", blank=True)
    booking_notes = models.CharField(max_length=300, blank=True)
    last_checked = models.DateField(
        default=datetime.date.today,
        help_text="When someone last confirmed these details are right.",
    )
    # The soonest upcoming date (NO_DATE when none), kept current on save and by
    # `refresh_directory_dates`, so every search backend can sort on it.
    next_date_sort = models.DateField(default=NO_DATE, editable=False)
    # Approved feedback, summarised for listings and "best rated" sorting.
    rating_average = models.DecimalField(
        max_digits=3, decimal_places=2, default=0, editable=False
    )
    rating_count = models.PositiveIntegerField(default=0, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("provider")]),
        MultiFieldPanel(
            [
                *home_type_panels(),
            ],
            heading="Home types it suits",
            help_text="Tick all three if it suits every care home.",
        ),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("for_care_workers"),
                FieldPanel("for_nurses"),
                FieldPanel("for_managers"),
                FieldPanel("for_owners"),
            ],
            heading="Who it is for",
        ),
        FieldRowPanel(
            [FieldPanel("level"), FieldPanel("format"), FieldPanel("duration")]
        ),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("price")]),
        MultiFieldPanel(
            [FieldPanel("citywide"), FieldPanel("areas")],
            heading="Where it is available",
        ),
        FieldPanel("accreditation"),
        MultiFieldPanel(
            [
                FieldPanel("booking_url"),
                FieldRowPanel(
                    [FieldPanel("booking_phone"), FieldPanel("booking_email")]
                ),
                FieldPanel("booking_notes"),
            ],
            heading="How to book or get access",
        ),
        InlinePanel("dates", heading="Next dates", label="Date"),
        FieldPanel("last_checked"),
        InlinePanel(
            "related_links", heading="Related guides and entries", label="Page"
        ),
    ]

    search_fields = [
        *topic_page_search_fields("description"),
        index.SearchField("accreditation"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.RelatedFields("areas", [index.FilterField("slug")]),
        index.FilterField("kind"),
        index.FilterField("format"),
        index.FilterField("cost"),
        index.FilterField("level"),
        index.FilterField("citywide"),
        index.FilterField("next_date_sort"),
        index.FilterField("rating_average"),
        *(index.FilterField(field) for field in AUDIENCE_FIELDS.values()),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "directory entry"
        verbose_name_plural = "directory entries"

    @property
    def audiences(self):
        return [who for who, field in AUDIENCE_FIELDS.items() if getattr(self, field)]

    @cached_property
    def upcoming_dates(self):
        today = timezone.localdate()
        return [date for date in self.dates.all() if date.date >= today]

    @property
    def next_date(self):
        return None if self.next_date_sort == NO_DATE else self.next_date_sort

    def compute_next_date(self):
        today = timezone.localdate()
        return min(
            (date.date for date in self.dates.all() if date.date >= today),
            default=NO_DATE,
        )

    def is_overdue_for_check(self, today=None):
        today = today or timezone.localdate()
        return self.last_checked < today - datetime.timedelta(days=365)

    def structured_data(self):
        """schema.org JSON-LD: a Course for training, otherwise the nearest type."""
        data = {
            "@context": "https://schema.org",
            "name": self.title,
            "description": self.summary,
            "url": self.full_url,
            "keywords": ", ".join(tag.name for tag in self.tags.all()),
        }
        if self.provider:
            data["provider"] = {"@type": "Organization", "name": self.provider.name}
            if self.provider.website:
                data["provider"]["url"] = self.provider.website
        if self.kind in (EntryKind.TRAINING, EntryKind.ELEARNING):
            mode = COURSE_MODES.get(self.format, "Onsite")
            data["@type"] = "Course"
            data["hasCourseInstance"] = [
                {
                    "@type": "CourseInstance",
                    "courseMode": mode,
                    "startDate": str(date.date),
                }
                for date in self.upcoming_dates
            ] or [{"@type": "CourseInstance", "courseMode": mode}]
            data["offers"] = {
                "@type": "Offer",
                "category": "Free" if self.cost == Cost.FREE else "Paid",
                "priceCurrency": "GBP",
                **({"price": "0"} if self.cost == Cost.FREE else {}),
            }
            if self.accreditation:
                data["educationalCredentialAwarded"] = self.accreditation
        elif self.kind == EntryKind.GUIDE:
            data["@type"] = "CreativeWork"
        elif self.kind == EntryKind.FUNDING:
            data["@type"] = "MonetaryGrant"
            if self.provider:
                data["funder"] = data.pop("provider")
        else:
            data["@type"] = "Service"
            data["serviceType"] = self.get_kind_display()
            data["areaServed"] = (
                "The whole city"
                if self.citywide
                else [area.name for area in self.areas.all()]
            )
        return data

    def compute_rating_summary(self):
        if self.pk is None:
            return Decimal(0), 0
        summary = Feedback.objects.filter(
            entry_id=self.pk, status=FeedbackStatus.APPROVED
        ).aggregate(average=Avg("rating"), count=Count("pk"))
        return round(Decimal(summary["average"] or 0), 2), summary["count"]

    def refresh_rating_summary(self):
        """Re-summarise approved feedback, without making a new page revision."""
        self.rating_average, self.rating_count = self.compute_rating_summary()
        DirectoryEntryPage.objects.filter(pk=self.pk).update(
            rating_average=self.rating_average, rating_count=self.rating_count
        )
        index.insert_or_update_object(self)

    def full_clean(self, *args, **kwargs):
        # Derived fields are recomputed on every save, so publishing an older
        # revision can never bring back a stale date or rating.
        self.next_date_sort = self.compute_next_date()
        self.rating_average, self.rating_count = self.compute_rating_summary()
        super().full_clean(*args, **kwargs)

    @path("feedback/", name="feedback")
    def feedback_view(self, request):
        from directory.views import submit_feedback

        return submit_feedback(request, self)

    @path("report/", name="report")
    def report_view(self, request):
        from directory.views import submit_outdated_report

        return submit_outdated_report(request, self)

    def get_context(self, request, *args, **kwargs):
        from directory.forms import FeedbackForm, OutdatedReportForm

        context = super().get_context(request, *args, **kwargs)
        context["feedback_form"] = kwargs.get("feedback_form") or FeedbackForm(
            prefix="feedback"
        )
        context["report_form"] = kwargs.get("report_form") or OutdatedReportForm(
            prefix="report"
        )
        context["approved_feedback"] = self.feedback.filter(
            status=FeedbackStatus.APPROVED
        ).order_by("-created_at")[:20]
        context["related_pages"] = [
            link.page.specific
            for link in self.related_links.select_related("page")
            if link.page and link.page.live
        ]
        return context


class EntryDate(Orderable):
    entry = ParentalKey(
        DirectoryEntryPage, related_name="dates", on_delete=models.CASCADE
    )
    date = models.DateField()
    note = models.CharField(
        max_length=150, blank=True, help_text='E.g. "10am to 1pm, Central Library".'
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        ordering = ["date"]


class RelatedLink(Orderable):
    entry = ParentalKey(
        DirectoryEntryPage, related_name="related_links", on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]


class Feedback(models.Model):
    """What someone who attended thought of an offer; shown once a moderator approves it."""

    entry = models.ForeignKey(
        DirectoryEntryPage, on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(max_length=1000)
    role = models.CharField(max_length=20, choices=Audience.choices)
    home_type = models.CharField(max_length=20, choices=HomeType.choices)
    status = models.CharField(
        max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("entry", read_only=True),
        FieldRowPanel(
            [
                FieldPanel("rating", read_only=True),
                FieldPanel("role", read_only=True),
                FieldPanel("home_type", read_only=True),
            ]
        ),
        FieldPanel("comment", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"{self.rating}/5 for {self.entry.title}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.entry.refresh_rating_summary()

    def delete(self, *args, **kwargs):
        entry = self.entry
        result = super().delete(*args, **kwargs)
        entry.refresh_rating_summary()
        return result

    def reviewer_description(self):
        """E.g. "a nurse in an EMI home": who said it, without saying who."""
        role = ROLE_IN_A_SENTENCE.get(self.role, "someone")
        return f"{role} in {HOME_IN_A_SENTENCE.get(self.home_type, 'a care home')}"


class OutdatedReport(models.Model):
    """A visitor's note that an entry's details look wrong or out of date."""

    entry = models.ForeignKey(
        DirectoryEntryPage, on_delete=models.CASCADE, related_name="outdated_reports"
    )
    message = models.TextField(max_length=1000)
    email = models.EmailField(blank=True, help_text="Only if they want a reply.")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    panels = [
        FieldPanel("entry", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("resolved"),
    ]

    class Meta:
        ordering = ["resolved", "-created_at"]

    def __str__(self):
        return f"Report on {self.entry.title}"


class LinkCheck(models.Model):
    """The latest check of one external link on a directory entry."""

    entry = models.ForeignKey(
        DirectoryEntryPage, on_delete=models.CASCADE, related_name="link_checks"
    )
    link = models.CharField(max_length=40)  # "Booking link" or "Provider website"
    url = models.URLField(max_length=500)
    ok = models.BooleanField()
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    problem = models.CharField(max_length=200, blank=True)
    checked_at = models.DateTimeField()

    class Meta:
        ordering = ["entry__title", "link"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "link"], name="one_check_per_entry_link"
            )
        ]

    def __str__(self):
        return f"{self.link} on {self.entry.title}"
