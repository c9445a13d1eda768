"""Demo content for What's new: the news index and a dozen news items.

Written as the Care Quality Team would write them. Dates are relative to the day
the item is created (news from the last two months); four items ask homes to act,
three of them by a deadline. Idempotent: the index and each item are looked up by
slug, and existing pages are left alone.
"""

import datetime

from django.utils import timezone

from directory.choices import COMMON_TOPICS
from discovery.models import HomePage
from news.models import NewsIndexPage, NewsPage
from portal.choices import HOME_TYPE_FIELDS, HomeType, NewsAudience

RES, NUR, EMI = HomeType.RESIDENTIAL, HomeType.NURSING, HomeType.EMI
ALL_HOMES = (RES, NUR, EMI)

INDEX_PAGE = {
    "title": "What's new",
    "slug": "news",
    "intro": (
        "<p>News and updates from the Care Quality Team and our partners: schemes, "
        "pilots, changes to guidance, and anything your home needs to act on.</p>"
    ),
    "search_description": "News and updates for care homes, and what to act on.",
}


def paragraphs(*texts):
    return [{"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}]


NEWS = [
    {
        "slug": "red-bag-scheme-reaches-more-homes",
        "title": "Red bag hospital transfer scheme now in 64 homes",
        "summary": (
            "Another 22 homes joined the red bag scheme this quarter, so most "
            "residents who go into hospital now take their paperwork, medicines "
            "and belongings with them in one bag."
        ),
        "days_ago": 2,
        "topics": ["Care planning", "Medication management"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.ALL_STAFF,
        "body": paragraphs(
            "The red bag travels with a resident to hospital and back. It holds "
            "the transfer form, the medicines administration record, current "
            "medicines, glasses, hearing aids, dentures and a change of clothes.",
            "Ward staff tell us they can see at a glance who has come from a care "
            "home and what they need. Homes in the scheme report fewer lost "
            "hearing aids and quicker discharges.",
            "If your home is not in the scheme yet, the Care Quality Team can bring "
            "bags and a short briefing for your staff. Our guide to the scheme "
            "explains how it works day to day.",
        ),
    },
    {
        "slug": "new-safeguarding-thresholds",
        "title": "New safeguarding thresholds start next month",
        "summary": (
            "The council's adult safeguarding thresholds have been rewritten. "
            "Managers need to read them and brief staff before they come in."
        ),
        "days_ago": 5,
        "topics": ["Safeguarding", "Mental Capacity Act and DoLS"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.MANAGERS,
        "action": "Read the new thresholds and brief every member of staff",
        "deadline_in_days": 26,
        "body": paragraphs(
            "The thresholds say which concerns a home should deal with itself, "
            "which it should log and review, and which it must report to the "
            "council's safeguarding team the same day.",
            "The main changes are about medication errors, unexplained bruising "
            "and falls between residents. Some incidents that used to be reported "
            "every time can now be logged and reviewed monthly, if no harm was "
            "caused and the home has acted.",
            "We are running two online briefings for managers. Book through the "
            "events page.",
        ),
    },
    {
        "slug": "telemedicine-pilot-expands",
        "title": "Telemedicine pilot expands to all nursing homes",
        "summary": (
            "After a year in twelve homes, video consultations with the community "
            "nursing team are open to every nursing home in the city."
        ),
        "days_ago": 9,
        "topics": ["Digital skills", "Care planning"],
        "homes": (NUR,),
        "audience": NewsAudience.NURSES,
        "body": paragraphs(
            "Nurses in the pilot homes held 1,400 video consultations last year. "
            "Two in three of those would otherwise have meant a GP visit or a "
            "call to 111.",
            "Each nursing home can have a tablet with the consultation app, a "
            "digital thermometer and a pulse oximeter. The community team trains "
            "your nurses on site in one morning.",
        ),
    },
    {
        "slug": "register-for-the-falls-audit",
        "title": "Register for the winter falls audit",
        "summary": (
            "Homes taking part in the winter falls audit get a free review of "
            "their falls records and an action plan from a falls specialist."
        ),
        "days_ago": 12,
        "topics": ["Falls prevention", "Moving and handling"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.MANAGERS,
        "action": "Register your home for the audit",
        "deadline_in_days": 10,
        "body": paragraphs(
            "The audit looks at three months of falls records: when and where "
            "falls happened, what was done afterwards and whether care plans "
            "changed.",
            "A falls specialist visits for half a day, walks the home with you "
            "and leaves a short action plan. There is no cost to the home.",
        ),
    },
    {
        "slug": "pressure-ulcer-reporting-changes",
        "title": "Pressure ulcers: one reporting form from this month",
        "summary": (
            "Category 2 and above pressure ulcers are now reported on one shared "
            "form, instead of separate forms for the council and the NHS."
        ),
        "days_ago": 16,
        "topics": ["Pressure area care", "Safeguarding"],
        "homes": (NUR, EMI, RES),
        "audience": NewsAudience.NURSES,
        "action": "Start using the new form for every category 2 or higher ulcer",
        "body": paragraphs(
            "The shared form goes to the tissue viability team and, when needed, "
            "the safeguarding team. You no longer fill in both.",
            "Keep photographs in the resident's record as before. The form asks "
            "for the date the ulcer was found and the care already in place.",
        ),
    },
    {
        "slug": "dementia-friendly-garden-grants",
        "title": "Small grants for dementia-friendly gardens",
        "summary": (
            "Homes can apply for up to £2,000 to make outdoor space safer and "
            "more inviting for residents living with dementia."
        ),
        "days_ago": 21,
        "topics": ["Dementia care", "Wellbeing"],
        "homes": (EMI, RES),
        "audience": NewsAudience.OWNERS,
        "action": "Apply for a grant",
        "deadline_in_days": 40,
        "body": paragraphs(
            "Grants can pay for looped paths, raised beds, handrails, shade and "
            "seating. The application is two pages and we can help you with it.",
            "Last year eleven homes used the grant. Staff said residents spent "
            "more time outside and were calmer in the afternoons.",
        ),
    },
    {
        "slug": "flu-and-covid-vaccination-clinics",
        "title": "Flu and COVID-19 vaccination visits booked for all homes",
        "summary": (
            "The vaccination team has given every home a date for this autumn's "
            "visit. Staff can be vaccinated on the same day."
        ),
        "days_ago": 25,
        "topics": ["Infection prevention"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.ALL_STAFF,
        "body": paragraphs(
            "Your home's date has been emailed to the registered manager. Please "
            "have consent forms ready for residents who lack capacity, signed by "
            "the right person.",
            "Staff who miss the visit can book at any community pharmacy.",
        ),
    },
    {
        "slug": "medicines-optimisation-pharmacists",
        "title": "Care home pharmacists now cover every area",
        "summary": (
            "Each care home now has a named pharmacist who reviews residents' "
            "medicines at least once a year and answers questions by phone."
        ),
        "days_ago": 31,
        "topics": ["Medication management"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.ALL_STAFF,
        "body": paragraphs(
            "The pharmacists work with GPs to stop medicines that are no longer "
            "needed and to make rounds simpler. Their contact details are on the "
            "medicines page of the directory.",
        ),
    },
    {
        "slug": "leadership-academy-cohort-opens",
        "title": "New Leadership Academy cohort opens for applications",
        "summary": (
            "Deputy managers and senior carers can apply for the next cohort of "
            "the Leadership Academy, which starts in the new year."
        ),
        "days_ago": 38,
        "topics": ["Leadership", "Recruitment and retention"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.MANAGERS,
        "body": paragraphs(
            "The academy runs for six months: monthly workshops, a mentor and a "
            "project in your own home. It is free for homes in the city.",
        ),
    },
    {
        "slug": "end-of-life-care-network",
        "title": "End of life care network meets quarterly from now on",
        "summary": (
            "The end of life care network will meet every three months, online "
            "and in person, so more staff can come along."
        ),
        "days_ago": 44,
        "topics": ["End of life care", "Care planning"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.NURSES,
        "body": paragraphs(
            "Meetings share what went well and what was hard, with a short talk "
            "from the hospice team each time.",
        ),
    },
    {
        "slug": "hydration-week",
        "title": "Hydration week: ideas from homes across the city",
        "summary": (
            "Tea trolleys, jelly drops and flavoured water stations: what homes "
            "did in hydration week, and what made a difference."
        ),
        "days_ago": 50,
        "topics": ["Nutrition and hydration", "Dementia care"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.ALL_STAFF,
        "body": paragraphs(
            "Homes that offered drinks every hour, rather than at set rounds, "
            "saw fewer urine infections over the following month.",
        ),
    },
    {
        "slug": "oral-health-champions",
        "title": "Oral health champions: training dates announced",
        "summary": (
            "Each home can send one member of staff to become its oral health "
            "champion. Training is free and takes one day."
        ),
        "days_ago": 57,
        "topics": ["Oral health"],
        "homes": ALL_HOMES,
        "audience": NewsAudience.ALL_STAFF,
        "body": paragraphs(
            "Champions learn how to check mouths, clean dentures and spot "
            "problems early, then show colleagues how.",
        ),
    },
]


def seed_index_page(home):
    index = NewsIndexPage.objects.child_of(home).filter(slug=INDEX_PAGE["slug"]).first()
    if index is None:
        index = home.add_child(instance=NewsIndexPage(show_in_menus=True, **INDEX_PAGE))
        index.save_revision().publish()
    return index


def seed_item(index, item, today):
    unknown = set(item["topics"]) - set(COMMON_TOPICS)
    if unknown:
        raise ValueError(f"{item['slug']}: not a common topic: {sorted(unknown)}")
    deadline_in_days = item.get("deadline_in_days")
    page = NewsPage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        date=today - datetime.timedelta(days=item["days_ago"]),
        body=item["body"],
        audience=item["audience"],
        action_required=bool(item.get("action")),
        action=item.get("action", ""),
        deadline=(
            today + datetime.timedelta(days=deadline_in_days)
            if deadline_in_days
            else None
        ),
        **{field: home in item["homes"] for home, field in HOME_TYPE_FIELDS.items()},
    )
    page.tags.add(*item["topics"])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed():
    home = HomePage.objects.get()
    index = seed_index_page(home)
    existing = set(NewsPage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    # Oldest first, so first publication times follow the news dates.
    for item in sorted(NEWS, key=lambda item: -item["days_ago"]):
        if item["slug"] not in existing:
            seed_item(index, item, today)
    return index
