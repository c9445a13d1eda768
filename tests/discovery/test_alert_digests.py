"""The alert digest command: what is new per alert, daily and weekly, sent once
(idempotent), resumable after a failure part-way, and safe with a failing mail
server."""

import datetime
import io

from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import Page

import pytest

from discovery import alerts
from discovery.models import AlertSubscriber, AlertSubscription
from portal.models import QueuedEmail
from portal.outbox import send_queued_emails
from tests.factories import (
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    password_protected,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db

FAILING = "tests.email_backends.FailingEmailBackend"
NOW = timezone.now()
LAST_WEEK = NOW - datetime.timedelta(days=8)


@pytest.fixture
def site(home_page):
    return {
        "directory": DirectoryIndexPageFactory(parent=home_page),
        "guides": GuideIndexPageFactory(parent=home_page),
        "events": EventIndexPageFactory(parent=home_page),
    }


def published(page, when):
    type(page).objects.filter(pk=page.pk).update(first_published_at=when)
    return page


def follow(email, kind, target, frequency="weekly", since=LAST_WEEK):
    subscriber, _ = AlertSubscriber.objects.get_or_create(email=email)
    return AlertSubscription.objects.create(
        subscriber=subscriber,
        kind=kind,
        target=target,
        frequency=frequency,
        confirmed_at=since,
        last_sent_at=since,
    )


def digests():
    return list(QueuedEmail.objects.filter(subject__contains="new item").order_by("pk"))


def stamp_new_pages():
    """Factories make live pages without a first publication time; give them now."""
    Page.objects.filter(first_published_at__isnull=True).update(
        first_published_at=timezone.now()
    )


def run(now=None):
    stamp_new_pages()
    return alerts.send_digests(now=now or timezone.now(), base_url="http://portal")


def test_topic_digest_lists_new_guides_entries_and_events(site):
    old = published(
        DirectoryEntryPageFactory(
            parent=site["directory"], title="Old course", topics=["Dementia care"]
        ),
        LAST_WEEK - datetime.timedelta(days=1),
    )
    DirectoryEntryPageFactory(
        parent=site["directory"], title="New dementia course", topics=["Dementia care"]
    )
    DirectoryEntryPageFactory(
        parent=site["directory"], title="Medicines course", topics=["Medicines"]
    )
    DirectoryEntryPageFactory(
        parent=site["directory"],
        title="Draft course",
        topics=["Dementia care"],
        live=False,
    )
    password_protected(
        DirectoryEntryPageFactory(
            parent=site["directory"], title="Private course", topics=["Dementia care"]
        )
    )
    GuidePageFactory(
        parent=site["guides"],
        title="Living well with dementia",
        topics=["Dementia care"],
    )
    event = EventPageFactory(parent=site["events"], title="Dementia friends session")
    event.tags.add("Dementia care")
    event.save()
    follow("manager@example.org", "topic", "dementia-care")
    stamp_new_pages()
    now = timezone.now()

    result = run(now)

    assert (result.sent, result.empty, result.failed) == (1, 0, [])
    (digest,) = digests()
    assert digest.to == ["manager@example.org"]
    assert digest.subject.endswith("3 new items for you")
    body = digest.body
    assert "== Topic: Dementia care ==" in body
    for title in (
        "New dementia course",
        "Living well with dementia",
        "Dementia friends session",
    ):
        assert title in body
    for title in (old.title, "Medicines course", "Draft course", "Private course"):
        assert title not in body
    assert "http://portal/alerts/unsubscribe/" in body
    assert "http://portal/alerts/manage/" in body
    assert digest.headers["List-Unsubscribe"].startswith(
        "<http://portal/alerts/unsubscribe/"
    )
    assert digest.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert AlertSubscription.objects.get().last_sent_at == now


def test_directory_filter_digest_lists_only_matching_entries(site):
    DirectoryEntryPageFactory(
        parent=site["directory"],
        title="Nursing dementia course",
        topics=["Dementia care"],
        suits_residential=False,
        suits_emi=False,
    )
    DirectoryEntryPageFactory(
        parent=site["directory"],
        title="Residential dementia course",
        topics=["Dementia care"],
        suits_nursing=False,
        suits_emi=False,
    )
    follow("nurse@example.org", "directory", "home_type=nursing&topic=dementia-care")
    run()
    (digest,) = digests()
    assert "Nursing dementia course" in digest.body
    assert "Residential dementia course" not in digest.body
    assert "New directory entries, home type: Nursing; topic: Dementia care" in (
        digest.body
    )


def test_one_email_per_address_for_all_its_alerts(site):
    DirectoryEntryPageFactory(parent=site["directory"], topics=["Dementia care"])
    GuidePageFactory(parent=site["guides"], topics=["Medicines"])
    follow("manager@example.org", "topic", "dementia-care")
    follow("manager@example.org", "topic", "medicines")
    assert run().sent == 1
    (digest,) = digests()
    assert "Topic: Dementia care" in digest.body and "Topic: Medicines" in digest.body


def test_running_twice_sends_nobody_two_digests(site):
    DirectoryEntryPageFactory(parent=site["directory"], topics=["Dementia care"])
    follow("a@example.org", "topic", "dementia-care", frequency="daily")
    follow("b@example.org", "topic", "dementia-care")
    stamp_new_pages()
    call_command("send_alert_digests", stdout=io.StringIO())
    call_command("send_alert_digests", stdout=io.StringIO())
    assert sorted(digest.to[0] for digest in digests()) == [
        "a@example.org",
        "b@example.org",
    ]


def test_daily_and_weekly_are_due_on_their_own_schedule(site):
    daily = follow("daily@example.org", "topic", "dementia-care", "daily", NOW)
    weekly = follow("weekly@example.org", "topic", "dementia-care", "weekly", NOW)
    for days in range(1, 8):
        later = NOW + datetime.timedelta(days=days)
        entry = DirectoryEntryPageFactory(
            parent=site["directory"], topics=["Dementia care"]
        )
        published(entry, later - datetime.timedelta(hours=1))
        run(now=later)
    sent_to = [digest.to[0] for digest in digests()]
    assert sent_to.count("daily@example.org") == 7
    assert sent_to.count("weekly@example.org") == 1
    weekly.refresh_from_db()
    daily.refresh_from_db()
    assert weekly.last_sent_at == NOW + datetime.timedelta(days=7)
    (weekly_digest,) = [d for d in digests() if d.to == ["weekly@example.org"]]
    assert weekly_digest.subject.endswith("7 new items for you")


def test_empty_digests_are_not_sent(site):
    DirectoryEntryPageFactory(parent=site["directory"], topics=["Medicines"])
    subscription = follow("manager@example.org", "topic", "dementia-care")
    stamp_new_pages()
    now = timezone.now()
    result = run(now)
    assert (result.sent, result.empty) == (0, 1)
    assert not digests()
    subscription.refresh_from_db()
    assert subscription.last_sent_at == now  # checked: nothing new up to now


def test_unconfirmed_alerts_get_no_digest(site):
    DirectoryEntryPageFactory(parent=site["directory"], topics=["Dementia care"])
    subscription = follow("manager@example.org", "topic", "dementia-care")
    AlertSubscription.objects.filter(pk=subscription.pk).update(confirmed_at=None)
    assert run().sent == 0
    assert not digests()


def test_a_failing_mail_server_loses_nothing_and_sends_once(
    site, settings, django_capture_on_commit_callbacks
):
    DirectoryEntryPageFactory(parent=site["directory"], topics=["Dementia care"])
    follow("manager@example.org", "topic", "dementia-care")
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        run()
    with django_capture_on_commit_callbacks(execute=True):
        run()
    (digest,) = digests()
    assert digest.status == QueuedEmail.Status.PENDING
    assert "SMTPServerDisconnected" in digest.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    QueuedEmail.objects.update(next_attempt_at=timezone.now())
    assert send_queued_emails() == (1, 0)
    assert send_queued_emails() == (0, 0)
    (message,) = mail.outbox
    assert message.to == ["manager@example.org"]
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )


