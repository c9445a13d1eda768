from wagtail.models import Site


def site_chrome(request):
    """The primary navigation: live, public sections under the site's home page."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"primary_navigation": [], "site_root": None}
    root = site.root_page
    sections = list(root.get_children().live().public().in_menu())
    current_path = request.path
    navigation = [
        {
            "url": page.get_url(request),
            "label": page.title,
            "current": current_path.startswith(page.get_url(request) or "\0"),
        }
        for page in sections
    ]
    return {"primary_navigation": navigation, "site_root": root}
