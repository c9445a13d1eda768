"""Demo content for the training and resources directory.

Builds the directory index page, areas of the city, providers, entries (with
topics, areas and dates), visitors' feedback and "out of date" reports. Every
function is idempotent: it looks things up by slug or name and leaves existing
content alone, so `seed_demo` can run on every `make run`.

Dates are relative to the day the seed runs, so upcoming courses stay upcoming.
All organisations, people, phone numbers and web addresses are made up.
"""

import datetime

from django.utils import timezone

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

RES, NUR, EMI = HomeType.RESIDENTIAL, HomeType.NURSING, HomeType.EMI
ALL_HOMES = (RES, NUR, EMI)
CARE, NURSE, MANAGER, OWNER = (
    Audience.CARE_WORKER,
    Audience.NURSE,
    Audience.MANAGER,
    Audience.OWNER,
)
APPROVED, PENDING, REJECTED = (
    FeedbackStatus.APPROVED,
    FeedbackStatus.PENDING,
    FeedbackStatus.REJECTED,
)

INDEX_PAGE = {
    "title": "Training and resources directory",
    "slug": "directory",
    "intro": (
        "<p>Find training, guidance, support and funding for your care home. "
        "Filter by your type of home, your role and the topic you need, and see "
        "what staff from other homes thought.</p>"
    ),
    "search_description": (
        "Training courses, guides, support services and funding for older "
        "people's care homes across the city."
    ),
}

# (name, slug); listed in the order they appear in the filters.
AREAS = [
    ("City Centre", "city-centre"),
    ("North", "north"),
    ("East", "east"),
    ("South", "south"),
    ("West", "west"),
    ("Riverside", "riverside"),
]

PROVIDERS = {
    "cqt": {
        "name": "City Council Care Quality Team",
        "website": "https://www.example.gov.uk/care-quality",
        "email": "care-quality@example.gov.uk",
        "phone": "0100 000 0000",
        "description": (
            "The council's team of Care Quality Officers. We support older people's "
            "care homes across the city with training, visits, guidance and advice."
        ),
    },
    "community": {
        "name": "Northgate Community Health NHS Trust",
        "website": "https://www.northgate.example.nhs.uk",
        "email": "care-homes@northgate.example.nhs.uk",
        "phone": "0100 210 4000",
        "description": (
            "Runs the city's community nursing, therapy, dietetics and tissue "
            "viability services, including a team that works only with care homes."
        ),
    },
    "hospital": {
        "name": "Riverside Teaching Hospitals NHS Foundation Trust",
        "website": "https://www.riverside-hospitals.example.nhs.uk",
        "email": "discharge-team@riverside-hospitals.example.nhs.uk",
        "phone": "0100 330 1000",
        "description": (
            "The city's acute hospital trust. Its discharge and education teams "
            "work with care homes on safe transfers in and out of hospital."
        ),
    },
    "mental_health": {
        "name": "Ashdale Mental Health NHS Foundation Trust",
        "website": "https://www.ashdale.example.nhs.uk",
        "email": "care-home-liaison@ashdale.example.nhs.uk",
        "phone": "0100 440 2200",
        "description": (
            "Provides mental health and dementia services for older people, "
            "including a care home liaison team of nurses and psychologists."
        ),
    },
    "icb": {
        "name": "City Health and Care Partnership (NHS commissioners)",
        "website": "https://www.citypartnership.example.nhs.uk",
        "email": "medicines.carehomes@citypartnership.example.nhs.uk",
        "phone": "0100 550 3100",
        "description": (
            "Plans and pays for NHS services in the city. Its medicines "
            "optimisation and digital teams support care homes directly."
        ),
    },
    "providers_association": {
        "name": "City Care Providers Association",
        "website": "https://www.cityccpa.example.org",
        "email": "hello@cityccpa.example.org",
        "phone": "0200 120 3400",
        "description": (
            "A membership body for independent care providers in the city. Runs "
            "forums, recruitment campaigns and a helpline for owners and managers."
        ),
    },
    "university": {
        "name": "Kingsmead University Care Home Innovation Network",
        "website": "https://carehomes.kingsmead.example.ac.uk",
        "email": "chin@kingsmead.example.ac.uk",
        "phone": "0100 660 7000",
        "description": (
            "Brings researchers, students and care homes together to try out new "
            "ways of working and share what makes a difference."
        ),
    },
    "carers": {
        "name": "Carers Together City",
        "website": "https://www.carerstogether.example.org",
        "email": "support@carerstogether.example.org",
        "phone": "0200 345 6780",
        "description": (
            "A local charity for unpaid carers, including families whose relative "
            "has moved into a care home."
        ),
    },
    "forum": {
        "name": "Older People's Voice Forum",
        "website": "https://www.olderpeoplesvoice.example.org",
        "email": "forum@olderpeoplesvoice.example.org",
        "phone": "0200 222 8100",
        "description": (
            "A forum run by and for older residents of the city. Volunteers help "
            "homes hear from residents and families."
        ),
    },
    "watchdog": {
        "name": "City Health and Care Voice",
        "website": "https://www.cityhealthvoice.example.org",
        "email": "enquiries@cityhealthvoice.example.org",
        "phone": "0200 400 5000",
        "description": (
            "The independent champion for people who use health and social care "
            "services in the city. Trained volunteers visit services and report "
            "what people tell them."
        ),
    },
    "workforce": {
        "name": "Care Workforce Skills Partnership",
        "website": "https://www.careworkforceskills.example.org",
        "email": "info@careworkforceskills.example.org",
        "phone": "0200 700 1200",
        "description": (
            "The sector's workforce development body. Sets training standards, "
            "endorses good courses and manages funding for learning."
        ),
    },
    "public_health": {
        "name": "City Council Public Health Team",
        "website": "https://www.example.gov.uk/public-health",
        "email": "public.health@example.gov.uk",
        "phone": "0100 000 2500",
        "description": (
            "The council's public health team, including the infection prevention "
            "nurses and the oral health promotion service."
        ),
    },
    "brightwell": {
        "name": "Brightwell Care Training Ltd",
        "website": "https://www.brightwell-training.example.com",
        "email": "bookings@brightwell-training.example.com",
        "phone": "0200 818 1818",
        "description": (
            "An independent training company that has worked with care homes in "
            "the city for over ten years. Courses are run by former nurses and "
            "care managers."
        ),
    },
    "compass": {
        "name": "Compass Care Skills CIC",
        "website": "https://www.compasscareskills.example.org",
        "email": "team@compasscareskills.example.org",
        "phone": "0200 909 3030",
        "description": (
            "A community interest company offering short, practical training in "
            "care homes, timed around shifts."
        ),
    },
    "hospice": {
        "name": "Wrenfield Hospice",
        "website": "https://www.wrenfieldhospice.example.org",
        "email": "education@wrenfieldhospice.example.org",
        "phone": "0100 770 9900",
        "description": (
            "A local hospice caring for adults with life-limiting illness. Its "
            "education team and in-reach nurses support care homes."
        ),
    },
    "rainbow": {
        "name": "Rainbow Ageing Network",
        "website": "https://www.rainbowageing.example.org",
        "email": "training@rainbowageing.example.org",
        "phone": "0200 606 1969",
        "description": (
            "A volunteer-led network for older lesbian, gay, bisexual and trans "
            "people, offering training for care services."
        ),
    },
}

