from wagtail.models import Site

from portal.visibility import public


def site_chrome(request):
    """The primary navigation: live, public sections under the site's home page."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"primary_navigation": [], "site_root": None}
    root = site.root_page
    sections = list(public(root.get_children().live(), request).in_menu())
    current_path = request.path
    navigation = []
    for page in sections:
        url = page.get_url(request)
        navigation.append(
            {
                "url": url,
                "label": page.title,
                "current": bool(url) and current_path.startswith(url),
            }
        )
    return {"primary_navigation": navigation, "site_root": root}
