"""Pieces shared by the public forms (Leadership Academy applications, support
requests, award nominations): plain text fields with clear messages, reference
numbers, the team's address, the privacy notice link, and the steps a request
form goes through from the form to its confirmation page (`RequestFormFlow`)."""

import re
import unicodedata

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from wagtail.models import Site

from portal.ratelimit import is_rate_limited

# Re-exported: the forms in this family show and check these references.
from portal.references import REFERENCE_ALPHABET as REFERENCE_ALPHABET
from portal.references import save_with_new_reference

PHONE = re.compile(r"^\+?[0-9 ()-]{7,25}$")
PHONE_MESSAGE = "Enter a phone number, like 0113 496 0000 or +44 7700 900 982"


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


def full_name_field(label, required_message, name=None, autocomplete="name"):
    """A person's full name, kept as typed (never spell-checked)."""
    return text_field(
        label,
        100,
        required_message,
        name=name,
        widget=forms.TextInput(
            attrs={"autocomplete": autocomplete, "spellcheck": "false"}
        ),
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


def choice_field(
    label,
    choices,
    required_message,
    invalid_message="Choose one of the options listed",
    **kwargs,
):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": required_message,
            "invalid_choice": invalid_message,
        },
        **kwargs,
    )


class PhoneField(forms.CharField):
    """Digits, spaces, brackets and dashes, with a + in front if need be."""

    def clean(self, value):
        value = super().clean(value)
        if value and not PHONE.match(value):
            raise forms.ValidationError(PHONE_MESSAGE)
        return value


def phone_field(label, **kwargs):
    """An optional phone number."""
    return PhoneField(
        label=label,
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"max_length": PHONE_MESSAGE},
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


class RequestFormFlow:
    """The steps of a public request form, from the form to the confirmation page.

    A post is checked in this order: the honeypot (a bot is thanked and nothing
    is stored), the rate limit, the answers. The record is then saved with a
    fresh reference in one transaction with its emails (the person's receipt and
    the team's notice, sent from the outbox after the commit), and the browser
    goes to the confirmation page, which only that browser may see.

    An app gives what differs: the form and templates, the names below, `create`
    (the record itself) and `records` (where its confirmation pages look).
    Keyword arguments given to `handle` (the Leadership Academy's cohort) reach
    the form page's context and `create`.
    """

    form_class = None
    form_template = None
    done_template = None
    # The record's name in the templates of the confirmation page and emails.
    record_name = None
    # The page's route to the confirmation page, given the reference.
    done_route = None
    session_key = None
    rate_limit_scope = None
    # Settings name of the records one client may send an hour (10 when unset).
    rate_limit_setting = None
    too_many_message = None
    reference_prefix = None
    model = None
    receipt_template = None
    team_template = None
    admin_edit_url_name = None
    # Errors from `create` meaning the form closed while it was open: the form
    # page is shown again without a form, with 409.
    closed_errors = ()
    # Whether search engines are asked not to index the form page.
    form_noindex = False

    def create(self, reference, page, data, **extra):
        raise NotImplementedError

    def records(self, page):
        return self.model.objects.all()

    def receipt_subject(self, record):
        raise NotImplementedError

    def team_subject(self, record):
        raise NotImplementedError

    def rate_limit(self):
        return getattr(settings, self.rate_limit_setting, 10)

    def render_form(self, request, page, form, status=200, **extra):
        context = page.get_context(request)
        context.update({**extra, "form": form, "privacy_url": privacy_url(page)})
        if self.form_noindex:
            context["noindex"] = True
        return TemplateResponse(request, self.form_template, context, status=status)

    def render_done(self, request, page, record):
        context = page.get_context(request)
        # `record` for includes/request_done_page.html, the name for the page.
        context.update({self.record_name: record, "record": record, "noindex": True})
        return TemplateResponse(request, self.done_template, context)

    def handle(self, request, page, **extra):
        if request.method != "POST":
            return self.render_form(request, page, self.form_class(), **extra)
        form = self.form_class(request.POST)
        if form.is_spam():
            return self.render_done(request, page, None)
        if is_rate_limited(request, self.rate_limit_scope, self.rate_limit(), 3600):
            form.add_error(None, self.too_many_message)
            return self.render_form(request, page, form, status=429, **extra)
        if not form.is_valid():
            return self.render_form(request, page, form, status=400, **extra)
        data = {key: form.cleaned_data[key] for key in form.saved_fields}
        try:
            record = self.submit(page, data, **extra)
        except self.closed_errors:
            return self.render_form(request, page, None, status=409, **extra)
        remember_reference(request, self.session_key, record.reference)
        return HttpResponseRedirect(
            page.url
            + page.reverse_subpage(
                self.done_route, kwargs={"reference": record.reference}
            )
        )

    def submit(self, page, data, **extra):
        """Save the record with a fresh reference and queue its emails, in one
        transaction; the emails go after the commit and are retried."""

        def create(reference):
            record = self.create(reference, page, data, **extra)
            self.queue_emails(record, page)
            return record

        return save_with_new_reference(self.reference_prefix, self.model, create)

    def queue_emails(self, record, page):
        queue_receipt_and_team_emails(
            person_email=record.email,
            page=page,
            context={self.record_name: record},
            receipt=(self.receipt_subject(record), self.receipt_template),
            team=(self.team_subject(record), self.team_template),
            admin_edit_url_name=self.admin_edit_url_name,
            record=record,
        )

    def done(self, request, page, reference):
        # Only the browser that sent the record sees its confirmation page.
        if not has_reference(request, self.session_key, reference):
            raise Http404
        record = self.records(page).filter(reference=reference).first()
        if record is None:
            raise Http404
        return self.render_done(request, page, record)
