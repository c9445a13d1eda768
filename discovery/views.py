"""Site search: one box that looks across guides, the directory, pages and documents."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from discovery.forms import SiteSearchForm
from discovery.search_page import SiteSearch
from portal.spelling import suggest

RESULTS_PER_PAGE = 10


@require_GET
def site_search(request):
    form = SiteSearchForm(request.GET)
    form.is_valid()
    text = form.cleaned_data.get("q", "")
    kind = form.cleaned_data.get("kind", "")
    context = {"form": form, "query": text, "site_search_query": text, "noindex": True}
    if text:
        search = SiteSearch(text, kind)
        paginator = Paginator(search.pages(), RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        results = [page.specific for page in page_obj.object_list]
        context.update(
            page_obj=page_obj,
            results=results,
            kinds=search.kind_counts(),
            documents=search.documents() if page_obj.number == 1 and not kind else [],
            querystring_base=urlencode({"q": text, **({"kind": kind} if kind else {})}),
            suggestion=suggest(text) if paginator.count < 3 else "",
        )
    return render(request, "discovery/search.html", context)
