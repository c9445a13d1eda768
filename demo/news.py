"""Demo content for What's new: the news index and the news items in
demo/content/news.yaml.

Dates are relative to the day the item is created. Idempotent: the index and
each item are looked up by slug, and existing pages are left alone.
"""

import datetime

from django.utils import timezone

from demo.blocks import resolve_links, stream
from demo.loader import load
from demo.pages import publish_child, section_page
from directory.choices import COMMON_TOPICS
from discovery.models import HomePage
from news.models import NewsIndexPage, NewsPage
from portal.choices import HOME_TYPE_FIELDS, HomeType, NewsAudience

ALL_HOMES = list(HomeType.values)


def read_content():
    content = load("news.yaml")
    index = content.record("index_page")
    data = {
        "index_page": index.index_page(),
        "items": [
            {
                "slug": item.text("slug"),
                "title": item.text("title"),
                "summary": item.text("summary"),
                "days_ago": -item.days_from_today("date"),
                "topics": item.choice_list("topics", COMMON_TOPICS),
                "homes": item.choice_list("homes", HomeType, ALL_HOMES),
                "audience": item.choice("audience", NewsAudience),
                "action": item.text("action", ""),
                "deadline_in_days": item.days_from_today("deadline", None),
                "body": stream(item, "body", NewsPage),
            }
            for item in content.records("items", unique="slug")
        ],
    }
    content.done()
    return data


def seed_item(index, item, today):
    deadline_in_days = item["deadline_in_days"]
    page = NewsPage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        date=today - datetime.timedelta(days=item["days_ago"]),
        body=resolve_links(item["body"]),
        audience=item["audience"],
        action_required=bool(item["action"]),
        action=item["action"],
        deadline=(
            today + datetime.timedelta(days=deadline_in_days)
            if deadline_in_days is not None
            else None
        ),
        **{field: home in item["homes"] for home, field in HOME_TYPE_FIELDS.items()},
    )
    page.tags.add(*item["topics"])
    return publish_child(index, page)


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    content = content or read_content()
    home = HomePage.objects.get()
    index = section_page(home, NewsIndexPage, content["index_page"])
    existing = set(NewsPage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    # Oldest first, so first publication times follow the news dates.
    for item in sorted(content["items"], key=lambda item: -item["days_ago"]):
        if item["slug"] not in existing:
            seed_item(index, item, today)
    return index
