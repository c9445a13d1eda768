"""Demo awards: this year open for nominations, last year with its winners, from
demo/content/awards.yaml.

Nominations are generated from the names and statements there, picked at random
with a fixed seed, so every load makes the same ones. Idempotent: a year that
already exists is left as it is.
"""

import datetime
import io
import random

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from PIL import Image, ImageDraw

from awards.choices import NominationStatus, Relationship, Setting
from awards.models import LONDON, AwardCategory, AwardsIndexPage, AwardsYearPage
from awards.roles import ensure_award_permissions
from awards.services import publish_photo, record_score, submit_nomination
from demo.loader import load, template
from demo.pages import publish_child
from discovery.models import HomePage
from portal.roles import AWARDS_PANEL

ONE_DAY = datetime.timedelta(days=1)


def read_content():
    content = load("awards.yaml")
    index = content.record("index_page")
    year_page = content.record("year_page")
    nominations = content.record("nominations")
    made_up = content.record("made_up")
    data = {
        "index_page": index.index_page(),
        "year_title": year_page.text("title"),
        "intro": {
            True: year_page.rich_text("past_intro"),
            False: year_page.rich_text("current_intro"),
        },
        "judging": year_page.rich_text("judging"),
        "partners": year_page.rich_text("partners"),
        "categories": [
            {
                "name": category.text("name"),
                "description": category.text("description"),
                "eligibility": category.text("eligibility"),
                "criteria": "\n".join(category.texts("criteria")),
            }
            for category in content.records("categories", unique="name")
        ],
        "nominations": {
            past: [
                {
                    "status": nomination.choice("status", NominationStatus),
                    "photo": nomination.flag("photo"),
                    "citation": nomination.flag("citation"),
                }
                for nomination in nominations.records(key)
            ]
            for past, key in ((True, "past_year"), (False, "current_year"))
        },
        "citation": content.text("citation"),
        "first_names": made_up.texts("first_names"),
        "last_names": made_up.texts("last_names"),
        "workplaces": made_up.texts("workplaces"),
        "roles": made_up.texts("roles"),
        "settings": made_up.choice_list("settings", Setting),
        "statements": made_up.texts("statements"),
    }
    content.done()
    return data


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    ensure_award_permissions(django_apps)
    home = HomePage.objects.first()
    if home is None:
        return None
    content = content or read_content()
    index = AwardsIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=AwardsIndexPage(show_in_menus=True, **content["index_page"])
        )
    rng = random.Random(2026)
    this_year = timezone.localdate().year
    seed_year(index, this_year - 1, rng, True, content)
    seed_year(index, this_year, rng, False, content)
    return index


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


def seed_year(index, year, rng, past, content):
    if AwardsYearPage.objects.filter(year=year).exists():
        return
    page = AwardsYearPage(
        title=template(content["year_title"], year=year),
        slug=str(year),
        year=year,
        intro=template(content["intro"][past], year=year),
        nominations_open_at=london(year, 11, 1, 9, 0),
        nominations_close_at=london(year + 1, 1, 31, 17, 0),
        shortlist_announced_on=datetime.date(year + 1, 3, 2),
        ceremony_at=london(year + 1, 4, 23, 18, 30),
        ceremony_link="",
        judging=content["judging"],
        partners=content["partners"],
        results_published=past,
        winners_announced=past,
    )
    now = timezone.now()
    if not past:
        # The demo's current year is open whenever the demo is loaded.
        page.nominations_open_at = min(page.nominations_open_at, now - ONE_DAY)
        if page.nominations_close_at < now + 14 * ONE_DAY:
            page.nominations_close_at = (
                (now + 60 * ONE_DAY)
                .astimezone(LONDON)
                .replace(hour=17, minute=0, second=0, microsecond=0)
            )
    if past:
        # The demo's past year already ran, whatever today's date is.
        page.nominations_open_at = london(year - 1, 11, 1, 9, 0)
        page.nominations_close_at = london(year, 1, 31, 17, 0)
        page.shortlist_announced_on = datetime.date(year, 3, 2)
        page.ceremony_at = london(year, 4, 23, 18, 30)
    page.categories = [AwardCategory(**category) for category in content["categories"]]
    publish_child(index, page)
    seed_nominations(page, rng, past, content)


def person(rng, content):
    return f"{rng.choice(content['first_names'])} {rng.choice(content['last_names'])}"


def demo_photo(rng):
    image = Image.new("RGB", (600, 600), tuple(rng.randint(90, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    draw.ellipse((180, 90, 420, 330), fill=(245, 222, 200))
    draw.rectangle((120, 360, 480, 600), fill=(0, 94, 184))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return output.getvalue()


def seed_nominations(page, rng, past, content):
    judges = list(get_user_model().objects.filter(groups__name=AWARDS_PANEL))
    for category in page.categories.all():
        for spec in content["nominations"][past]:
            nominee = person(rng, content)
            nominator = person(rng, content)
            data = {
                "nominee_name": nominee,
                "nominee_role": rng.choice(content["roles"]),
                "nominee_workplace": rng.choice(content["workplaces"]),
                "setting": rng.choice(content["settings"]),
                "cqc_location_id": f"1-{rng.randint(100000000, 999999999)}",
                "statement": rng.choice(content["statements"]),
                "nominator_name": nominator,
                "nominator_email": f"{nominator.lower().replace(' ', '.')}@example.com",
                "nominator_phone": "",
                "relationship": rng.choice(Relationship.values),
                "nominee_may_be_contacted": True,
                "consent_privacy": True,
            }
            photo = demo_photo(rng) if spec["photo"] else None
            nomination = submit_nomination(page, category, data, photo, notify=False)
            nomination.submitted_at = page.nominations_open_at + datetime.timedelta(
                days=rng.randint(1, 80)
            )
            nomination.status = spec["status"]
            if spec["citation"]:
                nomination.citation = template(content["citation"], nominee=nominee)
            nomination.save()
            if photo:
                publish_photo(nomination)
            if past:
                for judge in judges:
                    record_score(
                        nomination,
                        judge,
                        [rng.randint(2, 5) for _ in nomination.criteria],
                    )
