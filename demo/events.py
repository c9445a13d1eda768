"""Demo content for events: the events index, a year of events and some bookings.

Idempotent: events are looked up by slug and left alone if they exist, so
`seed_demo` can run on every `make run`. Dates are relative to the day the seed
first runs, so upcoming events stay upcoming. Venues and people are made up.
"""

import datetime

from django.utils import timezone

from discovery.models import HomePage
from events.choices import AttendanceMode, BookingMethod, BookingStatus, EventType
from events.models import Booking, EventException, EventIndexPage, EventPage

INDEX_PAGE = {
    "title": "Events",
    "slug": "events",
    "intro": (
        "<p>Training sessions, network meetings, provider forums and briefings for "
        "everyone working in the city's older people's care homes. Book a place, "
        "add dates to your calendar, or subscribe so new events appear by "
        "themselves.</p>"
    ),
    "search_description": (
        "Training, network meetings, forums and briefings for care home staff "
        "in the city, with online booking and calendar feeds."
    ),
}

VENUES = {
    "hall": (
        "Riverside Community Hall",
        "12 Mill Lane\nRiverside",
        "Step-free entrance from the car park. Hearing loop in the main hall. "
        "Bus 14 stops outside.",
    ),
    "council": (
        "Council House, Committee Room 2",
        "Victoria Square\nCity Centre",
        "Lift to all floors. Accessible toilets on each floor. Blue badge "
        "parking on Market Street.",
    ),
    "library": (
        "Northfield Library meeting room",
        "3 Church Road\nNorthfield",
        "Ground floor room with level access. Free parking behind the library.",
    ),
    "grange": (
        "The Grange Conference Centre",
        "40 Elm Road\nEastgate",
        "Step-free throughout. Hearing loop and quiet room available.",
    ),
    "castle": (
        "Castle Hotel Ballroom",
        "1 Castle Street\nCity Centre",
        "Step-free entrance on Castle Street. Lift to the ballroom.",
    ),
    "online": ("", "", ""),
}

JOIN = (
    "Join on Microsoft Teams: https://teams.example.org/meet/cqt-{slug}\n"
    "Meeting ID: 385 227 914  Passcode: Care24"
)

