from wagtail.models import Site

from portal.content_memo import remembered
from portal.visibility import public


def site_chrome(request):
    """The primary navigation: live, public sections under the site's home page."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"primary_navigation": []}
    sections = remembered(
        request, ("navigation", site.pk), lambda: menu_sections(site, request)
    )
    current_path = request.path
    navigation = [
        {
            **section,
            "current": bool(section["url"]) and current_path.startswith(section["url"]),
        }
        for section in sections
    ]
    return {"primary_navigation": navigation}


def menu_sections(site, request):
    """[{url, label}] for each section shown in the menu, in menu order."""
    root = site.root_page
    return [
        {"url": page.get_url(request), "label": page.title}
        for page in public(root.get_children().live(), request).in_menu()
    ]
