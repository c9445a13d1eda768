"""Topic hub services: which topics have content, how much, and what a hub shows.

Every list counts and shows only live, public pages; events count their upcoming
dates. The query count of each function is fixed, however much content there is.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from taggit.models import Tag

from discovery.models.topics import TopicHub
from guides.models import GuideIndexPage, GuidePage, GuideTag
from guides.services import filter_guides
from news.models import NewsIndexPage, NewsTag
from news.services import filter_news, published_news
from portal.visibility import index_url

HUB_LIST_SIZE = 5
# Each hub section's heading, the noun its count is of, and what it says empty.
HUB_SECTION_TEXT = {
    "guides": ("Guides", "guide", "There are no guides on this topic yet."),
    "directory": (
        "Training and support in the directory",
        "directory entry",
        "There is nothing in the directory on this topic yet.",
    ),
    "events": (
        "Upcoming events",
        "upcoming event date",
        "There are no events on this topic coming up.",
    ),
    "news": ("News", "news item", "There is no news on this topic yet."),
}


@dataclass
class TopicSummary:
    tag: Tag
    guides: int = 0
    entries: int = 0
    events: int = 0
    news: int = 0

    @property
    def slug(self):
        return self.tag.slug

    @property
    def name(self):
        return self.tag.name

    @property
    def total(self):
        return self.guides + self.entries + self.events + self.news


@dataclass
class HubSection:
    """One short list on a hub, with a link to the full filtered list."""

    key: str
    heading: str
    noun: str
    items: list
    count: int
    full_list_url: str = ""
    empty_text: str = ""
    feed_url: str = ""

    @property
    def more(self):
        return self.count > len(self.items)


@dataclass
class Hub:
    tag: Tag
    introduction: str = ""
    pins: list = field(default_factory=list)
    sections: list = field(default_factory=list)

    @property
    def total(self):
        return sum(section.count for section in self.sections)


def _live_guides():
    return GuidePage.objects.live().public()


def _live_entries():
    from directory.models import DirectoryEntryPage

    return DirectoryEntryPage.objects.live().public()


def _counts_by_tag(through, pages):
    """{tag_id: number of `pages` tagged with it}, in one grouped query."""
    rows = (
        through.objects.filter(content_object__in=pages.values("pk"))
        .values("tag_id")
        .annotate(pages=Count("content_object_id", distinct=True))
    )
    return {row["tag_id"]: row["pages"] for row in rows}


def _upcoming_event_dates_by_tag():
    """{tag_id: upcoming, not cancelled dates of live public events with it}."""
    from events.services import published_events, upcoming

    counts = Counter()
    for occurrence in upcoming(published_events(with_tags=True)):
        if occurrence.is_cancelled:
            continue
        for tag in occurrence.event.tags.all():
            counts[tag.pk] += 1
    return counts


def topics_with_counts():
    """Every topic with live, public content, A to Z, with how much of each kind."""
    from directory.models import DirectoryEntryTag

    guides = _counts_by_tag(GuideTag, _live_guides())
    entries = _counts_by_tag(DirectoryEntryTag, _live_entries())
    news = _counts_by_tag(NewsTag, published_news())
    events = _upcoming_event_dates_by_tag()
    tag_ids = set(guides) | set(entries) | set(news) | set(events)
    return [
        TopicSummary(
            tag=tag,
            guides=guides.get(tag.pk, 0),
            entries=entries.get(tag.pk, 0),
            events=events.get(tag.pk, 0),
            news=news.get(tag.pk, 0),
        )
        for tag in Tag.objects.filter(pk__in=tag_ids).order_by("name")
    ]


def published_hub(tag):
    """The live editor-managed part of `tag`'s hub, or None."""
    return (
        TopicHub.objects.filter(tag=tag, live=True)
        .prefetch_related("pins__page")
        .first()
    )


def pinned_pages(hub):
    """The hub's pinned pages that are live and public, in the editor's order."""
    if hub is None:
        return []
    pins = list(hub.pins.all())
    page_ids = [pin.page_id for pin in pins]
    if not page_ids:
        return []
    from wagtail.models import Page

    pages = {
        page.pk: page
        for page in Page.objects.live().public().filter(pk__in=page_ids).specific()
    }
    return [
        {"page": pages[pin.page_id], "note": pin.note}
        for pin in pins
        if pin.page_id in pages
    ]


def _filtered_url(base, slug):
    return f"{base}?topic={slug}" if base else ""


def build_hub(tag, request=None):
    """Everything a hub shows for `tag`, or None when it has nothing to show."""
    from directory.models import DirectoryEntryTag, DirectoryIndexPage
    from events.models import EventIndexPage
    from events.services import published_events, upcoming

    editorial = published_hub(tag)
    pins = pinned_pages(editorial)
    slug = tag.slug

    guides = filter_guides(_live_guides(), topics=[slug])
    entries = _live_entries().filter(
        pk__in=DirectoryEntryTag.objects.filter(tag=tag).values("content_object_id")
    )
    news = filter_news(published_news(), topics=[slug])
    occurrences = [
        occurrence
        for occurrence in upcoming(
            published_events().filter(
                pk__in=tag.events_eventtag_items.values("content_object_id")
            )
        )
        if not occurrence.is_cancelled
    ]

    def section(key, found, index_model):
        heading, noun, empty_text = HUB_SECTION_TEXT[key]
        return HubSection(
            key=key,
            heading=heading,
            noun=noun,
            items=list(found[:HUB_LIST_SIZE]),
            count=len(found) if isinstance(found, list) else found.count(),
            full_list_url=_filtered_url(index_url(index_model, request), slug),
            empty_text=empty_text,
        )

    sections = [
        section("guides", guides.order_by("title"), GuideIndexPage),
        section("directory", entries.order_by("title"), DirectoryIndexPage),
        section("events", occurrences, EventIndexPage),
        section("news", news, NewsIndexPage),
    ]
    news_url = sections[-1].full_list_url
    if news_url:
        sections[-1].feed_url = news_url.replace("?", "feed/?", 1)
    hub = Hub(
        tag=tag,
        introduction=editorial.introduction if editorial else "",
        pins=pins,
        sections=sections,
    )
    if hub.total == 0 and not pins:
        return None
    return hub
