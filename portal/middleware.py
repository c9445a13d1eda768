from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port

from wagtail.models import Site

from portal.content_memo import remembered


class ContentSecurityPolicyMiddleware:
    """Adds the CONTENT_SECURITY_POLICY header to public pages.

    The Wagtail admin is left out: it relies on inline scripts and styles that a
    strict policy would block, and only signed-in staff use it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", policy)
        return response


class RememberedSiteMiddleware:
    """Finds the request's Wagtail site from what this worker remembers.

    Wagtail looks the site up with a query on every request; the answer changes
    only when a site or page is saved, which starts a new generation
    (portal.content_memo). Each request gets its own Site instance, so nothing
    a request does to it reaches another. Hosts not in ALLOWED_HOSTS are left
    to Django, which refuses them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            return self.get_response(request)
        hostname = split_domain_port(request._get_raw_host())[0]
        key = ("site", hostname, request.get_port())
        found = {}

        def look_up():
            site = found["site"] = Site._find_for_request(request)
            if site is None:
                return None
            return {
                field.attname: getattr(site, field.attname)
                for field in Site._meta.concrete_fields
            }

        fields = remembered(request, key, look_up)
        if "site" in found:  # looked up just now: use it, root page included
            request._wagtail_site = found["site"]
        else:
            request._wagtail_site = Site(**fields) if fields else None
        return self.get_response(request)
