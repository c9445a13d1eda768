"""Factories for the awards: years with categories, nominations and scores."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from awards.choices import NominationStatus, Relationship, Setting
from awards.models import AwardCategory, AwardsIndexPage, AwardsYearPage, Nomination


class AwardsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Quality in Care Awards"
    slug = "awards"
    intro = "<p>Celebrating the people who make care outstanding.</p>"

    class Meta:
        model = AwardsIndexPage


class AwardsYearPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda page: f"Quality in Care Awards {page.year}")
    slug = factory.LazyAttribute(lambda page: str(page.year))
    # Years must stay within the model's range however many pages a session makes.
    year = factory.Sequence(lambda n: 2030 + n % 70)
    intro = "<p>Nominate someone who makes care better.</p>"
    judging = "<p>The panel scores each nomination.</p>"
    nominations_open_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=1)
    )
    nominations_close_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=30)
    )

    class Meta:
        model = AwardsYearPage
        skip_postgeneration_save = True

    @factory.post_generation
    def category_names(self, create, names, **kwargs):
        if not create:
            return
        for number, name in enumerate(names or ["Care worker of the year"]):
            AwardCategory.objects.create(
                page=self,
                sort_order=number,
                name=name,
                description=f"For an outstanding {name.lower()}.",
                eligibility="Anyone working in adult social care in the city.",
                criteria="Kindness and respect\nGoing the extra mile\nImpact",
            )


class NominationFactory(factory.django.DjangoModelFactory):
    reference = factory.Sequence(lambda n: f"QCA-TEST-{n:06d}")
    category = factory.LazyAttribute(lambda n: n.year.categories.first())
    year_number = factory.LazyAttribute(lambda n: n.year.year)
    category_name = factory.LazyAttribute(lambda n: n.category.name)
    nominee_name = factory.Sequence(lambda n: f"Nominee {n}")
    nominee_role = "Senior carer"
    nominee_workplace = "Beech House Care Home"
    setting = Setting.RESIDENTIAL_HOME
    statement = "She always makes time to listen to residents."
    nominator_name = "Pat Nominator"
    nominator_email = factory.Sequence(lambda n: f"nominator{n}@example.com")
    relationship = Relationship.FAMILY
    consent_privacy = True
    nominee_may_be_contacted = True
    status = NominationStatus.RECEIVED

    class Meta:
        model = Nomination
