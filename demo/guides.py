"""Demo content for the best-practice guides.

Builds the guides index under the home page and the guides in
demo/content/guides/ (index.yaml lists them, one file each), using the guide
body's blocks (checklist, table, step by step, do and don't lists, details,
callouts and links to the directory). Idempotent: the index and each guide are
looked up by slug and existing pages are left alone, so `seed_demo` can run on
every `make run`.

Review dates are relative to the day the guide is created. Links to the
directory are made only to entries that exist and are live, so this module can
run before or after the directory's demo content.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.blocks import resolve_links, stream
from demo.loader import file_names, load
from demo.pages import publish_child, section_page
from directory.choices import COMMON_TOPICS
from directory.models import DirectoryEntryPage
from discovery.models import HomePage
from guides.models import GuideIndexPage, GuidePage
from portal.choices import HOME_TYPE_FIELDS, HomeType

ALL_HOMES = list(HomeType.values)

# Guides are checked once a year; the demo's last review dates follow from that.
REVIEW_CYCLE = datetime.timedelta(days=365)


def read_content():
    index = load("guides/index.yaml")
    page = index.record("index_page")
    slugs = index.texts("guides")
    twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if twice:
        raise index.error(f"listed twice: {', '.join(twice)}", "guides")
    for name in file_names("guides"):
        if name != "index.yaml" and name.removesuffix(".yaml") not in slugs:
            raise index.error(f"guides/{name} is not listed", "guides")
    content = {
        "index_page": {
            "title": page.text("title"),
            "slug": page.text("slug"),
            "intro": page.rich_text("intro"),
            "search_description": page.text("search_description"),
        },
        "related_heading": index.text("related_heading"),
        "guides": [read_guide(slug) for slug in slugs],
    }
    index.done()
    return content


def read_guide(slug):
    guide = load(f"guides/{slug}.yaml")
    if guide.text("slug") != slug:
        raise guide.error(f"expected {slug!r}, as the file is named", "slug")
    data = {
        "slug": slug,
        "title": guide.text("title"),
        "summary": guide.text("summary"),
        "topics": guide.choice_list("topics", COMMON_TOPICS),
        "homes": guide.choice_list("homes", HomeType, ALL_HOMES),
        "owner": guide.text("owner"),
        "review_due_in_days": guide.days_from_today("review_due"),
        "body": stream(guide, "body", GuidePage),
        "related": guide.texts("related", []),
    }
    guide.done()
    return data


def live_entries(slugs):
    """The live directory entries with these slugs, in the order given."""
    entries = DirectoryEntryPage.objects.live().filter(slug__in=slugs)
    by_slug = {entry.slug: entry for entry in entries}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def related_block(slugs, heading):
    entries = live_entries(slugs)
    if not entries:
        return None
    return {
        "type": "related",
        "value": {"heading": heading, "pages": [entry.pk for entry in entries]},
    }


def guide_body(guide, related_heading):
    """The guide's body, with its links to the directory resolved."""
    body = resolve_links(guide["body"])
    related = related_block(guide["related"], related_heading)
    if related is not None:
        body.append(related)
    return body


def home_type_fields(homes):
    return {field: home in homes for home, field in HOME_TYPE_FIELDS.items()}


def seed_guide(index, guide, owners, today, related_heading):
    review_due = today + datetime.timedelta(days=guide["review_due_in_days"])
    page = GuidePage(
        title=guide["title"],
        slug=guide["slug"],
        summary=guide["summary"],
        body=guide_body(guide, related_heading),
        guide_owner=owners.get(guide["owner"]),
        last_reviewed=review_due - REVIEW_CYCLE,
        review_due=review_due,
        **home_type_fields(guide["homes"]),
    )
    page.tags.add(*guide["topics"])
    return publish_child(index, page)


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    content = content or read_content()
    home = HomePage.objects.get()
    index = section_page(home, GuideIndexPage, content["index_page"])
    usernames = {guide["owner"] for guide in content["guides"]}
    owners = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=usernames)
    }
    existing = set(GuidePage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    for guide in content["guides"]:
        if guide["slug"] not in existing:
            seed_guide(index, guide, owners, today, content["related_heading"])
    return index
