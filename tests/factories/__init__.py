"""Factories for the portal's pages and users."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import factory
import wagtail_factories

from discovery.models import HomePage
from portal.models import ContentPage


def publish_children(page):
    """Save a page's new tags or areas as an editor's publish does (a plain
    save writes the children after the search index has read the page)."""
    if page.live:
        page.save_revision().publish()
    else:
        page.save()


def add_topics(page, create, names, **kwargs):
    """`topics=[...]` on a page factory: tags the page with those topics."""
    if create and names:
        page.tags.add(*names)
        publish_children(page)


def signed_in_only(page):
    """Restricts the page to signed-in visitors, as an editor's privacy setting does."""
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return page


def password_protected(page, password="x"):
    """Restricts the page to visitors who give its password."""
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )
    return page


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


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Directory"
    slug = "directory"
    show_in_menus = True

    class Meta:
        model = "directory.DirectoryIndexPage"


class ProviderFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Provider {n}")
    website = "https://provider.example.org/"

    class Meta:
        model = "directory.Provider"
        django_get_or_create = ("name",)


class AreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Area {n}")

    class Meta:
        model = "directory.Area"
        django_get_or_create = ("name",)


class FeedbackFactory(factory.django.DjangoModelFactory):
    """A visitor's rating of a directory entry, waiting for moderation."""

    rating = 4
    comment = "Useful"
    role = "nurse"
    home_type = "nursing"

    class Meta:
        model = "directory.Feedback"


class DirectoryEntryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Training offer {n}")
    summary = "A short course for care home staff."
    description = "<p>What the course covers and who it is for.</p>"
    kind = "training"
    format = "classroom"
    cost = "free"
    suits_residential = True
    suits_nursing = True
    suits_emi = True
    for_care_workers = True

    class Meta:
        model = "directory.DirectoryEntryPage"
        skip_postgeneration_save = True

    topics = factory.PostGeneration(add_topics)

    @factory.post_generation
    def area_names(self, create, names, **kwargs):
        if create and names:
            self.areas.set([AreaFactory(name=name) for name in names])
            publish_children(self)


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Best-practice guides"
    slug = "guides"

    class Meta:
        model = "guides.GuideIndexPage"


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = "Practical guidance for care homes."
    body = factory.LazyFunction(
        lambda: [
            {"type": "paragraph", "value": "<p>What good practice looks like.</p>"}
        ]
    )
    review_due = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=200)
    )

    class Meta:
        model = "guides.GuidePage"
        skip_postgeneration_save = True

    topics = factory.PostGeneration(add_topics)