# Each entry: `homes` defaults to all three home types, `level` to Level.ANY,
# `areas` to none (available citywide), `price` to free, `checked` (days since
# the details were last checked) to 30. `dates` are (weeks from today, note);
# negative weeks are past dates.
ENTRIES = [
    # Training courses
    {
        "slug": "react-to-red-pressure-ulcer-prevention",
        "title": "React to Red: pressure ulcer prevention",
        "kind": EntryKind.TRAINING,
        "provider": "community",
        "audience": (CARE, NURSE),
        "level": Level.INTRODUCTORY,
        "format": Format.ON_SITE,
        "duration": "90 minutes",
        "accreditation": "1.5 CPD hours",
        "booking_email": "tissue.viability@northgate.example.nhs.uk",
        "booking_phone": "0100 210 4012",
        "booking_notes": "We can run two sessions on the same day to catch both shifts.",
        "checked": 12,
        "dates": [
            (2, "Sessions in your home at a time you choose"),
            (5, "Sessions in your home at a time you choose"),
            (9, "Sessions in your home at a time you choose"),
        ],
        "topics": ["Pressure area care", "Care planning"],
        "summary": (
            "Short training in your home from the tissue viability nurses: how to "
            "spot red skin early, what to do about it and who to tell."
        ),
        "description": (
            "<p>Most pressure ulcers can be prevented. This session teaches care "
            "staff to check skin every day and act as soon as they see a red or "
            "dark patch, before it becomes a wound.</p>"
            "<p>The tissue viability nurses come to your home and train up to ten "
            "staff at a time, so nobody has to leave the floor for long.</p>"
            "<h3>What it covers</h3>"
            "<ul><li>the five steps of good skin care: surface, skin, keep moving, "
            "incontinence and nutrition</li><li>checking skin on darker skin "
            "tones</li><li>repositioning charts that are quick to fill in</li>"
            "<li>when and how to refer to the district nurses</li></ul>"
        ),
    },
    {
        "slug": "must-nutrition-screening",
        "title": "MUST nutrition screening for care home staff",
        "kind": EntryKind.TRAINING,
        "provider": "community",
        "audience": (CARE, NURSE),
        "level": Level.INTRODUCTORY,
        "format": Format.WEBINAR,
        "duration": "1 hour",
        "accreditation": "1 CPD hour",
        "booking_url": "https://www.northgate.example.nhs.uk/dietetics/must-training",
        "checked": 20,
        "dates": [
            (1, "2pm to 3pm, online (Microsoft Teams)"),
            (4, "2pm to 3pm, online (Microsoft Teams)"),
            (8, "10am to 11am, online (Microsoft Teams)"),
        ],
        "topics": ["Nutrition and hydration", "Care planning"],
        "summary": (
            "Learn to use the Malnutrition Universal Screening Tool (MUST) with "
            "confidence, and what to do when a resident scores medium or high risk."
        ),
        "description": (
            "<p>Weight loss in older people is easy to miss. This one-hour webinar, "
            "run by the community dietitians, shows how to weigh residents, work out "
            "a MUST score and record it properly.</p>"
            "<p>You will practise with real examples from care homes, including "
            "residents who cannot stand on scales.</p>"
            "<p>Bring a copy of your home's MUST form if you have one. Slides and a "
            "food-first leaflet are sent out afterwards.</p>"
        ),
    },
    {
        "slug": "dementia-care-mapping-basic-user",
        "title": "Dementia care mapping: basic user course",
        "kind": EntryKind.TRAINING,
        "provider": "university",
        "homes": (RES, EMI),
        "audience": (NURSE, MANAGER),
        "level": Level.ADVANCED,
        "format": Format.BLENDED,
        "duration": "4 days (2 online, 2 in person)",
        "price": "£650 per person",
        "accreditation": "Certified basic user on passing the final assessment",
        "booking_url": "https://carehomes.kingsmead.example.ac.uk/dcm",
        "checked": 45,
        "dates": [
            (6, "Online days: 9.30am to 3pm"),
            (7, "In-person days: Kingsmead University, Health Sciences Building"),
        ],
        "topics": ["Dementia care", "Care planning", "Dignity"],
        "summary": (
            "A four-day course teaching senior staff to observe care through the "
            "eyes of people living with dementia, and use what they see to improve "
            "daily life in the home."
        ),
        "description": (
            "<p>Dementia care mapping is a structured way of watching what happens "
            "to residents over several hours: their mood, what they are doing and "
            "how staff respond.</p>"
            "<p>The course suits nurses, deputy managers and activity leads who "
            "will lead mapping in their home. You need to be able to spend six "
            "hours observing, then feed back to the team.</p>"
            "<p>You must complete both online days before the in-person days.</p>"
        ),
    },
    {
        "slug": "mental-capacity-act-and-dols-in-practice",
        "title": "Mental Capacity Act and DoLS in practice",
        "kind": EntryKind.TRAINING,
        "provider": "brightwell",
        "audience": (CARE, NURSE, MANAGER),
        "level": Level.INTERMEDIATE,
        "format": Format.CLASSROOM,
        "duration": "Half day",
        "accreditation": "Endorsed by the Care Workforce Skills Partnership",
        "booking_url": "https://www.brightwell-training.example.com/courses/mca-dols",
        "booking_notes": "Free to city care homes: the council pays for the places.",
        "checked": 8,
        "dates": [
            (3, "9.30am to 12.30pm, Central Library, Room 2"),
            (7, "1.30pm to 4.30pm, Central Library, Room 2"),
            (12, "9.30am to 12.30pm, Eastfield Community Centre"),
        ],
        "topics": ["Mental Capacity Act and DoLS", "Safeguarding"],
        "summary": (
            "Practical half-day session on assessing capacity, making best "
            "interests decisions and knowing when to apply for a Deprivation of "
            "Liberty Safeguards authorisation."
        ),
        "description": (
            "<p>Many homes know the principles of the Mental Capacity Act but find "
            "it hard to apply them on a busy shift. This session works through "
            "everyday situations: a resident who refuses personal care, locked "
            "doors, bed rails and hidden medicines.</p>"
            "<h3>You will learn how to</h3>"
            "<ul><li>carry out and write up a capacity assessment</li>"
            "<li>record a best interests decision</li>"
            "<li>tell when care amounts to a deprivation of liberty</li>"
            "<li>keep DoLS applications and conditions up to date</li></ul>"
        ),
    },
    {
        "slug": "safeguarding-adults-raising-a-concern",
        "title": "Safeguarding adults: knowing when and how to raise a concern",
        "kind": EntryKind.TRAINING,
        "provider": "cqt",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.CLASSROOM,
        "duration": "3 hours",
        "booking_email": "care-quality@example.gov.uk",
        "checked": 15,
        "dates": [
            (2, "1pm to 4pm, Civic Centre, Committee Room B"),
            (6, "1pm to 4pm, Civic Centre, Committee Room B"),
            (10, "9.30am to 12.30pm, Northfield Library"),
            (14, "1pm to 4pm, Civic Centre, Committee Room B"),
        ],
        "topics": ["Safeguarding", "Dignity"],
        "summary": (
            "For care and support workers: the signs of abuse and neglect, what to "
            "do if a resident tells you something, and how to report it."
        ),
        "description": (
            "<p>Run by the council's safeguarding and care quality officers, this "
            "session is for staff who are new to care or want a refresher.</p>"
            "<p>We use short stories from care homes to talk about the different "
            "kinds of abuse, including neglect by omission and organisational "
            "abuse, and what stops people speaking up.</p>"
            "<p>Everyone leaves with a pocket card showing who to call, day and "
            "night.</p>"
        ),
    },
    {
        "slug": "safeguarding-thresholds-for-managers",
        "title": "Safeguarding for managers: thresholds and reporting routes",
        "kind": EntryKind.TRAINING,
        "provider": "cqt",
        "audience": (NURSE, MANAGER),
        "level": Level.ADVANCED,
        "format": Format.WEBINAR,
        "duration": "2 hours",
        "booking_email": "care-quality@example.gov.uk",
        "checked": 30,
        "dates": [
            (4, "10am to 12 noon, online"),
            (13, "2pm to 4pm, online"),
        ],
        "topics": ["Safeguarding", "Leadership"],
        "summary": (
            "Helps managers and nurses in charge decide what needs a safeguarding "
            "referral, what to handle in the home, and when to tell CQC."
        ),
        "description": (
            "<p>Homes often tell us they are unsure where the line is: is a "
            "medication error or an unexplained bruise a safeguarding matter?</p>"
            "<p>This webinar walks through the city's safeguarding thresholds "
            "guide, with examples, and explains what happens after you make a "
            "referral.</p>"
            "<p>It also covers notifications to CQC and keeping good records of "
            "decisions not to refer.</p>"
        ),
    },
    {
        "slug": "medicines-administration-refresher",
        "title": "Medicines management: safe administration refresher",
        "kind": EntryKind.TRAINING,
        "provider": "icb",
        "audience": (CARE, NURSE),
        "level": Level.INTERMEDIATE,
        "format": Format.ON_SITE,
        "duration": "2 hours",
        "accreditation": "2 CPD hours",
        "booking_email": "medicines.carehomes@citypartnership.example.nhs.uk",
        "checked": 25,
        "dates": [
            (3, "In your home; morning or afternoon"),
            (8, "In your home; morning or afternoon"),
        ],
        "topics": ["Medication management"],
        "summary": (
            "The care home pharmacists come to your home to go over safe "
            "administration, recording and common errors with your medicines team."
        ),
        "description": (
            "<p>A practical refresher based on your own medicines rounds. The "
            "pharmacist looks at your MAR charts and storage beforehand, so the "
            "session fits what your home actually does.</p>"
            "<ul><li>when required (PRN) medicines and protocols</li>"
            "<li>time-sensitive medicines such as those for Parkinson's</li>"
            "<li>patches, creams and thickeners</li>"
            "<li>what to do after an error</li></ul>"
        ),
    },
    {
        "slug": "covert-medication-webinar",
        "title": "Covert medication and crushing tablets",
        "kind": EntryKind.TRAINING,
        "provider": "icb",
        "audience": (NURSE, MANAGER),
        "level": Level.ADVANCED,
        "format": Format.WEBINAR,
        "duration": "1 hour",
        "booking_email": "medicines.carehomes@citypartnership.example.nhs.uk",
        "booking_notes": "Ask us for the recording of the last session.",
        "checked": 70,
        "dates": [(-10, "Lunchtime webinar"), (-3, "Lunchtime webinar")],
        "topics": ["Medication management", "Mental Capacity Act and DoLS"],
        "summary": (
            "What the law and good practice say about giving medicines hidden in "
            "food or drink, and why tablets must not be crushed without a "
            "pharmacist's advice."
        ),
        "description": (
            "<p>Giving medicines covertly is sometimes right, but only after a "
            "capacity assessment, a best interests decision and advice from a "
            "pharmacist.</p>"
            "<p>This webinar explains each step and the records inspectors expect "
            "to see. New dates will be added soon.</p>"
        ),
    },
    {
        "slug": "falls-prevention-practical-steps",
        "title": "Falls prevention: practical steps for care homes",
        "kind": EntryKind.TRAINING,
        "provider": "community",
        "audience": (CARE, NURSE),
        "level": Level.INTRODUCTORY,
        "format": Format.CLASSROOM,
        "duration": "Half day",
        "booking_url": "https://www.northgate.example.nhs.uk/falls/care-homes",
        "checked": 40,
        "dates": [
            (5, "9.30am to 12.30pm, Westgate Health Centre, Seminar Room"),
            (11, "1.30pm to 4.30pm, Westgate Health Centre, Seminar Room"),
        ],
        "topics": ["Falls prevention", "Equipment"],
        "summary": (
            "The community falls team explains why residents fall and the simple "
            "changes that make falls less likely, from footwear to lighting."
        ),
        "description": (
            "<p>Falls are one of the main reasons residents go into hospital. "
            "Many can be prevented with small changes to the room, the routine "
            "or medicines.</p>"
            "<p>You will learn how to do a simple falls risk check, what to look "
            "for after a fall and when to ask for a falls team visit.</p>"
        ),
    },
    {
        "slug": "moving-and-handling-train-the-trainer",
        "title": "Moving and handling: train the trainer",
        "kind": EntryKind.TRAINING,
        "provider": "brightwell",
        "audience": (CARE, NURSE),
        "level": Level.ADVANCED,
        "format": Format.CLASSROOM,
        "duration": "3 days",
        "price": "£395 per person",
        "accreditation": "Endorsed by the Care Workforce Skills Partnership",
        "booking_url": "https://www.brightwell-training.example.com/courses/mh-trainer",
        "booking_phone": "0200 818 1818",
        "checked": 33,
        "dates": [
            (8, "Three days in a row, 9am to 4.30pm, Brightwell Training Centre"),
            (18, "Three days in a row, 9am to 4.30pm, Brightwell Training Centre"),
        ],
        "topics": ["Moving and handling", "Equipment"],
        "summary": (
            "Become your home's moving and handling trainer: a three-day course "
            "for experienced senior carers and nurses who will train new staff."
        ),
        "description": (
            "<p>Having your own trainer means new starters can be trained in "
            "their first week, on your own hoists and slings.</p>"
            "<p>The course covers the law, risk assessment, teaching adults and "
            "assessing competence, with plenty of hands-on practice.</p>"
            "<p>You need at least two years' experience in care and to be "
            "confident with hoists and standing aids.</p>"
        ),
    },
    {
        "slug": "moving-and-handling-refresher-in-your-home",
        "title": "Moving and handling refresher in your home",
        "kind": EntryKind.TRAINING,
        "provider": "compass",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.ON_SITE,
        "duration": "3 hours",
        "price": "£180 for up to 12 staff",
        "areas": ("city-centre", "south", "west"),
        "booking_email": "team@compasscareskills.example.org",
        "booking_notes": "We come to you: choose a date that suits your rota.",
        "checked": 60,
        "topics": ["Moving and handling", "Equipment"],
        "summary": (
            "A yearly refresher delivered in your home, using your own equipment "
            "and residents' real moving and handling plans."
        ),
        "description": (
            "<p>Our trainer spends a morning or afternoon with your team, going "
            "over safe use of hoists, slide sheets and standing aids.</p>"
            "<p>Because we train in your home, we can look at the real problems "
            "staff face, such as tight bathrooms or a resident who is anxious "
            "about being hoisted.</p>"
            "<p>At the moment we cover the City Centre, South and West areas.</p>"
        ),
    },
    {
        "slug": "end-of-life-care-last-days",
        "title": "End of life care: the last days of life",
        "kind": EntryKind.TRAINING,
        "provider": "hospice",
        "audience": (CARE, NURSE),
        "level": Level.INTERMEDIATE,
        "format": Format.CLASSROOM,
        "duration": "1 day",
        "price": "£60 per person, lunch included",
        "accreditation": "6 CPD hours",
        "booking_url": "https://www.wrenfieldhospice.example.org/education",
        "checked": 18,
        "dates": [
            (4, "9.30am to 4pm, Wrenfield Hospice education centre"),
            (16, "9.30am to 4pm, Wrenfield Hospice education centre"),
        ],
        "topics": ["End of life care", "Dignity"],
        "summary": (
            "A day with the hospice team on recognising that someone is dying, "
            "keeping them comfortable and supporting their family."
        ),
        "description": (
            "<p>Most people who live in care homes will die there. This day helps "
            "staff feel confident caring for residents at the end of life.</p>"
            "<ul><li>signs that someone is in the last days of life</li>"
            "<li>mouth care, comfort and managing symptoms</li>"
            "<li>talking with families</li>"
            "<li>looking after yourself after a death</li></ul>"
        ),
    },
    {
        "slug": "advance-care-planning-conversations",
        "title": "Advance care planning conversations",
        "kind": EntryKind.TRAINING,
        "provider": "hospice",
        "audience": (CARE, NURSE, MANAGER),
        "level": Level.INTERMEDIATE,
        "format": Format.BLENDED,
        "duration": "Two 2-hour sessions",
        "price": "£40 per person (free for homes in the hospice in-reach scheme)",
        "booking_url": "https://www.wrenfieldhospice.example.org/education/acp",
        "checked": 50,
        "dates": [
            (3, "Part 1 online, 10am to 12 noon"),
            (9, "Part 2 at the hospice, 10am to 12 noon"),
        ],
        "topics": ["End of life care", "Care planning"],
        "summary": (
            "How to start and record conversations with residents and families "
            "about what matters to them and how they want to be cared for."
        ),
        "description": (
            "<p>Advance care planning is not a form: it is a series of "
            "conversations. This course helps staff find the right moment and the "
            "right words.</p>"
            "<p>Part 1 is online and covers the basics. Part 2 is face to face, "
            "with practice conversations in small groups.</p>"
        ),
    },
    {
        "slug": "respect-forms-what-staff-need-to-know",
        "title": "ReSPECT forms: what care home staff need to know",
        "kind": EntryKind.TRAINING,
        "provider": "hospital",
        "audience": (CARE, NURSE, MANAGER),
        "level": Level.INTRODUCTORY,
        "format": Format.WEBINAR,
        "duration": "45 minutes",
        "booking_url": "https://www.riverside-hospitals.example.nhs.uk/respect",
        "checked": 22,
        "dates": [
            (2, "12.30pm to 1.15pm, lunchtime webinar"),
            (10, "12.30pm to 1.15pm, lunchtime webinar"),
        ],
        "topics": ["End of life care", "Care planning"],
        "summary": (
            "A lunchtime webinar on ReSPECT emergency care plans: what they say, "
            "where to keep them and how to use them when a resident becomes unwell."
        ),
        "description": (
            "<p>A ReSPECT form records a person's wishes and clinical "
            "recommendations for an emergency. It only helps if staff can find "
            "it and understand it quickly.</p>"
            "<p>This short webinar explains each section of the form, what to do "
            "if it looks out of date, and how it travels with the resident to "
            "hospital.</p>"
        ),
    },
    {
        "slug": "infection-prevention-champions",
        "title": "Infection prevention champions programme",
        "kind": EntryKind.TRAINING,
        "provider": "public_health",
        "audience": (CARE, NURSE),
        "level": Level.INTERMEDIATE,
        "format": Format.BLENDED,
        "duration": "Three half days over three months",
        "accreditation": "Certificate of completion",
        "booking_email": "ipc.team@example.gov.uk",
        "checked": 28,
        "dates": [
            (6, "Session 1: 9.30am to 12.30pm, Civic Centre"),
            (10, "Session 2: online"),
            (14, "Session 3: 9.30am to 12.30pm, Civic Centre"),
        ],
        "topics": ["Infection prevention", "Leadership"],
        "summary": (
            "Train a member of staff to be your home's infection prevention "
            "champion, with support from the council's infection prevention nurses."
        ),
        "description": (
            "<p>Champions learn how infections spread in care homes and how to "
            "lead simple audits of hand hygiene, cleaning and laundry.</p>"
            "<p>Between sessions, each champion carries out a small improvement "
            "project in their home and shares it with the group.</p>"
            "<p>One place per home. Managers are asked to give champions an hour "
            "a week for the role.</p>"
        ),
    },
    {
        "slug": "mouth-care-matters-in-your-home",
        "title": "Mouth care matters: oral health training in your home",
        "kind": EntryKind.TRAINING,
        "provider": "public_health",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.ON_SITE,
        "duration": "1 hour",
        "booking_email": "oral.health@example.gov.uk",
        "checked": 10,
        "dates": [
            (3, "In your home, at handover"),
            (7, "In your home, at handover"),
        ],
        "topics": ["Oral health", "Nutrition and hydration", "Dignity"],
        "summary": (
            "The oral health team shows care staff how to clean residents' teeth "
            "and dentures, including for people who find mouth care distressing."
        ),
        "description": (
            "<p>A sore mouth or loose denture can stop someone eating and make "
            "them withdrawn. Good daily mouth care makes a real difference.</p>"
            "<p>We run the session at handover so both shifts can join. Each home "
            "gets a free starter kit of toothbrushes and denture pots.</p>"
        ),
    },
    {
        "slug": "supporting-people-with-dementia-who-are-distressed",
        "title": "Supporting people with dementia who are distressed",
        "kind": EntryKind.TRAINING,
        "provider": "mental_health",
        "homes": (RES, EMI),
        "audience": (CARE, NURSE),
        "level": Level.INTERMEDIATE,
        "format": Format.CLASSROOM,
        "duration": "1 day",
        "booking_email": "care-home-liaison@ashdale.example.nhs.uk",
        "checked": 35,
        "dates": [
            (5, "9.30am to 4pm, Ashdale House training suite"),
            (12, "9.30am to 4pm, Ashdale House training suite"),
        ],
        "topics": ["Dementia care", "Mental health"],
        "summary": (
            "Understand why a person with dementia may become upset or "
            "aggressive, and learn calm, practical ways to help without "
            "relying on medicines."
        ),
        "description": (
            "<p>Distress is often a way of telling us something: pain, boredom, "
            "fear or an unmet need. This day helps staff work out what the person "
            "is trying to say.</p>"
            "<p>You will practise a simple method for recording what happens "
            "before, during and after an incident, and build a care plan from it.</p>"
        ),
    },
    {
        "slug": "clinical-skills-for-nursing-home-nurses",
        "title": "Clinical skills for nursing home nurses",
        "kind": EntryKind.TRAINING,
        "provider": "hospital",
        "homes": (NUR,),
        "audience": (NURSE,),
        "level": Level.ADVANCED,
        "format": Format.CLASSROOM,
        "duration": "1 day",
        "accreditation": "7 CPD hours; supports nurse revalidation",
        "booking_url": "https://www.riverside-hospitals.example.nhs.uk/education/ch",
        "checked": 55,
        "dates": [
            (6, "9am to 4.30pm, Riverside Education Centre, Skills Lab 1"),
            (15, "9am to 4.30pm, Riverside Education Centre, Skills Lab 1"),
        ],
        "topics": ["Equipment", "End of life care"],
        "summary": (
            "Hands-on skills day for registered nurses in nursing homes: "
            "catheter care, syringe drivers, PEG feeds and taking bloods."
        ),
        "description": (
            "<p>Nurses in nursing homes often work alone and can go years without "
            "a chance to refresh clinical skills. This day is run in the "
            "hospital's skills lab.</p>"
            "<ul><li>male and female catheterisation</li>"
            "<li>setting up and checking syringe drivers</li>"
            "<li>PEG care and feeds</li><li>taking blood samples</li></ul>"
        ),
    },
    {
        "slug": "spotting-when-a-resident-is-becoming-unwell",
        "title": "Spotting when a resident is becoming unwell",
        "kind": EntryKind.TRAINING,
        "provider": "community",
        "homes": (RES, NUR),
        "audience": (CARE, NURSE),
        "level": Level.INTRODUCTORY,
        "format": Format.ON_SITE,
        "duration": "2 hours",
        "booking_email": "care-homes@northgate.example.nhs.uk",
        "checked": 14,
        "dates": [(4, "In your home")],
        "topics": ["Care planning", "Infection prevention"],
        "summary": (
            "Soft signs, observations and clear handovers: help staff notice early "
            "when a resident is getting ill, including signs of sepsis."
        ),
        "description": (
            "<p>Care workers often know something is wrong before anyone else. "
            "This session gives them the words and the tools to say so.</p>"
            "<p>We cover soft signs such as being more sleepy or off their food, "
            "taking basic observations, and a simple script for calling the GP "
            "or 111.</p>"
        ),
    },
    {
        "slug": "new-registered-managers-first-100-days",
        "title": "New registered managers: your first 100 days",
        "kind": EntryKind.TRAINING,
        "provider": "cqt",
        "audience": (MANAGER,),
        "level": Level.INTRODUCTORY,
        "format": Format.BLENDED,
        "duration": "Six sessions over six months",
        "booking_email": "care-quality@example.gov.uk",
        "checked": 6,
        "dates": [
            (3, "Welcome session, 10am to 1pm, Civic Centre"),
            (7, "Online, 10am to 12 noon"),
            (11, "Online, 10am to 12 noon"),
        ],
        "topics": ["Leadership", "Recruitment and retention"],
        "summary": (
            "Support for managers in their first year: registration with CQC, "
            "knowing your home, building your team and where to get help."
        ),
        "description": (
            "<p>Starting as a registered manager can be lonely. This programme "
            "puts you with other new managers and an experienced Care Quality "
            "Officer for your first six months.</p>"
            "<p>Each session has a theme, from your CQC registration interview to "
            "supervision and rotas. There is time to bring your own questions.</p>"
            "<p>You will also be invited to the Registered Managers Network.</p>"
        ),
    },
    {
        "slug": "preparing-for-your-cqc-inspection",
        "title": "Preparing for your CQC inspection",
        "kind": EntryKind.TRAINING,
        "provider": "cqt",
        "audience": (MANAGER, OWNER),
        "level": Level.INTERMEDIATE,
        "format": Format.CLASSROOM,
        "duration": "Half day",
        "booking_email": "care-quality@example.gov.uk",
        "checked": 9,
        "dates": [
            (2, "9.30am to 12.30pm, Civic Centre, Council Chamber"),
            (10, "1.30pm to 4.30pm, Riverside Community Hub"),
        ],
        "topics": ["Leadership", "Care planning"],
        "summary": (
            "A workshop on the small, fixable things that keep homes from a Good "
            "rating, and how to show inspectors the good work you already do."
        ),
        "description": (
            "<p>Many homes in the city sit just below Good because of gaps in "
            "records or audits, not the care itself. This workshop goes through "
            "the most common findings from recent inspections.</p>"
            "<p>You will leave with our pre-inspection checklist and a plan for "
            "your home.</p>"
        ),
    },
    {
        "slug": "lgbt-inclusive-care-for-older-people",
        "title": "LGBT+ inclusive care for older people",
        "kind": EntryKind.TRAINING,
        "provider": "rainbow",
        "audience": (CARE, NURSE, MANAGER),
        "level": Level.INTRODUCTORY,
        "format": Format.WEBINAR,
        "duration": "2 hours",
        "price": "£25 per person",
        "booking_url": "https://www.rainbowageing.example.org/training",
        "checked": 42,
        "dates": [
            (3, "10am to 12 noon, online"),
            (9, "6pm to 8pm, online (evening session for night staff)"),
        ],
        "topics": ["LGBT+ inclusive care", "Dignity"],
        "summary": (
            "Hear from older LGBT+ people about their lives and what makes a care "
            "home feel safe and welcoming, with practical ideas for your home."
        ),
        "description": (
            "<p>Many older lesbian, gay, bisexual and trans people have lived "
            "through discrimination and fear going back into the closet when they "
            "move into care.</p>"
            "<p>This session is led by our trainers and volunteers. It covers "
            "language, asking about relationships and identity, and supporting "
            "partners and friends.</p>"
        ),
    },
    {
        "slug": "digital-skills-getting-started",
        "title": "Digital skills for care staff: getting started",
        "kind": EntryKind.TRAINING,
        "provider": "compass",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.CLASSROOM,
        "duration": "2 hours",
        "areas": ("north", "east"),
        "booking_email": "team@compasscareskills.example.org",
        "checked": 5,
        "dates": [
            (2, "10am to 12 noon, Northfield Library IT suite"),
            (5, "2pm to 4pm, Eastfield Community Centre"),
        ],
        "topics": ["Digital skills"],
        "summary": (
            "A relaxed, small-group session for staff who are not confident with "
            "tablets, passwords and digital care records."
        ),
        "description": (
            "<p>More homes now use digital care records and video calls with GPs. "
            "Some staff find this hard and are worried about getting it wrong.</p>"
            "<p>We go at your pace: using a tablet, keeping passwords safe, "
            "spotting scam emails and finding reliable information online.</p>"
            "<p>Free in the North and East areas, funded by a local digital "
            "inclusion project.</p>"
        ),
    },
    {
        "slug": "swallowing-difficulties-and-modified-diets",
        "title": "Swallowing difficulties and texture-modified diets",
        "kind": EntryKind.TRAINING,
        "provider": "community",
        "audience": (CARE, NURSE),
        "level": Level.INTERMEDIATE,
        "format": Format.WEBINAR,
        "duration": "90 minutes",
        "booking_url": "https://www.northgate.example.nhs.uk/salt/care-homes",
        "checked": 90,
        "dates": [(5, "2pm to 3.30pm, online")],
        "topics": ["Nutrition and hydration", "Dignity"],
        "summary": (
            "The speech and language therapists explain the signs of swallowing "
            "problems and how to prepare and serve modified food and drinks safely."
        ),
        "description": (
            "<p>Coughing at meals, a wet voice or chest infections can all be "
            "signs that someone is struggling to swallow.</p>"
            "<p>This webinar covers the texture levels for food and drinks, "
            "thickeners, positioning and making modified meals look appetising. "
            "Kitchen staff are very welcome.</p>"
        ),
    },
    {
        "slug": "positive-behaviour-support-for-emi-teams",
        "title": "Positive behaviour support for EMI teams",
        "kind": EntryKind.TRAINING,
        "provider": "mental_health",
        "homes": (EMI,),
        "audience": (CARE, NURSE),
        "level": Level.ADVANCED,
        "format": Format.ON_SITE,
        "duration": "Two half days",
        "booking_email": "care-home-liaison@ashdale.example.nhs.uk",
        "checked": 100,
        "dates": [(6, "In your home; both half days in the same week")],
        "topics": ["Dementia care", "Mental health"],
        "summary": (
            "For EMI homes: the liaison team works with your staff on one or two "
            "residents whose behaviour the team finds hard to manage."
        ),
        "description": (
            "<p>Rather than general teaching, this course is built around real "
            "residents in your home, with their family's agreement.</p>"
            "<p>Together we write a behaviour support plan, try it out and review "
            "it. Staff learn an approach they can use with other residents.</p>"
        ),
    },
    {
        "slug": "depression-and-anxiety-in-later-life",
        "title": "Depression and anxiety in later life",
        "kind": EntryKind.TRAINING,
        "provider": "mental_health",
        "audience": (CARE, NURSE),
        "level": Level.INTRODUCTORY,
        "format": Format.WEBINAR,
        "duration": "1 hour",
        "booking_email": "care-home-liaison@ashdale.example.nhs.uk",
        "checked": 150,
        "dates": [(-8, "Lunchtime webinar")],
        "topics": ["Mental health", "Wellbeing"],
        "summary": (
            "Depression is common in care homes and often missed. Learn the signs "
            "and simple ways to help, and when to ask for specialist support."
        ),
        "description": (
            "<p>Low mood is not a normal part of ageing. This webinar explains "
            "how depression and anxiety can look different in older people and "
            "in people with dementia.</p>"
            "<p>The next dates have not been set yet. Email the liaison team to "
            "be told when they are.</p>"
        ),
    },
    {
        "slug": "person-centred-care-planning",
        "title": "Care planning that puts the person first",
        "kind": EntryKind.TRAINING,
        "provider": "compass",
        "audience": (CARE, NURSE),
        "level": Level.INTERMEDIATE,
        "format": Format.CLASSROOM,
        "duration": "1 day",
        "price": "£95 per person",
        "accreditation": "Endorsed by the Care Workforce Skills Partnership",
        "booking_url": "https://www.compasscareskills.example.org/care-planning",
        "checked": 48,
        "dates": [
            (4, "9.30am to 4pm, Compass Hub, 12 Mill Lane"),
            (12, "9.30am to 4pm, Compass Hub, 12 Mill Lane"),
        ],
        "topics": ["Care planning", "Dignity"],
        "summary": (
            "Write care plans that sound like the person, are quick to read on a "
            "busy shift and show inspectors that care is personal."
        ),
        "description": (
            "<p>Care plans are often long, repetitive and written in clinical "
            "language. This day helps senior carers and nurses write shorter plans "
            "that say what matters to the person.</p>"
            "<p>Bring an anonymised care plan from your home: we will improve it "
            "together.</p>"
        ),
    },
    {
        "slug": "leading-a-team-through-change",
        "title": "Leading a team through change",
        "kind": EntryKind.TRAINING,
        "provider": "brightwell",
        "audience": (MANAGER, OWNER),
        "level": Level.ADVANCED,
        "format": Format.BLENDED,
        "duration": "4 half days",
        "price": "£320 per person",
        "accreditation": "Counts towards the Level 5 Diploma in Leadership and Management",
        "booking_url": "https://www.brightwell-training.example.com/courses/leading-change",
        "checked": 75,
        "dates": [(7, "First session: 9.30am to 1pm, Brightwell Training Centre")],
        "topics": ["Leadership", "Wellbeing"],
        "summary": (
            "For managers and owners: how to bring your team with you when things "
            "change, from a new care records system to a new owner."
        ),
        "description": (
            "<p>Change in care homes often fails because staff were not involved. "
            "This course uses action learning: you bring a real change you are "
            "leading and work on it with other managers.</p>"
            "<p>Topics include engaging staff, handling resistance, and looking "
            "after your own resilience along the way.</p>"
        ),
    },
    {
        "slug": "bed-rails-and-hoists-safe-use",
        "title": "Bed rails and hoists: safe use and checks",
        "kind": EntryKind.TRAINING,
        "provider": "community",
        "audience": (CARE, NURSE, MANAGER),
        "level": Level.INTERMEDIATE,
        "format": Format.ON_SITE,
        "duration": "2 hours",
        "booking_email": "equipment.service@northgate.example.nhs.uk",
        "checked": 120,
        "dates": [(-4, "Pilot sessions in three homes")],
        "topics": ["Equipment", "Moving and handling", "Falls prevention"],
        "summary": (
            "The community equipment service trains staff to check beds, rails "
            "and hoists, spot faults and decide when bed rails are the right choice."
        ),
        "description": (
            "<p>Bed rails can prevent falls from bed but also cause serious "
            "injuries if they are the wrong size or fitted badly.</p>"
            "<p>This session was piloted in three homes. We are planning more "
            "dates: email us to register your interest.</p>"
        ),
    },
    # E-learning
    {
        "slug": "safeguarding-adults-e-learning",
        "title": "Safeguarding adults e-learning",
        "kind": EntryKind.ELEARNING,
        "provider": "workforce",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "About 2 hours, in 15-minute modules",
        "accreditation": "Meets the safeguarding standard of the Care Certificate",
        "booking_url": "https://learn.careworkforceskills.example.org/safeguarding",
        "checked": 30,
        "topics": ["Safeguarding"],
        "summary": (
            "Free online safeguarding course for new care workers, in short "
            "modules that can be done on a phone during a quiet moment."
        ),
        "description": (
            "<p>Each module takes about 15 minutes and saves your progress, so "
            "staff can stop and pick up later.</p>"
            "<p>It covers types of abuse, what to do if you are worried and how "
            "to record and report. A certificate is issued at the end.</p>"
        ),
    },
    {
        "slug": "infection-prevention-e-learning",
        "title": "Infection prevention and control e-learning",
        "kind": EntryKind.ELEARNING,
        "provider": "public_health",
        "audience": (CARE, NURSE),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "45 minutes",
        "booking_url": "https://www.example.gov.uk/public-health/ipc-learning",
        "checked": 65,
        "topics": ["Infection prevention"],
        "summary": (
            "Hand hygiene, protective equipment, cleaning and outbreaks: the "
            "basics every member of care home staff needs, including cooks and "
            "cleaners."
        ),
        "description": (
            "<p>Written by the council's infection prevention nurses for care "
            "homes, with short videos filmed in a local home.</p>"
            "<p>Managers can get a report showing which staff have completed it.</p>"
        ),
    },
    {
        "slug": "mental-capacity-act-ten-minute-modules",
        "title": "Mental Capacity Act in ten-minute modules",
        "kind": EntryKind.ELEARNING,
        "provider": "cqt",
        "audience": (CARE, NURSE, MANAGER),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "Ten modules of about 10 minutes",
        "booking_url": "https://www.example.gov.uk/care-quality/mca-modules",
        "checked": 12,
        "topics": ["Mental Capacity Act and DoLS", "Digital skills"],
        "summary": (
            "Bite-sized online lessons on the Mental Capacity Act, made for staff "
            "who cannot leave the floor for a long course."
        ),
        "description": (
            "<p>Each module explains one idea, such as the five principles or "
            "best interests, with a short quiz at the end.</p>"
            "<p>They work well in team meetings or at handover: play one on a "
            "tablet and talk about it together.</p>"
        ),
    },
    {
        "slug": "dementia-awareness-e-learning",
        "title": "Dementia awareness e-learning for all staff",
        "kind": EntryKind.ELEARNING,
        "provider": "mental_health",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "1 hour",
        "booking_url": "https://www.ashdale.example.nhs.uk/learn/dementia-awareness",
        "checked": 420,
        "topics": ["Dementia care", "Dignity"],
        "summary": (
            "An hour-long online introduction to dementia for everyone in the "
            "home: care staff, cooks, cleaners, maintenance and reception."
        ),
        "description": (
            "<p>Everyone who meets residents can make their day better or worse. "
            "This course explains what dementia is and simple ways to help, such "
            "as approaching from the front and giving time to answer.</p>"
        ),
    },
    {
        "slug": "medicines-e-learning-for-senior-carers",
        "title": "Medicines management e-learning for senior carers",
        "kind": EntryKind.ELEARNING,
        "provider": "brightwell",
        "audience": (CARE,),
        "level": Level.INTERMEDIATE,
        "format": Format.ELEARNING,
        "duration": "3 hours",
        "price": "£30 per person, or £250 for the whole home",
        "accreditation": "3 CPD points",
        "booking_url": "https://www.brightwell-training.example.com/elearning/medicines",
        "checked": 80,
        "topics": ["Medication management"],
        "summary": (
            "Online course for senior carers who give medicines in residential "
            "homes, followed by a competency check in your home."
        ),
        "description": (
            "<p>Covers ordering, storage, giving and recording medicines, and "
            "what to do about refusals and errors.</p>"
            "<p>After the online part, a manager or nurse in your home completes "
            "the competency check using our form.</p>"
        ),
    },
    {
        "slug": "after-a-fall-e-learning",
        "title": "After a fall: what to do in the first hour",
        "kind": EntryKind.ELEARNING,
        "provider": "community",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "20 minutes",
        "booking_url": "https://www.northgate.example.nhs.uk/falls/after-a-fall",
        "checked": 26,
        "topics": ["Falls prevention", "Moving and handling", "Equipment"],
        "summary": (
            "A short video course on checking a resident after a fall, getting "
            "them up safely with lifting equipment and when to call 999."
        ),
        "description": (
            "<p>Lying on the floor for a long time is harmful. This course shows "
            "how to check for injury, use a lifting cushion if you have one, and "
            "record what happened.</p>"
        ),
    },
    {
        "slug": "digital-skills-for-care-e-learning",
        "title": "Digital skills for care: online modules",
        "kind": EntryKind.ELEARNING,
        "provider": "workforce",
        "audience": (CARE, MANAGER),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "Six modules of about 20 minutes",
        "booking_url": "https://learn.careworkforceskills.example.org/digital",
        "checked": 44,
        "topics": ["Digital skills"],
        "summary": (
            "Build confidence with email, shared calendars, video calls and "
            "digital care records, at your own pace."
        ),
        "description": (
            "<p>Six short modules, each ending with a practical task. Managers "
            "can use the module on data protection with the whole team.</p>"
        ),
    },
    {
        "slug": "wound-care-and-skin-tears",
        "title": "Wound care and skin tears for nurses",
        "kind": EntryKind.ELEARNING,
        "provider": "community",
        "homes": (NUR,),
        "audience": (NURSE,),
        "level": Level.ADVANCED,
        "format": Format.ELEARNING,
        "duration": "90 minutes",
        "accreditation": "1.5 CPD hours",
        "booking_url": "https://www.northgate.example.nhs.uk/tv/wound-care",
        "checked": 58,
        "topics": ["Pressure area care"],
        "summary": (
            "Online course for nurses in nursing homes on assessing wounds, "
            "choosing dressings from the local formulary and treating skin tears."
        ),
        "description": (
            "<p>Written by the tissue viability nurses. Includes photographs to "
            "help you grade pressure ulcers and moisture damage correctly.</p>"
        ),
    },
    {
        "slug": "mouth-care-in-30-minutes",
        "title": "Mouth care in 30 minutes",
        "kind": EntryKind.ELEARNING,
        "provider": "public_health",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "30 minutes",
        "booking_url": "https://www.example.gov.uk/public-health/mouth-care",
        "checked": 16,
        "topics": ["Oral health"],
        "summary": (
            "A quick online course on daily mouth and denture care, for staff who "
            "missed the in-home session."
        ),
        "description": (
            "<p>Short videos show how to brush someone else's teeth, clean and "
            "store dentures and spot problems that need a dentist.</p>"
        ),
    },
    {
        "slug": "end-of-life-care-for-care-assistants",
        "title": "End of life care for care assistants",
        "kind": EntryKind.ELEARNING,
        "provider": "hospice",
        "audience": (CARE,),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "1 hour",
        "booking_url": "https://www.wrenfieldhospice.example.org/learn",
        "checked": 38,
        "topics": ["End of life care", "Wellbeing"],
        "summary": (
            "An introduction to caring for someone who is dying, and to looking "
            "after yourself when a resident you know well dies."
        ),
        "description": (
            "<p>Made with care workers from local homes, this course uses their "
            "own words to talk about comfort, dignity and grief.</p>"
        ),
    },
    {
        "slug": "pride-in-care-e-learning",
        "title": "Pride in care: LGBT+ awareness e-learning",
        "kind": EntryKind.ELEARNING,
        "provider": "rainbow",
        "audience": (CARE, NURSE),
        "level": Level.INTRODUCTORY,
        "format": Format.ELEARNING,
        "duration": "40 minutes",
        "booking_url": "https://www.rainbowageing.example.org/elearning",
        "checked": 52,
        "topics": ["LGBT+ inclusive care", "Dignity"],
        "summary": (
            "A free short online course on respectful language and making LGBT+ "
            "residents, partners and visitors feel welcome."
        ),
        "description": (
            "<p>Includes short films of older LGBT+ people from the city talking "
            "about what good care means to them.</p>"
        ),
    },
    # Guides and toolkits
    {
        "slug": "pre-inspection-checklist",
        "title": "Pre-inspection checklist for care homes",
        "kind": EntryKind.GUIDE,
        "provider": "cqt",
        "audience": (MANAGER, OWNER),
        "format": Format.RESOURCE,
        "booking_url": "https://www.example.gov.uk/care-quality/pre-inspection",
        "checked": 7,
        "topics": ["Leadership", "Care planning"],
        "summary": (
            "A checklist, based on national guidance, of what inspectors look for "
            "and the records that most often let homes down."
        ),
        "description": (
            "<p>Work through the checklist with your deputy or senior team, a "
            "section at a time. Each item says what good looks like and where to "
            "find help.</p>"
            "<p>Homes that used it last year told us it helped them find small "
            "gaps, such as missing audit actions, well before inspection.</p>"
        ),
    },
    {
        "slug": "life-story-work-and-pen-portraits",
        "title": "Life story work and pen portraits",
        "kind": EntryKind.GUIDE,
        "provider": "mental_health",
        "audience": (CARE, NURSE),
        "format": Format.RESOURCE,
        "booking_url": "https://www.ashdale.example.nhs.uk/resources/life-story",
        "checked": 60,
        "topics": ["Dementia care", "Care planning", "LGBT+ inclusive care"],
        "summary": (
            "How to gather a resident's life story with them and their family, "
            "and turn it into a one-page pen portrait staff actually read."
        ),
        "description": (
            "<p>Knowing that someone was a baker, loves brass bands or never "
            "takes sugar helps staff connect and avoid distress.</p>"
            "<p>The guide includes templates, tips for residents without family "
            "and advice on asking sensitively about relationships and identity.</p>"
        ),
    },
    {
        "slug": "communication-passports",
        "title": "Communication passports: template and guide",
        "kind": EntryKind.GUIDE,
        "provider": "university",
        "audience": (CARE, NURSE),
        "format": Format.RESOURCE,
        "booking_url": "https://carehomes.kingsmead.example.ac.uk/communication",
        "checked": 95,
        "topics": ["Dementia care", "Dignity", "Care planning"],
        "summary": (
            "A short, friendly document that tells anyone meeting a resident how "
            "they communicate, what upsets them and what helps."
        ),
        "description": (
            "<p>Developed with four local homes. Passports go with residents to "
            "hospital and help agency staff on their first shift.</p>"
        ),
    },
    {
        "slug": "medicines-management-toolkit",
        "title": "Medicines management in care homes: a toolkit",
        "kind": EntryKind.GUIDE,
        "provider": "icb",
        "audience": (NURSE, MANAGER),
        "format": Format.RESOURCE,
        "booking_url": "https://www.citypartnership.example.nhs.uk/medicines/toolkit",
        "checked": 450,
        "topics": ["Medication management"],
        "summary": (
            "Policies, audit tools and template protocols for managing medicines "
            "safely, from ordering to disposal."
        ),
        "description": (
            "<p>The toolkit includes a medicines policy template, a monthly audit "
            "tool and example when-required protocols.</p>"
            "<p>Adapt the templates to your home rather than using them as they "
            "are.</p>"
        ),
    },
    {
        "slug": "safeguarding-thresholds-guide",
        "title": "Safeguarding thresholds guide for care homes",
        "kind": EntryKind.GUIDE,
        "provider": "cqt",
        "audience": (CARE, NURSE, MANAGER),
        "format": Format.RESOURCE,
        "booking_url": "https://www.example.gov.uk/care-quality/safeguarding",
        "checked": 21,
        "topics": ["Safeguarding", "Mental Capacity Act and DoLS"],
        "summary": (
            "A colour-coded guide to what needs a safeguarding referral, what to "
            "record and manage in the home, and who to tell."
        ),
        "description": (
            "<p>Covers falls, medication errors, pressure ulcers, "
            "resident-to-resident incidents and money. Each has examples of "
            "low, medium and high concern.</p>"
            "<p>Print the one-page summary for your staff room.</p>"
        ),
    },
    {
        "slug": "choosing-and-checking-equipment",
        "title": "Choosing and checking equipment",
        "kind": EntryKind.GUIDE,
        "provider": "community",
        "audience": (NURSE, MANAGER, OWNER),
        "format": Format.RESOURCE,
        "booking_url": "https://www.northgate.example.nhs.uk/equipment/guide",
        "checked": 510,
        "topics": ["Equipment", "Falls prevention", "Pressure area care"],
        "summary": (
            "What equipment a home should provide, what the NHS provides, and how "
            "to check hoists, slings, mattresses and sensor mats."
        ),
        "description": (
            "<p>Sets out who pays for what, with a simple weekly and six-monthly "
            "checking schedule.</p>"
            "<p>Includes advice on pressure-relieving mattresses and choosing "
            "sensor equipment that does not restrict residents.</p>"
        ),
    },
    {
        "slug": "hydration-toolkit",
        "title": "Hydration toolkit: helping residents drink enough",
        "kind": EntryKind.GUIDE,
        "provider": "public_health",
        "audience": (CARE,),
        "format": Format.RESOURCE,
        "booking_url": "https://www.example.gov.uk/public-health/hydration",
        "checked": 400,
        "topics": ["Nutrition and hydration", "Infection prevention"],
        "summary": (
            "Ideas, posters and a simple chart to help residents drink more, which "
            "lowers the risk of falls, infections and confusion."
        ),
        "description": (
            "<p>Ideas that homes found worked: drinks trolleys at set times, "
            "jelly drops and ice lollies, coloured cups and drinking together "
            "with staff.</p>"
        ),
    },
    {
        "slug": "lgbt-inclusive-care-self-assessment",
        "title": "LGBT+ inclusive care: a self-assessment for homes",
        "kind": EntryKind.GUIDE,
        "provider": "rainbow",
        "audience": (MANAGER, OWNER),
        "format": Format.RESOURCE,
        "booking_url": "https://www.rainbowageing.example.org/self-assessment",
        "checked": 110,
        "topics": ["LGBT+ inclusive care", "Leadership"],
        "summary": (
            "Twenty questions to help managers see how welcoming their home is to "
            "LGBT+ residents and staff, with ideas for next steps."
        ),
        "description": (
            "<p>Covers policies, forms, activities, staff training and how "
            "complaints are handled. Homes that complete it can ask for a free "
            "follow-up call.</p>"
        ),
    },
    {
        "slug": "oral-health-care-plan-template",
        "title": "Oral health care plan template",
        "kind": EntryKind.GUIDE,
        "provider": "public_health",
        "audience": (CARE, NURSE),
        "format": Format.RESOURCE,
        "booking_url": "https://www.example.gov.uk/public-health/oral-health-plan",
        "checked": 30,
        "topics": ["Oral health", "Care planning"],
        "summary": (
            "A one-page mouth care assessment and plan for every resident, to "
            "complete on admission and review monthly."
        ),
        "description": (
            "<p>Records natural teeth, dentures, the help needed and the "
            "resident's dentist. Comes with a short guide to filling it in.</p>"
        ),
    },
    {
        "slug": "staff-wellbeing-toolkit",
        "title": "Staff wellbeing toolkit for care home managers",
        "kind": EntryKind.GUIDE,
        "provider": "workforce",
        "audience": (MANAGER, OWNER),
        "format": Format.RESOURCE,
        "booking_url": "https://www.careworkforceskills.example.org/wellbeing",
        "checked": 19,
        "topics": ["Wellbeing", "Leadership", "Recruitment and retention"],
        "summary": (
            "Practical ideas for looking after your staff, from better breaks and "
            "debriefs after a death to flexible rotas that help people stay."
        ),
        "description": (
            "<p>Staff who feel looked after are more likely to stay. This "
            "toolkit collects low-cost ideas from care homes across the region.</p>"
            "<p>It also lists free sources of support for staff, including "
            "money advice and counselling.</p>"
        ),
    },
    {
        "slug": "good-dementia-care-in-emi-homes",
        "title": "What good dementia care looks like in an EMI home",
        "kind": EntryKind.GUIDE,
        "provider": "cqt",
        "homes": (EMI,),
        "audience": (NURSE, MANAGER, OWNER),
        "format": Format.RESOURCE,
        "booking_url": "https://www.example.gov.uk/care-quality/good-dementia-care",
        "checked": 45,
        "topics": ["Dementia care", "Dignity"],
        "summary": (
            "Examples from local EMI homes of the environment, routines and "
            "activities that help people with advanced dementia live well."
        ),
        "description": (
            "<p>Written with managers of EMI homes rated Good and Outstanding. "
            "Each section has a short checklist you can use on a walk around.</p>"
        ),
    },
    # Support services
    {
        "slug": "care-quality-team-support",
        "title": "Ask the Care Quality Team for support",
        "kind": EntryKind.SUPPORT,
        "provider": "cqt",
        "audience": (MANAGER, OWNER),
        "format": Format.SERVICE,
        "booking_email": "care-quality@example.gov.uk",
        "booking_phone": "0100 000 0000",
        "checked": 3,
        "topics": ["Leadership", "Care planning"],
        "summary": (
            "Homes can ask us for help themselves: before an inspection, when a "
            "new manager starts, or whenever things feel difficult."
        ),
        "description": (
            "<p>Support is shaped around what your home needs. It can be as light "
            "as a checklist to work through, or weekly visits for three months "
            "followed by reviews at 3, 6, 9 and 12 months.</p>"
            "<p>Asking for help does not count against you. Many of the city's "
            "Good and Outstanding homes have worked with us.</p>"
        ),
    },
    {
        "slug": "care-home-liaison-mental-health",
        "title": "Care home liaison team for mental health and dementia",
        "kind": EntryKind.SUPPORT,
        "provider": "mental_health",
        "homes": (RES, EMI),
        "audience": (CARE, NURSE, MANAGER),
        "format": Format.SERVICE,
        "booking_phone": "0100 440 2200",
        "booking_email": "care-home-liaison@ashdale.example.nhs.uk",
        "checked": 27,
        "topics": ["Mental health", "Dementia care"],
        "summary": (
            "Specialist nurses who visit residents with dementia or mental health "
            "needs, advise staff and help avoid hospital admissions."
        ),
        "description": (
            "<p>Homes can refer directly, without going through the GP. We aim "
            "to call back within two working days.</p>"
            "<p>The team also reviews residents on antipsychotic medicines with "
            "the GP and home.</p>"
        ),
    },
    {
        "slug": "support-for-families-of-residents",
        "title": "Support for families when a relative moves into a home",
        "kind": EntryKind.SUPPORT,
        "provider": "carers",
        "audience": (CARE, MANAGER),
        "format": Format.SERVICE,
        "booking_phone": "0200 345 6780",
        "booking_url": "https://www.carerstogether.example.org/care-homes",
        "checked": 64,
        "topics": ["Wellbeing", "Dementia care"],
        "summary": (
            "Point families to free support: a listening ear, carers' groups and "
            "advice on money and visiting when someone moves into care."
        ),
        "description": (
            "<p>Families often feel guilt and grief when a relative moves into a "
            "home. Our support workers can talk things through and link them "
            "with others in the same position.</p>"
            "<p>We can send leaflets for your reception area.</p>"
        ),
    },
    {
        "slug": "care-staff-support-line",
        "title": "Care staff support line",
        "kind": EntryKind.SUPPORT,
        "provider": "workforce",
        "audience": (CARE, NURSE, MANAGER, OWNER),
        "format": Format.SERVICE,
        "booking_phone": "0200 700 1299",
        "booking_notes": "Open every day, 8am to 10pm. Calls are confidential.",
        "checked": 11,
        "topics": ["Wellbeing", "Mental health"],
        "summary": (
            "A free, confidential phone line for anyone working in social care "
            "who is stressed, worried about money or struggling after a death."
        ),
        "description": (
            "<p>Trained listeners can talk things through and, if needed, arrange "
            "up to six counselling sessions.</p>"
            "<p>You do not need your manager's permission to call.</p>"
        ),
    },
    {
        "slug": "infection-prevention-advice-line",
        "title": "Infection prevention advice line",
        "kind": EntryKind.SUPPORT,
        "provider": "public_health",
        "audience": (NURSE, MANAGER),
        "format": Format.SERVICE,
        "booking_phone": "0100 000 2525",
        "booking_email": "ipc.team@example.gov.uk",
        "booking_notes": "Monday to Friday, 9am to 5pm.",
        "checked": 13,
        "topics": ["Infection prevention"],
        "summary": (
            "Call the infection prevention nurses if you think you have an "
            "outbreak, or for advice on isolation, cleaning and visiting."
        ),
        "description": (
            "<p>Tell us early if two or more residents or staff have sickness, "
            "diarrhoea or a respiratory illness. We will help you decide what to "
            "do and who else to inform.</p>"
        ),
    },
    {
        "slug": "registered-managers-network",
        "title": "Registered Managers Network",
        "kind": EntryKind.SUPPORT,
        "provider": "cqt",
        "audience": (MANAGER,),
        "format": Format.SERVICE,
        "duration": "2 hours, monthly",
        "booking_email": "care-quality@example.gov.uk",
        "checked": 4,
        "dates": [
            (2, "10am to 12 noon, Civic Centre, Committee Room A"),
            (6, "10am to 12 noon, online"),
            (10, "10am to 12 noon, Civic Centre, Committee Room A"),
        ],
        "topics": ["Leadership", "Wellbeing"],
        "summary": (
            "A monthly meeting where registered managers share problems and "
            "ideas, hear updates and support each other."
        ),
        "description": (
            "<p>Open to registered managers and deputies of any older people's "
            "care home in the city. Each meeting has a guest speaker and time for "
            "peer support.</p>"
            "<p>There is also an online group for quick questions between "
            "meetings.</p>"
        ),
    },
    {
        "slug": "digital-champions-in-your-home",
        "title": "Digital champions support in your home",
        "kind": EntryKind.SUPPORT,
        "provider": "icb",
        "audience": (CARE, MANAGER),
        "level": Level.INTRODUCTORY,
        "format": Format.ON_SITE,
        "areas": ("city-centre", "south", "riverside"),
        "booking_email": "digital.carehomes@citypartnership.example.nhs.uk",
        "checked": 17,
        "topics": ["Digital skills"],
        "summary": (
            "A digital support officer visits your home to help set up NHS email, "
            "video consultations and remote monitoring, and trains a champion."
        ),
        "description": (
            "<p>Available to homes in the City Centre, South and Riverside areas "
            "while the pilot runs.</p>"
            "<p>We help with the practical things: Wi-Fi in the lounge, logins, "
            "and showing staff how to book a GP video call.</p>"
        ),
    },
    {
        "slug": "recruitment-support-for-providers",
        "title": "Recruitment support for care providers",
        "kind": EntryKind.SUPPORT,
        "provider": "providers_association",
        "audience": (MANAGER, OWNER),
        "format": Format.SERVICE,
        "price": "Free for members; membership from £150 a year",
        "booking_url": "https://www.cityccpa.example.org/recruitment",
        "checked": 36,
        "topics": ["Recruitment and retention"],
        "summary": (
            "Shared job adverts, jobs fairs and values-based interview tools to "
            "help homes find and keep good staff."
        ),
        "description": (
            "<p>Members can post vacancies on our city-wide jobs board and join "
            "our jobs fairs, held four times a year.</p>"
            "<p>We also offer template interview questions and an induction plan "
            "designed to help new staff stay past their first three months.</p>"
        ),
    },
    {
        "slug": "resident-and-family-voice-sessions",
        "title": "Resident and family voice sessions",
        "kind": EntryKind.SUPPORT,
        "provider": "forum",
        "audience": (MANAGER, OWNER),
        "format": Format.ON_SITE,
        "booking_email": "forum@olderpeoplesvoice.example.org",
        "checked": 430,
        "topics": ["Dignity", "Wellbeing"],
        "summary": (
            "Volunteers from the forum visit your home to hear, independently, "
            "what residents and families think, and share what they learn."
        ),
        "description": (
            "<p>Residents sometimes find it easier to talk to someone from "
            "outside the home. Our volunteers are older people themselves.</p>"
            "<p>You get a short written summary with ideas for improvement.</p>"
        ),
    },
    {
        "slug": "independent-visits-city-health-and-care-voice",
        "title": "Independent visits by City Health and Care Voice",
        "kind": EntryKind.SUPPORT,
        "provider": "watchdog",
        "audience": (MANAGER, OWNER),
        "format": Format.SERVICE,
        "booking_email": "enquiries@cityhealthvoice.example.org",
        "checked": 88,
        "topics": ["Dignity", "Care planning"],
        "summary": (
            "Invite trained volunteers to visit and report on what residents and "
            "families say, a useful independent view before an inspection."
        ),
        "description": (
            "<p>Visits are friendly and arranged in advance. Reports are published "
            "with your response, so you can show what you have done.</p>"
        ),
    },
    # Schemes and initiatives
    {
        "slug": "red-bag-hospital-transfer-scheme",
        "title": "The Red Bag hospital transfer scheme",
        "kind": EntryKind.SCHEME,
        "provider": "hospital",
        "audience": (CARE, NURSE, MANAGER),
        "format": Format.ON_SITE,
        "duration": "30-minute briefing for staff",
        "areas": ("north", "riverside", "city-centre"),
        "booking_email": "discharge-team@riverside-hospitals.example.nhs.uk",
        "checked": 24,
        "topics": ["Care planning", "Medication management"],
        "summary": (
            "A red bag that goes with residents to hospital, holding their "
            "medicines, paperwork and personal items, and comes back with them."
        ),
        "description": (
            "<p>When a resident goes into hospital, the Red Bag keeps everything "
            "together: medicines, the transfer form, ReSPECT form, glasses, "
            "hearing aids and a change of clothes.</p>"
            "<p>Hospital staff know to look for it, and it comes home with the "
            "discharge summary and any new medicines.</p>"
            "<p>Now running in the North, Riverside and City Centre areas. We "
            "deliver the bags and brief your staff.</p>"
        ),
    },
    {
        "slug": "enhanced-health-in-care-homes",
        "title": "Enhanced health in care homes: a named GP team",
        "kind": EntryKind.SCHEME,
        "provider": "icb",
        "audience": (NURSE, MANAGER),
        "format": Format.SERVICE,
        "areas": ("east", "south", "west"),
        "booking_email": "medicines.carehomes@citypartnership.example.nhs.uk",
        "checked": 140,
        "topics": ["Care planning", "Medication management"],
        "summary": (
            "Each home is linked to one GP practice, with a weekly check-in and "
            "regular medicines reviews by a pharmacist."
        ),
        "description": (
            "<p>Having one practice means the same clinicians get to know your "
            "residents. Weekly rounds can be in person or by video.</p>"
            "<p>Currently in the East, South and West areas, with the rest of the "
            "city to follow.</p>"
        ),
    },
    {
        "slug": "nursing-home-preceptorship",
        "title": "Preceptorship for newly qualified nurses in nursing homes",
        "kind": EntryKind.SCHEME,
        "provider": "hospital",
        "homes": (NUR,),
        "audience": (NURSE, MANAGER),
        "level": Level.INTERMEDIATE,
        "format": Format.BLENDED,
        "duration": "12 months",
        "accreditation": "Meets the national preceptorship framework",
        "booking_url": "https://www.riverside-hospitals.example.nhs.uk/preceptorship",
        "checked": 31,
        "topics": ["Leadership", "Recruitment and retention"],
        "summary": (
            "A year of structured support for newly qualified nurses who choose "
            "to start their career in a nursing home."
        ),
        "description": (
            "<p>New nurses join study days alongside hospital colleagues and are "
            "given a trained preceptor. Homes get help setting up supervision.</p>"
            "<p>Nurses who have a good first year are much more likely to stay.</p>"
        ),
    },
    {
        "slug": "student-placements-in-care-homes",
        "title": "Student placements in care homes",
        "kind": EntryKind.SCHEME,
        "provider": "university",
        "audience": (NURSE, MANAGER),
        "format": Format.SERVICE,
        "booking_email": "chin@kingsmead.example.ac.uk",
        "checked": 66,
        "topics": ["Recruitment and retention", "Leadership"],
        "summary": (
            "Host nursing and therapy students on placement: a chance to show "
            "care homes as a great place to work, and to recruit."
        ),
        "description": (
            "<p>We help your nurses become practice supervisors and match you "
            "with students who are interested in older people's care.</p>"
        ),
    },
    {
        "slug": "dementia-friendly-environments-pilot",
        "title": "Dementia-friendly environments pilot",
        "kind": EntryKind.SCHEME,
        "provider": "university",
        "homes": (EMI,),
        "audience": (MANAGER, OWNER),
        "format": Format.ON_SITE,
        "areas": ("riverside", "east"),
        "booking_email": "chin@kingsmead.example.ac.uk",
        "checked": 29,
        "topics": ["Dementia care", "Equipment"],
        "summary": (
            "Researchers and an occupational therapist assess your EMI home's "
            "layout, lighting and signs, and help you plan low-cost changes."
        ),
        "description": (
            "<p>Small changes such as contrasting toilet seats, clear signs and "
            "better lighting can reduce falls and distress.</p>"
            "<p>Open to EMI homes in Riverside and East while the research runs. "
            "Homes taking part share what they learn with others.</p>"
        ),
    },
    {
        "slug": "hospice-in-reach-for-nursing-homes",
        "title": "Hospice in-reach for nursing homes",
        "kind": EntryKind.SCHEME,
        "provider": "hospice",
        "homes": (NUR,),
        "audience": (NURSE, MANAGER),
        "format": Format.SERVICE,
        "areas": ("south", "west", "riverside"),
        "booking_phone": "0100 770 9911",
        "checked": 23,
        "topics": ["End of life care"],
        "summary": (
            "A named hospice nurse visits each month to support your nurses with "
            "residents approaching the end of life."
        ),
        "description": (
            "<p>The in-reach nurse helps with symptom control, advance care "
            "planning and difficult conversations, and can be called between "
            "visits.</p>"
            "<p>Homes in the scheme get free places on the hospice's advance care "
            "planning course.</p>"
        ),
    },
    {
        "slug": "falls-response-service",
        "title": "Falls response: lifting help before you call 999",
        "kind": EntryKind.SCHEME,
        "provider": "community",
        "audience": (CARE, NURSE, MANAGER),
        "format": Format.ON_SITE,
        "areas": ("north", "west"),
        "booking_phone": "0100 210 4999",
        "checked": 34,
        "topics": ["Falls prevention", "Equipment"],
        "summary": (
            "A falls response team that comes out within an hour to check and lift "
            "residents who have fallen without serious injury."
        ),
        "description": (
            "<p>Saves residents a long wait on the floor for an ambulance. Homes "
            "in the scheme are also given a lifting cushion and training to use "
            "it.</p>"
            "<p>Running in the North and West areas.</p>"
        ),
    },
    # Funding
    {
        "slug": "workforce-development-fund",
        "title": "Workforce development fund",
        "kind": EntryKind.FUNDING,
        "provider": "workforce",
        "audience": (MANAGER, OWNER),
        "format": Format.SERVICE,
        "booking_url": "https://www.careworkforceskills.example.org/funding",
        "checked": 20,
        "topics": ["Recruitment and retention", "Leadership"],
        "summary": (
            "Claim back part of the cost of endorsed courses and qualifications "
            "for your staff, from care certificates to leadership diplomas."
        ),
        "description": (
            "<p>Employers can claim a set amount for each qualification a member "
            "of staff completes. Funding is limited each year, so claim early.</p>"
            "<p>The guidance lists which courses count and how to claim.</p>"
        ),
    },
    {
        "slug": "recruitment-and-retention-grants",
        "title": "Recruitment and retention grants for care homes",
        "kind": EntryKind.FUNDING,
        "provider": "cqt",
        "audience": (MANAGER, OWNER),
        "format": Format.SERVICE,
        "booking_email": "care-quality@example.gov.uk",
        "checked": 10,
        "topics": ["Recruitment and retention", "Wellbeing"],
        "summary": (
            "Grants of up to £3,000 for ideas that help homes recruit local people "
            "or keep the staff they have."
        ),
        "description": (
            "<p>Past grants paid for a staff room makeover, driving lessons for "
            "night staff and a mentoring scheme for new carers.</p>"
            "<p>Apply with a short form; decisions are made within six weeks.</p>"
        ),
    },
    {
        "slug": "digital-care-records-funding",
        "title": "Help with the cost of digital care records",
        "kind": EntryKind.FUNDING,
        "provider": "icb",
        "audience": (MANAGER, OWNER),
        "format": Format.SERVICE,
        "booking_email": "digital.carehomes@citypartnership.example.nhs.uk",
        "checked": 390,
        "topics": ["Digital skills"],
        "summary": (
            "Part-funding for homes moving from paper to an approved digital care "
            "records system, including devices and staff training time."
        ),
        "description": (
            "<p>Homes choose a system from the approved list. The fund pays a "
            "share of the first year's costs.</p>"
        ),
    },
    {
        "slug": "activities-and-wellbeing-small-grants",
        "title": "Small grants for activities and wellbeing",
        "kind": EntryKind.FUNDING,
        "provider": "forum",
        "audience": (CARE, MANAGER),
        "format": Format.SERVICE,
        "areas": ("north", "east", "south"),
        "booking_email": "forum@olderpeoplesvoice.example.org",
        "checked": 57,
        "topics": ["Wellbeing", "Dementia care"],
        "summary": (
            "Grants of up to £500 for activities that bring residents and the "
            "local community together, such as gardening or music."
        ),
        "description": (
            "<p>Open to homes in the North, East and South areas, funded by a "
            "community trust. Residents should help plan the activity.</p>"
        ),
    },
    {
        "slug": "dementia-equipment-grants",
        "title": "Equipment grants for dementia care",
        "kind": EntryKind.FUNDING,
        "provider": "cqt",
        "homes": (RES, EMI),
        "audience": (MANAGER, OWNER),
        "format": Format.SERVICE,
        "booking_email": "care-quality@example.gov.uk",
        "checked": 41,
        "topics": ["Equipment", "Dementia care"],
        "summary": (
            "Funding for equipment that helps people with dementia live well, such "
            "as reminiscence kits, signs and sensory items."
        ),
        "description": (
            "<p>For residential and EMI homes. Grants are up to £1,000 and need "
            "a short plan showing how residents will benefit.</p>"
        ),
    },
    {
        "slug": "funded-leadership-diploma-places",
        "title": "Funded places on the Level 5 leadership diploma",
        "kind": EntryKind.FUNDING,
        "provider": "workforce",
        "audience": (MANAGER,),
        "level": Level.ADVANCED,
        "format": Format.BLENDED,
        "duration": "Around 18 months",
        "accreditation": "Level 5 Diploma in Leadership and Management",
        "booking_url": "https://www.careworkforceskills.example.org/level5",
        "checked": 15,
        "topics": ["Leadership"],
        "summary": (
            "Fully funded places for registered managers and deputies working "
            "towards the Level 5 diploma, with study time paid."
        ),
        "description": (
            "<p>The diploma is the recommended qualification for registered "
            "managers. A limited number of places are funded in full each year.</p>"
            "<p>Applicants need a letter of support from their employer.</p>"
        ),
    },
]

