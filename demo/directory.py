"""Demo content for the training and resources directory.

Builds the directory index page, areas of the city, providers, entries (with
topics, areas and dates), visitors' feedback and "out of date" reports, from the
files in demo/content/directory/. Every function is idempotent: it looks things
up by slug or name and leaves existing content alone, so `seed_demo` can run on
every `make run`.

Dates are relative to the day the seed runs, so upcoming courses stay upcoming.
"""

import datetime

from django.utils import timezone

from demo.loader import load
from demo.pages import publish_child
from directory.choices import (
    AUDIENCE_FIELDS,
    HOME_TYPE_FIELDS,
    Audience,
    Cost,
    EntryKind,
    FeedbackStatus,
    Format,
    HomeType,
    Level,
)
from directory.models import (
    Area,
    DirectoryEntryPage,
    DirectoryIndexPage,
    EntryDate,
    Feedback,
    OutdatedReport,
    Provider,
)
from directory.services import refresh_next_dates
from discovery.models import HomePage

ALL_HOMES = list(HomeType.values)
# When an entry's details were last checked, if its content does not say.
CHECKED_DAYS_AGO = 30
# Feedback on an entry is dated this many days apart, the newest this long ago.
FEEDBACK_SPACING_DAYS = 10


def read_content():
    """Everything in demo/content/directory/, checked."""
    files = {
        name: load(f"directory/{name}.yaml")
        for name in (
            "index",
            "areas",
            "providers",
            "entries",
            "feedback",
            "outdated-reports",
        )
    }
    index = files["index"].record("index_page")
    areas = [
        {"name": area.text("name"), "slug": area.text("slug")}
        for area in files["areas"].records("areas", unique="slug")
    ]
    providers_record = files["providers"].record("providers")
    providers = {}
    for key in providers_record.names():
        provider = providers_record.record(key)
        providers[key] = {
            "name": provider.text("name"),
            "website": provider.text("website"),
            "email": provider.text("email"),
            "phone": provider.text("phone"),
            "description": provider.text("description"),
        }
    area_slugs = [area["slug"] for area in areas]
    entries = [
        read_entry(entry, providers, area_slugs)
        for entry in files["entries"].records("entries", unique="slug")
    ]
    slugs = [entry["slug"] for entry in entries]
    feedback_record = files["feedback"].record("feedback")
    feedback = {}
    for slug in feedback_record.names(choices=slugs):
        feedback[slug] = [
            {
                "rating": item.choice("rating", range(1, 6)),
                "role": item.choice("role", Audience),
                "home_type": item.choice("home_type", HomeType),
                "status": item.choice("status", FeedbackStatus),
                "comment": item.text("comment"),
            }
            for item in feedback_record.records(slug)
        ]
    reports = [
        {
            "entry": report.choice("entry", slugs),
            "message": report.text("message"),
            "email": report.text("email", ""),
            "resolved": report.flag("resolved"),
        }
        for report in files["outdated-reports"].records("outdated_reports")
    ]
    content = {
        "index_page": index.index_page(),
        "areas": areas,
        "providers": providers,
        "entries": entries,
        "feedback": feedback,
        "outdated_reports": reports,
    }
    for record in files.values():
        record.done()
    return content


def read_entry(entry, providers, area_slugs):
    return {
        "slug": entry.text("slug"),
        "title": entry.text("title"),
        "summary": entry.text("summary"),
        "description": entry.rich_text("description"),
        "kind": entry.choice("kind", EntryKind),
        "provider": entry.choice("provider", list(providers)),
        "homes": entry.choice_list("homes", HomeType, ALL_HOMES),
        "audience": entry.choice_list("audience", Audience),
        "level": entry.choice("level", Level, Level.ANY),
        "format": entry.choice("format", Format),
        "duration": entry.text("duration", ""),
        "price": entry.text("price", ""),
        "areas": entry.choice_list("areas", area_slugs, []),
        "accreditation": entry.text("accreditation", ""),
        "booking_url": entry.text("booking_url", ""),
        "booking_phone": entry.text("booking_phone", ""),
        "booking_email": entry.text("booking_email", ""),
        "booking_notes": entry.text("booking_notes", ""),
        "checked_days_ago": -entry.days_from_today("last_checked", -CHECKED_DAYS_AGO),
        "dates": [
            (date.days_from_today(), date.text("note", ""))
            for date in entry.records("dates", [])
        ],
        "topics": entry.texts("topics"),
    }


def course_day(today, days):
    """The day `days` from today, moved off the weekend."""
    day = today + datetime.timedelta(days=days)
    if day.weekday() >= 5:
        day += datetime.timedelta(days=7 - day.weekday())
    return day


