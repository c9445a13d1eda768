"""The /news/ listing: parse the filters, call the news services, render."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from news.services import filtered_news

NEWS_PER_PAGE = 10


def news_listing(request, index):
    form, news = filtered_news(request.GET)
    paginator = Paginator(news.prefetch_related("tags"), NEWS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    querystring = form.querystring()
    feed_query = f"?{querystring}" if querystring else ""
    context = index.get_context(request)
    context.update(
        {
            "filter_form": form,
            "page_obj": page_obj,
            "news_items": page_obj.object_list,
            "querystring_base": querystring,
            "filtered": form.is_filtered,
            "filter_description": form.description(),
            "noindex": form.is_filtered or "page" in request.GET,
            "rss_url": index.url + index.reverse_subpage("rss") + feed_query,
            "atom_url": index.url + index.reverse_subpage("atom") + feed_query,
        }
    )
    return TemplateResponse(request, "news/news_index_page.html", context)
