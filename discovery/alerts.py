"""Email alerts: what a subscription follows, its signed links, subscribing with
double opt-in, and the daily or weekly digest of what is new.

A subscription follows a topic (a taggit tag slug), a directory filter or a news
filter (the page's query string, checked by that page's own filter form). The
digest for an address lists what was published after each subscription's
`last_sent_at` watermark; the email is queued (portal/outbox.py) and the
watermarks moved on in one transaction per address, so a second run sends
nothing twice and a run that fails part-way can simply be run again.
"""

import datetime
import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from taggit.models import Tag

from directory.services import (
    describe_directory_filter,
    directory_form,
    directory_url,
    normalised_directory_query,
)
from discovery.models import (
    AlertFrequency,
    AlertKind,
    AlertSubscriber,
    AlertSubscription,
)
from discovery.models.alerts import ALERT_SUBJECT_PREFIX
from portal import email_links
from portal.email_links import (  # the alerts views and tests use these names
    LinkError,
    absolute,
    make_token,
    normalise_email,
    read_token,
    site_root_url,
    unsubscribe_headers,
)
from portal.outbox import queue_email

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = ALERT_SUBJECT_PREFIX
ITEMS_PER_SECTION = 10
CONFIRM_SALT = "discovery.alerts.confirm"
MANAGE_SALT = "discovery.alerts.manage"
UNSUBSCRIBE_SALT = "discovery.alerts.unsubscribe"


def confirm_max_age():
    return datetime.timedelta(days=getattr(settings, "ALERTS_CONFIRM_DAYS", 7))


def manage_max_age():
    return datetime.timedelta(days=getattr(settings, "ALERTS_MANAGE_DAYS", 14))


def unsubscribe_max_age():
    # Long enough that the link in any recent digest still works.
    return datetime.timedelta(days=getattr(settings, "ALERTS_UNSUBSCRIBE_DAYS", 90))


# What a subscription follows --------------------------------------------------


@dataclass
class Target:
    kind: str
    value: str
    label: str
    link: str = ""


def topic_target(slug):
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        return None
    return Target(AlertKind.TOPIC, tag.slug, f"Topic: {tag.name}")


def directory_target(raw):
    form, query = normalised_directory_query(raw)
    link = directory_url() + (f"?{query}" if query else "")
    return Target(AlertKind.DIRECTORY, query, describe_directory_filter(form), link)


def news_url():
    from news.models import NewsIndexPage

    index = NewsIndexPage.objects.live().first()
    return index.url if index else "/"


def news_target(raw):
    from news.services import NewsFilterForm

    form = NewsFilterForm(QueryDict(raw[:2000]))
    form.is_valid()  # every field is optional; unknown values are dropped
    query = form.querystring()
    description = form.description()
    label = f"News: {description}" if description else "All news"
    link = news_url() + (f"?{query}" if query else "")
    return Target(AlertKind.NEWS, query, label, link)


FILTER_TARGETS = {AlertKind.DIRECTORY: directory_target, AlertKind.NEWS: news_target}


def resolve_target(kind, value):
    """The Target for a stored or submitted (kind, value); None if not valid."""
    if kind == AlertKind.TOPIC:
        return topic_target(value)
    if kind in FILTER_TARGETS:
        return FILTER_TARGETS[kind](value)
    return None


def topic_choices():
    """Topics used by at least one guide, directory entry, event or news item."""
    return list(
        Tag.objects.filter(
            Q(guides_guidetag_items__isnull=False)
            | Q(directory_directoryentrytag_items__isnull=False)
            | Q(events_eventtag_items__isnull=False)
            | Q(news_newstag_items__isnull=False)
        )
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )


# Signed links -----------------------------------------------------------------


def confirm_token(subscription):
    return make_token(CONFIRM_SALT, s=subscription.pk, e=subscription.subscriber.email)


def manage_token(subscriber):
    return make_token(MANAGE_SALT, r=subscriber.pk, e=subscriber.email)


def unsubscribe_token(subscriber):
    return make_token(UNSUBSCRIBE_SALT, r=subscriber.pk, e=subscriber.email)


def subscription_from_token(token):
    data = read_token(token, CONFIRM_SALT, confirm_max_age())
    subscription = (
        AlertSubscription.objects.select_related("subscriber")
        .filter(pk=data.get("s"), subscriber__email=data.get("e"))
        .first()
    )
    if subscription is None:  # removed since the link was sent
        raise LinkError(LinkError.GONE)
    return subscription


def subscriber_from_token(token, salt, max_age):
    data = read_token(token, salt, max_age)
    subscriber = AlertSubscriber.objects.filter(
        pk=data.get("r"), email=data.get("e")
    ).first()
    if subscriber is None:
        raise LinkError(LinkError.GONE)
    return subscriber


def subscriber_links(subscriber, base_url):
    unsubscribe = absolute(
        base_url, reverse("alerts:unsubscribe", args=[unsubscribe_token(subscriber)])
    )
    manage = absolute(
        base_url, reverse("alerts:manage", args=[manage_token(subscriber)])
    )
    return {"unsubscribe_url": unsubscribe, "manage_url": manage}


