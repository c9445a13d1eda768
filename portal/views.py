from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from taggit.models import Tag

from portal import health
from portal.forms import GuideFilterForm, SiteSearchForm
from portal.models import GuidePage
from portal.search_page import SiteSearch
from portal.services import filter_guides
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
    return render(request, "portal/search.html", context)


@never_cache
@require_GET
def health_check(request):
    """For load balancers: 200 when the database and search answer, else 503."""
    checks = health.run_checks()
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "error",
            "checks": {name: "ok" if ok else "error" for name, ok in checks.items()},
        },
        status=200 if healthy else 503,
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


def guide_index_context(request, index_page):
    topics = Tag.objects.filter(portal_guidetag_items__isnull=False).distinct()
    form = GuideFilterForm(
        request.GET, topic_choices=[(tag.slug, tag.name) for tag in topics]
    )
    form.is_valid()  # every field is optional; unknown values are dropped
    guides = filter_guides(
        GuidePage.objects.child_of(index_page).live().public(),
        topics=form.cleaned_data.get("topic", []),
        home_types=form.cleaned_data.get("home_type", []),
    ).order_by("title")
    paginator = Paginator(guides, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = [
        (key, value)
        for key in ("topic", "home_type")
        for value in form.cleaned_data.get(key, [])
    ]
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "guides": page_obj.object_list,
        "querystring_base": urlencode(params),
        "filtered": bool(params),
        "noindex": bool(params),
    }
