"""Mail and background work for real: emails go through a real SMTP server,
sent by `manage.py db_worker` processes, with the portal on PostgreSQL.

The portal runs under gunicorn with production settings, TASKS_BACKEND=database
and EMAIL_URL pointing at an aiosmtpd process (tests/reliability/mail_server.py)
that keeps every message it accepts. People use the public forms over HTTP: a
support request and a Leadership Academy application (each a receipt to the
sender and a notice to the Care Quality Team), an event booking (a confirmation
with a calendar file) and an email alert (a confirmation link, then digests).
The mail server is taken down and brought back, made to refuse mail, and two
workers and cron run at once; every email must arrive exactly once.

Retries are a second apart here (EMAIL_RETRY_SECONDS=1, at most
EMAIL_RETRY_MAX_SECONDS=1), so no test waits minutes.
"""

import re
import textwrap
import uuid
from collections import Counter

import psycopg
import pytest

from tests.reliability.mail_server import MailServer
from tests.reliability.services import (
    PYTHON,
    AppServer,
    LoggedProcess,
    Visitor,
    form_token,
    manage,
    portal_environment,
    wait_for,
)

TEAM = "care-quality@example.gov.uk"  # the demo site's contact email
ALERTS = "Care Quality Portal alerts"
WAIT = 20  # seconds: the longest any email may take once it can go


@pytest.fixture(scope="module")
def site(seeded_site, tmp_path_factory):
    """A copy of the seeded site (its demo emails were sent while seeding), the
    SMTP server and one app server."""
    folder = tmp_path_factory.mktemp("mail-and-worker")
    mail = MailServer(folder / "mail").start()
    environment, _ = seeded_site.copy(
        "mail_and_worker",
        portal_environment,
        SEARCH_BACKEND="database",
        TASKS_BACKEND="database",
        EMAIL_URL=mail.url,
        EMAIL_TIMEOUT=5,
        EMAIL_RETRY_SECONDS=1,
        EMAIL_RETRY_MAX_SECONDS=1,
        DEFAULT_FROM_EMAIL="portal@care.example.gov.uk",
    )
    app = AppServer(environment).start()
    yield {"environment": environment, "mail": mail, "app": app}
    app.close()
    mail.stop()


@pytest.fixture
def workers(site):
    """Starts long-running `manage.py db_worker` processes; stops them after."""
    started = []

    def start(count=1):
        for _ in range(count):
            started.append(Worker(site["environment"]).start())
        return started[-count:]

    yield start
    for worker in started:
        worker.stop()
    outputs = [worker.close() for worker in started]
    assert not any("Traceback" in output for output in outputs), outputs


class Worker(LoggedProcess):
    """`manage.py db_worker`, as systemd would run it next to gunicorn (stopped,
    it finishes the task in hand, then exits)."""

    def __init__(self, environment):
        super().__init__()
        self.environment = environment

    def start(self):
        self.launch(
            [
                PYTHON,
                "manage.py",
                "db_worker",
                "--no-startup-delay",
                "--interval",
                "0.1",
            ],
            self.environment,
        )
        return self

    def ready(self):
        return "Starting worker" in self.output()


def batch_worker(site):
    """`db_worker --batch`: runs every task that is due, then exits."""
    return manage(site["environment"], "db_worker", "--batch", "--no-startup-delay")


# Reading the database and the mailbox ------------------------------------------


def rows(site, sql, *params):
    with psycopg.connect(site["environment"]["DATABASE_URL"]) as connection:
        return connection.execute(sql, params).fetchall()


def outbox(site, expected):
    """(status, attempts, last_error) of the queued emails expected, by
    (recipient, subject start) pairs."""
    found = {}
    for to, subject, status, attempts, last_error in rows(
        site,
        'SELECT "to", subject, status, attempts, last_error FROM portal_queuedemail',
    ):
        for address_, start in expected:
            if to == [address_] and subject.startswith(start):
                found.setdefault((address_, start), []).append(
                    (status, attempts, last_error)
                )
    return found


def delivered(site, address, subject_start=""):
    """The messages the SMTP server accepted for this address (envelope and
    header), whose subject starts so."""
    return [
        message
        for message in site["mail"].messages()
        if address in message["X-Envelope-To"].split(", ")
        and message["To"] == address
        and message["Subject"].startswith(subject_start)
    ]


def states(site, expected):
    """(status, attempts, last_error) of every expected email queued."""
    return [state for found in outbox(site, expected).values() for state in found]


