"""News services: what is published, filtering, and the index's filter form.

`news_published_since()` is the entry point for alerts and digests: it applies the
same allow-listed filters as the /news/ page and its feeds.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q

from taggit.models import Tag

from news.models import NewsPage, NewsTag
from portal.choices import NewsAudience
from portal.forms_utils import checkbox_filter, home_type_filter, topic_filter
from portal.listings import on_topics_for_home_types

ACTION_REQUIRED = "yes"
# Not a valid slug, so no tag can have it.
NO_SUCH_TOPIC = "no such topic"


class NewsFilterForm(forms.Form):
    """The news filters, each checked against an allow-list (unknown values dropped)."""

    topic = topic_filter()
    home_type = home_type_filter()
    audience = checkbox_filter(
        "Written for",
        [choice for choice in NewsAudience.choices if choice[0] != "all-staff"],
        help_text="Items for all staff are always included.",
    )
    action_required = checkbox_filter(
        "Action", [(ACTION_REQUIRED, "Only items where homes must act")]
    )

    FILTERS = ["topic", "home_type", "audience", "action_required"]

    def __init__(self, *args, topic_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topic_choices is None:
            getlist = getattr(self.data, "getlist", None)
            topic_choices = news_topic_choices(getlist("topic") if getlist else [])
        self.fields["topic"].choices = topic_choices

    @property
    def asks_for_unknown_topic(self):
        """Only topics that do not exist were asked for: nothing can match."""
        data = self.cleaned_data if self.is_valid() else {}
        return not data.get("topic") and bool(
            getattr(self.fields["topic"], "ignored_values", [])
        )

    @property
    def is_filtered(self):
        return bool(self.params()) or self.asks_for_unknown_topic

    def filters(self):
        """The cleaned filters as keyword arguments for `filter_news()`."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "topics": [NO_SUCH_TOPIC]
            if self.asks_for_unknown_topic
            else data.get("topic", []),
            "home_types": data.get("home_type", []),
            "audiences": data.get("audience", []),
            "action_required": ACTION_REQUIRED in data.get("action_required", []),
        }

    def params(self):
        """The cleaned filters as (name, value) pairs for URLs, in a stable order."""
        data = self.cleaned_data if self.is_valid() else {}
        return [(name, value) for name in self.FILTERS for value in data.get(name, [])]

    def querystring(self):
        return urlencode(self.params())

    def description(self):
        """The filters in words, e.g. 'Dementia care; nursing homes; action required'."""
        data = self.cleaned_data if self.is_valid() else {}
        labels = {name: dict(self.fields[name].choices) for name in self.FILTERS}
        parts = ["a topic that does not exist"] if self.asks_for_unknown_topic else []
        if data.get("topic"):
            parts.append(", ".join(labels["topic"][slug] for slug in data["topic"]))
        if data.get("home_type"):
            parts.append(
                " or ".join(
                    f"{labels['home_type'][value].split(' (')[0].lower()} homes"
                    for value in data["home_type"]
                )
            )
        if data.get("audience"):
            parts.append(
                "for "
                + " or ".join(
                    labels["audience"][value].lower() for value in data["audience"]
                )
            )
        if data.get("action_required"):
            parts.append("action required")
        return "; ".join(parts)


def news_topic_choices(selected=()):
    """Topics used by any news item, plus any existing topics asked for by slug.

    Asked-for topics are kept even with no news yet, so a link or subscription to
    a quiet topic shows nothing rather than every item.
    """
    tags = Tag.objects.filter(
        Q(news_newstag_items__isnull=False) | Q(slug__in=list(selected))
    ).distinct()
    return [(tag.slug, tag.name) for tag in tags.order_by("name")]


def published_news(request=None):
    """Live news items anyone may see (no drafts, no private pages), newest first.

    With the request, page view restrictions are read once for the whole page.
    """
    from portal.visibility import public

    return public(NewsPage.objects.live(), request).order_by(
        "-date", "-first_published_at", "-pk"
    )


def filter_news(news, topics=(), home_types=(), audiences=(), action_required=False):
    """News on any of `topics`, for any of `home_types` and `audiences`.

    Filtering by an audience keeps items written for all staff.
    """
    news = on_topics_for_home_types(news, NewsTag, topics, home_types)
    if audiences:
        news = news.filter(audience__in=[NewsAudience.ALL_STAFF, *audiences])
    if action_required:
        news = news.filter(action_required=True)
    return news


def filtered_news(data):
    """(form, queryset) for request-like `data` (a QueryDict or a dict of lists)."""
    form = NewsFilterForm(_as_query_data(data))
    form.is_valid()  # every field is optional; unknown values are dropped
    return form, filter_news(published_news(), **form.filters())


def news_published_since(since, filters=None):
    """Live, public news first published after `since`, newest first.

    `filters` takes the /news/ page's query parameters (`topic`, `home_type`,
    `audience`, `action_required`) as a QueryDict, a dict of lists or a dict of
    single values; they are allow-listed the same way the page does it.
    """
    _form, news = filtered_news(filters or {})
    if since is not None:
        news = news.filter(first_published_at__gt=since)
    return news.order_by("-first_published_at", "-pk").prefetch_related("tags")


def latest_news(limit=4, request=None):
    """The newest items for the home page."""
    return list(published_news(request)[:limit])


def _as_query_data(data):
    from django.http import QueryDict

    if isinstance(data, QueryDict):
        return data
    query = QueryDict(mutable=True)
    for key, value in dict(data).items():
        if isinstance(value, (list, tuple)):
            query.setlist(key, [str(item) for item in value])
        elif isinstance(value, bool):
            if value:
                query.setlist(key, [ACTION_REQUIRED])
        elif value is not None:
            query.setlist(key, [str(value)])
    return query
