"""Topic tags link to their hub: {% topic_link tag %} wherever a tag is shown."""

from django import template
from django.utils.html import format_html

register = template.Library()


def _topics_url(request):
    """The live topics index's URL, looked up once per request ('' if none)."""
    from portal.models import TopicIndexPage

    cached = getattr(request, "_topics_index_url", None)
    if cached is None:
        index = TopicIndexPage.objects.live().public().first()
        cached = index.get_url(request) if index else ""
        if request is not None:
            request._topics_index_url = cached
    return cached


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
