"""Demo content for the Leadership Academy and asking the team for support.

Builds the academy page (modules, cohorts, testimonials), the support request
page, a few applications and a few support requests at different stages, from
demo/content/academy.yaml and support.yaml, and grants the team's groups their
permissions on them. Idempotent: pages are looked up by slug, sample records by
reference, and nothing existing is changed. Cohort dates are relative to the day
the demo is loaded.
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
    CohortFormat,
    CohortStatus,
    TimeInPost,
)
from demo.loader import load, template
from demo.pages import publish_child, section_page
from discovery.models import HomePage
from portal.choices import HomeType
from portal.team_roles import ensure_team_permissions
from support.models import (
    SupportNeed,
    SupportRequest,
    SupportRequestPage,
    SupportRequestStatus,
    Urgency,
)


def read_content():
    academy = load("academy.yaml")
    support = load("support.yaml")
    page = academy.record("academy_page")
    cohorts = academy.records("cohorts")
    support_page = support.record("support_page")
    content = {
        "academy_page": {
            "title": page.text("title"),
            "slug": page.text("slug"),
            "summary": page.text("summary"),
            "who_its_for": page.rich_text("who_its_for"),
            "how_it_works": page.rich_text("how_it_works"),
            "network_intro": page.rich_text("network_intro"),
        },
        "modules": [
            {
                "title": module.text("title"),
                "summary": module.text("summary"),
                "outcomes": "\n".join(module.texts("outcomes")),
            }
            for module in academy.records("modules")
        ],
        "cohorts": [
            {
                "name": cohort.text("name"),
                "starts_in_days": cohort.days_from_today("starts"),
                "format": cohort.choice("format", CohortFormat),
                "places": cohort.number("places"),
                "status": cohort.choice("status", CohortStatus),
                "details": cohort.text("details"),
            }
            for cohort in cohorts
        ],
        "testimonials": [
            {
                "quote": testimonial.text("quote"),
                "name": testimonial.text("name"),
                "role": testimonial.text("role"),
            }
            for testimonial in academy.records("testimonials")
        ],
        "applications": [
            {
                "reference": application.text("reference"),
                # Counted from 1 in the content, in the order cohorts are listed.
                "cohort": application.choice("cohort", range(1, len(cohorts) + 1)) - 1,
                "name": application.text("name"),
                "email": application.text("email"),
                "care_home": application.text("care_home"),
                "role": application.text("role"),
                "time_in_post": application.choice("time_in_post", TimeInPost),
                "hopes": application.text("hopes"),
                "status": application.choice("status", ApplicationStatus),
                "days_ago": -application.days_from_today("received"),
            }
            for application in academy.records("applications", unique="reference")
        ],
        "support_page": {
            "title": support_page.text("title"),
            "slug": support_page.text("slug"),
            "summary": support_page.text("summary"),
            "body": support_page.rich_text("body"),
            "what_happens_next": support_page.rich_text("what_happens_next"),
        },
        "support_requests": [
            {
                "reference": request.text("reference"),
                "home_name": request.text("home_name"),
                "cqc_location_id": request.text("cqc_location_id"),
                "home_type": request.choice("home_type", HomeType),
                "contact_name": request.text("contact_name"),
                "email": request.text("email"),
                "need": request.choice("need", SupportNeed),
                "urgency": request.choice("urgency", Urgency),
                "description": request.text("description"),
                "status": request.choice("status", SupportRequestStatus),
                "assignee": request.text("assignee", None),
                "internal_notes": request.text("internal_notes", ""),
                "days_ago": -request.days_from_today("received"),
            }
            for request in support.records("requests", unique="reference")
        ],
    }
    academy.done()
    support.done()
    return content


def seed_academy_page(home, today, content):
    spec = content["academy_page"]
    page = AcademyPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    page = AcademyPage(show_in_menus=True, **spec)
    for module in content["modules"]:
        page.modules.add(AcademyModule(**module))
    for cohort in content["cohorts"]:
        starts_on = today + datetime.timedelta(days=cohort["starts_in_days"])
        page.cohorts.add(
            AcademyCohort(
                name=template(cohort["name"], year=starts_on.year),
                starts_on=starts_on,
                format=cohort["format"],
                places=cohort["places"],
                status=cohort["status"],
                details=cohort["details"],
            )
        )
    for testimonial in content["testimonials"]:
        page.testimonials.add(AcademyTestimonial(**testimonial))
    return publish_child(home, page)


def seed_applications(academy, content):
    cohorts = list(AcademyCohort.objects.filter(page=academy).order_by("sort_order"))
    if not cohorts:
        return
    existing = set(AcademyApplication.objects.values_list("reference", flat=True))
    now = timezone.now()
    for application in content["applications"]:
        if application["reference"] in existing:
            continue
        fields = dict(application)
        cohort = cohorts[min(fields.pop("cohort"), len(cohorts) - 1)]
        days_ago = fields.pop("days_ago")
        AcademyApplication.objects.create(
            cohort=cohort,
            cohort_name=cohort.name,
            consent=True,
            created_at=now - datetime.timedelta(days=days_ago),
            **fields,
        )


def seed_support_requests(content):
    existing = set(SupportRequest.objects.values_list("reference", flat=True))
    usernames = {request["assignee"] for request in content["support_requests"]}
    assignees = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=usernames - {None})
    }
    now = timezone.now()
    for request in content["support_requests"]:
        if request["reference"] in existing:
            continue
        fields = dict(request)
        days_ago = fields.pop("days_ago")
        SupportRequest.objects.create(
            consent=True,
            created_at=now - datetime.timedelta(days=days_ago),
            **{**fields, "assignee": assignees.get(fields["assignee"])},
        )


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    content = content or read_content()
    ensure_team_permissions(django_apps)
    home = HomePage.objects.get()
    today = timezone.localdate()
    academy = seed_academy_page(home, today, content)
    support = section_page(home, SupportRequestPage, content["support_page"])
    seed_applications(academy, content)
    seed_support_requests(content)
    return academy, support
