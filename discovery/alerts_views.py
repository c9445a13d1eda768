"""Public pages for email alerts: subscribe, confirm, manage and unsubscribe.

Nobody logs in: confirming, managing and unsubscribing work from signed links
sent by email. Pages never say whether an address is subscribed.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from discovery import alerts
from discovery.models import AlertFrequency, AlertSubscription
from portal.forms_utils import HoneypotMixin
from portal.public_forms import email_field
from portal.ratelimit import is_rate_limited


def alerts_rate_limit():
    return getattr(settings, "ALERTS_REQUESTS_PER_HOUR", 10)


class SubscribeForm(HoneypotMixin, forms.Form):
    topic = forms.ChoiceField(
        label="Topic",
        required=False,
        error_messages={"invalid_choice": "Choose one of the topics listed"},
    )
    directory = forms.CharField(required=False, widget=forms.HiddenInput)
    news = forms.CharField(required=False, widget=forms.HiddenInput)
    email = email_field(help_text="We will send a link to this address to confirm.")
    frequency = forms.ChoiceField(
        label="How often?",
        choices=AlertFrequency.choices,
        initial=AlertFrequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how often you want an email",
            "invalid_choice": "Choose daily or weekly",
        },
    )

    field_order = ["topic", "directory", "news", "email", "frequency", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "Choose a topic")] + alerts.topic_choices()

    @property
    def followed_filter(self):
        """ "directory" or "news" when following a filtered list, else None."""
        return next((kind for kind in alerts.FILTER_TARGETS if kind in self.data), None)

    def filter_target(self):
        kind = self.followed_filter
        return alerts.FILTER_TARGETS[kind](self.data.get(kind, "")) if kind else None

    def clean(self):
        data = super().clean()
        if self.followed_filter:
            data["target"] = self.filter_target()
        elif data.get("topic"):
            data["target"] = alerts.topic_target(data["topic"])
        elif "topic" not in self.errors:
            self.add_error("topic", "Choose a topic to follow")
        return data


class EmailForm(HoneypotMixin, forms.Form):
    email = email_field()


def base_url(request):
    return request.build_absolute_uri("/")


def link_problem(request, error, what):
    return render(
        request,
        "discovery/alerts_link_problem.html",
        {"reason": error.reason, "what": what, "noindex": True},
        status=400,
    )


def target_from_query(request):
    """What a link to the subscribe page asks to follow, checked like a submission."""
    for kind, make_target in alerts.FILTER_TARGETS.items():
        if kind in request.GET:
            return make_target(request.GET[kind])
    if request.GET.get("topic"):
        return alerts.topic_target(request.GET["topic"])
    return None


def privacy_link(request):
    from portal.models import PortalSettings

    privacy = PortalSettings.for_request(request).privacy_page
    return privacy.url if privacy and privacy.live else ""


def render_subscribe(request, form, target, status=200):
    return render(
        request,
        "discovery/alerts_subscribe.html",
        {
            "form": form,
            "target": target,
            "follows_filter": bool(target and target.kind in alerts.FILTER_TARGETS),
            "privacy_url": privacy_link(request),
            "noindex": bool(request.GET),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method != "POST":
        target = target_from_query(request)
        initial = {target.kind: target.value} if target else {}
        return render_subscribe(request, SubscribeForm(initial=initial), target)
    form = SubscribeForm(request.POST)
    if form.is_spam():
        return HttpResponseRedirect(reverse("alerts:check_email"))
    valid = form.is_valid()
    target = form.cleaned_data.get("target") or form.filter_target()
    if is_rate_limited(request, "alerts", alerts_rate_limit(), 3600):
        form.add_error(
            None,
            "You have asked for a lot of alerts in the last hour. Please try again "
            "later.",
        )
        return render_subscribe(request, form, target, status=429)
    if not valid:
        return render_subscribe(request, form, target, status=400)
    alerts.request_subscription(
        form.cleaned_data["email"],
        target,
        form.cleaned_data["frequency"],
        base_url(request),
    )
    return HttpResponseRedirect(reverse("alerts:check_email"))


def check_email(request):
    return render(request, "discovery/alerts_check_email.html", {"noindex": True})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscription = alerts.subscription_from_token(token)
    except alerts.LinkError as error:
        return link_problem(request, error, "confirm")
    target = alerts.resolve_target(subscription.kind, subscription.target)
    if request.method == "POST":
        alerts.confirm_subscription(subscription)
        messages.success(
            request,
            f"Your alert is confirmed. We will email you "
            f"{subscription.get_frequency_display().lower()} when there is "
            f"something new.",
        )
        token = alerts.manage_token(subscription.subscriber)
        return HttpResponseRedirect(reverse("alerts:manage", args=[token]))
    return render(
        request,
        "discovery/alerts_confirm.html",
        {"subscription": subscription, "target": target, "noindex": True},
    )


@require_http_methods(["GET", "POST"])
def request_manage_link(request):
    if request.method != "POST":
        return render(
            request, "discovery/alerts_manage_request.html", {"form": EmailForm()}
        )
    form = EmailForm(request.POST)
    if form.is_spam():
        return HttpResponseRedirect(reverse("alerts:check_email"))
    valid = form.is_valid()
    if is_rate_limited(request, "alerts", alerts_rate_limit(), 3600):
        form.add_error(
            None,
            "You have asked for a lot of links in the last hour. Please try again "
            "later.",
        )
        return render(
            request, "discovery/alerts_manage_request.html", {"form": form}, status=429
        )
    if not valid:
        return render(
            request, "discovery/alerts_manage_request.html", {"form": form}, status=400
        )
    alerts.send_manage_link(form.cleaned_data["email"], base_url(request))
    return HttpResponseRedirect(reverse("alerts:check_email"))


@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        subscriber = alerts.subscriber_from_token(
            token, alerts.MANAGE_SALT, alerts.manage_max_age()
        )
    except alerts.LinkError as error:
        return link_problem(request, error, "manage")
    if request.method == "POST":
        return change_subscription(request, subscriber, token)
    subscriptions = [
        {"subscription": item, "target": alerts.resolve_target(item.kind, item.target)}
        for item in subscriber.subscriptions.filter(confirmed_at__isnull=False)
    ]
    return render(
        request,
        "discovery/alerts_manage.html",
        {
            "subscriber": subscriber,
            "subscriptions": subscriptions,
            "frequencies": AlertFrequency.choices,
            "unsubscribe_token": alerts.unsubscribe_token(subscriber),
            "noindex": True,
        },
    )


def change_subscription(request, subscriber, token):
    here = reverse("alerts:manage", args=[token])
    chosen = request.POST.get("subscription", "")
    subscription = (
        AlertSubscription.objects.filter(
            subscriber=subscriber, pk=int(chosen), confirmed_at__isnull=False
        ).first()
        if chosen.isdigit() and len(chosen) < 12
        else None
    )
    if subscription is None:
        messages.error(request, "That alert was not found. It may have been removed.")
        return HttpResponseRedirect(here)
    target = alerts.resolve_target(subscription.kind, subscription.target)
    label = target.label if target else str(subscription)
    if request.POST.get("action") == "remove":
        subscription.delete()
        messages.success(request, f"You will no longer get alerts for {label}.")
    elif request.POST.get("frequency") in AlertFrequency.values:
        subscription.frequency = request.POST["frequency"]
        subscription.save(update_fields=["frequency"])
        messages.success(
            request,
            f"{label}: you will now get emails "
            f"{subscription.get_frequency_display().lower()}.",
        )
    else:
        messages.error(request, "Choose daily or weekly.")
    return HttpResponseRedirect(here)


# Mail programs send the one-click POST (RFC 8058) without a CSRF cookie; the
# signed token in the address is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = alerts.subscriber_from_token(
            token, alerts.UNSUBSCRIBE_SALT, alerts.unsubscribe_max_age()
        )
    except alerts.LinkError as error:
        if error.reason == alerts.LinkError.GONE:
            # Already unsubscribed (the address is gone): the outcome they wanted.
            return render(
                request, "discovery/alerts_unsubscribed.html", {"noindex": True}
            )
        return link_problem(request, error, "unsubscribe")
    if request.method == "POST":
        alerts.erase_subscriber(subscriber)
        return render(request, "discovery/alerts_unsubscribed.html", {"noindex": True})
    return render(
        request,
        "discovery/alerts_unsubscribe.html",
        {"subscriber": subscriber, "token": token, "noindex": True},
    )
