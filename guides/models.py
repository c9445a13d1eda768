import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from portal.blocks import GuideBodyBlock
from portal.models.fields import optional_link, topic_tags
from portal.models.home_types import (
    HomeTypes,
    home_type_panels,
)
from portal.models.pages import SectionIndexPage, topic_page_search_fields

REVIEW_WARNING_DAYS = 30


class GuideTag(TaggedItemBase):
    content_object = ParentalKey(
        "guides.GuidePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class GuideIndexPage(SectionIndexPage):
    """/guides/: every best-practice guide, filtered by topic and home type."""

    subpage_types = ["guides.GuidePage"]

    def listing_context(self, request):
        from guides.views import guide_index_context

        return guide_index_context(request, self)


class GuidePage(HomeTypes, Page):
    """Practical guidance the Care Quality Team writes, owns and keeps current."""

    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences shown in lists and search results.",
    )
    body = StreamField(GuideBodyBlock())
    tags = topic_tags(GuideTag, help_text="The topics it covers.")
    guide_owner = optional_link(
        settings.AUTH_USER_MODEL,
        related_name="owned_guides",
        verbose_name="owner",
        help_text="The editor who keeps this guide current.",
    )
    last_reviewed = models.DateField(default=datetime.date.today)
    review_due = models.DateField(
        help_text="When the guide must next be checked against current practice."
    )
    review_reminder_sent_on = models.DateField(null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                *home_type_panels(),
            ],
            heading="Home types it applies to",
        ),
        MultiFieldPanel(
            [
                FieldPanel("guide_owner"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_due")]),
            ],
            heading="Keeping it current",
        ),
    ]

    search_fields = [
        *topic_page_search_fields("body"),
        index.FilterField("review_due"),
    ]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "guide"

    def save(self, *args, **kwargs):
        if self.review_due is None:
            self.review_due = self.last_reviewed + datetime.timedelta(days=365)
        super().save(*args, **kwargs)

    def review_state(self, today=None):
        """ "overdue", "due soon" or "" — shown to editors, never to the public."""
        today = today or timezone.localdate()
        if self.review_due < today:
            return "overdue"
        if self.review_due <= today + datetime.timedelta(days=REVIEW_WARNING_DAYS):
            return "due soon"
        return ""

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        state = self.review_state()
        return f"{title} (review {state})" if state else title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = getattr(request, "user", None)
        # Only people who can edit the guide are told it needs reviewing.
        context["show_review_flag"] = bool(
            user
            and user.is_authenticated
            and self.review_state()
            and self.permissions_for_user(user).can_edit()
        )
        return context
