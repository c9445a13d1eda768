from django.db import models

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
    subpage_types = [
        "portal.ContentPage",
        "portal.GuideIndexPage",
        "directory.DirectoryIndexPage",
        "events.EventIndexPage",
        "awards.AwardsIndexPage",
        "portal.AcademyPage",
        "portal.SupportRequestPage",
        "portal.NewsIndexPage",
        "portal.TopicIndexPage",
    ]
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]

    def get_context(self, request, *args, **kwargs):
        from awards.services import nomination_status_for_home_page
        from events.models import EventIndexPage
        from events.services import upcoming_occurrences
        from portal.content_memo import remembered
        from portal.models.guides import GuideIndexPage, GuidePage
        from portal.models.news import NewsIndexPage
        from portal.news import latest_news
        from portal.visibility import public

        context = super().get_context(request, *args, **kwargs)
        context["latest_guides"] = public(GuidePage.objects.live(), request).order_by(
            "-first_published_at"
        )[:4]
        context["upcoming_events"] = upcoming_occurrences(limit=4, request=request)
        context["awards_status"] = nomination_status_for_home_page(request=request)
        context["latest_news"] = latest_news(limit=4, request=request)
        context.update(
            remembered(
                request,
                ("home page sections", self.pk),
                lambda: {
                    "news_index": public(NewsIndexPage.objects.live(), request).first(),
                    "guides_index": public(
                        GuideIndexPage.objects.live(), request
                    ).first(),
                    "events_index": public(
                        EventIndexPage.objects.live(), request
                    ).first(),
                    "quick_links": self.get_quick_links(request),
                },
            )
        )
        return context

    def route(self, request, path_components):
        """Wagtail's routing, with the page tree walk remembered until content
        next changes (portal.content_memo): finding a page three levels down
        took five queries on every view, and now takes one.

        What is remembered is which page the path leads to, not the page: it is
        read fresh, and routes its own sub-paths (feeds, booking) itself.
        """
        from portal.content_memo import remembered

        if not path_components or getattr(request, "is_preview", False):
            return super().route(request, path_components)
        found = {}

        def walk():
            result = found["result"] = super(HomePage, self).route(
                request, path_components
            )
            page = result.page
            consumed = page.depth - self.depth
            if not (
                0 < consumed <= len(path_components)
                and page.path.startswith(self.path)
                and page.slug == path_components[consumed - 1]
            ):
                return None  # a route that leaves the tree: not remembered
            return type(page), page.pk, consumed

        target = remembered(request, ("route", self.pk, tuple(path_components)), walk)
        if "result" in found:
            return found["result"]
        if target is None:
            return super().route(request, path_components)
        model, pk, consumed = target
        page = model.objects.filter(pk=pk).first()
        if page is None:
            return super().route(request, path_components)
        return page.route(request, path_components[consumed:])

    def get_quick_links(self, request=None):
        """Editor-chosen quick links, or the menu sections when none are chosen."""
        from portal.visibility import public

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
            # The card shows only generic fields: no need for the specific pages.
            for page in public(self.get_children().live(), request).in_menu()
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
