"""The guide index: guides filtered by topic and home type, a page at a time."""

from urllib.parse import urlencode

from django.core.paginator import Paginator

from taggit.models import Tag

from guides.forms import GuideFilterForm
from guides.models import GuidePage
from guides.services import filter_guides

RESULTS_PER_PAGE = 10


def guide_index_context(request, index_page):
    topics = Tag.objects.filter(guides_guidetag_items__isnull=False).distinct()
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
