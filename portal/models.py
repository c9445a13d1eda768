from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock, QuickLinkBlock


class HomePage(Page):
    """The portal's front door: what it is for and the way into each area."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        help_text="One or two sentences saying who the portal is for.",
    )
    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        blank=True,
        help_text="Cards linking to each area. Leave empty to show the main menu sections.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("quick_links"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.ContentPage", "directory.DirectoryIndexPage"]
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]

    def get_quick_links(self):
        """Editor-chosen quick links, or the menu sections when none are chosen."""
        links = []
        for block in self.quick_links:
            page = block.value["page"]
            if page is not None and page.live:
                links.append(
                    {
                        "page": page.specific,
                        "title": block.value["title"] or page.title,
                        "description": block.value["description"],
                    }
                )
        if links:
            return links
        return [
            {"page": page, "title": page.title, "description": page.search_description}
            for page in self.get_children().live().public().in_menu().specific()
        ]


class ContentPage(Page):
    """A plain page of information: accessibility statement, privacy notice, about us."""

    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown under the title and in search results.",
    )
    body = StreamField(BodyBlock())

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.HomePage", "portal.ContentPage"]
    subpage_types = ["portal.ContentPage"]


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contact details and footer links, set once per site by administrators."""

    organisation_name = models.CharField(
        max_length=120, default="City Council Care Quality Team"
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("cookies_page"),
                FieldPanel("contact_page"),
            ],
            heading="Footer links",
        ),
    ]

    class Meta:
        verbose_name = "portal settings"

    def footer_links(self):
        pages = [
            (self.accessibility_page, "Accessibility statement"),
            (self.privacy_page, "Privacy notice"),
            (self.cookies_page, "Cookies"),
            (self.contact_page, "Contact us"),
        ]
        return [
            {"url": page.url, "label": label}
            for page, label in pages
            if page is not None and page.live
        ]


class QueuedEmail(models.Model):
    """An email waiting to be sent, or sent: the outbox.

    Forms save what people sent first and queue the email in the same database
    transaction; it is sent after the commit and retried later if sending fails,
    so a broken mail server never loses a submission or an email.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up after repeated failures"

    to = models.JSONField(help_text="List of recipient addresses.")
    subject = models.CharField(max_length=250)
    body = models.TextField()
    reply_to = models.EmailField(blank=True)
    attachments = models.JSONField(
        default=list,
        blank=True,
        help_text="List of {filename, content, mimetype}; text content only.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} to {', '.join(self.to)}"
