"""The /topics/ pages: the list of topics and each topic's hub."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from taggit.models import Tag

from discovery.topics import build_hub, topics_with_counts


def topic_index(request, index):
    context = index.get_context(request)
    context["topics"] = topics_with_counts()
    return TemplateResponse(request, "discovery/topic_index_page.html", context)


def topic_hub(request, index, slug):
    tag = get_object_or_404(Tag, slug=slug)
    hub = build_hub(tag, request)
    if hub is None:
        raise Http404("Nothing has been published on this topic")
    context = index.get_context(request)
    context.update({"hub": hub, "topic_index": index})
    return TemplateResponse(request, "discovery/topic_hub.html", context)
