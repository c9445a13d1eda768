from django.conf import settings


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
