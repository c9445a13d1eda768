"""Support requests from care homes: the form, the rule for saving a request
with its reference number and emails, and the thin views SupportRequestPage
routes to."""

import re

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from portal.choices import HomeType
from portal.forms_utils import HoneypotMixin
from portal.public_forms import (
    choice_field,
    consent_field,
    email_field,
    has_reference,
    privacy_url,
    queue_receipt_and_team_emails,
    remember_reference,
    text_field,
)
from portal.ratelimit import is_rate_limited
from portal.references import save_with_new_reference
from support.models import CQC_LOCATION_ID, SupportNeed, SupportRequest, Urgency

SESSION_KEY = "support_requests"
DESCRIPTION_MAX_CHARACTERS = 3000
PHONE = re.compile(r"^\+?[0-9 ()-]{7,25}$")
PHONE_MESSAGE = "Enter a phone number, like 0113 496 0000 or +44 7700 900 982"
CQC_MESSAGE = (
    "Enter a CQC location ID in the correct format: 1- followed by 9 to 11 "
    "numbers, like 1-123456789"
)


class SupportRequestForm(HoneypotMixin, forms.Form):
    home_name = text_field(
        "Name of the care home",
        150,
        "Enter the name of the care home",
        name="The care home's name",
    )
    # Required: the team reads the home's CQC reports before getting in touch.
    cqc_location_id = forms.CharField(
        label="CQC location ID",
        max_length=20,
        help_text="It starts with 1- and is followed by 9 to 11 numbers, for "
        "example 1-123456789. You can find it on your home's page on the CQC "
        "website or on your registration certificate.",
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages={
            "required": "Enter the home's CQC location ID",
            "max_length": CQC_MESSAGE,
        },
    )
    home_type = choice_field(
        "Type of home", HomeType.choices, "Choose the type of home"
    )
    contact_name = text_field(
        "Your full name",
        100,
        "Enter your full name",
        name="Your name",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    email = email_field(help_text="We will send your confirmation here.")
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=30,
        help_text="So we can call you back. Include the home's number if you "
        "have no direct line.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"max_length": PHONE_MESSAGE},
    )
    need = choice_field(
        "What do you need help with?",
        SupportNeed.choices,
        "Choose what you need help with",
    )
    urgency = choice_field(
        "How urgent is it?", Urgency.choices, "Choose how urgent it is"
    )
    description = text_field(
        "Tell us more",
        DESCRIPTION_MAX_CHARACTERS,
        "Tell us more about what you need",
        name="What you tell us",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What is happening at the home and what would help. Up to "
        f"{DESCRIPTION_MAX_CHARACTERS} characters. Do not include residents' "
        "names or health details.",
    )
    consent = consent_field(
        "I agree to the Care Quality Team keeping these details and contacting "
        "me about this request",
        "Confirm that you agree to us keeping these details",
    )

    field_order = [
        "home_name",
        "cqc_location_id",
        "home_type",
        "contact_name",
        "email",
        "phone",
        "need",
        "urgency",
        "description",
        "consent",
        "website",
    ]
    saved_fields = field_order[:9]

    def clean_cqc_location_id(self):
        value = "".join(self.cleaned_data["cqc_location_id"].split())
        try:
            CQC_LOCATION_ID(value)
        except forms.ValidationError:
            raise forms.ValidationError(CQC_MESSAGE) from None
        return value

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(PHONE_MESSAGE)
        return phone


def support_rate_limit():
    return getattr(settings, "SUPPORT_REQUESTS_PER_HOUR", 10)


def submit_support_request(page, data):
    """Save a support request with a fresh reference and queue its emails, in one
    transaction; the emails go after the commit and are retried if sending fails."""

    def create(reference):
        support_request = SupportRequest.objects.create(
            reference=reference, consent=True, **data
        )
        queue_support_emails(support_request, page)
        return support_request

    return save_with_new_reference("CQT", SupportRequest, create)


def queue_support_emails(support_request, page):
    queue_receipt_and_team_emails(
        person_email=support_request.email,
        page=page,
        context={"support_request": support_request},
        receipt=(
            f"We have your request for support {support_request.reference}",
            "support/support_email_received.txt",
        ),
        team=(
            f"New support request {support_request.reference}: "
            f"{support_request.get_urgency_display()}",
            "support/support_email_team.txt",
        ),
        admin_edit_url_name="support_requests:edit",
        record=support_request,
    )


# Views -----------------------------------------------------------------------


def render_form(request, page, form, status=200):
    context = page.get_context(request)
    context.update({"form": form, "privacy_url": privacy_url(page)})
    return TemplateResponse(
        request, "support/support_request_page.html", context, status=status
    )


def request_support(request, page):
    if request.method != "POST":
        return render_form(request, page, SupportRequestForm())
    form = SupportRequestForm(request.POST)
    if form.is_spam():
        return render_done(request, page, None)
    if is_rate_limited(request, "support-request", support_rate_limit(), 3600):
        form.add_error(
            None,
            "You have sent a lot of requests in the last hour. Please try again "
            "later, or phone us if it is urgent.",
        )
        return render_form(request, page, form, status=429)
    if not form.is_valid():
        return render_form(request, page, form, status=400)
    data = {key: form.cleaned_data[key] for key in form.saved_fields}
    support_request = submit_support_request(page, data)
    remember_reference(request, SESSION_KEY, support_request.reference)
    return HttpResponseRedirect(
        page.url
        + page.reverse_subpage("done", kwargs={"reference": support_request.reference})
    )


def render_done(request, page, support_request):
    context = page.get_context(request)
    context.update({"support_request": support_request, "noindex": True})
    return TemplateResponse(request, "support/support_request_done.html", context)


def request_done(request, page, reference):
    # Only the browser that sent the request sees its confirmation page.
    if not has_reference(request, SESSION_KEY, reference):
        raise Http404
    support_request = SupportRequest.objects.filter(reference=reference).first()
    if support_request is None:
        raise Http404
    return render_done(request, page, support_request)