# Entry slug -> (rating, role, home type, status, comment), oldest first.
FEEDBACK = {
    "react-to-red-pressure-ulcer-prevention": [
        (
            5,
            CARE,
            NUR,
            APPROVED,
            "Short and to the point. The nurse used our own residents' charts so it made sense straight away.",
        ),
        (
            5,
            NURSE,
            NUR,
            APPROVED,
            "Great that they came to us. We trained both shifts on one day.",
        ),
        (
            4,
            CARE,
            RES,
            APPROVED,
            "Really useful on checking darker skin, which nobody had shown me before.",
        ),
    ],
    "must-nutrition-screening": [
        (
            4,
            NURSE,
            NUR,
            APPROVED,
            "Clear and quick. Would have liked more on residents who can't be weighed.",
        ),
        (
            5,
            CARE,
            RES,
            APPROVED,
            "I finally understand what the score means and who to tell.",
        ),
        (
            3,
            CARE,
            EMI,
            PENDING,
            "Good but my internet kept dropping out. Could the slides be sent before?",
        ),
    ],
    "mental-capacity-act-and-dols-in-practice": [
        (
            5,
            MANAGER,
            RES,
            APPROVED,
            "The best MCA training I have been on. Real examples from homes like ours.",
        ),
        (
            4,
            NURSE,
            NUR,
            APPROVED,
            "Helpful on recording best interests decisions. A bit rushed at the end.",
        ),
        (
            4,
            CARE,
            EMI,
            APPROVED,
            "Made me think about the locked doors on our unit in a different way.",
        ),
        (
            2,
            CARE,
            RES,
            APPROVED,
            "Too much law for me in one morning. I needed more time to take it in.",
        ),
    ],
    "safeguarding-adults-raising-a-concern": [
        (
            5,
            CARE,
            RES,
            APPROVED,
            "Friendly trainers and I now know exactly who to ring at night.",
        ),
        (
            4,
            CARE,
            NUR,
            APPROVED,
            "Good stories and discussion. The room was cold though.",
        ),
    ],
    "medicines-administration-refresher": [
        (
            5,
            NURSE,
            NUR,
            APPROVED,
            "The pharmacist had looked at our MAR charts first, so it was all relevant.",
        ),
        (
            4,
            CARE,
            RES,
            APPROVED,
            "Useful section on PRN protocols. We changed ours the next week.",
        ),
        (
            4,
            MANAGER,
            RES,
            PENDING,
            "Very practical. Can we book a follow-up for night staff?",
        ),
    ],
    "falls-prevention-practical-steps": [
        (4, CARE, RES, APPROVED, "Lots of simple ideas we could try the next day."),
        (
            3,
            NURSE,
            NUR,
            APPROVED,
            "Fine as an introduction but I already knew most of it.",
        ),
    ],
    "moving-and-handling-train-the-trainer": [
        (
            5,
            CARE,
            NUR,
            APPROVED,
            "Hard work but worth it. I now train all our new starters myself.",
        ),
        (
            4,
            NURSE,
            EMI,
            APPROVED,
            "Good mix of theory and practice. Three days is a lot to cover on the rota.",
        ),
    ],
    "moving-and-handling-refresher-in-your-home": [
        (
            5,
            MANAGER,
            RES,
            APPROVED,
            "Trainer was brilliant with our nervous new starters and used our own hoist.",
        ),
        (4, CARE, RES, APPROVED, "Much better than doing it in a classroom."),
        (1, CARE, NUR, REJECTED, "Rubbish, call me on my mobile to discuss my pay."),
    ],
    "end-of-life-care-last-days": [
        (
            5,
            CARE,
            NUR,
            APPROVED,
            "I cried a bit, but I feel so much more confident now. Thank you.",
        ),
        (
            5,
            NURSE,
            NUR,
            APPROVED,
            "Excellent on mouth care and symptom control. Lunch was lovely too.",
        ),
        (
            4,
            CARE,
            RES,
            APPROVED,
            "Helped me talk to families. Would like a follow-up session.",
        ),
    ],
    "respect-forms-what-staff-need-to-know": [
        (
            4,
            NURSE,
            NUR,
            APPROVED,
            "Short enough to do in my lunch break and very clear.",
        ),
        (
            4,
            MANAGER,
            RES,
            APPROVED,
            "We now keep ReSPECT forms at the front of every care file.",
        ),
    ],
    "supporting-people-with-dementia-who-are-distressed": [
        (
            5,
            CARE,
            EMI,
            APPROVED,
            "Changed how I see residents who shout. I look for the reason now.",
        ),
        (
            4,
            NURSE,
            EMI,
            APPROVED,
            "The recording method is simple and the GP liked it.",
        ),
        (
            3,
            CARE,
            RES,
            APPROVED,
            "Good content, but a whole day away from the home is hard for us.",
        ),
    ],
    "new-registered-managers-first-100-days": [
        (
            5,
            MANAGER,
            NUR,
            APPROVED,
            "I would have been lost in my first months without this group.",
        ),
        (
            5,
            MANAGER,
            RES,
            APPROVED,
            "Honest, practical and supportive. I still talk to the others every week.",
        ),
    ],
    "lgbt-inclusive-care-for-older-people": [
        (
            5,
            MANAGER,
            RES,
            APPROVED,
            "Hearing people's own stories was powerful. We have changed our admission form.",
        ),
        (
            4,
            CARE,
            NUR,
            APPROVED,
            "The evening session meant night staff could come, which is rare.",
        ),
        (5, NURSE, EMI, PENDING, "Really good. Every home should do this."),
    ],
    "person-centred-care-planning": [
        (
            4,
            NURSE,
            NUR,
            APPROVED,
            "Bringing our own care plan was a great idea. Ours are half the length now.",
        ),
        (
            2,
            CARE,
            RES,
            APPROVED,
            "Expensive for a small home and some of it felt like common sense.",
        ),
    ],
    "safeguarding-adults-e-learning": [
        (4, CARE, RES, APPROVED, "Easy to do on my phone on the bus home."),
        (
            3,
            CARE,
            EMI,
            APPROVED,
            "OK but a bit basic if you have worked in care for years.",
        ),
        (4, CARE, NUR, PENDING, "Good modules, the quiz at the end was hard!"),
    ],
}

