from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.forms import SiteSearchForm
from portal.services import search_pages

RESULTS_PER_PAGE = 10


@require_GET
def site_search(request):
    form = SiteSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = search_pages(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "portal/search.html",
        {
            "form": form,
            "query": query,
            "site_search_query": query,
            "page_obj": page_obj,
            "paginator": paginator,
            "querystring_base": urlencode({"q": query}),
            "noindex": True,
        },
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return render(
        request, "portal/robots.txt", {"lines": lines}, content_type="text/plain"
    )