def test_a_failure_part_way_is_resumed_by_the_next_run(site, monkeypatch):
    DirectoryEntryPageFactory(parent=site["directory"], topics=["Dementia care"])
    for name in ("a", "b", "c"):
        follow(f"{name}@example.org", "topic", "dementia-care")
    stamp_new_pages()
    real = alerts.new_content

    def broken_for_b(subscription, *args):
        if subscription.subscriber.email == "b@example.org":
            raise RuntimeError("template blew up")
        return real(subscription, *args)

    monkeypatch.setattr(alerts, "new_content", broken_for_b)
    with pytest.raises(CommandError, match="1 digests failed"):
        call_command("send_alert_digests", stdout=io.StringIO())
    assert sorted(d.to[0] for d in digests()) == ["a@example.org", "c@example.org"]
    assert (
        AlertSubscription.objects.get(subscriber__email="b@example.org").last_sent_at
        == LAST_WEEK
    )  # rolled back with its failed transaction

    monkeypatch.setattr(alerts, "new_content", real)
    call_command("send_alert_digests", stdout=io.StringIO())
    assert sorted(d.to[0] for d in digests()) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]


def test_digest_queries_do_not_grow_with_content(site, django_assert_max_num_queries):
    follow("manager@example.org", "topic", "dementia-care")
    follow("manager@example.org", "directory", "topic=dementia-care")

    def add_entries(count):
        for _ in range(count):
            DirectoryEntryPageFactory(
                parent=site["directory"], topics=["Dementia care"]
            )

    add_entries(2)
    with django_assert_max_num_queries(40) as small:
        run()
    AlertSubscription.objects.update(last_sent_at=LAST_WEEK)
    add_entries(12)
    with django_assert_max_num_queries(40) as large:
        run()
    assert len(large.captured_queries) <= len(small.captured_queries) + 2


