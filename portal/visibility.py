"""Public pages, with page view restrictions read once per request.

Wagtail's `.public()` reads every page view restriction each time it is called;
the navigation and the home page call it several times on every page view.
"""


def public(queryset, request=None):
    """queryset.public(), sharing one read of the restrictions per request."""
    if request is None:
        return queryset.public()
    private = getattr(request, "_portal_private_pages_q", None)
    if private is None:
        private = queryset.private_q()
        request._portal_private_pages_q = private
    return queryset.exclude(private)
