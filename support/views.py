"""Support requests from care homes: the form, the rule for saving a request
with its reference number and emails, and the thin views SupportRequestPage
routes to."""

from django import forms

from portal.choices import HomeType
from portal.forms_utils import HoneypotMixin
from portal.public_forms import (
    RequestFormFlow,
    choice_field,
    consent_field,
    email_field,
    full_name_field,
    phone_field,
    text_field,
)
from support.models import CQC_LOCATION_ID, SupportNeed, SupportRequest, Urgency

SESSION_KEY = "support_requests"
DESCRIPTION_MAX_CHARACTERS = 3000
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
    contact_name = full_name_field(
        "Your full name", "Enter your full name", name="Your name"
    )
    email = email_field(help_text="We will send your confirmation here.")
    phone = phone_field(
        "Phone number",
        help_text="So we can call you back. Include the home's number if you "
        "have no direct line.",
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


class SupportRequestFlow(RequestFormFlow):
    form_class = SupportRequestForm
    form_template = "support/support_request_page.html"
    done_template = "support/support_request_done.html"
    record_name = "support_request"
    done_route = "done"
    session_key = SESSION_KEY
    rate_limit_scope = "support-request"
    rate_limit_setting = "SUPPORT_REQUESTS_PER_HOUR"
    too_many_message = (
        "You have sent a lot of requests in the last hour. Please try again "
        "later, or phone us if it is urgent."
    )
    reference_prefix = "CQT"
    model = SupportRequest
    receipt_template = "support/support_email_received.txt"
    team_template = "support/support_email_team.txt"
    admin_edit_url_name = "support_requests:edit"

    def create(self, reference, page, data):
        return SupportRequest.objects.create(reference=reference, consent=True, **data)

    def receipt_subject(self, support_request):
        return f"We have your request for support {support_request.reference}"

    def team_subject(self, support_request):
        return (
            f"New support request {support_request.reference}: "
            f"{support_request.get_urgency_display()}"
        )


support_request_flow = SupportRequestFlow()


# Views -----------------------------------------------------------------------


def request_support(request, page):
    return support_request_flow.handle(request, page)


def request_done(request, page, reference):
    return support_request_flow.done(request, page, reference)
