"""Factories for news pages."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "What's new"
    slug = "news"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    summary = "A short summary of the update."
    date = factory.LazyFunction(datetime.date.today)
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>What has changed and why.</p>"}]
    )
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda page: page.first_published_at)

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, names, **kwargs):
        if create and names:
            self.tags.add(*names)
            self.save()
