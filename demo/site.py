"""Demo content for the portal's own pages: the home page, footer pages, role users.

The text is in demo/content/site.yaml. Every function here is idempotent: it
looks for what it would create and leaves existing content alone, so `seed_demo`
can run on every `make run`.
"""

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from demo.blocks import resolve_links, stream
from demo.loader import load
from discovery.models import HomePage
from portal import roles
from portal.demo_login import admin_password
from portal.models import ContentPage, PortalSettings
from portal.roles import ensure_roles

# Portal settings that point at a footer page, named in the content by its slug.
PAGE_SETTINGS = ("accessibility_page", "privacy_page", "cookies_page", "contact_page")
ROLES = (roles.EDITORS, roles.MODERATORS, roles.AWARDS_PANEL)


def read_content():
    content = load("site.yaml")
    home = content.record("home_page")
    portal_settings = content.record("portal_settings")
    data = {
        "home_page": {
            "title": home.text("title"),
            "slug": home.text("slug"),
            "intro": home.rich_text("intro"),
            "seo_title": home.text("seo_title"),
            "search_description": home.text("search_description"),
        },
        "site_name": content.text("site_name"),
        "footer_pages": [
            {
                "slug": page.text("slug"),
                "title": page.text("title"),
                "summary": page.text("summary"),
                "body": stream(page, "body", ContentPage),
            }
            for page in content.records("footer_pages", unique="slug")
        ],
        "contact": {
            "contact_email": portal_settings.text("contact_email"),
            "contact_phone": portal_settings.text("contact_phone"),
        },
        "role_users": [
            {
                "username": user.text("username"),
                "first_name": user.text("first_name"),
                "last_name": user.text("last_name"),
                "email": user.text("email"),
                "group": user.choice("group", ROLES),
            }
            for user in content.records("role_users", unique="username")
        ],
    }
    slugs = [page["slug"] for page in data["footer_pages"]]
    data["settings_pages"] = {
        field: portal_settings.choice(field, slugs) for field in PAGE_SETTINGS
    }
    content.done()
    return data


def seed_tree_roots():
    """The locale, root page and root collection that Wagtail's migrations normally create.

    They are missing only from a flushed database; recreating them lets the demo
    load into one.
    """
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return root


def seed_home_page(root, content=None):
    """Put a HomePage at the top of the default site, replacing Wagtail's welcome page."""
    content = content or read_content()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(**content["home_page"]))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content["site_name"],
        )
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.site_name = content["site_name"]
        site.save()
        # Wagtail's placeholder "Welcome" page is a bare Page: remove it, not content.
        if welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
    return home


def seed_footer_pages(home, content):
    pages = {}
    existing = {
        page.slug: page
        for page in ContentPage.objects.child_of(home).filter(
            slug__in=[spec["slug"] for spec in content["footer_pages"]]
        )
    }
    for spec in content["footer_pages"]:
        page = existing.get(spec["slug"])
        if page is None:
            page = home.add_child(
                instance=ContentPage(**{**spec, "body": resolve_links(spec["body"])})
            )
        pages[spec["slug"]] = page
    return pages


def seed_portal_settings(home, pages, content):
    site = Site.objects.get(root_page=home)
    portal_settings = PortalSettings.for_site(site)
    defaults = dict(content["contact"])
    for field, slug in content["settings_pages"].items():
        defaults[field] = pages[slug]
    changed = False
    for field, value in defaults.items():
        if not getattr(portal_settings, field):
            setattr(portal_settings, field, value)
            changed = True
    if changed:
        portal_settings.save()


def seed_role_users(content):
    """One demo user per role, sharing the local admin password."""
    User = get_user_model()
    existing = set(
        User.objects.filter(
            username__in=[user["username"] for user in content["role_users"]]
        ).values_list("username", flat=True)
    )
    missing = [
        user for user in content["role_users"] if user["username"] not in existing
    ]
    if not missing:
        return
    # One hash for the shared password: hashing is slow on purpose.
    password = make_password(admin_password())
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLES)}
    for spec in missing:
        user = User.objects.create_user(
            username=spec["username"],
            email=spec["email"],
            first_name=spec["first_name"],
            last_name=spec["last_name"],
        )
        user.password = password
        user.save(update_fields=["password"])
        user.groups.add(groups[spec["group"]])


def seed(content=None):
    """Load this section's demo content (read from its files unless given)."""
    content = content or read_content()
    root = seed_tree_roots()
    ensure_roles(django_apps)
    home = seed_home_page(root, content)
    pages = seed_footer_pages(home, content)
    seed_portal_settings(home, pages, content)
    seed_role_users(content)
    return home