# (entry slug, message, email, resolved)
OUTDATED_REPORTS = [
    (
        "medicines-management-toolkit",
        "The audit tool still refers to the old local medicines formulary, which "
        "was replaced this year.",
        "deputy.manager@example.org",
        False,
    ),
    (
        "digital-skills-getting-started",
        "The Northfield Library session has moved to the community centre on "
        "Park Road.",
        "",
        True,
    ),
]


def course_day(today, weeks):
    """A date about `weeks` weeks from today, moved off the weekend."""
    day = today + datetime.timedelta(weeks=weeks)
    if day.weekday() >= 5:
        day += datetime.timedelta(days=7 - day.weekday())
    return day


def seed_index_page():
    index = DirectoryIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.get()
    index = home.add_child(
        instance=DirectoryIndexPage(show_in_menus=True, **INDEX_PAGE)
    )
    index.save_revision().publish()
    return index


def seed_areas():
    areas = {}
    for sort_order, (name, slug) in enumerate(AREAS, start=1):
        areas[slug], _created = Area.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": sort_order}
        )
    return areas


def seed_providers():
    providers = {}
    for key, details in PROVIDERS.items():
        fields = dict(details)
        providers[key], _created = Provider.objects.get_or_create(
            name=fields.pop("name"), defaults=fields
        )
    return providers


