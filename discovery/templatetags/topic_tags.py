"""Topic tags link to their hub: {% topic_link tag %} wherever a tag is shown."""

from django import template
from django.utils.html import format_html

register = template.Library()


def _topics_url(request):
    """The live topics index's URL ('' if none)."""
    from discovery.models import TopicIndexPage
    from portal.visibility import index_url

    return index_url(TopicIndexPage, request)


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
