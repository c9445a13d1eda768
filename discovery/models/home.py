"""The home page: the front door, which shows a little of every part of the portal."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import QuickLinkBlock


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
        "guides.GuideIndexPage",
        "directory.DirectoryIndexPage",
        "events.EventIndexPage",
        "awards.AwardsIndexPage",
        "academy.AcademyPage",
        "support.SupportRequestPage",
        "news.NewsIndexPage",
        "discovery.TopicIndexPage",
    ]
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]

    def get_context(self, request, *args, **kwargs):
        from awards.services import nomination_status_for_home_page
        from events.models import EventIndexPage
        from events.services import upcoming_occurrences
        from guides.models import GuideIndexPage, GuidePage
        from news.models import NewsIndexPage
        from news.services import latest_news
        from portal.content_memo import remembered
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
