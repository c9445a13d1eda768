"""Demo content for topic hubs: the /topics/ index and editors' introductions and
pinned items for a few topics, from demo/content/topics.yaml. Every other part
of a hub is automatic.

Runs after the guides, directory, events and news demos, and pins only pages that
exist and are live. Idempotent: the index and each hub are looked up, never
duplicated, and existing hubs are left as editors left them.
"""

from django.apps import apps as django_apps

from wagtail.models import Page

from taggit.models import Tag

from demo.loader import load
from demo.pages import section_page
from discovery.models import HomePage, TopicHub, TopicHubPin, TopicIndexPage
from discovery.models.topics import ensure_topic_hub_permissions


def read_content():
    content = load("topics.yaml")
    index = content.record("index_page")
    data = {
        "index_page": index.index_page(),
        "hubs": [
            {
                "topic": hub.text("topic"),
                "introduction": hub.rich_text("introduction"),
                "pins": [
                    (pin.text("page"), pin.text("note", ""))
                    for pin in hub.records("pins", [])
                ],
            }
            for hub in content.records("hubs", unique="topic")
        ],
    }
    content.done()
    return data


def seed_hub(spec):
    tag = Tag.objects.filter(name=spec["topic"]).first()
    if tag is None or TopicHub.objects.filter(tag=tag).exists():
        return None
    hub = TopicHub(tag=tag, introduction=spec["introduction"])
    pages = {
        page.slug: page
        for page in Page.objects.live().filter(
            slug__in=[slug for slug, _note in spec["pins"]]
        )
    }
    hub.pins = [
        TopicHubPin(page=pages[slug], note=note)
        for slug, note in spec["pins"]
        if slug in pages
    ]
    hub.save()
    hub.save_revision().publish()
    return hub


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    content = content or read_content()
    ensure_topic_hub_permissions(django_apps)
    home = HomePage.objects.get()
    index = section_page(home, TopicIndexPage, content["index_page"], same_slug=False)
    for spec in content["hubs"]:
        seed_hub(spec)
    return index
