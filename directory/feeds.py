"""RSS for the directory: the newest entries for any directory filter.

The query string is read by the directory page's own filter form, so a feed
accepts exactly the filters the page does and drops the rest; only live,
public entries are listed.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from directory.forms import DirectoryFilterForm
from directory.search import DirectoryQuery, filtered_entries, run_search
from directory.services import (
    describe_directory_filter,
    directory_url,
    normalised_directory_query,
)

FEED_LENGTH = 30


class DirectoryFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        # The feed object is shared between requests: keep per-request state here.
        form = DirectoryFilterForm(request.GET, request=request)
        form.is_valid()  # every field is optional; unknown values are dropped
        _form, form.normalised_query = normalised_directory_query(
            request.GET.urlencode()
        )
        return form

    def title(self, form):
        return f"Care Quality Portal directory: {describe_directory_filter(form)}"

    def link(self, form):
        query = form.normalised_query
        return directory_url() + (f"?{query}" if query else "")

    def description(self, form):
        return "The newest training, resources and support in the directory."

    def items(self, form):
        query = DirectoryQuery.from_form(form)
        query.sort = "newest"
        entries = filtered_entries(query).select_related("provider")
        if query.text:
            return list(run_search(entries, query)[:FEED_LENGTH])
        return list(entries.order_by("-first_published_at", "pk")[:FEED_LENGTH])

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.summary

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return f"directory-entry-{entry.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.first_published_at

    def item_updateddate(self, entry):
        return entry.last_published_at

    def item_author_name(self, entry):
        return entry.provider.name if entry.provider else None

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        if request.GET:
            response["X-Robots-Tag"] = "noindex"
        return response


directory_feed = DirectoryFeed()
