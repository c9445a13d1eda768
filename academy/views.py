"""Leadership Academy applications: the expression-of-interest form, the rules
for saving one, and the thin views the AcademyPage routes to."""

from django import forms
from django.http import Http404

from academy.models import AcademyApplication, AcademyCohort, TimeInPost
from portal.forms_utils import HoneypotMixin
from portal.public_forms import (
    RequestFormFlow,
    choice_field,
    consent_field,
    email_field,
    full_name_field,
    text_field,
)

SESSION_KEY = "academy_applications"
HOPES_MAX_CHARACTERS = 2000


class CohortNotOpen(Exception):
    """The cohort stopped taking applications (closed, or its places all went)."""


class AcademyApplicationForm(HoneypotMixin, forms.Form):
    name = full_name_field("Full name", "Enter your full name", name="Your name")
    email = email_field(
        "Work email address", help_text="We will send your confirmation here."
    )
    care_home = text_field(
        "Care home",
        150,
        "Enter the name of the care home you work in",
        name="The care home's name",
        help_text="The home where you work now, or are about to start.",
    )
    role = text_field(
        "Your role",
        100,
        "Enter your role",
        help_text="For example, registered manager or deputy manager.",
    )
    time_in_post = choice_field(
        "How long have you been in this role?",
        TimeInPost.choices,
        "Choose how long you have been in this role",
    )
    hopes = text_field(
        "What do you hope to get from the academy?",
        HOPES_MAX_CHARACTERS,
        "Tell us what you hope to get from the academy",
        name="What you hope to get from the academy",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"A few sentences is enough, up to {HOPES_MAX_CHARACTERS} "
        "characters. Do not include details about residents.",
    )
    consent = consent_field(
        "I agree to the Care Quality Team keeping these details to run the "
        "Leadership Academy and contact me about it",
        "Confirm that you agree to us keeping these details",
    )

    field_order = [*AcademyApplication.SENT_FIELDS, "consent", "website"]
    saved_fields = AcademyApplication.SENT_FIELDS


class ApplicationFlow(RequestFormFlow):
    form_class = AcademyApplicationForm
    form_template = "academy/academy_apply.html"
    done_template = "academy/academy_apply_done.html"
    record_name = "application"
    done_route = "application_done"
    session_key = SESSION_KEY
    rate_limit_scope = "academy-apply"
    rate_limit_setting = "ACADEMY_APPLICATIONS_PER_HOUR"
    too_many_message = (
        "You have sent a lot of applications in the last hour. Please try "
        "again later, or contact us if you need help."
    )
    reference_prefix = "LA"
    model = AcademyApplication
    receipt_template = "academy/academy_email_received.txt"
    team_template = "academy/academy_email_team.txt"
    admin_edit_url_name = "academy_applications:edit"
    closed_errors = (CohortNotOpen, AcademyCohort.DoesNotExist)
    # The form is a page of its own under the academy page.
    form_noindex = True

    def create(self, reference, page, data, cohort):
        """The cohort is read again inside the transaction, so a cohort closed or
        filled while the form was open refuses the application (CohortNotOpen)."""
        cohort = AcademyCohort.objects.get(pk=cohort.pk)
        if not cohort.is_open():
            raise CohortNotOpen
        return AcademyApplication.objects.create(
            reference=reference,
            cohort=cohort,
            cohort_name=cohort.name,
            consent=True,
            **data,
        )

    def records(self, page):
        return AcademyApplication.objects.filter(cohort__page=page)

    def receipt_subject(self, application):
        return f"Leadership Academy: we have your application {application.reference}"

    def team_subject(self, application):
        return (
            f"New Leadership Academy application {application.reference} "
            f"for {application.cohort_name}"
        )


application_flow = ApplicationFlow()


# Views -----------------------------------------------------------------------


MAX_ID = 2**31 - 1  # larger numbers in the URL cannot be a cohort's id


def find_cohort(page, cohort_id):
    if cohort_id > MAX_ID:
        raise Http404
    cohort = page.cohorts.filter(pk=cohort_id).first()
    if cohort is None:
        raise Http404
    return cohort


def apply(request, page, cohort_id):
    cohort = find_cohort(page, cohort_id)
    if not cohort.is_open():
        # Closed or full: no form, and anything posted is refused.
        return application_flow.render_form(
            request,
            page,
            None,
            status=403 if request.method == "POST" else 200,
            cohort=cohort,
        )
    return application_flow.handle(request, page, cohort=cohort)


def application_done(request, page, reference):
    return application_flow.done(request, page, reference)
