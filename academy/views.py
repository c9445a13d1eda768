"""Leadership Academy applications: the expression-of-interest form, the rules
for saving one, and the thin views the AcademyPage routes to."""

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from academy.models import AcademyApplication, AcademyCohort, TimeInPost
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

SESSION_KEY = "academy_applications"
HOPES_MAX_CHARACTERS = 2000


class CohortNotOpen(Exception):
    """The cohort stopped taking applications (closed, or its places all went)."""


class AcademyApplicationForm(HoneypotMixin, forms.Form):
    name = text_field(
        "Full name",
        100,
        "Enter your full name",
        name="Your name",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
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

    field_order = [
        "name",
        "email",
        "care_home",
        "role",
        "time_in_post",
        "hopes",
        "consent",
        "website",
    ]


def application_rate_limit():
    return getattr(settings, "ACADEMY_APPLICATIONS_PER_HOUR", 10)


def submit_application(cohort_id, data):
    """Save an expression of interest and queue its emails, in one transaction.

    The cohort is read again inside the transaction, so a cohort closed or
    filled while the form was open refuses the application (CohortNotOpen).
    The emails go after the commit, from the outbox, and are retried.
    """

    def create(reference):
        cohort = AcademyCohort.objects.select_related("page").get(pk=cohort_id)
        if not cohort.is_open():
            raise CohortNotOpen
        application = AcademyApplication.objects.create(
            reference=reference,
            cohort=cohort,
            cohort_name=cohort.name,
            consent=True,
            **data,
        )
        queue_application_emails(application, cohort.page)
        return application

    return save_with_new_reference("LA", AcademyApplication, create)


def queue_application_emails(application, page):
    queue_receipt_and_team_emails(
        person_email=application.email,
        page=page,
        context={"application": application},
        receipt=(
            f"Leadership Academy: we have your application {application.reference}",
            "academy/academy_email_received.txt",
        ),
        team=(
            f"New Leadership Academy application {application.reference} "
            f"for {application.cohort_name}",
            "academy/academy_email_team.txt",
        ),
        admin_edit_url_name="academy_applications:edit",
        record=application,
    )


# Views -----------------------------------------------------------------------


MAX_ID = 2**31 - 1  # larger numbers in the URL cannot be a cohort's id


def find_cohort(page, cohort_id):
    if cohort_id > MAX_ID:
        raise Http404
    cohort = page.cohorts.filter(pk=cohort_id).first()
    if cohort is None:
        raise Http404
    return cohort


def render_apply(request, page, cohort, form=None, status=200):
    context = page.get_context(request)
    context.update(
        {
            "cohort": cohort,
            "form": form,
            "privacy_url": privacy_url(page),
            "noindex": True,
        }
    )
    return TemplateResponse(
        request, "academy/academy_apply.html", context, status=status
    )


def apply(request, page, cohort_id):
    cohort = find_cohort(page, cohort_id)
    if not cohort.is_open():
        # Closed or full: no form, and anything posted is refused.
        return render_apply(
            request, page, cohort, status=403 if request.method == "POST" else 200
        )
    if request.method != "POST":
        return render_apply(request, page, cohort, AcademyApplicationForm())

    form = AcademyApplicationForm(request.POST)
    if form.is_spam():
        # Bots are thanked, and nothing is stored.
        return render_done(request, page, None)
    if is_rate_limited(request, "academy-apply", application_rate_limit(), 3600):
        form.add_error(
            None,
            "You have sent a lot of applications in the last hour. Please try "
            "again later, or contact us if you need help.",
        )
        return render_apply(request, page, cohort, form, status=429)
    if not form.is_valid():
        return render_apply(request, page, cohort, form, status=400)
    data = {key: form.cleaned_data[key] for key in form.field_order[:6]}
    try:
        application = submit_application(cohort.pk, data)
    except (CohortNotOpen, AcademyCohort.DoesNotExist):
        return render_apply(request, page, cohort, status=409)
    remember_reference(request, SESSION_KEY, application.reference)
    return HttpResponseRedirect(
        page.url
        + page.reverse_subpage(
            "application_done", kwargs={"reference": application.reference}
        )
    )


def render_done(request, page, application):
    context = page.get_context(request)
    context.update({"application": application, "noindex": True})
    return TemplateResponse(request, "academy/academy_apply_done.html", context)


def application_done(request, page, reference):
    # Only the browser that sent the application sees its confirmation page.
    if not has_reference(request, SESSION_KEY, reference):
        raise Http404
    application = AcademyApplication.objects.filter(
        reference=reference, cohort__page=page
    ).first()
    if application is None:
        raise Http404
    return render_done(request, page, application)
