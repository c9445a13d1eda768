"""Demo content for the Leadership Academy and asking the team for support.

Builds the academy page (modules, two cohorts, testimonials), the support request
page, a few applications and a few support requests at different stages, and
grants the team's groups their permissions on them. Idempotent: pages are looked
up by slug, sample records by reference, and nothing existing is changed.
Cohort dates are relative to the day the demo is loaded.
"""

import datetime

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from academy.models import (
    AcademyApplication,
    AcademyCohort,
    AcademyModule,
    AcademyPage,
    AcademyTestimonial,
    ApplicationStatus,
    CohortStatus,
)
from discovery.models import HomePage
from portal.team_roles import ensure_team_permissions
from support.models import SupportRequest, SupportRequestPage, SupportRequestStatus


def rich(*paragraphs, bullets=()):
    html = "".join(f"<p>{text}</p>" for text in paragraphs)
    if bullets:
        html += "<ul>" + "".join(f"<li>{item}</li>" for item in bullets) + "</ul>"
    return html


ACADEMY = {
    "title": "Leadership Academy",
    "slug": "leadership-academy",
    "summary": "A practical programme for registered managers of older people's "
    "care homes: learn by doing, alongside other managers, with coaching and "
    "mentoring from people who have done the job.",
    "who_its_for": rich(
        "The academy is for registered managers and deputy managers of residential, "
        "nursing and EMI homes in the city. You do not need any qualifications to "
        "join, and it is free.",
        "If you are new to managing a home, or about to start, you are especially "
        "welcome. New managers also get extra support from the Care Quality Team in "
        "their first months: a named contact, a visit in the first month, and help "
        "to prepare for their first inspection.",
    ),
    "how_it_works": rich(
        "Most of the learning happens in your own home. Each module gives you a "
        "small change to try with your team, and you bring back what happened.",
        bullets=(
            "<b>Learning by doing</b>: a short piece of work in your home after each "
            "session, such as running a staff listening session",
            "<b>Action learning sets</b>: a small group of managers who meet every "
            "month to help each other with a real problem",
            "<b>Coaching</b>: three one-to-one sessions with a trained coach",
            "<b>Mentoring</b>: an experienced registered manager you can call on "
            "for the length of the programme",
            "<b>The Registered Managers Network</b>: you stay in touch with other "
            "managers after the programme ends",
        ),
    ),
    "network_intro": rich(
        "The Registered Managers Network brings managers from across the city "
        "together every month to share what is working, hear about changes from "
        "CQC and the council, and support each other. Anyone who manages a care "
        "home in the city can come; you do not need to join the academy first."
    ),
}

MODULES = [
    (
        "Leading yourself: resilience",
        "Managing a care home is demanding. This module looks at how you look after "
        "your own wellbeing so you can keep leading well on hard days.",
        "Spot the early signs of stress in yourself\n"
        "Plan your week so the important work gets done\n"
        "Use supervision and peer support for yourself, not only your staff",
    ),
    (
        "Creating the right culture",
        "What it feels like to live and work in your home comes from what you do and "
        "allow every day. We look at how to shape a caring, open culture.",
        "Describe the culture you want in plain words\n"
        "Notice and challenge closed or task-focused practice\n"
        "Make it safe for staff to raise concerns",
    ),
    (
        "Engaging and keeping your staff",
        "Good staff stay where they feel valued and listened to. This module covers "
        "recruitment, induction, supervision and recognition.",
        "Run a staff listening session and act on what you hear\n"
        "Improve your induction for new starters\n"
        "Use supervision to develop people, not only to check on them",
    ),
    (
        "Leading change",
        "From a new care planning system to a new way of doing mealtimes: how to "
        "make a change stick.",
        "Plan a change with your team rather than for them\n"
        "Test a small change before rolling it out\n"
        "Keep a change going when you are not in the building",
    ),
    (
        "Quality and the CQC inspection",
        "Using the CQC's quality statements as a day-to-day tool, not something to "
        "worry about once every few years.",
        "Check your home against the quality statements\n"
        "Use audits that lead to real improvements\n"
        "Talk confidently with inspectors about your home",
    ),
]