# Subscribing ------------------------------------------------------------------


def too_many_emails(email):
    """True once an address has been sent the hourly limit of confirmation and
    manage-link emails."""
    limit = getattr(settings, "ALERTS_EMAILS_PER_ADDRESS_PER_HOUR", 5)
    return email_links.too_many_emails("alerts", email, limit)


def queue_alert_email(email, subject, template, context):
    """An alert email: the subject after the alerts prefix, and the one-click
    unsubscribe headers. `context` has the subscriber's links."""
    queue_email(
        email,
        f"{SUBJECT_PREFIX}: {subject}",
        render_to_string(template, context),
        headers=unsubscribe_headers(context["unsubscribe_url"]),
    )


def request_subscription(email, target, frequency, base_url):
    """Record a wish to follow `target` and email a confirmation link.

    The person sees the same answer whatever happens here: an address already
    following the target gets an email saying so (with a manage link) instead of
    a second confirmation, so the form never reveals who is subscribed.
    """
    email = normalise_email(email)
    with transaction.atomic():
        subscriber, _created = AlertSubscriber.objects.get_or_create(email=email)
        subscription, created = AlertSubscription.objects.get_or_create(
            subscriber=subscriber,
            kind=target.kind,
            target=target.value,
            defaults={"frequency": frequency},
        )
        if too_many_emails(email):
            return subscription
        links = subscriber_links(subscriber, base_url)
        context = {"target": target, "subscription": subscription, **links}
        if subscription.is_confirmed:
            queue_alert_email(
                email,
                "you already get this alert",
                "discovery/alerts_email_already.txt",
                context,
            )
            return subscription
        if not created and subscription.frequency != frequency:
            subscription.frequency = frequency
            subscription.save(update_fields=["frequency"])
        context["confirm_url"] = absolute(
            base_url, reverse("alerts:confirm", args=[confirm_token(subscription)])
        )
        context["confirm_days"] = confirm_max_age().days
        queue_alert_email(
            email, "confirm your alert", "discovery/alerts_email_confirm.txt", context
        )
    return subscription


def confirm_subscription(subscription, now=None):
    """Start the alert; the first digest lists what is published from now on."""
    if subscription.is_confirmed:
        return subscription
    now = now or timezone.now()
    subscription.confirmed_at = now
    subscription.last_sent_at = now
    subscription.save(update_fields=["confirmed_at", "last_sent_at"])
    return subscription


def send_manage_link(email, base_url):
    """Email a link to the manage page if the address follows anything confirmed.
    The caller shows the same message either way."""
    subscriber = AlertSubscriber.objects.filter(
        email=normalise_email(email), subscriptions__confirmed_at__isnull=False
    ).first()
    if subscriber is None or too_many_emails(subscriber.email):
        return False
    links = subscriber_links(subscriber, base_url)
    with transaction.atomic():
        queue_alert_email(
            subscriber.email,
            "change what you get",
            "discovery/alerts_email_manage.txt",
            {"manage_days": manage_max_age().days, **links},
        )
    return True


def erase_subscriber(subscriber):
    """Remove an address, everything it follows and every alert email to it."""
    with transaction.atomic():
        subscriber.delete()


def remove_expired_requests(now=None):
    """Unconfirmed subscriptions whose link has expired, and addresses left with
    nothing to follow, are deleted: nobody agreed to keep them."""
    cutoff = (now or timezone.now()) - confirm_max_age()
    removed, _ = AlertSubscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    for subscriber in AlertSubscriber.objects.filter(
        subscriptions__isnull=True, created_at__lt=cutoff
    ):
        erase_subscriber(subscriber)
    return removed


# What is new ------------------------------------------------------------------


@dataclass
class Section:
    heading: str
    items: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""


def page_items(queryset, since, until):
    """Newest first, at most ITEMS_PER_SECTION, and how many there are in all."""
    recent = queryset.filter(
        first_published_at__gt=since, first_published_at__lte=until
    ).order_by("-first_published_at", "pk")
    items = list(recent[:ITEMS_PER_SECTION])
    total = len(items)
    if total == ITEMS_PER_SECTION:
        total = recent.count()
    return items, total


def topic_sections(slug, tag_name, since, until):
    from directory.models import DirectoryEntryTag
    from directory.search import visible_entries
    from events.models import EventIndexPage, EventPage, EventTag
    from guides.models import GuideIndexPage, GuidePage, GuideTag
    from news.models import NewsPage, NewsTag

    def tagged(through):
        return through.objects.filter(tag__slug=slug).values("content_object_id")

    def index_url(model, query):
        index = model.objects.live().first()
        if index is None:
            return ""
        return f"{index.url}?{query}" if query else index.url

    topic_query = urlencode({"topic": slug})
    sources = [
        (
            "News",
            NewsPage.objects.live().public().filter(pk__in=tagged(NewsTag)),
            f"{news_url()}?{topic_query}",
        ),
        (
            "New guides",
            GuidePage.objects.live().public().filter(pk__in=tagged(GuideTag)),
            index_url(GuideIndexPage, topic_query),
        ),
        (
            "New in the directory",
            visible_entries().filter(pk__in=tagged(DirectoryEntryTag)),
            f"{directory_url()}?{topic_query}",
        ),
        (
            "New events",
            EventPage.objects.live().public().filter(pk__in=tagged(EventTag)),
            index_url(EventIndexPage, ""),
        ),
    ]
    sections = []
    for heading, queryset, more_url in sources:
        items, total = page_items(queryset, since, until)
        if items:
            sections.append(Section(heading, items, total, more_url))
    return sections