def all_sent(site, expected):
    """Every expected email is queued once, and sent."""
    emails = outbox(site, expected)
    return len(emails) == len(expected) and all(
        [status for status, _attempts, _error in states] == ["sent"]
        for states in emails.values()
    )


def assert_each_arrived_once(site, expected):
    """expected: (recipient, subject start) pairs. Each arrived exactly once
    through SMTP, and nothing ever arrived twice (every Message-ID is new)."""
    for address, subject in expected:
        found = delivered(site, address, subject)
        assert len(found) == 1, (address, subject, len(found))
        assert found[0]["From"] == "portal@care.example.gov.uk"
    people = {address for address, _subject in expected} - {TEAM}
    for person in people:
        wanted = [subject for address, subject in expected if address == person]
        assert len(delivered(site, person)) == len(wanted), person
    ids = Counter(message["Message-ID"] for message in site["mail"].messages())
    assert ids and max(ids.values()) == 1, ids.most_common(3)


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


# What people do on the site ------------------------------------------------------


def address(label):
    return f"{label}-{uuid.uuid4().hex[:8]}@home.example.org"


def send_reference_form(visitor, path, data, prefix):
    """Sends the public form at path; returns the reference (prefix-...) in the
    address of the confirmation page it leads to."""
    response = visitor.post(
        path, data={"csrfmiddlewaretoken": visitor.csrf_token(path), **data}
    )
    assert response.status_code == 302, response.text[:500]
    return re.search(rf"/({prefix}-[^/]+)/$", response.headers["Location"]).group(1)


def ask_for_support(site, email):
    request = {
        "home_name": "Maple House",
        "cqc_location_id": "1-123456789",
        "home_type": "nursing",
        "contact_name": "Priya Shah",
        "email": email,
        "need": "training",
        "urgency": "routine",
        "description": "We would like help planning dementia training.",
        "consent": "on",
        "website": "",
    }
    return send_reference_form(
        Visitor(site["app"]), "/ask-for-support/", request, "CQT"
    )


def apply_to_the_academy(site, email):
    visitor = Visitor(site["app"])
    page = visitor.follow(visitor.get("/leadership-academy/"))
    path = re.search(r'href="(/leadership-academy/apply/\d+/)"', page.text).group(1)
    application = {
        "name": "Tom Okafor",
        "email": email,
        "care_home": "Beech Lodge",
        "role": "Deputy manager",
        "time_in_post": "6-months-to-2-years",
        "hopes": "To lead my team through our next inspection with confidence.",
        "consent": "on",
        "website": "",
    }
    return send_reference_form(visitor, path, application, "LA")


@pytest.fixture(scope="module")
def event(site):
    """(path, title) of a live event that takes bookings here and has room."""
    found = rows(
        site,
        "SELECT page.url_path, page.title FROM events_eventpage event "
        "JOIN wagtailcore_page page ON page.id = event.page_ptr_id "
        "WHERE page.live AND event.booking_method = 'here' "
        "ORDER BY event.capacity DESC NULLS FIRST",
    )
    visitor = Visitor(site["app"])
    for url_path, title in found:
        path = "/" + url_path.split("/", 2)[2]  # the site's root page is /
        page = visitor.get(path)
        if page.status_code == 200 and 'name="booking-occurrence"' in page.text:
            return path, title
    pytest.fail("no event takes bookings")


def book_a_place(site, event, email):
    path, _title = event
    visitor = Visitor(site["app"])
    page = visitor.get(path)
    occurrence = re.search(r'name="booking-occurrence" value="([^"]+)"', page.text)
    data = {
        "csrfmiddlewaretoken": form_token(page),
        "booking-occurrence": occurrence.group(1),
        "booking-name": "Amina Yusuf",
        "booking-email": email,
        "booking-care_home": "Oak Lodge",
        "booking-role": "Registered manager",
        "booking-accessibility_needs": "",
        "booking-consent": "on",
        "booking-website": "",
    }
    return visitor.post(path + "book/", data=data)


def subscribe_to_alerts(site, email):
    visitor = Visitor(site["app"])
    page = visitor.get("/alerts/")
    topic = re.search(r'<option value="([a-z0-9-]+)"', page.text).group(1)
    response = visitor.post(
        "/alerts/",
        data={
            "csrfmiddlewaretoken": form_token(page),
            "topic": topic,
            "email": email,
            "frequency": "daily",
            "website": "",
        },
    )
    assert response.status_code == 302, response.text[:500]
    assert response.headers["Location"] == "/alerts/check-your-email/"


