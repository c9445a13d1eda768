"""Email alerts: subscribing with double opt-in, signed links, managing,
unsubscribing and erasing, through the public pages and the admin."""

import re
import time
from unittest import mock

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from discovery import alerts
from discovery.models import AlertSubscriber, AlertSubscription
from portal.models import QueuedEmail
from portal.outbox import send_queued_email
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/alerts/"


def emails():
    """Queued emails, oldest first (they are sent after the test's transaction)."""
    return list(QueuedEmail.objects.order_by("pk"))


def link_in(body, name):
    match = re.search(rf"http://testserver(/alerts/{name}/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


def subscribe(client, email="manager@example.org", **data):
    data = {"email": email, "frequency": "weekly", "topic": "dementia-care", **data}
    return client.post(SUBSCRIBE, data)


def filter_subscription(client, kind, query):
    """Subscribes to a directory or news filter; returns the (kind, target) stored."""
    subscribe(client, **{kind: query}, topic="")
    subscription = AlertSubscription.objects.get()
    return subscription.kind, subscription.target


def confirmed_subscription(client, email="manager@example.org", **data):
    subscribe(client, email, **data)
    confirm_path = link_in(emails()[-1].body, "confirm")
    client.post(confirm_path)
    return AlertSubscription.objects.get(subscriber__email=email)


def test_subscribe_page_offers_the_topics_in_use(client, directory):
    response = client.get(SUBSCRIBE + "?topic=dementia-care")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="dementia-care" selected>Dementia care</option>' in html
    assert "Medicines" in html
    assert 'name="website"' in html  # the honeypot


def test_subscribing_sends_a_confirmation_and_stores_nothing_confirmed(
    client, directory
):
    response = subscribe(client)
    assert response.status_code == 302
    assert response.url == reverse("alerts:check_email")
    subscription = AlertSubscription.objects.get()
    assert subscription.subscriber.email == "manager@example.org"
    assert subscription.kind == "topic" and subscription.target == "dementia-care"
    assert subscription.confirmed_at is None
    (queued,) = emails()
    send_queued_email(queued.pk)
    (message,) = mail.outbox
    assert message.to == ["manager@example.org"]
    assert "Topic: Dementia care" in message.body
    assert "/alerts/confirm/" in message.body
    unsubscribe_url = "http://testserver" + link_in(message.body, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )


def test_confirming_from_the_emailed_link(client, directory):
    subscribe(client, frequency="daily")
    confirm_path = link_in(emails()[0].body, "confirm")
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Confirm my alert" in page.content.decode()
    assert AlertSubscription.objects.get().confirmed_at is None  # GET alone does not
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert response.url.startswith("/alerts/manage/")
    subscription = AlertSubscription.objects.get()
    assert subscription.confirmed_at is not None
    assert subscription.last_sent_at == subscription.confirmed_at
    manage = client.get(response.url)
    assert "Your alert is confirmed" in manage.content.decode()
    assert "Topic: Dementia care" in manage.content.decode()


def test_the_form_never_reveals_an_existing_subscription(client, directory):
    confirmed_subscription(client)
    QueuedEmail.objects.all().delete()
    other = Client()
    first = subscribe(other)
    unknown = subscribe(other, email="someone.else@example.org")
    assert first.status_code == unknown.status_code == 302
    assert first.url == unknown.url
    assert AlertSubscription.objects.filter(confirmed_at__isnull=False).count() == 1
    already, confirm = emails()
    assert "already gets that alert" in already.body
    assert "/alerts/confirm/" not in already.body
    assert "/alerts/confirm/" in confirm.body


def test_directory_filter_is_checked_by_the_directory_form(client, directory):
    query = "topic=dementia-care&home_type=emi&home_type=castle&page=3&colour=red"
    response = client.get(SUBSCRIBE, {"directory": query})
    html = response.content.decode()
    assert (
        "New directory entries, home type: EMI (dementia and mental health); " in html
    )
    assert "topic: Dementia care" in html
    assert 'content="noindex' in html
    assert filter_subscription(client, "directory", query) == (
        "directory",
        "home_type=emi&topic=dementia-care",
    )


def test_invalid_subscription_shows_errors_and_keeps_what_was_typed(client, directory):
    response = client.post(
        SUBSCRIBE, {"email": "not-an-address", "frequency": "hourly", "topic": ""}
    )
    assert_shows(
        page_html(response, status=400),
        "There is a problem",
        "Enter an email address in the correct format",
        "Choose daily or weekly",
        "Choose a topic to follow",
        'value="not-an-address"',
    )
    unknown_topic = client.post(
        SUBSCRIBE, {"email": "a@example.org", "frequency": "daily", "topic": "nope"}
    )
    assert unknown_topic.status_code == 400
    assert "Choose one of the topics listed" in unknown_topic.content.decode()
    assert not AlertSubscriber.objects.exists()


def test_honeypot_and_rate_limit(client, directory, settings):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 302
    assert not AlertSubscriber.objects.exists() and not emails()
    settings.ALERTS_REQUESTS_PER_HOUR = 2
    for number in range(2):
        assert subscribe(client, email=f"a{number}@example.org").status_code == 302
    limited = subscribe(client, email="a3@example.org")
    assert limited.status_code == 429
    assert "Please try again later" in limited.content.decode()
    assert 'value="a3@example.org"' in limited.content.decode()
    assert AlertSubscriber.objects.count() == 2


# Signed links -----------------------------------------------------------------


def test_tampered_links_are_rejected_clearly(client, directory):
    subscription = confirmed_subscription(client)
    token = alerts.unsubscribe_token(subscription.subscriber)
    for bad in (
        token[:-2] + "xx",
        "nonsense",
        alerts.manage_token(subscription.subscriber),
    ):
        response = client.post(f"/alerts/unsubscribe/{bad}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    confirm = client.get(f"/alerts/confirm/{token}/")  # right signer, wrong purpose
    assert confirm.status_code == 400
    assert AlertSubscriber.objects.count() == 1


def test_expired_links_are_rejected_clearly(client, directory):
    subscribe(client)
    subscription = AlertSubscription.objects.get()
    long_ago = time.time() - 91 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        unsubscribe = alerts.unsubscribe_token(subscription.subscriber)
        confirm = alerts.confirm_token(subscription)
        manage = alerts.manage_token(subscription.subscriber)
    for path in (
        f"/alerts/unsubscribe/{unsubscribe}/",
        f"/alerts/confirm/{confirm}/",
        f"/alerts/manage/{manage}/",
    ):
        response = client.get(path)
        assert response.status_code == 400
        assert "This link has expired" in response.content.decode()
    assert client.post(f"/alerts/unsubscribe/{unsubscribe}/").status_code == 400
    assert AlertSubscription.objects.exists()


def test_unsubscribe_from_the_email_link_erases_the_address(client, directory):
    subscription = confirmed_subscription(client)
    alerts.request_subscription(
        "manager@example.org",
        alerts.directory_target("topic=medicines"),
        "daily",
        "http://testserver/",
    )
    path = link_in(emails()[-1].body, "unsubscribe")
    page = client.get(path)
    assert page.status_code == 200
    assert "manager@example.org" in page.content.decode()
    assert AlertSubscriber.objects.exists()  # looking is not unsubscribing
    response = client.post(path)
    assert response.status_code == 200
    assert "You have unsubscribed" in response.content.decode()
    assert not AlertSubscriber.objects.filter(pk=subscription.subscriber_id).exists()
    assert not AlertSubscription.objects.exists()
    assert not QueuedEmail.objects.filter(to__icontains="manager@example.org").exists()
    again = client.post(path)
    assert again.status_code == 200  # already gone: the outcome they wanted


def test_one_click_unsubscribe_needs_no_csrf_cookie(directory):
    subscription = confirmed_subscription(Client())
    client = Client(enforce_csrf_checks=True)  # as a mail program posts
    token = alerts.unsubscribe_token(subscription.subscriber)
    response = client.post(
        f"/alerts/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not AlertSubscriber.objects.exists()


# Managing ---------------------------------------------------------------------


def test_manage_link_is_emailed_only_to_subscribed_addresses(client, directory):
    confirmed_subscription(client)
    QueuedEmail.objects.all().delete()
    known = client.post("/alerts/manage/", {"email": "manager@example.org"})
    unknown = client.post("/alerts/manage/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    (message,) = emails()
    assert message.to == ["manager@example.org"]
    assert "/alerts/manage/" in message.body
    invalid = client.post("/alerts/manage/", {"email": "nope"})
    assert invalid.status_code == 400
    assert 'value="nope"' in invalid.content.decode()


def test_changing_and_stopping_one_alert(client, directory):
    subscription = confirmed_subscription(client)
    stranger = confirmed_subscription(Client(), email="other@example.org")
    path = reverse("alerts:manage", args=[alerts.manage_token(subscription.subscriber)])
    page = client.get(path).content.decode()
    assert "Topic: Dementia care" in page and "other@example.org" not in page
    client.post(path, {"subscription": subscription.pk, "frequency": "daily"})
    subscription.refresh_from_db()
    assert subscription.frequency == "daily"
    # Someone else's alert cannot be touched from this page.
    response = client.post(path, {"subscription": stranger.pk, "action": "remove"})
    assert "was not found" in client.get(response.url).content.decode()
    assert AlertSubscription.objects.filter(pk=stranger.pk).exists()
    client.post(path, {"subscription": "x1", "action": "remove"})
    client.post(path, {"subscription": subscription.pk, "action": "remove"})
    assert not AlertSubscription.objects.filter(pk=subscription.pk).exists()


def test_unconfirmed_requests_are_removed_when_their_link_expires(directory):
    alerts.request_subscription(
        "late@example.org",
        alerts.topic_target("dementia-care"),
        "weekly",
        "http://testserver/",
    )
    AlertSubscription.objects.update(
        created_at=AlertSubscription.objects.get().created_at
        - alerts.confirm_max_age()
        - alerts.datetime.timedelta(minutes=1)
    )
    AlertSubscriber.objects.update(
        created_at=AlertSubscription.objects.get().created_at
    )
    alerts.remove_expired_requests()
    assert not AlertSubscriber.objects.exists()
    assert not QueuedEmail.objects.filter(to__icontains="late@example.org").exists()


# Admin ------------------------------------------------------------------------


def test_administrators_find_export_and_erase_subscribers(
    client, directory, admin_user, editor
):
    subscription = confirmed_subscription(client)
    confirmed_subscription(Client(), email="other@example.org")
    index = reverse("alert_subscribers:index")
    client.force_login(editor)
    assert client.get(index).status_code in (302, 403)
    client.force_login(admin_user)
    found = client.get(index, {"q": "manager@"}).content.decode()
    assert "manager@example.org" in found and "other@example.org" not in found
    export = client.get(index, {"export": "csv"})
    csv_text = b"".join(export.streaming_content).decode()
    assert "manager@example.org" in csv_text
    assert "Topic: dementia-care (weekly, confirmed)" in csv_text
    delete = reverse("alert_subscribers:delete", args=[subscription.subscriber_id])
    assert client.post(delete).status_code == 302
    assert list(AlertSubscriber.objects.values_list("email", flat=True)) == [
        "other@example.org"
    ]
    assert not QueuedEmail.objects.filter(to__icontains="manager@example.org").exists()
    assert client.get(reverse("alert_subscribers:add")).status_code in (302, 403)


def test_news_filter_is_checked_by_the_news_form(client, directory, home_page):
    from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

    news = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news, topics=["Safeguarding"])
    listing = client.get(news.url + "?topic=safeguarding").content.decode()
    assert 'href="/alerts/?news=topic%3Dsafeguarding"' in listing
    query = "action_required=yes&topic=safeguarding&topic=nope&page=2&colour=red"
    page = client.get(SUBSCRIBE, {"news": query}).content.decode()
    assert "News: Safeguarding; action required" in page
    assert 'name="news" value="topic=safeguarding&amp;action_required=yes"' in page
    assert filter_subscription(client, "news", query) == (
        "news",
        "topic=safeguarding&action_required=yes",
    )


def test_an_address_is_not_flooded_from_many_machines(directory, settings):
    settings.ALERTS_EMAILS_PER_ADDRESS_PER_HOUR = 2
    for number in range(4):
        machine = Client(REMOTE_ADDR=f"192.0.2.{number}")
        response = subscribe(machine, directory=f"q=course+{number}", topic="")
        assert response.status_code == 302
    assert len(emails()) == 2
    assert AlertSubscription.objects.count() == 4  # each can still be asked for later
    manage = Client(REMOTE_ADDR="192.0.2.9").post(
        "/alerts/manage/", {"email": "manager@example.org"}
    )
    assert manage.status_code == 302
    assert len(emails()) == 2
