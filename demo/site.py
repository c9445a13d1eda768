"""Demo content for the portal's own pages: the home page, footer pages, role users.

Every function here is idempotent: it looks for what it would create and leaves
existing content alone, so `seed_demo` can run on every `make run`.
"""

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from discovery.models import HomePage
from portal import roles
from portal.demo_login import admin_password
from portal.models import ContentPage, PortalSettings
from portal.roles import ensure_roles


def paragraph(*paragraphs):
    return {
        "type": "paragraph",
        "value": "".join(f"<p>{text}</p>" for text in paragraphs),
    }


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def bullet_list(*items):
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>",
    }


HOME_INTRO = (
    "<p>Training, guidance and support for everyone who works in older people's "
    "care homes in the city: residential, nursing and EMI. Run by the council's "
    "Care Quality Team.</p>"
)

FOOTER_PAGES = {
    "accessibility-statement": {
        "title": "Accessibility statement",
        "summary": "How accessible this portal is, and how to tell us about a problem.",
        "body": [
            paragraph(
                "The Care Quality Team runs this portal. We want as many people as "
                "possible to be able to use it. You should be able to:"
            ),
            bullet_list(
                "change colours, contrast levels and fonts using your browser or device",
                "zoom in up to 400% without the text spilling off the screen",
                "get around the whole portal using just a keyboard",
                "use the portal with a screen reader, such as NVDA, JAWS or VoiceOver",
                "use the portal on a phone as well as on a computer",
            ),
            heading("How accessible this portal is"),
            paragraph(
                "We build and test the portal against the Web Content Accessibility "
                "Guidelines (WCAG) version 2.2 at level AA. Every page type is checked "
                "with automated tools each time we change the site, and we test the "
                "main tasks with a keyboard and a screen reader.",
                "Some documents that partners give us, such as older PDF files, may "
                "not be fully accessible. If you need one in another format, ask us "
                "and we will send it within 5 working days.",
            ),
            heading("Reporting accessibility problems"),
            paragraph(
                "If you find a problem that is not listed on this page, or you think "
                "we are not meeting accessibility requirements, email "
                "care-quality@example.gov.uk. We will reply within 5 working days.",
                "If you are not happy with how we respond, contact the Equality "
                "Advisory and Support Service (EASS).",
            ),
            heading("Preparation of this statement"),
            paragraph(
                "This statement was prepared when the portal was launched. We review "
                "it every year and whenever we make a large change to the portal."
            ),
        ],
    },
    "privacy-notice": {
        "title": "Privacy notice",
        "summary": "What personal information the portal collects, why, and your rights.",
        "body": [
            paragraph(
                "The city council is the data controller for the personal information "
                "collected through this portal. This notice explains what we collect "
                "and why."
            ),
            heading("What we collect"),
            bullet_list(
                "Award nominations: the nominator's name and contact details, and "
                "the nominee's name, role and workplace.",
                "Event bookings and Leadership Academy applications: your name, work "
                "email, care home and role, and any access needs you tell us about.",
                "Support requests from care homes: the contact details of the person "
                "asking, and what the home needs help with.",
                "Feedback on training: your rating, comments, role and home type. "
                "We do not publish your name.",
                "Email alerts: your email address, what you chose to follow, how "
                "often, and when you subscribed, confirmed and were last sent an "
                "alert. Nothing else.",
            ),
            heading("Why we collect it"),
            paragraph(
                "We use it only to provide the service you asked for: to run the "
                "awards, to manage places at events, to respond to support requests "
                "and to improve the training on offer. Our lawful basis is the "
                "council's public task of supporting the quality of adult social care."
            ),
            heading("How long we keep it"),
            paragraph(
                "Award nominations are kept for two years and then anonymised. "
                "Bookings are kept for one year after the event. Support requests "
                "are kept for six years, in line with the council's records policy."
            ),
            paragraph(
                "Email alerts are kept until you unsubscribe. Every alert email has a "
                "link that removes your address and everything you followed straight "
                "away. If you do not confirm an alert within a week, we delete it."
            ),
            heading("Your rights"),
            paragraph(
                "You can ask to see the information we hold about you, ask us to "
                "correct it, or ask us to delete it. Email "
                "care-quality@example.gov.uk. You also have the right to complain "
                "to the Information Commissioner's Office."
            ),
        ],
    },
    "cookies": {
        "title": "Cookies",
        "summary": "The small files this portal stores on your device.",
        "body": [
            paragraph(
                "Cookies are small files saved on your phone, tablet or computer when "
                "you visit a website. This portal uses only the cookies it needs to "
                "work. We do not use cookies to track you or for advertising, so we "
                "do not ask for your consent."
            ),
            heading("Cookies we use"),
            bullet_list(
                "<strong>csrftoken</strong>: protects the forms on this site from "
                "being misused by other websites. Expires after one year.",
                "<strong>sessionid</strong>: keeps council staff signed in to the "
                "editing area. Expires when they sign out or after two weeks.",
            ),
            paragraph(
                "Some pages remember things in your own browser, such as which items "
                'you have ticked on a checklist, or your answers to "Find training '
                'for my home". This stays on your device and is never sent to us.'
            ),
        ],
    },
    "contact-us": {
        "title": "Contact us",
        "summary": "How to get in touch with the Care Quality Team.",
        "body": [
            paragraph(
                "The Care Quality Team works with care homes for older people across "
                "the city. Contact us if you have a question about the portal, "
                "training, the awards or the support we offer."
            ),
            heading("Email and phone"),
            paragraph(
                "Email: care-quality@example.gov.uk",
                "Phone: 0100 000 0000 (Monday to Friday, 9am to 5pm)",
            ),
            paragraph(
                "If you are worried that an adult is being abused or neglected, do "
                "not wait for us to reply: contact the council's adult safeguarding "
                "team straight away, or call 999 in an emergency."
            ),
        ],
    },
}


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


