"""Demo awards: this year open for nominations, last year with its winners.

Idempotent: a year that already exists is left as it is. All names are invented.
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
from discovery.models import HomePage

ONE_DAY = datetime.timedelta(days=1)
CATEGORIES = [
    {
        "name": "Nursing home nurse of the year",
        "description": "For a registered nurse whose skill and kindness make a real "
        "difference to the people living in a nursing home.",
        "eligibility": "Registered nurses working in a nursing home in the city.",
        "criteria": "Clinical care that puts the person first\n"
        "Leadership and support for colleagues\n"
        "Difference made to residents and families",
    },
    {
        "name": "Care or support worker of the year",
        "description": "For a care or support worker who goes the extra mile, every "
        "day, for the people they support.",
        "eligibility": "Care and support workers in a care home or in people's own "
        "homes.",
        "criteria": "Kindness, dignity and respect\n"
        "Going beyond what is expected\n"
        "Difference made to the people they support",
    },
    {
        "name": "Volunteer of the year",
        "description": "For a volunteer who gives their time to brighten the lives of "
        "people receiving care.",
        "eligibility": "Unpaid volunteers in any adult social care service in the city.",
        "criteria": "Commitment and reliability\n"
        "Difference made to people's wellbeing\n"
        "Working well with staff and families",
    },
    {
        "name": "Care home registered manager of the year",
        "description": "For a registered manager who leads a home where residents "
        "and staff thrive.",
        "eligibility": "Managers registered with the CQC for a care home in the city.",
        "criteria": "Leadership and culture\n"
        "Improvements in the quality of care\n"
        "Supporting and developing staff",
    },
    {
        "name": "Outstanding contribution to social care",
        "description": "For someone whose work over many years has made care in the "
        "city better for everyone.",
        "eligibility": "Anyone working in adult social care in the city, in any role.",
        "criteria": "Lasting impact on care in the city\n"
        "Inspiring others\n"
        "Commitment over time",
    },
]

JUDGING = (
    "<p>After nominations close, the Care Quality Team checks that each nomination "
    "is eligible. A panel of people from the council, the NHS, the care providers' "
    "association, Healthwatch and people who use care services then reads every "
    "eligible nomination.</p><p>Each panel member scores each nomination from 1 to 5 "
    "against the criteria for its award. Panel members who know a nominee say so and "
    "do not score them. The highest scoring nominations make the shortlist, and the "
    "panel meets to choose the winners.</p>"
)
PARTNERS = (
    "<p>The awards are run by the council's Care Quality Team with the local care "
    "providers' association, the older people's forum and Healthwatch.</p>"
    "<ul><li>Sponsored by the city's university care home innovation network</li>"
    "<li>Ceremony venue kindly given by the Civic Hall</li></ul>"
)

FIRST_NAMES = [
    "Amara", "Bethany", "Callum", "Dorota", "Efua", "Farid", "Grace", "Harjit",
    "Isla", "Jonah", "Keisha", "Liam", "Maryam", "Niall", "Olu", "Priya",
]  # fmt: skip
LAST_NAMES = [
    "Ashworth", "Bello", "Chaudhry", "Dawson", "Evans", "Fenwick", "Gill",
    "Hughes", "Iqbal", "Jankowski", "Kerr", "Lowe", "Mensah", "Novak",
]  # fmt: skip
HOMES = [
    "Beech House Care Home", "Meadowbank Nursing Home", "Riverside Lodge",
    "The Willows Residential Home", "Oakfield Court", "Home Support Partners",
]  # fmt: skip
STATEMENTS = [
    "She knows every resident's story and makes time to listen, even on the "
    "busiest shifts. When my dad moved in he was frightened; within a week he was "
    "joining in with the music afternoons she started.",
    "He set up a weekly garden club that now has twelve regular members. Residents "
    "who rarely left their rooms now plant, water and pick vegetables for the "
    "kitchen.",
    "Since taking over as manager she has turned the home around. Staff feel "
    "listened to, sickness absence has halved and families tell us the atmosphere "
    "is warm and welcoming.",
    "She trains new starters with patience and humour, and checks in on them "
    "after difficult shifts. Several have told me they stayed in care because of "
    "her.",
]


def seed():
    ensure_award_permissions(django_apps)
    home = HomePage.objects.first()
    if home is None:
        return None
    index = AwardsIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=AwardsIndexPage(
                title="Quality in Care Awards",
                slug="awards",
                show_in_menus=True,
                intro="<p>Every year the city celebrates the people who make care "
                "outstanding. Anyone can nominate someone who works in adult social "
                "care: a resident, a relative, a colleague or a partner.</p>",
                search_description="Nominate someone for the city's Quality in Care "
                "Awards and see past winners.",
            )
        )
    rng = random.Random(2026)
    this_year = timezone.localdate().year
    seed_year(index, this_year - 1, rng, past=True)
    seed_year(index, this_year, rng, past=False)
    return index


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


def seed_year(index, year, rng, past):
    if AwardsYearPage.objects.filter(year=year).exists():
        return
    page = AwardsYearPage(
        title=f"Quality in Care Awards {year}",
        slug=str(year),
        year=year,
        intro=(
            f"<p>The {year} awards celebrated the people who make care in the city "
            "kind, safe and personal. Thank you to everyone who sent a nomination.</p>"
            if past
            else f"<p>Do you know someone in care who deserves to be recognised? "
            f"Nominate them for the {year} Quality in Care Awards.</p>"
        ),
        nominations_open_at=london(year, 11, 1, 9, 0),
        nominations_close_at=london(year + 1, 1, 31, 17, 0),
        shortlist_announced_on=datetime.date(year + 1, 3, 2),
        ceremony_at=london(year + 1, 4, 23, 18, 30),
        ceremony_link="",
        judging=JUDGING,
        partners=PARTNERS,
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
    page.categories = [AwardCategory(**category) for category in CATEGORIES]
    index.add_child(instance=page)
    page.save_revision().publish()
    seed_nominations(page, rng, past)


def person(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def demo_photo(rng):
    image = Image.new("RGB", (600, 600), tuple(rng.randint(90, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    draw.ellipse((180, 90, 420, 330), fill=(245, 222, 200))
    draw.rectangle((120, 360, 480, 600), fill=(0, 94, 184))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return output.getvalue()


def seed_nominations(page, rng, past):
    judges = list(get_user_model().objects.filter(groups__name="Awards panel"))
    per_category = 4 if past else 2
    for category in page.categories.all():
        for number in range(per_category):
            nominee = person(rng)
            nominator = person(rng)
            data = {
                "nominee_name": nominee,
                "nominee_role": rng.choice(
                    ["Senior carer", "Nurse", "Activities coordinator", "Manager"]
                ),
                "nominee_workplace": rng.choice(HOMES),
                "setting": rng.choice(
                    [
                        Setting.NURSING_HOME,
                        Setting.RESIDENTIAL_HOME,
                        Setting.CARE_AT_HOME,
                    ]
                ),
                "cqc_location_id": f"1-{rng.randint(100000000, 999999999)}",
                "statement": rng.choice(STATEMENTS),
                "nominator_name": nominator,
                "nominator_email": f"{nominator.lower().replace(' ', '.')}@example.com",
                "nominator_phone": "",
                "relationship": rng.choice(Relationship.values),
                "nominee_may_be_contacted": True,
                "consent_privacy": True,
            }
            photo = demo_photo(rng) if past and number < 2 else None
            nomination = submit_nomination(page, category, data, photo, notify=False)
            nomination.submitted_at = page.nominations_open_at + datetime.timedelta(
                days=rng.randint(1, 80)
            )
            if past:
                nomination.status = [
                    NominationStatus.WINNER,
                    NominationStatus.HIGHLY_COMMENDED,
                    NominationStatus.SHORTLISTED,
                    NominationStatus.ELIGIBLE,
                ][number]
                if number < 3:
                    nomination.citation = (
                        f"{nominee} was praised by residents and colleagues for "
                        "the warmth and care they bring to every day."
                    )
            else:
                nomination.status = (
                    NominationStatus.ELIGIBLE
                    if number == 0
                    else NominationStatus.RECEIVED
                )
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
