"""Factories for the Manager Tracker's records."""

import datetime

import factory

from tests.factories import AreaFactory
from tracker.models import CareHomeManager, ContactNote, Milestone


class CareHomeManagerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Manager {n}")
    email = factory.LazyAttribute(
        lambda manager: f"{manager.name.lower().replace(' ', '.')}@home.example.org"
    )
    role = "registered-manager"
    home_name = factory.Sequence(lambda n: f"Care Home {n}")
    cqc_location_id = factory.Sequence(lambda n: f"1-{100000000 + n}")
    home_type = "residential"
    area = factory.SubFactory(AreaFactory, name="North")
    start_date = datetime.date(2026, 1, 5)
    cqc_registration = "pending"

    class Meta:
        model = CareHomeManager


class MilestoneFactory(factory.django.DjangoModelFactory):
    manager = factory.SubFactory(CareHomeManagerFactory)
    name = factory.Sequence(lambda n: f"Milestone {n}")
    offset_amount = 1
    offset_unit = "weeks"
    due_on = datetime.date(2026, 1, 12)

    class Meta:
        model = Milestone


class ContactNoteFactory(factory.django.DjangoModelFactory):
    manager = factory.SubFactory(CareHomeManagerFactory)
    kind = "call"
    happened_on = datetime.date(2026, 1, 6)
    text = "Talked through the first month."

    class Meta:
        model = ContactNote