def test_topic_digest_includes_news_on_the_topic(site, news_index):
    NewsPageFactory(
        parent=news_index, title="Dementia pilot grows", topics=["Dementia care"]
    )
    NewsPageFactory(parent=news_index, title="Medicines update", topics=["Medicines"])
    NewsPageFactory(
        parent=news_index,
        title="Draft dementia news",
        topics=["Dementia care"],
        live=False,
    )
    follow("manager@example.org", "topic", "dementia-care")
    run()
    (digest,) = digests()
    assert "News\n" in digest.body
    assert "Dementia pilot grows" in digest.body
    assert "Medicines update" not in digest.body
    assert "Draft dementia news" not in digest.body


def test_news_filter_digest_uses_the_news_page_filters(site, news_index):
    NewsPageFactory(
        parent=news_index,
        title="New safeguarding thresholds",
        topics=["Safeguarding"],
        action_required=True,
        action="Read the thresholds and brief your staff.",
    )
    NewsPageFactory(
        parent=news_index, title="Safeguarding week recap", topics=["Safeguarding"]
    )
    follow("owner@example.org", "news", "topic=safeguarding&action_required=yes")
    run()
    (digest,) = digests()
    assert "News: Safeguarding; action required" in digest.body
    assert "New safeguarding thresholds" in digest.body
    assert "Safeguarding week recap" not in digest.body


def test_long_sections_are_cut_with_a_link_to_the_full_list(site):
    for _ in range(alerts.ITEMS_PER_SECTION + 3):
        DirectoryEntryPageFactory(parent=site["directory"], topics=["Dementia care"])
    follow("manager@example.org", "topic", "dementia-care")
    run()
    (digest,) = digests()
    assert "New in the directory (showing 10 of 13)" in digest.body
    assert digest.body.count("\n- ") == 10
    assert "See them all: http://portal/directory/?topic=dementia-care" in digest.body
    assert digest.subject.endswith("13 new items for you")