def seed_home_page(root):
    """Put a HomePage at the top of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Care Quality Portal",
                slug="portal-home",
                intro=HOME_INTRO,
                seo_title="Training, guidance and support for care homes",
                search_description=(
                    "Training, guidance and support for older people's care homes "
                    "in the city, from the council's Care Quality Team."
                ),
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Care Quality Portal",
        )
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Care Quality Portal"
        site.save()
        # Wagtail's placeholder "Welcome" page is a bare Page: remove it, not content.
        if welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
    return home


def seed_footer_pages(home):
    pages = {}
    for slug, content in FOOTER_PAGES.items():
        page = ContentPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(
                instance=ContentPage(
                    title=content["title"],
                    slug=slug,
                    summary=content["summary"],
                    body=content["body"],
                )
            )
        pages[slug] = page
    return pages


def seed_portal_settings(home, pages):
    site = Site.objects.get(root_page=home)
    portal_settings = PortalSettings.for_site(site)
    defaults = {
        "contact_email": "care-quality@example.gov.uk",
        "contact_phone": "0100 000 0000",
        "accessibility_page": pages["accessibility-statement"],
        "privacy_page": pages["privacy-notice"],
        "cookies_page": pages["cookies"],
        "contact_page": pages["contact-us"],
    }
    changed = False
    for field, value in defaults.items():
        if not getattr(portal_settings, field):
            setattr(portal_settings, field, value)
            changed = True
    if changed:
        portal_settings.save()


ROLE_USERS = [
    ("editor", "Erin", "Editor", roles.EDITORS),
    ("moderator", "Morgan", "Moderator", roles.MODERATORS),
    ("panel", "Pat", "Panel", roles.AWARDS_PANEL),
]


def seed_role_users():
    """One demo user per role, sharing the local admin password."""
    User = get_user_model()
    for username, first_name, last_name, group_name in ROLE_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.gov.uk",
            password=admin_password(),
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=group_name))


def seed():
    root = seed_tree_roots()
    ensure_roles(django_apps)
    home = seed_home_page(root)
    pages = seed_footer_pages(home)
    seed_portal_settings(home, pages)
    seed_role_users()
    return home
