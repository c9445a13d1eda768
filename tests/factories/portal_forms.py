"""Factories for the Leadership Academy and support requests."""

import datetime

import factory
import wagtail_factories

from academy.models import AcademyApplication, AcademyCohort, AcademyModule, AcademyPage
from support.models import SupportRequest, SupportRequestPage


class AcademyPageFactory(wagtail_factories.PageFactory):
    title = "Leadership Academy"
    slug = "leadership-academy"
    summary = "A programme for registered managers."
    who_its_for = "<p>Registered managers and deputies.</p>"
    how_it_works = "<p>Learning by doing, with action learning sets.</p>"
    network_intro = "<p>The Registered Managers Network meets every month.</p>"

    class Meta:
        model = AcademyPage


class AcademyModuleFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(AcademyPageFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."
    outcomes = "Lead a team meeting\nPlan a change"

    class Meta:
        model = AcademyModule


class AcademyCohortFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(AcademyPageFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    starts_on = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=60)
    )
    format = "mixed"
    places = 10
    status = "open"

    class Meta:
        model = AcademyCohort


class AcademyApplicationFactory(factory.django.DjangoModelFactory):
    reference = factory.Sequence(lambda n: f"LA-T{n:05d}")
    cohort = factory.SubFactory(AcademyCohortFactory)
    cohort_name = factory.LazyAttribute(lambda application: application.cohort.name)
    name = "Alex Manager"
    email = "alex.manager@home.example"
    care_home = "Willow Court"
    role = "Registered manager"
    time_in_post = "under-6-months"
    hopes = "A stronger team."
    consent = True

    class Meta:
        model = AcademyApplication


class SupportRequestPageFactory(wagtail_factories.PageFactory):
    title = "Ask the Care Quality Team for support"
    slug = "ask-for-support"
    summary = "Ask us for help."
    body = "<p>We can help with inspections and new managers.</p>"

    class Meta:
        model = SupportRequestPage


class SupportRequestFactory(factory.django.DjangoModelFactory):
    reference = factory.Sequence(lambda n: f"CQT-T{n:05d}")
    home_name = "Beech Lodge"
    cqc_location_id = "1-123456789"
    home_type = "nursing"
    contact_name = "Sam Contact"
    email = "sam.contact@beech.example"
    need = "inspection"
    urgency = "soon"
    description = "We expect an inspection soon."
    consent = True

    class Meta:
        model = SupportRequest