TESTIMONIALS = [
    (
        "I had been a manager for three months and felt I was sinking. The action "
        "learning set showed me everyone else had the same problems, and we solved "
        "a lot of them together.",
        "Registered manager",
        "residential home, east of the city",
    ),
    (
        "The staff listening session was the most useful hour I spent last year. "
        "Two of my night staff said things they had never said before, and we "
        "changed the handover because of it.",
        "Deputy manager",
        "nursing home",
    ),
    (
        "My mentor had been through two inspections of her own. Being able to ring "
        "her before ours made all the difference.",
        "Registered manager",
        "EMI home",
    ),
]

SUPPORT_PAGE = {
    "title": "Ask the Care Quality Team for support",
    "slug": "ask-for-support",
    "summary": "Care homes can ask us for help directly. Tell us what is going on "
    "and we will get in touch to agree what support would help.",
    "body": rich(
        "You do not need to wait to be referred. Ask us for help if, for example:",
        bullets=(
            "a new manager is starting, or you are recruiting one",
            "you are expecting a CQC inspection",
            "you want to improve your CQC rating",
            "your staff need training you cannot find",
        ),
    )
    + rich(
        "Support can be anything from a checklist to work through on your own, to "
        "weekly visits for three months followed by reviews at 3, 6, 9 and 12 "
        "months. It is free for care homes in the city.",
        "If someone is at risk of harm, do not use this form. Call the adult "
        "safeguarding team on 0113 496 0000.",
    ),
    "what_happens_next": rich(
        "Someone from the Care Quality Team will contact you, usually within 2 "
        "working days, or the next working day if you told us it is urgent. We will "
        "talk through what is happening and agree the support that would help."
    ),
}

APPLICATIONS = [
    # reference, cohort index, name, email, home, role, time in post, hopes, status
    (
        "LA-DEMO01",
        0,
        "Priya Shah",
        "priya.shah@willowcourt.example",
        "Willow Court",
        "Registered manager",
        "under-6-months",
        "I started in the summer and want to build a team that stays.",
        ApplicationStatus.RECEIVED,
    ),
    (
        "LA-DEMO02",
        0,
        "Tom Okafor",
        "t.okafor@beechlodge.example",
        "Beech Lodge Nursing Home",
        "Deputy manager",
        "6-months-to-2-years",
        "I am preparing to step up to registered manager next year.",
        ApplicationStatus.ACCEPTED,
    ),
    (
        "LA-DEMO03",
        1,
        "Helen Marsh",
        "helen.marsh@oakfield.example",
        "Oakfield House",
        "Registered manager",
        "2-to-5-years",
        "Help leading the move to digital care records without losing staff.",
        ApplicationStatus.WAITING_LIST,
    ),
]

SUPPORT_REQUESTS = [
    # reference, home, CQC ID, type, contact, need, urgency, description, status
    (
        "CQT-DEMO01",
        "Willow Court",
        "1-123456789",
        "residential",
        "Priya Shah",
        "new-manager",
        "soon",
        "I started as registered manager in July. I would like help checking our "
        "policies and supervision records before our first inspection with me.",
        SupportRequestStatus.NEW,
    ),
    (
        "CQT-DEMO02",
        "Beech Lodge Nursing Home",
        "1-2345678901",
        "nursing",
        "Tom Okafor",
        "inspection",
        "urgent",
        "CQC told us they will inspect in the next few weeks. Our last rating for "
        "Safe was requires improvement, mainly medicines records.",
        SupportRequestStatus.TRIAGED,
    ),
    (
        "CQT-DEMO03",
        "Oakfield House",
        "1-987654321",
        "emi",
        "Helen Marsh",
        "improve-rating",
        "routine",
        "We are rated requires improvement for Well-led and want a plan to get to "
        "good within a year.",
        SupportRequestStatus.IN_PROGRESS,
    ),
    (
        "CQT-DEMO04",
        "The Limes",
        "1-555666777",
        "residential",
        "Grace Adeyemi",
        "training",
        "routine",
        "Our night staff need dementia awareness training that fits their shifts.",
        SupportRequestStatus.CLOSED,
    ),
]