def directory_sections(target, since, until):
    from directory.search import DirectoryQuery, filtered_entries, run_search

    form = directory_form(QueryDict(target.value))
    query = DirectoryQuery.from_form(form)
    queryset = filtered_entries(query)
    if query.text:
        # Only entries matching the search text; the text decides, not the order.
        matching = run_search(
            queryset.filter(
                first_published_at__gt=since, first_published_at__lte=until
            ),
            query,
        )
        queryset = queryset.filter(pk__in=[entry.pk for entry in matching])
    items, total = page_items(queryset, since, until)
    if not items:
        return []
    return [Section("New in the directory", items, total, target.link)]


def news_sections(target, since, until):
    from news.services import news_published_since

    news = news_published_since(since, QueryDict(target.value))
    items, total = page_items(news.prefetch_related(None), since, until)
    if not items:
        return []
    return [Section("News", items, total, target.link)]


def new_content(subscription, target, since, until):
    """The sections of a digest for one subscription (empty if nothing is new)."""
    if subscription.kind == AlertKind.TOPIC:
        return topic_sections(subscription.target, target.label, since, until)
    if subscription.kind == AlertKind.DIRECTORY:
        return directory_sections(target, since, until)
    if subscription.kind == AlertKind.NEWS:
        return news_sections(target, since, until)
    return []


# Digests ----------------------------------------------------------------------


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def due_condition(now):
    """Daily alerts are due once per local day, weekly ones after seven days."""
    today = timezone.localdate(now)
    return Q(confirmed_at__isnull=False) & (
        Q(frequency=AlertFrequency.DAILY, last_sent_at__lt=local_midnight(today))
        | Q(
            frequency=AlertFrequency.WEEKLY,
            last_sent_at__lt=local_midnight(today - datetime.timedelta(days=6)),
        )
    )


@dataclass
class DigestRun:
    sent: int = 0
    empty: int = 0
    failed: list = field(default_factory=list)


def send_digests(now=None, base_url=None):
    """Queue one digest per address with alerts due. Safe to run again at any time:
    an address is handled in its own transaction, which queues the email and moves
    the watermarks on together, so it is never sent twice and a failure for one
    address leaves it due for the next run while the others carry on."""
    now = now or timezone.now()
    base_url = site_root_url() if base_url is None else base_url
    due = due_condition(now)
    subscriber_ids = list(
        AlertSubscription.objects.filter(due)
        .order_by("subscriber_id")
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    run = DigestRun()
    for subscriber_id in subscriber_ids:
        try:
            with transaction.atomic():
                outcome = send_digest(subscriber_id, due, now, base_url)
        except Exception as error:  # noqa: BLE001 - one address never stops the rest
            logger.exception("Alert digest for subscriber %s failed", subscriber_id)
            run.failed.append((subscriber_id, f"{type(error).__name__}: {error}"))
            continue
        if outcome == "sent":
            run.sent += 1
        elif outcome == "empty":
            run.empty += 1
    return run


def send_digest(subscriber_id, due, now, base_url):
    """Inside a transaction: queue one address's digest and move its watermarks."""
    subscriber = (
        AlertSubscriber.objects.select_for_update().filter(pk=subscriber_id).first()
    )
    if subscriber is None:
        return "gone"
    # Read again under the lock: a run that got here first has moved them on.
    subscriptions = list(subscriber.subscriptions.filter(due))
    if not subscriptions:
        return "done"
    alerts = []
    for subscription in subscriptions:
        target = resolve_target(subscription.kind, subscription.target)
        if target is None:
            # The topic has gone; nothing new can be found for it.
            continue
        sections = new_content(subscription, target, subscription.last_sent_at, now)
        if sections:
            alerts.append({"target": target, "sections": sections})
    AlertSubscription.objects.filter(
        pk__in=[subscription.pk for subscription in subscriptions]
    ).update(last_sent_at=now)
    if not alerts:
        return "empty"
    links = subscriber_links(subscriber, base_url)
    count = sum(section.total for alert in alerts for section in alert["sections"])
    queue_alert_email(
        subscriber.email,
        f"{count} new item{'s' if count != 1 else ''} for you",
        "discovery/alerts_email_digest.txt",
        {"alerts": alerts, "base_url": base_url.rstrip("/"), **links},
    )
    return "sent"