def build_entry(data, providers, areas, position):
    """An unsaved entry page with its topics, areas and dates attached."""
    today = timezone.localdate()
    checked_days = data.get("checked", 30)
    # Spread "first published" over past months so "newest first" is meaningful.
    published_days = checked_days + 7 * (position % 15)
    entry = DirectoryEntryPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        description=data["description"],
        kind=data["kind"],
        provider=providers[data["provider"]],
        level=data.get("level", Level.ANY),
        format=data["format"],
        duration=data.get("duration", ""),
        cost=Cost.PAID if data.get("price") else Cost.FREE,
        price=data.get("price", ""),
        citywide=not data.get("areas"),
        accreditation=data.get("accreditation", ""),
        booking_url=data.get("booking_url", ""),
        booking_phone=data.get("booking_phone", ""),
        booking_email=data.get("booking_email", ""),
        booking_notes=data.get("booking_notes", ""),
        last_checked=today - datetime.timedelta(days=checked_days),
        first_published_at=timezone.now() - datetime.timedelta(days=published_days),
        **{HOME_TYPE_FIELDS[home]: True for home in data.get("homes", ALL_HOMES)},
        **{AUDIENCE_FIELDS[who]: True for who in data["audience"]},
    )
    entry.tags.add(*data["topics"])
    entry.areas = [areas[slug] for slug in data.get("areas", ())]
    entry.dates = [
        EntryDate(date=course_day(today, weeks), note=note)
        for weeks, note in data.get("dates", ())
    ]
    return entry