def use_the_site(site, event, label):
    """A support request, an Academy application, a booking and an alert, each
    from a new address; returns the (recipient, subject) of the emails due."""
    people = {kind: address(f"{label}-{kind}") for kind in ("cqt", "la", "bk", "al")}
    support = ask_for_support(site, people["cqt"])
    academy = apply_to_the_academy(site, people["la"])
    booked = book_a_place(site, event, people["bk"])
    assert booked.status_code == 302, booked.text[:500]
    subscribe_to_alerts(site, people["al"])
    return people, [
        (people["cqt"], f"We have your request for support {support}"),
        (TEAM, f"New support request {support}: "),
        (people["la"], f"Leadership Academy: we have your application {academy}"),
        (TEAM, f"New Leadership Academy application {academy} "),
        (people["bk"], f"Booking confirmed: {event[1]}, "),
        (people["al"], f"{ALERTS}: confirm your alert"),
    ]


def saved(site, people):
    """How many of these people's submissions are in the database."""
    return sum(
        count
        for ((count,),) in [
            rows(
                site,
                "SELECT count(*) FROM support_supportrequest WHERE email = %s",
                people["cqt"],
            ),
            rows(
                site,
                "SELECT count(*) FROM academy_academyapplication WHERE email = %s",
                people["la"],
            ),
            rows(
                site,
                "SELECT count(*) FROM events_booking WHERE email = %s",
                people["bk"],
            ),
            rows(
                site,
                "SELECT count(*) FROM discovery_alertsubscriber WHERE email = %s",
                people["al"],
            ),
        ]
    )


# The tests -----------------------------------------------------------------------


def test_emails_wait_in_the_database_for_the_worker_then_arrive_once(site, event):
    people, expected = use_the_site(site, event, "batch")
    assert saved(site, people) == 4
    # No worker is running: every email waits, untried, and none has gone.
    assert states(site, expected) == [("pending", 0, "")] * len(expected)
    for address_, subject in expected:
        assert not delivered(site, address_, subject)

    # Bad input is refused with a clear message; nothing is saved or queued.
    wrong = address("wrong")
    refused = book_a_place(site, event, wrong.replace("@", " at "))
    assert refused.status_code == 400
    assert "Enter an email address in the right format" in refused.text
    stored = rows(
        site, "SELECT count(*) FROM events_booking WHERE email LIKE %s", "wrong-%"
    )
    assert stored == [(0,)]

    finished = batch_worker(site)
    assert "Traceback" not in finished.stdout + finished.stderr

    assert all_sent(site, expected)
    assert_each_arrived_once(site, expected)
    confirmation = delivered(site, people["bk"])[0]
    attached = [part.get_filename() for part in confirmation.iter_attachments()]
    assert len(attached) == 1 and attached[0].endswith(".ics")
    assert "/alerts/confirm/" in body(delivered(site, people["al"])[0])
    team_notice = delivered(site, TEAM, expected[1][1])[0]
    assert "Care home: Maple House" in body(team_notice)
    assert "/admin/support/requests/edit/" in body(team_notice)


def test_a_running_worker_sends_alert_confirmations_and_digests(site, workers):
    workers(1)
    email = address("digest")
    subscribe_to_alerts(site, email)
    confirmation = wait_for(
        lambda: delivered(site, email, f"{ALERTS}: confirm"),
        "the confirmation email",
        timeout=WAIT,
    )[0]
    link = re.search(r"https?://[^/\s]+(/alerts/confirm/[^\s]+/)", body(confirmation))
    visitor = Visitor(site["app"])
    page = visitor.get(link.group(1))
    confirmed = visitor.post(
        link.group(1), data={"csrfmiddlewaretoken": form_token(page)}
    )
    assert confirmed.status_code == 302, confirmed.text[:500]

    # As if the last digest went long ago: everything since then is new.
    rows(
        site,
        "UPDATE discovery_alertsubscription SET last_sent_at = '2000-01-01' "
        "WHERE subscriber_id = (SELECT id FROM discovery_alertsubscriber WHERE email = %s) "
        "RETURNING id",
        email,
    )
    first = manage(site["environment"], "send_alert_digests")
    assert "Queued 1 alert digests" in first.stdout, first.stdout
    digest = wait_for(
        lambda: delivered(site, email, f"{ALERTS}: ")[1:], "the digest", timeout=WAIT
    )
    assert "new item" in digest[0]["Subject"]
    assert "/alerts/unsubscribe/" in digest[0]["List-Unsubscribe"]

    again = manage(site["environment"], "send_alert_digests")
    assert "Queued 0 alert digests" in again.stdout, again.stdout
    assert len(delivered(site, email)) == 2
    assert_each_arrived_once(
        site, [(email, f"{ALERTS}: confirm"), (email, digest[0]["Subject"])]
    )


