"""The manager's own pages: sign in by emailed link, the plan page, asking the
team for help, the feedback survey and stopping optional emails.

Every response is private to the browser (never stored by the page cache or a
proxy, never indexed). Pages behind sign-in send a signed-out visitor to the
sign-in form, which says the same whatever address is typed.
"""

import contextlib
import functools

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from portal.email_links import LinkError
from portal.ratelimit import is_rate_limited
from tracker import access, services
from tracker.feedback import AlreadyAnswered, record_feedback
from tracker.manager_forms import FeedbackForm, HelpForm, SignInForm
from tracker.manager_page import manager_page_context, surveys_waiting
from tracker.models import Milestone


def private(view):
    """No cache, proxy or search engine keeps these pages."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True, max_age=0)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def signed_in(view):
    """The page needs a signed-in manager: `request.manager`."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.manager = access.signed_in_manager(request)
        if request.manager is None:
            messages.info(request, "Sign in to see your support plan.")
            return redirect("managers:sign_in")
        return view(request, *args, **kwargs)

    return wrapped


def render_page(request, template, context=None, status=200):
    return render(
        request, template, {**(context or {}), "noindex": True}, status=status
    )


def rate_limited(request, scope, setting, default):
    return is_rate_limited(request, scope, getattr(settings, setting, default), 3600)


@private
@require_http_methods(["GET", "POST"])
def sign_in_request(request):
    if access.signed_in_manager(request) is not None:
        return redirect("managers:plan")
    if request.method != "POST":
        return render_page(request, "tracker/sign_in.html", {"form": SignInForm()})
    form = SignInForm(request.POST)
    if form.is_spam():
        return render_page(request, "tracker/sign_in_sent.html")
    if rate_limited(request, "tracker-sign-in", "TRACKER_SIGN_IN_FORMS_PER_HOUR", 10):
        form.add_error(
            None,
            "You have asked for several links in a short time. Wait an hour, "
            "then try again, or call the Care Quality Team.",
        )
        return render_page(request, "tracker/sign_in.html", {"form": form}, 429)
    if not form.is_valid():
        return render_page(request, "tracker/sign_in.html", {"form": form}, 400)
    access.send_sign_in_link(form.cleaned_data["email"])
    return render_page(
        request,
        "tracker/sign_in_sent.html",
        {"minutes": int(access.sign_in_link_age().total_seconds() // 60)},
    )


def link_problem(request, error):
    return render_page(
        request, "tracker/link_problem.html", {"reason": error.reason}, status=400
    )


@private
@require_http_methods(["GET", "POST"])
def sign_in_link(request, token):
    """The link from the email shows a button; pressing it signs in."""
    try:
        manager = access.manager_from_sign_in_token(token)
        if request.method == "POST":
            access.sign_in(request, manager)
            return redirect("managers:plan")
    except LinkError as error:
        return link_problem(request, error)
    return render_page(request, "tracker/sign_in_confirm.html", {"manager": manager})


@private
@require_POST
def sign_out(request):
    access.sign_out(request)
    messages.success(request, "You have signed out.")
    return redirect("managers:sign_in")


@private
@signed_in
@require_http_methods(["GET"])
def plan(request):
    context = manager_page_context(request.manager, request)
    context["help_form"] = HelpForm()
    return render_page(request, "tracker/plan.html", context)


@private
@signed_in
@require_http_methods(["GET", "POST"])
def ask_for_help(request):
    if request.method != "POST":
        return render_page(request, "tracker/help.html", {"form": HelpForm()})
    form = HelpForm(request.POST)
    if rate_limited(request, "tracker-help", "TRACKER_HELP_REQUESTS_PER_HOUR", 5):
        form.add_error(
            None,
            "You have sent several messages in a short time. Wait an hour, or "
            "call the Care Quality Team.",
        )
        return render_page(request, "tracker/help.html", {"form": form}, 429)
    if not form.is_valid():
        return render_page(request, "tracker/help.html", {"form": form}, 400)
    services.ask_for_help(request.manager, form.cleaned_data["message"])
    messages.success(
        request,
        "Thank you. Your message has gone to the Care Quality Team, who will "
        "get back to you, usually within two working days.",
    )
    return redirect("managers:plan")


@private
@signed_in
@require_http_methods(["GET", "POST"])
def feedback(request, milestone_id):
    milestone = next(
        (item for item in surveys_waiting(request.manager) if item.pk == milestone_id),
        None,
    )
    if milestone is None:
        answered = Milestone.objects.filter(
            pk=milestone_id, manager=request.manager, feedback__isnull=False
        ).exists()
        if answered:
            messages.info(request, "You have already answered this survey. Thank you.")
            return redirect("managers:plan")
        raise Http404
    context = {"milestone": milestone}
    if request.method != "POST":
        return render_page(
            request, "tracker/feedback.html", {**context, "form": FeedbackForm()}
        )
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render_page(
            request, "tracker/feedback.html", {**context, "form": form}, 400
        )
    # The same answers sent twice (a double click): the first copy is kept.
    with contextlib.suppress(AlreadyAnswered):
        record_feedback(milestone, **form.cleaned_data)
    messages.success(
        request,
        "Thank you for your answers. The Care Quality Team reads every one, "
        "and uses them to improve the support new managers get.",
    )
    return redirect("managers:plan")


@private
@csrf_exempt  # mail programs' one-click unsubscribe posts without a form
@require_http_methods(["GET", "POST"])
def stop_emails(request, token):
    """Stop review reminders and survey invitations: a page with a button, or
    a one-click POST from the mail program (RFC 8058)."""
    try:
        manager = access.manager_from_stop_emails_token(token)
    except LinkError as error:
        return link_problem(request, error)
    if request.method == "POST":
        access.stop_optional_emails(manager)
        return render_page(request, "tracker/emails_stopped.html")
    return render_page(request, "tracker/stop_emails.html", {"manager": manager})
