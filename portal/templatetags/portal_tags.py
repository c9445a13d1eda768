import hashlib
import json
from urllib.parse import urlencode

from django import template
from django.utils.safestring import mark_safe

from portal.search.highlight import highlight as search_highlight

register = template.Library()

RESULT_LABELS = {
    "guides.GuidePage": "Guide",
    "guides.GuideIndexPage": "Guides",
    "directory.DirectoryEntryPage": "Training and resources",
    "directory.DirectoryIndexPage": "Directory",
    "events.EventPage": "Event",
    "events.EventIndexPage": "Events",
    "awards.AwardsYearPage": "Awards",
    "awards.AwardsIndexPage": "Awards",
    "academy.AcademyPage": "Leadership Academy",
    "support.SupportRequestPage": "Support",
    "news.NewsPage": "News",
    "news.NewsIndexPage": "News",
}


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page, view_trail):
    """[{url, label}] from the home page down to `page`'s parent (remembered
    until content next changes, portal.content_memo); for pages below the home
    page's sections only, else the view's own `view_trail` (may be empty)."""
    from wagtail.models import Site

    from portal.content_memo import remembered

    if not page or page.depth <= 2:
        return view_trail or []
    request = context.get("request")

    def trail():
        return [
            {
                "url": ancestor.get_url(request),
                "label": "Home" if ancestor.depth == 2 else ancestor.title,
            }
            for ancestor in page.get_ancestors()
            if ancestor.depth > 1
        ]

    if request is None or page.pk is None:
        return trail()
    # A page on another site gets full URLs, so the answer is per site.
    site = Site.find_for_request(request)
    return remembered(request, ("breadcrumbs", site and site.pk, page.pk), trail)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key


@register.simple_tag
def highlight(text, query):
    """Escape `text` and mark the words that match the query as the index does
    (stemmed, with synonyms); long text is cut to a snippet around the matches."""
    return search_highlight(text, query, max_chars=300)


@register.filter
def urlencode_q(text):
    """`q=<text>` for a link back to the search page."""
    return urlencode({"q": text})


@register.filter
def result_kind(page):
    """A short label for a search result's page type."""
    return RESULT_LABELS.get(page._meta.label, "Page")


@register.filter
def stable_key(text):
    """A short key derived from text, the same on every page load.

    Checklist ticks are stored in the browser under keys like this: they follow an
    item when editors reorder the list, and reset only when its wording changes.
    (Block ids are no good: content loaded without ids gets new ones each time.)
    """
    return hashlib.sha1(str(text).encode(), usedforsecurity=False).hexdigest()[:12]


@register.filter
def json_ld(data):
    """Serialise structured data for a <script type="application/ld+json"> block.

    <, > and & are escaped so that no value can close the script element.
    """
    dumped = json.dumps(data, ensure_ascii=False, default=str)
    for char, replacement in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        dumped = dumped.replace(char, replacement)
    return mark_safe(dumped)


@register.filter
def page_links(page_obj):
    """The page numbers to link to around the current page, gaps as None.

    Elided (first, two either side, last) so the work per page does not grow
    with the number of pages, unlike looping over `page_range`.
    """
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=2, on_ends=1
        )
    ]
