"""Public pages, with page view restrictions read once per content change.

Wagtail's `.public()` reads every page view restriction each time it is called;
the navigation and the home page call it several times on every page view.
Restrictions are saved like any content, so `portal.content_memo` forgets them
as soon as an editor adds or removes one.
"""

from wagtail.models import Page

from portal.content_memo import remembered


def public(queryset, request=None):
    """queryset.public(), sharing one read of the restrictions."""
    if request is None:
        return queryset.public()
    private = remembered(request, "private pages", lambda: Page.objects.private_q())
    return queryset.exclude(private)


def index_url(model, request=None):
    """The URL of the first live, public page of `model` (a section's index
    page), or "" when there is none; remembered until content next changes.
    A page on another site gets a full URL, so the answer is per site."""
    from wagtail.models import Site

    def find():
        index = public(model.objects.live(), request).first()
        return index.get_url(request) if index else ""

    if request is None:
        return find()
    site = Site.find_for_request(request)
    return remembered(request, ("index url", model._meta.label, site and site.pk), find)
