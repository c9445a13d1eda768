from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models.fields import optional_link
from portal.models.home_types import home_type_filter_fields


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

    parent_page_types = ["discovery.HomePage", "portal.ContentPage"]
    subpage_types = ["portal.ContentPage"]


def topic_page_search_fields(text_field):
    """How a page on some topics, for some home types, is found: by its title,
    summary, `text_field` and its topics' names, narrowed by topic (the tag's
    slug) and by home type. A page adds its own fields after these."""
    return [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField(text_field),
        index.RelatedFields(
            "tags", [index.SearchField("name", boost=2), index.FilterField("slug")]
        ),
        *home_type_filter_fields(),
    ]


class SectionIndexPage(Page):
    """The front page of one section of the site (/news/, /guides/, /events/...):
    one a site, under the home page, its editor's introduction above what it
    lists (templates/components/page_intro.html)."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["discovery.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context

    def listing_context(self, request):
        """What the page lists, for its template: none unless a section says."""
        return {}


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contact details and footer links, set once per site by administrators."""

    organisation_name = models.CharField(
        max_length=120, default="City Council Care Quality Team"
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    accessibility_page = optional_link("wagtailcore.Page")
    privacy_page = optional_link("wagtailcore.Page")
    cookies_page = optional_link("wagtailcore.Page")
    contact_page = optional_link("wagtailcore.Page")

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
        """The footer's links, read in one query (they appear on every page)."""
        chosen = [
            (self.accessibility_page_id, "Accessibility statement"),
            (self.privacy_page_id, "Privacy notice"),
            (self.cookies_page_id, "Cookies"),
            (self.contact_page_id, "Contact us"),
        ]
        pages = Page.objects.live().in_bulk([pk for pk, _label in chosen if pk])
        return [
            {"url": pages[pk].url, "label": label}
            for pk, label in chosen
            if pk in pages
        ]