def seed_index_page(content):
    index = DirectoryIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.get()
    return publish_child(
        home, DirectoryIndexPage(show_in_menus=True, **content["index_page"])
    )


def seed_areas(content):
    slugs = [area["slug"] for area in content["areas"]]
    areas = {area.slug: area for area in Area.objects.filter(slug__in=slugs)}
    for sort_order, area in enumerate(content["areas"], start=1):
        if area["slug"] not in areas:
            areas[area["slug"]], _created = Area.objects.get_or_create(
                slug=area["slug"],
                defaults={"name": area["name"], "sort_order": sort_order},
            )
    return areas


def seed_providers(content):
    names = [details["name"] for details in content["providers"].values()]
    existing = {
        provider.name: provider
        for provider in Provider.objects.filter(name__in=names).order_by("pk")
    }
    providers = {}
    for key, details in content["providers"].items():
        fields = dict(details)
        name = fields.pop("name")
        providers[key] = existing.get(name)
        if providers[key] is None:
            providers[key], _created = Provider.objects.get_or_create(
                name=name, defaults=fields
            )
    return providers


def build_entry(data, providers, areas, position):
    """An unsaved entry page with its topics, areas and dates attached."""
    today = timezone.localdate()
    checked_days = data["checked_days_ago"]
    # Spread "first published" over past months so "newest first" is meaningful.
    published_days = checked_days + 7 * (position % 15)
    entry = DirectoryEntryPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        description=data["description"],
        kind=data["kind"],
        provider=providers[data["provider"]],
        level=data["level"],
        format=data["format"],
        duration=data["duration"],
        cost=Cost.PAID if data["price"] else Cost.FREE,
        price=data["price"],
        citywide=not data["areas"],
        accreditation=data["accreditation"],
        booking_url=data["booking_url"],
        booking_phone=data["booking_phone"],
        booking_email=data["booking_email"],
        booking_notes=data["booking_notes"],
        last_checked=today - datetime.timedelta(days=checked_days),
        first_published_at=timezone.now() - datetime.timedelta(days=published_days),
        **{HOME_TYPE_FIELDS[home]: True for home in data["homes"]},
        **{AUDIENCE_FIELDS[who]: True for who in data["audience"]},
    )
    entry.tags.add(*data["topics"])
    entry.areas = [areas[slug] for slug in data["areas"]]
    entry.dates = [
        EntryDate(date=course_day(today, days), note=note)
        for days, note in data["dates"]
    ]
    return entry


def seed_entries(index, providers, areas, content):
    existing = set(
        DirectoryEntryPage.objects.child_of(index).values_list("slug", flat=True)
    )
    for position, data in enumerate(content["entries"]):
        if data["slug"] in existing:
            continue
        publish_child(index, build_entry(data, providers, areas, position))


def seed_feedback(content):
    now = timezone.now()
    entries = DirectoryEntryPage.objects.filter(slug__in=list(content["feedback"]))
    entries = {entry.slug: entry for entry in entries}
    with_feedback = set(
        Feedback.objects.filter(entry__in=entries.values()).values_list(
            "entry_id", flat=True
        )
    )
    for slug, items in content["feedback"].items():
        entry = entries.get(slug)
        # Skip entries an editor has deleted, and any that already have feedback.
        if entry is None or entry.pk in with_feedback:
            continue
        days_ago_oldest_first = range(
            FEEDBACK_SPACING_DAYS * len(items), 0, -FEEDBACK_SPACING_DAYS
        )
        for days_ago, item in zip(days_ago_oldest_first, items, strict=True):
            feedback = Feedback.objects.create(entry=entry, **item)
            # created_at is auto_now_add; backdate it so the list looks lived-in.
            Feedback.objects.filter(pk=feedback.pk).update(
                created_at=now - datetime.timedelta(days=days_ago)
            )


def seed_outdated_reports(content):
    entries = DirectoryEntryPage.objects.filter(
        slug__in=[report["entry"] for report in content["outdated_reports"]]
    )
    entries = {entry.slug: entry for entry in entries}
    for report in content["outdated_reports"]:
        entry = entries.get(report["entry"])
        if entry is None:
            continue
        OutdatedReport.objects.get_or_create(
            entry=entry,
            message=report["message"],
            defaults={"email": report["email"], "resolved": report["resolved"]},
        )


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    content = content or read_content()
    index = seed_index_page(content)
    areas = seed_areas(content)
    providers = seed_providers(content)
    seed_entries(index, providers, areas, content)
    seed_feedback(content)
    seed_outdated_reports(content)
    # Demo dates are relative to the day of the first seed: move them on.
    refresh_next_dates()
    return index