def test_while_the_mail_server_is_down_emails_wait_then_arrive_once(
    site, event, workers
):
    mail = site["mail"]
    workers(2)
    mail.stop()
    try:
        people, expected = use_the_site(site, event, "outage")
        # Saved, and the visitors saw no error.
        assert saved(site, people) == 4

        def retried():
            found = states(site, expected)
            return len(found) == len(expected) and all(
                status == "pending" and attempts >= 2 and "refused" in error
                for status, attempts, error in found
            )

        # The workers try, fail, and try again by themselves (no cron).
        wait_for(retried, "a second try at every email", timeout=WAIT)
        for address_, subject in expected:
            assert not delivered(site, address_, subject)
    finally:
        mail.start()

    wait_for(
        lambda: all_sent(site, expected),
        "sending once the server is back",
        timeout=WAIT,
    )
    assert_each_arrived_once(site, expected)
    # Cron, the safety net, finds nothing left to send.
    cron = manage(site["environment"], "send_queued_emails")
    assert cron.stdout.startswith("Sent 0 emails"), cron.stdout
    assert_each_arrived_once(site, expected)
    assert "Traceback" not in site["app"].output()


def test_mail_the_server_refuses_keeps_the_reason_and_goes_once_accepted(site, workers):
    mail = site["mail"]
    workers(1)
    email = address("refused")
    mail.refuse("451 4.3.0 Mailbox temporarily unavailable")
    try:
        reference = ask_for_support(site, email)
        expected = [
            (email, f"We have your request for support {reference}"),
            (TEAM, f"New support request {reference}: "),
        ]

        def refused():
            found = states(site, expected)
            return len(found) == 2 and all(
                status == "pending"
                and "451" in error
                and "temporarily unavailable" in error
                for status, _attempts, error in found
            )

        wait_for(refused, "the refusal being recorded", timeout=WAIT)
    finally:
        mail.accept()
    wait_for(
        lambda: all_sent(site, expected),
        "sending once the server accepts",
        timeout=WAIT,
    )
    assert_each_arrived_once(site, expected)


def test_two_workers_and_cron_at_once_send_each_email_once(site, workers):
    """Thirty emails appear at once, each with three tasks (its own, a copy and
    one queued the old way, without the count of attempts), while two running
    workers and cron race for them."""
    racers = workers(2)
    wait_for(
        lambda: all(worker.ready() for worker in racers), "both workers", timeout=WAIT
    )
    tag = uuid.uuid4().hex[:8]
    started = rows(site, "SELECT now()")[0][0]
    manage(
        site["environment"],
        "shell",
        "-c",
        textwrap.dedent(
            f"""
            from django.db import transaction
            from portal.outbox import queue_email
            from portal.tasks import send_queued_email_task
            with transaction.atomic():
                for number in range(30):
                    email = queue_email(
                        f"race-{tag}-{{number}}@home.example.org",
                        f"Race {tag} {{number}}",
                        "One of thirty.",
                    )
                    send_queued_email_task.enqueue(email.pk, attempts=0)
                    send_queued_email_task.enqueue(email.pk)
            """
        ),
    )
    cron = manage(site["environment"], "send_queued_emails")
    assert "Traceback" not in cron.stdout + cron.stderr

    expected = [
        (f"race-{tag}-{number}@home.example.org", f"Race {tag} {number}")
        for number in range(30)
    ]
    wait_for(lambda: all_sent(site, expected), "sending all thirty", timeout=WAIT)
    # Every task has run, and none failed: none is left to send anything later.
    wait_for(
        lambda: (
            rows(
                site,
                "SELECT status, count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE enqueued_at >= %s GROUP BY status",
                started,
            )
            == [("SUCCESSFUL", 90)]
        ),
        "the workers finishing every task",
        timeout=WAIT,
    )
    assert_each_arrived_once(site, expected)
    # Nobody even tried one twice.
    assert {attempts for _status, attempts, _error in states(site, expected)} == {1}
    # Both workers ran some of the tasks.
    seen = rows(
        site,
        "SELECT DISTINCT worker_ids FROM django_tasks_database_dbtaskresult "
        "WHERE enqueued_at >= %s",
        started,
    )
    assert len(seen) == 2, seen
