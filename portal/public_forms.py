"""Pieces shared by the Leadership Academy and support request forms: plain text
fields with clear messages, reference numbers, the team's address and the
privacy notice link."""

import unicodedata

from django import forms
from django.conf import settings

from wagtail.models import Site

# Re-exported: the forms in this family show and check these references.
from portal.references import REFERENCE_ALPHABET as REFERENCE_ALPHABET


def check_plain_text(value):
    """Refuse control characters and unassigned code points; the text is otherwise
    kept as typed and escaped wherever it is shown."""
    for char in value:
        if char in "\n\r\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Cn"):
            raise forms.ValidationError(
                "Remove the unusual or invisible characters from your answer"
            )
    return unicodedata.normalize("NFC", value)


class PlainTextField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return check_plain_text(value) if value else value


def text_field(label, max_length, required_message, name=None, **kwargs):
    """A required plain text field whose messages name what is wrong."""
    name = name or label
    return PlainTextField(
        label=label,
        max_length=max_length,
        error_messages={
            "required": required_message,
            "max_length": f"{name} must be {max_length} characters or fewer",
        },
        **kwargs,
    )


def email_field(label="Email address", **kwargs):
    return forms.EmailField(
        label=label,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like "
            "name@example.com",
            "max_length": "Your email address must be 254 characters or fewer",
        },
        **kwargs,
    )


def choice_field(label, choices, required_message, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": required_message,
            "invalid_choice": "Choose one of the options listed",
        },
        **kwargs,
    )


def consent_field(label, required_message):
    return forms.BooleanField(
        label=label, error_messages={"required": required_message}
    )


def site_settings(page):
    from portal.models import PortalSettings

    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    return PortalSettings.for_site(site) if site else None


def team_address(page):
    """Where the team's notifications go: the portal's contact email, else the
    CARE_QUALITY_TEAM_EMAIL setting; empty when neither is set."""
    portal_settings = site_settings(page)
    if portal_settings and portal_settings.contact_email:
        return portal_settings.contact_email
    return getattr(settings, "CARE_QUALITY_TEAM_EMAIL", "")


def privacy_url(page):
    portal_settings = site_settings(page)
    privacy = portal_settings.privacy_page if portal_settings else None
    return privacy.url if privacy and privacy.live else ""


def admin_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{path}"


def queue_receipt_and_team_emails(
    *, person_email, page, context, receipt, team, admin_edit_url_name, record
):
    """The person's receipt, and the team's notice with a link to the record in
    the admin (when the team has an address). `receipt` and `team` are
    (subject, template) pairs; both templates get `context` and `page`."""
    from django.template.loader import render_to_string
    from django.urls import reverse

    from portal.outbox import queue_email

    context = {**context, "page": page}
    subject, template = receipt
    queue_email(person_email, subject, render_to_string(template, context))
    address = team_address(page)
    if address:
        context["admin_link"] = admin_url(
            reverse(admin_edit_url_name, args=[record.pk])
        )
        subject, template = team
        queue_email(address, subject, render_to_string(template, context))


def remember_reference(request, key, reference):
    """Let this browser, and only this one, see its confirmation page."""
    done = request.session.get(key, [])[-19:]
    request.session[key] = [*done, reference]


def has_reference(request, key, reference):
    return reference in request.session.get(key, [])
