"""Demo content for topic hubs: the /topics/ index and editors' introductions and
pinned items for a few topics. Every other part of a hub is automatic.

Runs after the guides, directory, events and news demos, and pins only pages that
exist and are live. Idempotent: the index and each hub are looked up, never
duplicated, and existing hubs are left as editors left them.
"""

from django.apps import apps as django_apps

from wagtail.models import Page

from taggit.models import Tag

from discovery.models import HomePage, TopicHub, TopicHubPin, TopicIndexPage
from discovery.models.topics import ensure_topic_hub_permissions

INDEX_PAGE = {
    "title": "Topics",
    "slug": "topics",
    "intro": (
        "<p>Everything on the portal about one subject in one place: guides, "
        "training and support, upcoming events and news.</p>"
    ),
    "search_description": "Guides, training, events and news by topic.",
}

HUBS = [
    {
        "topic": "Dementia care",
        "introduction": (
            "<p>Good dementia care looks different in residential, nursing and EMI "
            "homes, but it always starts with knowing the person. Start with our "
            "guide, then find training for your team.</p>"
        ),
        "pins": [
            ("good-dementia-care-in-each-type-of-home", "Start here"),
            ("life-story-work-and-this-is-me", ""),
        ],
    },
    {
        "topic": "Safeguarding",
        "introduction": (
            "<p>What to report, when and to whom. The council's thresholds are "
            "changing: read the news item below and brief your staff.</p>"
        ),
        "pins": [
            ("new-safeguarding-thresholds", "Action required for managers"),
            ("safeguarding-thresholds-and-reporting", ""),
        ],
    },
    {
        "topic": "Medication management",
        "introduction": (
            "<p>Safe medicines rounds, records and transfers, and who to ask for "
            "help: every home now has a named pharmacist.</p>"
        ),
        "pins": [("medicines-management-basics", "Start here")],
    },
]


def seed_index_page(home):
    index = TopicIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=TopicIndexPage(show_in_menus=True, **INDEX_PAGE)
        )
        index.save_revision().publish()
    return index


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


def seed():
    ensure_topic_hub_permissions(django_apps)
    home = HomePage.objects.get()
    index = seed_index_page(home)
    for spec in HUBS:
        seed_hub(spec)
    return index