def seed_academy_page(home, today):
    page = AcademyPage.objects.child_of(home).filter(slug=ACADEMY["slug"]).first()
    if page is not None:
        return page
    page = AcademyPage(show_in_menus=True, **ACADEMY)
    for title, summary, outcomes in MODULES:
        page.modules.add(AcademyModule(title=title, summary=summary, outcomes=outcomes))
    page.cohorts.add(
        AcademyCohort(
            name=f"Spring {(today + datetime.timedelta(days=90)).year}",
            starts_on=today + datetime.timedelta(days=90),
            format="mixed",
            places=12,
            status=CohortStatus.OPEN,
            details="Six monthly sessions at the Civic Centre, with action "
            "learning sets online in between.",
        )
    )
    page.cohorts.add(
        AcademyCohort(
            name=f"Autumn {(today - datetime.timedelta(days=30)).year}",
            starts_on=today - datetime.timedelta(days=30),
            format="in-person",
            places=10,
            status=CohortStatus.FULL,
            details="Started recently: six monthly sessions at the Civic Centre.",
        )
    )
    for quote, role, where in TESTIMONIALS:
        page.testimonials.add(AcademyTestimonial(quote=quote, name=role, role=where))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_support_page(home):
    page = (
        SupportRequestPage.objects.child_of(home)
        .filter(slug=SUPPORT_PAGE["slug"])
        .first()
    )
    if page is None:
        page = SupportRequestPage(show_in_menus=True, **SUPPORT_PAGE)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def seed_applications(academy):
    cohorts = list(AcademyCohort.objects.filter(page=academy).order_by("sort_order"))
    if not cohorts:
        return
    existing = set(AcademyApplication.objects.values_list("reference", flat=True))
    now = timezone.now()
    for days, row in enumerate(APPLICATIONS, start=1):
        reference, index, name, email, home, role, time, hopes, status = row
        if reference in existing:
            continue
        cohort = cohorts[min(index, len(cohorts) - 1)]
        AcademyApplication.objects.create(
            reference=reference,
            cohort=cohort,
            cohort_name=cohort.name,
            name=name,
            email=email,
            care_home=home,
            role=role,
            time_in_post=time,
            hopes=hopes,
            consent=True,
            status=status,
            created_at=now - datetime.timedelta(days=days * 3),
        )


def seed_support_requests():
    existing = set(SupportRequest.objects.values_list("reference", flat=True))
    assignee = get_user_model().objects.filter(username="moderator").first()
    now = timezone.now()
    for days, row in enumerate(SUPPORT_REQUESTS, start=1):
        reference, home, cqc_id, home_type, contact, need, urgency, text, status = row
        if reference in existing:
            continue
        SupportRequest.objects.create(
            reference=reference,
            home_name=home,
            cqc_location_id=cqc_id,
            home_type=home_type,
            contact_name=contact,
            email=f"manager@{home.lower().replace(' ', '')}.example",
            need=need,
            urgency=urgency,
            description=text,
            consent=True,
            status=status,
            assignee=assignee if status != SupportRequestStatus.NEW else None,
            internal_notes=""
            if status == SupportRequestStatus.NEW
            else "Called the manager and agreed a first visit.",
            created_at=now - datetime.timedelta(days=days * 4),
        )


def seed():
    ensure_team_permissions(django_apps)
    home = HomePage.objects.get()
    today = timezone.localdate()
    academy = seed_academy_page(home, today)
    support = seed_support_page(home)
    seed_applications(academy)
    seed_support_requests()
    return academy, support
