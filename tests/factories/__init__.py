"""Factories for the portal's pages and users."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory
import wagtail_factories

from portal.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Care Quality Portal"
    intro = "<p>Training, guidance and support for care homes.</p>"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Information page {n}")
    summary = "A short summary of this page."
    body = factory.LazyFunction(
        lambda: [
            {"type": "paragraph", "value": "<p>Plain information for care homes.</p>"}
        ]
    )

    class Meta:
        model = ContentPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.gov.uk")
    first_name = "Sam"
    last_name = "Tester"
    password = factory.django.Password("correct-horse-battery")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))
