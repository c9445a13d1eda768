"""Bulk directory entries for benchmarks (`seed_demo --volume N`).

Creating tens of thousands of pages one by one through Wagtail takes hours, so
these are inserted in batches straight into the page tree: each is a live page
with a correct tree path and URL, but without revisions or log entries. Never
used outside development and benchmarks.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from taggit.models import Tag

from directory.choices import (
    AUDIENCE_FIELDS,
    COMMON_TOPICS,
    HOME_TYPE_FIELDS,
    Cost,
    EntryKind,
    Format,
    Level,
)
from directory.models import (
    Area,
    DirectoryEntryPage,
    DirectoryEntryTag,
    DirectoryIndexPage,
)

BATCH = 1000
WORDS = [
    "practical",
    "short",
    "course",
    "care",
    "home",
    "staff",
    "residents",
    "families",
    "confidence",
    "skills",
    "safe",
    "effective",
    "caring",
    "responsive",
    "well-led",
    "record",
    "review",
    "plan",
    "support",
    "team",
    "daily",
    "shift",
    "handover",
    "observation",
    "wellbeing",
    "dignity",
    "respect",
    "choice",
    "risk",
]


def sentence(rng, topic, length):
    words = [rng.choice(WORDS) for _ in range(length)]
    words.insert(rng.randrange(len(words)), topic.lower())
    return " ".join(words).capitalize() + "."


@transaction.atomic
def add_bulk_entries(count, seed=42):
    """Add `count` live entries under the directory index; returns how many."""
    rng = random.Random(seed)
    index = DirectoryIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(DirectoryEntryPage)
    tags = {name: Tag.objects.get_or_create(name=name)[0] for name in COMMON_TOPICS}
    areas = list(Area.objects.all())
    # The entry table's own columns, including page_ptr (its key into the pages).
    entry_fields = DirectoryEntryPage._meta.local_concrete_fields
    today = timezone.localdate()
    created = 0
    while created < count:
        size = min(BATCH, count - created)
        first_step = index.numchild + 1
        pages, entries, topics_of = [], [], []
        for offset in range(size):
            number = first_step + offset
            topics = rng.sample(COMMON_TOPICS, rng.randint(1, 3))
            title = f"{topics[0]} {rng.choice(['course', 'workshop', 'toolkit', 'service'])} {number}"
            slug = f"bulk-entry-{number}"
            published = timezone.now() - datetime.timedelta(days=rng.randint(0, 900))
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(index.path, index.depth + 1, number),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    live_revision=None,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
            home_types = rng.choice(
                [list(HOME_TYPE_FIELDS)] * 3 + [rng.sample(list(HOME_TYPE_FIELDS), 1)]
            )
            audiences = rng.sample(list(AUDIENCE_FIELDS), rng.randint(1, 3))
            cost = rng.choice([Cost.FREE, Cost.FREE, Cost.PAID])
            entries.append(
                DirectoryEntryPage(
                    summary=sentence(rng, topics[0], 14),
                    description=f"<p>{sentence(rng, topics[-1], 40)}</p>",
                    kind=rng.choice(EntryKind.values),
                    format=rng.choice(Format.values),
                    level=rng.choice(Level.values),
                    cost=cost,
                    price="£40 per person" if cost == Cost.PAID else "",
                    citywide=rng.random() < 0.8,
                    last_checked=today - datetime.timedelta(days=rng.randint(0, 500)),
                    next_date_sort=today + datetime.timedelta(days=rng.randint(1, 200)),
                    rating_average=0,
                    rating_count=0,
                    **{
                        HOME_TYPE_FIELDS[home]: home in home_types
                        for home in HOME_TYPE_FIELDS
                    },
                    **{
                        AUDIENCE_FIELDS[who]: who in audiences
                        for who in AUDIENCE_FIELDS
                    },
                )
            )
            topics_of.append(topics)
        Page.objects.bulk_create(pages)
        for page, entry in zip(pages, entries, strict=True):
            entry.page_ptr_id = entry.pk = page.pk
        # Multi-table models cannot use bulk_create: insert the entry rows alone.
        DirectoryEntryPage.objects._insert(entries, fields=entry_fields, raw=True)
        DirectoryEntryTag.objects.bulk_create(
            DirectoryEntryTag(content_object_id=page.pk, tag=tags[name])
            for page, topics in zip(pages, topics_of, strict=True)
            for name in topics
        )
        if areas:
            through = DirectoryEntryPage.areas.through
            through.objects.bulk_create(
                through(directoryentrypage_id=entry.pk, area=rng.choice(areas))
                for entry in entries
                if not entry.citywide
            )
        index.numchild += size
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild)
        created += size
    return created