# slug: (title, type, days from today, start hour, hours, venue, mode, topics,
#        capacity, summary, description, extra)
EVENTS = [
    (
        "registered-managers-network",
        "Registered Managers Network",
        EventType.NETWORK_MEETING,
        None,
        14,
        2,
        "council",
        AttendanceMode.MIXED,
        ["Leadership", "Regulation and inspection"],
        40,
        "A monthly meeting for registered managers to share what works, hear "
        "from the Care Quality Team and ask questions.",
        "<p>Each month we pick one theme, such as preparing for inspection or "
        "keeping good staff, and leave plenty of time for your questions. "
        "Come in person or join online.</p><p>Deputies are welcome when the "
        "manager cannot come.</p>",
        {
            "recurrence": "monthly-weekday",
            "audience": "Registered managers and deputies",
        },
    ),
    (
        "winter-planning-forum",
        "Winter planning provider forum",
        EventType.FORUM,
        9,
        10,
        3,
        "grange",
        AttendanceMode.IN_PERSON,
        ["Winter planning", "Infection prevention"],
        80,
        "Get ready for winter: flu and COVID-19 vaccinations, hospital "
        "discharges, and what to do when staff are off sick.",
        "<p>Hear from the hospital discharge team, public health and other "
        "providers about how we will work together this winter.</p>",
        {},
    ),
    (
        "workforce-forum",
        "Workforce provider forum",
        EventType.FORUM,
        23,
        13,
        2,
        "hall",
        AttendanceMode.IN_PERSON,
        ["Recruitment and retention"],
        60,
        "Recruiting and keeping good staff: what is working for homes in the "
        "city, and the support on offer.",
        "<p>Providers share how they recruit, induct and keep staff, and the "
        "workforce development body explains funding for training.</p>",
        {},
    ),
    (
        "safeguarding-forum",
        "Safeguarding provider forum",
        EventType.FORUM,
        37,
        10,
        2,
        "council",
        AttendanceMode.MIXED,
        ["Safeguarding"],
        50,
        "Learning from recent safeguarding reviews, and when and how to raise "
        "a concern.",
        "<p>The safeguarding adults team talks through recent lessons and "
        "answers your questions about making referrals.</p>",
        {},
    ),
    (
        "falls-prevention-training",
        "Falls prevention: practical training",
        EventType.TRAINING,
        5,
        9,
        3,
        "hall",
        AttendanceMode.IN_PERSON,
        ["Falls prevention"],
        12,
        "A hands-on morning on spotting falls risks and what to do after a fall.",
        "<p>For care and support workers and senior carers. Includes the safe "
        "use of lifting equipment after a fall.</p>",
        {"full": True, "audience": "Care and support workers, senior carers"},
    ),
    (
        "dementia-care-training",
        "Understanding distress in dementia",
        EventType.TRAINING,
        12,
        9,
        6,
        "grange",
        AttendanceMode.IN_PERSON,
        ["Dementia care"],
        20,
        "A full-day course on understanding and responding to distress in "
        "people living with dementia.",
        "<p>Practical approaches you can use on every shift, with time to "
        "plan for the people you support.</p>",
        {"audience": "Care workers and nurses in EMI and nursing homes"},
    ),
    (
        "medicines-management-training",
        "Safe medicines management",
        EventType.TRAINING,
        19,
        13,
        3,
        "library",
        AttendanceMode.IN_PERSON,
        ["Medicines"],
        16,
        "Ordering, storing, giving and recording medicines safely, with the "
        "community pharmacy team.",
        "<p>Covers the most common errors we see and how to avoid them.</p>",
        {},
    ),
    (
        "end-of-life-care-training",
        "End of life care: having good conversations",
        EventType.TRAINING,
        26,
        10,
        2,
        "online",
        AttendanceMode.ONLINE,
        ["End of life care"],
        30,
        "An online session on talking with residents and families about the "
        "end of life.",
        "<p>Led by the hospice education team.</p>",
        {},
    ),
    (
        "infection-prevention-refresher",
        "Infection prevention refresher",
        EventType.TRAINING,
        33,
        14,
        2,
        "online",
        AttendanceMode.ONLINE,
        ["Infection prevention"],
        40,
        "A short online refresher on infection prevention and control before winter.",
        "<p>Hand hygiene, PPE and managing outbreaks.</p>",
        {},
    ),
    (
        "oral-health-training",
        "Mouth care matters",
        EventType.TRAINING,
        47,
        10,
        2,
        "library",
        AttendanceMode.IN_PERSON,
        ["Oral health"],
        15,
        "Why mouth care matters and how to support residents who find it hard.",
        "<p>Led by the community dental service.</p>",
        {},
    ),
    (
        "nutrition-hydration-training",
        "Nutrition and hydration",
        EventType.TRAINING,
        54,
        13,
        3,
        "hall",
        AttendanceMode.IN_PERSON,
        ["Nutrition and hydration"],
        20,
        "Spotting malnutrition and dehydration early, and simple ways to help.",
        "<p>With the community dietetics team.</p>",
        {},
    ),
    (
        "cqc-assessment-briefing",
        "Briefing: how CQC assesses care homes now",
        EventType.BRIEFING,
        7,
        15,
        1,
        "online",
        AttendanceMode.ONLINE,
        ["Regulation and inspection"],
        None,
        "An hour on how CQC assessments work, and what inspectors look for.",
        "<p>With time for questions. The slides are sent after the briefing.</p>",
        {"audience": "Registered managers, owners and directors"},
    ),
    (
        "fee-uplift-briefing",
        "Briefing: next year's fee rates",
        EventType.BRIEFING,
        30,
        11,
        1,
        "online",
        AttendanceMode.ONLINE,
        ["Commissioning"],
        None,
        "The council's commissioners explain next year's fee rates and how "
        "they were set.",
        "<p>For owners, directors and managers.</p>",
        {"audience": "Owners, directors and registered managers"},
    ),
    (
        "digital-records-briefing",
        "Briefing: moving to digital care records",
        EventType.BRIEFING,
        41,
        14,
        1,
        "online",
        AttendanceMode.ONLINE,
        ["Digital"],
        None,
        "What help is on offer to move from paper to digital care records.",
        "<p>Hear from two homes that have made the change.</p>",
        {"booking": BookingMethod.EXTERNAL},
    ),
    (
        "quality-in-care-awards-ceremony",
        "Quality in Care Awards ceremony",
        EventType.AWARDS_CEREMONY,
        60,
        18,
        4,
        "castle",
        AttendanceMode.IN_PERSON,
        ["Awards"],
        200,
        "An evening celebrating the people who make care in the city outstanding.",
        "<p>Join us to hear the shortlisted nominees and this year's winners. "
        "Dress is smart casual. Each home may book up to four places.</p>",
        {"audience": "Nominees, their guests and care providers"},
    ),
    (
        "open-afternoon",
        "Care Quality Team open afternoon",
        EventType.OTHER,
        68,
        13,
        3,
        "hall",
        AttendanceMode.IN_PERSON,
        ["Leadership"],
        None,
        "Drop in to meet the team and talk about any support your home needs.",
        "<p>No need to book: just come along.</p>",
        {"booking": BookingMethod.NONE},
    ),
    # Past events
    (
        "summer-safeguarding-forum",
        "Safeguarding provider forum (summer)",
        EventType.FORUM,
        -40,
        10,
        2,
        "council",
        AttendanceMode.IN_PERSON,
        ["Safeguarding"],
        50,
        "Learning from safeguarding reviews.",
        "<p>Slides from this forum are in the directory.</p>",
        {},
    ),
    (
        "moving-and-handling-training",
        "Moving and handling refresher",
        EventType.TRAINING,
        -25,
        9,
        3,
        "hall",
        AttendanceMode.IN_PERSON,
        ["Moving and handling"],
        12,
        "A practical refresher on safe moving and handling.",
        "<p>For care and support workers.</p>",
        {},
    ),
    (
        "heatwave-briefing",
        "Briefing: keeping residents safe in hot weather",
        EventType.BRIEFING,
        -60,
        14,
        1,
        "online",
        AttendanceMode.ONLINE,
        ["Public health"],
        None,
        "Public health advice on heatwaves.",
        "<p>Recorded for those who could not attend.</p>",
        {},
    ),
    (
        "workforce-forum-spring",
        "Workforce provider forum (spring)",
        EventType.FORUM,
        -90,
        13,
        2,
        "grange",
        AttendanceMode.IN_PERSON,
        ["Recruitment and retention"],
        60,
        "International recruitment and keeping new staff.",
        "<p>Notes from this forum were sent to all providers.</p>",
        {},
    ),
    (
        "pressure-care-training",
        "Pressure ulcer prevention",
        EventType.TRAINING,
        -12,
        10,
        2,
        "library",
        AttendanceMode.IN_PERSON,
        ["Skin integrity"],
        15,
        "Preventing pressure ulcers with the tissue viability nurses.",
        "<p>For nurses and senior carers.</p>",
        {},
    ),
]