def seed_entries(index, providers, areas):
    existing = set(
        DirectoryEntryPage.objects.child_of(index).values_list("slug", flat=True)
    )
    for position, data in enumerate(ENTRIES):
        if data["slug"] in existing:
            continue
        entry = index.add_child(instance=build_entry(data, providers, areas, position))
        # A revision makes the entry a normal published page in the admin.
        entry.save_revision().publish()


def seed_feedback():
    now = timezone.now()
    for slug, items in FEEDBACK.items():
        entry = DirectoryEntryPage.objects.filter(slug=slug).first()
        # Skip entries an editor has deleted, and any that already have feedback.
        if entry is None or entry.feedback.exists():
            continue
        for days_ago, (rating, role, home_type, status, comment) in zip(
            range(10 * len(items), 0, -10), items, strict=True
        ):
            feedback = Feedback.objects.create(
                entry=entry,
                rating=rating,
                role=role,
                home_type=home_type,
                status=status,
                comment=comment,
            )
            # created_at is auto_now_add; backdate it so the list looks lived-in.
            Feedback.objects.filter(pk=feedback.pk).update(
                created_at=now - datetime.timedelta(days=days_ago)
            )


def seed_outdated_reports():
    for slug, message, email, resolved in OUTDATED_REPORTS:
        entry = DirectoryEntryPage.objects.filter(slug=slug).first()
        if entry is None:
            continue
        OutdatedReport.objects.get_or_create(
            entry=entry,
            message=message,
            defaults={"email": email, "resolved": resolved},
        )


def seed():
    index = seed_index_page()
    areas = seed_areas()
    providers = seed_providers()
    seed_entries(index, providers, areas)
    seed_feedback()
    seed_outdated_reports()
    # Demo dates are relative to the day of the first seed: move them on.
    refresh_next_dates()
    return index
