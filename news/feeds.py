"""RSS 2.0 and Atom feeds of news, for all news and for any set of /news/ filters.

Built with Django's syndication framework. The filters come from the query string
and pass through the same allow-listed form as the page, so /news/feed/?topic=x
lists exactly what /news/?topic=x lists. Only live, public items are included.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator, timezone

from news.services import filtered_news

FEED_ITEMS = 30


class NewsRssFeed(Feed):
    feed_type = feedgenerator.Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        form, news = filtered_news(request.GET)
        self.request = request
        self.form = form
        return list(news.prefetch_related("tags")[:FEED_ITEMS])

    def author_name(self, obj):
        from portal.models import PortalSettings

        return PortalSettings.for_request(self.request).organisation_name

    def title(self, obj):
        description = self.form.description()
        title = f"{self.index.title} from the Care Quality Team"
        return f"{title}: {description}" if description else title

    def link(self, obj):
        query = self.form.querystring()
        url = self.index.get_url(self.request) + (f"?{query}" if query else "")
        return self.request.build_absolute_uri(url)

    def feed_url(self, obj):
        return self.request.get_full_path()

    def description(self, obj):
        return (
            "News and initiative updates for care homes"
            + (f" ({self.form.description()})" if self.form.description() else "")
            + ", newest first."
        )

    def items(self, obj):
        return obj

    def item_title(self, item):
        return f"Action required: {item.title}" if item.action_required else item.title

    def item_description(self, item):
        lines = [item.summary]
        if item.action_required:
            action = f"Action required: {item.action}"
            if item.deadline:
                action += f" by {item.deadline:%-d %B %Y}"
            lines.append(action)
        return "\n\n".join(lines)

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        # The editor's news date, at the time it was first published that day.
        published = item.first_published_at or timezone.now()
        local = timezone.localtime(published)
        if local.date() == item.date:
            return published
        return datetime.datetime.combine(
            item.date, datetime.time(9, 0), timezone.get_current_timezone()
        )

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = feedgenerator.Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
