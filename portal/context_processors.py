from wagtail.models import Site

from portal.content_memo import remembered
from portal.visibility import public


def site_chrome(request):
    """What the header and footer show on every page: the primary navigation
    (live, public sections under the site's home page) and the portal settings.

    Both are remembered until content next changes (portal.content_memo).
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"primary_navigation": [], "portal_details": None}
    chrome = remembered(
        request, ("site chrome", site.pk), lambda: site_chrome_for(site, request)
    )
    current_path = request.path
    navigation = [
        {
            **section,
            "current": bool(section["url"]) and current_path.startswith(section["url"]),
        }
        for section in chrome["sections"]
    ]
    return {
        "primary_navigation": navigation,
        "portal_details": chrome["portal_details"],
    }


def site_chrome_for(site, request):
    from portal.models import PortalSettings

    settings = PortalSettings.for_site(site)
    return {
        # [{url, label}] for each section shown in the menu, in menu order.
        "sections": [
            {"url": page.get_url(request), "label": page.title}
            for page in public(site.root_page.get_children().live(), request).in_menu()
        ],
        "portal_details": {
            "organisation_name": settings.organisation_name,
            "contact_email": settings.contact_email,
            "contact_phone": settings.contact_phone,
            "footer_links": settings.footer_links(),
        },
    }
