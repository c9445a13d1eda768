"""Topic tags link to their hub: {% topic_link tag %} wherever a tag is shown."""

from django import template
from django.utils.html import format_html

register = template.Library()


def _topics_url(request):
    """The live topics index's URL ('' if none), looked up once per content change."""
    from wagtail.models import Site

    from portal.content_memo import remembered
    from portal.models import TopicIndexPage

    def find():
        index = TopicIndexPage.objects.live().public().first()
        return index.get_url(request) if index else ""

    if request is None:
        return find()
    # A page on another site gets a full URL, so the answer is per site.
    site = Site.find_for_request(request)
    return remembered(request, ("topics index url", site and site.pk), find)


@register.simple_tag(takes_context=True)
def topic_hub_url(context, tag):
    base = _topics_url(context.get("request"))
    return f"{base}{tag.slug}/" if base else ""


@register.simple_tag(takes_context=True)
def topic_link(context, tag):
    """The tag's name, linked to its hub when there is a topics index."""
    url = topic_hub_url(context, tag)
    if not url:
        return tag.name
    return format_html('<a href="{}">{}</a>', url, tag.name)
