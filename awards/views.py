"""The public nomination pages: thin views over `awards.forms` and `awards.services`."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from awards.choices import NominationState
from awards.forms import STATEMENT_WORD_LIMIT, NominationForm
from awards.services import submit_nomination, window_message
from portal.public_forms import has_reference, remember_reference
from portal.ratelimit import is_rate_limited

SESSION_KEY = "awards_nominations"


def nomination_rate_limit():
    """Nominations stored per client per hour."""
    return getattr(settings, "AWARDS_NOMINATIONS_PER_HOUR", 10)


def attempt_rate_limit():
    """Form submissions (valid or not) per client per hour: photo checks cost
    time, so even failing attempts are limited, more generously."""
    return getattr(settings, "AWARDS_ATTEMPTS_PER_HOUR", 3 * nomination_rate_limit())


TOO_MANY = (
    "You have sent a lot of nominations in the last hour. Please try again later, "
    "or contact us if you need help."
)


def privacy_page_url(request):
    from wagtail.models import Site

    from portal.models import PortalSettings

    site = Site.find_for_request(request)
    if site is None:
        return ""
    privacy = PortalSettings.for_site(site).privacy_page
    return privacy.url if privacy and privacy.live else ""


def render_nominate(request, page, form=None, status=200):
    state = page.nomination_state()
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "state": state,
            "window_message": window_message(page),
            "word_limit": STATEMENT_WORD_LIMIT,
            "privacy_url": privacy_page_url(request),
            "noindex": state != NominationState.OPEN,
        }
    )
    return TemplateResponse(request, "awards/nominate.html", context, status=status)


def nominate(request, page):
    categories = list(page.categories.all())
    if not page.nominations_are_open():
        # Closed or not yet open: no form, and anything posted is refused.
        return render_nominate(
            request, page, status=403 if request.method == "POST" else 200
        )
    if request.method != "POST":
        return render_nominate(request, page, NominationForm(categories=categories))

    form = NominationForm(request.POST, request.FILES, categories=categories)
    if form.is_spam():
        # Bots are shown a thank-you page, and nothing is stored.
        return TemplateResponse(
            request, "awards/nomination_done.html", page.get_context(request)
        )
    if is_rate_limited(request, "awards-attempt", attempt_rate_limit(), 3600):
        form.add_error(None, TOO_MANY)
        return render_nominate(request, page, form, status=429)
    if not form.is_valid():
        return render_nominate(request, page, form, status=400)
    if is_rate_limited(request, "awards-nominate", nomination_rate_limit(), 3600):
        form.add_error(None, TOO_MANY)
        return render_nominate(request, page, form, status=429)
    nomination = submit_nomination(
        page, form.chosen_category, form.nomination_data(), form.photo_bytes
    )
    remember_reference(request, SESSION_KEY, nomination.reference)
    return HttpResponseRedirect(
        page.url
        + page.reverse_subpage(
            "nomination_done", kwargs={"reference": nomination.reference}
        )
    )


def nomination_done(request, page, reference):
    # Only the browser that sent the nomination sees its confirmation page.
    if not has_reference(request, SESSION_KEY, reference):
        raise Http404
    nomination = page.nominations.filter(reference=reference).first()
    if nomination is None:
        raise Http404
    context = page.get_context(request)
    context.update({"nomination": nomination, "record": nomination, "noindex": True})
    return TemplateResponse(request, "awards/nomination_done.html", context)
