"""What's new: news and initiative updates written by the Care Quality Team."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from portal.blocks import BodyBlock
from portal.choices import NewsAudience
from portal.models.fields import topic_tags
from portal.models.home_types import (
    HomeTypes,
    home_type_panels,
)
from portal.models.pages import SectionIndexPage, topic_page_search_fields


class NewsTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """/news/: every news item, newest first, with filters and RSS/Atom feeds."""

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = "news index"

    @path("", name="index")
    def index_route(self, request, *args, **kwargs):
        from news.views import news_listing

        return news_listing(request, self)

    @path("feed/", name="rss")
    def rss_route(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(HomeTypes, Page):
    """One news item or initiative update, e.g. a scheme reaching more homes."""

    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences shown in lists, feeds and emails.",
    )
    date = models.DateField(
        "news date",
        default=datetime.date.today,
        help_text="The date shown on the item. Lists are newest first by this date.",
    )
    body = StreamField(BodyBlock())
    tags = topic_tags(
        NewsTag, help_text="The topics it is about; it is listed on each topic's hub."
    )
    audience = models.CharField(
        max_length=20,
        choices=NewsAudience.choices,
        default=NewsAudience.ALL_STAFF,
        help_text="Who needs to read it.",
    )
    action_required = models.BooleanField(
        default=False,
        help_text="Homes must do something: it is marked in lists and on the home page.",
    )
    action = models.CharField(
        "what homes must do",
        max_length=300,
        blank=True,
        help_text="Required when action is required, e.g. 'Register for the scheme'.",
    )
    deadline = models.DateField(
        null=True, blank=True, help_text="The date by which homes must act, if any."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("date"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("action_required"),
                FieldPanel("action"),
                FieldPanel("deadline"),
            ],
            heading="Action for homes",
        ),
        FieldPanel("tags"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        *home_type_panels(),
                    ]
                )
            ],
            heading="Home types it applies to",
        ),
    ]

    search_fields = [
        *topic_page_search_fields("body"),
        index.FilterField("date"),
        index.FilterField("audience"),
        index.FilterField("action_required"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "news item"
        verbose_name_plural = "news items"

    def clean(self):
        super().clean()
        if self.action_required and not self.action.strip():
            raise ValidationError(
                {"action": "Say what homes must do, or untick 'action required'."}
            )
        if self.deadline and not self.action_required:
            raise ValidationError(
                {"deadline": "A deadline needs 'action required' ticked."}
            )

    def deadline_passed(self, today=None):
        return bool(self.deadline and self.deadline < (today or timezone.localdate()))