FULL_EVENT_BOOKERS = [
    ("Grace Adeyemi", "Willow Court"),
    ("Tom Hughes", "Beech House"),
    ("Priya Patel", "Oak Lodge"),
    ("Megan Lewis", "The Elms"),
    ("Daniel Okafor", "Riverside Manor"),
    ("Sarah Kowalski", "Hawthorn View"),
    ("James Walsh", "Maple Lodge"),
    ("Aisha Rahman", "Cedar Grange"),
    ("Liam O'Connor", "Birch Court"),
    ("Hannah Price", "Rowan House"),
    ("Mohammed Ali", "Ash Grove"),
    ("Chloe Evans", "Holly Bank"),
    ("Olivia Brown", "Linden Lodge"),
    ("Ben Carter", "Elder Court"),
    ("Zara Hussain", "Poplar House"),
]


def local_datetime(date, hour):
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(date, datetime.time(hour), zone)


def first_weekday_on_or_after(date, weekday):
    return date + datetime.timedelta(days=(weekday - date.weekday()) % 7)


def ensure_index(home):
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(show_in_menus=True, **INDEX_PAGE)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_event(index, spec, today):
    (
        slug,
        title,
        event_type,
        days,
        hour,
        hours,
        venue,
        mode,
        topics,
        capacity,
        summary,
        description,
        extra,
    ) = spec
    if EventPage.objects.filter(slug=slug).exists():
        return None
    if extra.get("recurrence"):
        # First Tuesday of the month, starting three months ago.
        month_start = (today - datetime.timedelta(days=90)).replace(day=1)
        date = first_weekday_on_or_after(month_start, 1)
    else:
        date = today + datetime.timedelta(days=days)
    venue_name, venue_address, access = VENUES[venue]
    start = local_datetime(date, hour)
    event = EventPage(
        title=title,
        slug=slug,
        summary=summary,
        description=description,
        event_type=event_type,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        attendance_mode=mode,
        venue_name=venue_name,
        venue_address=venue_address,
        accessibility_notes=access,
        joining_details=JOIN.format(slug=slug)
        if mode != AttendanceMode.IN_PERSON
        else "",
        audience=extra.get("audience", "Everyone working in care homes"),
        capacity=capacity,
        booking_method=extra.get("booking", BookingMethod.HERE),
        booking_url=(
            "https://events.example.org/digital-care-records"
            if extra.get("booking") == BookingMethod.EXTERNAL
            else ""
        ),
        organiser_email="care-quality@example.gov.uk",
        recurrence=extra.get("recurrence", ""),
        recurs_until=(today + datetime.timedelta(days=365))
        if extra.get("recurrence")
        else None,
        suits_residential=True,
        suits_nursing=True,
        suits_emi=event_type != EventType.BRIEFING or "dementia" in slug,
    )
    if event.recurrence:
        # One meeting moved (half term) and one cancelled (bank holiday week).
        dates = [occ for occ in event.occurrences() if occ.start.date() > today]
        if len(dates) > 4:
            event.exceptions.add(
                EventException(
                    original_date=dates[2].date,
                    status="cancelled",
                    note="Cancelled: the room is not available. See you next month.",
                )
            )
            moved = local_datetime(dates[3].date + datetime.timedelta(days=7), 14)
            event.exceptions.add(
                EventException(
                    original_date=dates[3].date,
                    status="rescheduled",
                    new_start=moved,
                    new_end=moved + datetime.timedelta(hours=hours),
                    note="Moved a week later because of the half-term holiday.",
                )
            )
    index.add_child(instance=event)
    event.tags.add(*topics)
    event.save_revision().publish()
    if extra.get("full"):
        add_full_bookings(event)
    return event


def add_full_bookings(event):
    """Fill every place and put three people on the waiting list."""
    occurrence = event.occurrences()[0]
    for number, (name, home) in enumerate(FULL_EVENT_BOOKERS):
        status = (
            BookingStatus.CONFIRMED
            if number < (event.capacity or 0)
            else BookingStatus.WAITING
        )
        Booking.objects.get_or_create(
            event=event,
            occurrence_date=occurrence.date,
            email=f"{name.split()[0].lower()}@{home.replace(' ', '').lower()}.example.org",
            defaults={
                "name": name,
                "care_home": home,
                "role": "Senior carer",
                "consent": True,
                "status": status,
                "notified_start": occurrence.start,
            },
        )


def seed():
    home = HomePage.objects.first()
    if home is None:
        return
    index = ensure_index(home)
    today = timezone.localdate()
    for spec in EVENTS:
        make_event(index, spec, today)
