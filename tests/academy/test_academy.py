"""The Leadership Academy: the programme page, applying to a cohort, the emails,
and the applications in the admin for each role."""

import csv
import io

from django.core import mail
from django.urls import reverse

import pytest

from academy.models import (
    AcademyApplication,
    AcademyTestimonial,
    ApplicationStatus,
    CohortStatus,
)
from portal.models import QueuedEmail
from tests.factories.portal_forms import (
    AcademyApplicationFactory,
    AcademyCohortFactory,
    AcademyModuleFactory,
    AcademyPageFactory,
)
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def academy(home_page, team_email):
    return AcademyPageFactory(parent=home_page)


@pytest.fixture
def cohort(academy):
    return AcademyCohortFactory(page=academy, name="Spring 2027", places=2)


def apply_url(page, cohort):
    return page.url + page.reverse_subpage("apply", args=[cohort.pk])


def valid_data(**overrides):
    return {
        "name": "Priya Shah",
        "email": "priya@willowcourt.example",
        "care_home": "Willow Court",
        "role": "Registered manager",
        "time_in_post": "under-6-months",
        "hopes": "Build a team that stays.",
        "consent": "on",
        "website": "",
        **overrides,
    }


def test_page_shows_modules_cohorts_and_testimonials(client, academy, cohort):
    AcademyModuleFactory(page=academy, title="Leading change", outcomes="Plan\nTest")
    AcademyTestimonial.objects.create(
        page=academy, quote="It changed how I lead.", name="A manager"
    )
    closed = AcademyCohortFactory(page=academy, name="Autumn 2026", status="closed")

    html = page_html(client.get(academy.url))

    assert_shows(
        html,
        "Leading change",
        "<li>Plan</li>",
        "It changed how I lead.",
        apply_url(academy, cohort),
        "This cohort is not taking applications.",
    )
    assert apply_url(academy, closed) not in html


def test_page_lists_the_next_network_meetings(client, academy, monkeypatch):
    import datetime

    from django.utils import timezone

    class Meeting:
        title = "Registered Managers Network: March"
        url = "/events/rmn-march/"
        start = timezone.now() + datetime.timedelta(days=7)

    monkeypatch.setattr(
        "academy.models.upcoming_network_meetings", lambda limit=3: [Meeting()]
    )
    response = client.get(academy.url)
    assert b"Registered Managers Network: March" in response.content


def test_network_meetings_come_only_from_network_meeting_events(
    client, home_page, academy
):
    from tests.factories.events import (
        EventIndexPageFactory,
        EventPageFactory,
        days_ahead,
    )

    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(
        parent=events,
        title="Managers Network: winter pressures",
        event_type="network-meeting",
        start=days_ahead(10),
    )
    EventPageFactory(parent=events, title="Moving and handling", start=days_ahead(5))
    EventPageFactory(
        parent=events,
        title="Managers Network: last month",
        event_type="network-meeting",
        start=days_ahead(-20),
    )

    html = client.get(academy.url).content.decode()

    assert "Managers Network: winter pressures" in html
    assert "Moving and handling" not in html
    assert "Managers Network: last month" not in html


def test_no_network_meetings_says_so(client, academy):
    response = client.get(academy.url)
    assert b"No meetings are booked at the moment." in response.content


def test_applying_stores_the_application_and_queues_both_emails(
    client, academy, cohort, team_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(academy, cohort), valid_data())

    application = AcademyApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"apply/done/{application.reference}/")
    assert application.reference.startswith("LA-")
    assert application.cohort == cohort
    assert application.cohort_name == "Spring 2027"
    assert application.status == ApplicationStatus.RECEIVED
    assert application.consent is True
    assert {tuple(email.to) for email in QueuedEmail.objects.all()} == {
        ("priya@willowcourt.example",),
        (team_email,),
    }
    assert len(mail.outbox) == 2
    applicant = next(m for m in mail.outbox if m.to == ["priya@willowcourt.example"])
    assert application.reference in applicant.body
    team = next(m for m in mail.outbox if m.to == [team_email])
    assert f"/admin/academy/applications/edit/{application.pk}/" in team.body
    assert "priya@willowcourt.example" not in team.body

    done = client.get(response["Location"])
    assert done.status_code == 200
    assert application.reference.encode() in done.content


def test_confirmation_page_is_only_for_the_browser_that_applied(
    client, academy, cohort
):
    application = AcademyApplicationFactory(cohort=cohort)
    url = academy.url + academy.reverse_subpage(
        "application_done", kwargs={"reference": application.reference}
    )
    assert client.get(url).status_code == 404


def test_errors_are_summarised_linked_and_typed_values_kept(client, academy, cohort):
    response = client.post(
        apply_url(academy, cohort),
        valid_data(email="not-an-email", consent="", hopes="x" * 2001, name=""),
    )

    assert_shows(
        page_html(response, status=400),
        "There is a problem",
        '<a href="#id_name">Enter your full name</a>',
        'href="#id_email"',
        'href="#id_consent"',
        "must be 2000 characters or fewer",
        'value="not-an-email"',
        'value="Willow Court"',
        "<title>Error:",
    )
    assert not AcademyApplication.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"time_in_post": "forever"},
        {"name": "Bad\x00name"},
        {"hopes": "Bell\u0007"},
        {"email": "a" * 300 + "@example.com"},
        {"consent": ["on", "off"]},
    ],
)
def test_odd_input_is_refused_without_a_server_error(
    client, academy, cohort, overrides
):
    response = client.post(apply_url(academy, cohort), valid_data(**overrides))
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert not AcademyApplication.objects.exists()


def test_undecodable_bytes_are_refused_without_a_server_error(client, academy, cohort):
    response = client.post(
        apply_url(academy, cohort),
        b"name=%ED%B3%BF&email=%FF&consent=on",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not AcademyApplication.objects.exists()


def test_honeypot_shows_thanks_and_stores_nothing(client, academy, cohort):
    response = client.post(apply_url(academy, cohort), valid_data(website="spam"))
    assert response.status_code == 200
    assert b"Application sent" in response.content
    assert not AcademyApplication.objects.exists()
    assert not QueuedEmail.objects.exists()


def test_rate_limit(client, academy, settings):
    settings.ACADEMY_APPLICATIONS_PER_HOUR = 2
    cohort = AcademyCohortFactory(page=academy, places=50)
    url = apply_url(academy, cohort)
    for _ in range(2):
        assert client.post(url, valid_data()).status_code == 302
    response = client.post(url, valid_data())
    assert response.status_code == 429
    assert b"a lot of applications" in response.content
    assert b'value="Priya Shah"' in response.content
    assert AcademyApplication.objects.count() == 2


def test_csrf_is_required(academy, cohort):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        apply_url(academy, cohort), valid_data()
    )
    assert response.status_code == 403
    assert not AcademyApplication.objects.exists()


def test_closed_cohort_offers_no_form_and_refuses_applications(client, academy):
    cohort = AcademyCohortFactory(page=academy, status=CohortStatus.CLOSED)
    page = client.get(apply_url(academy, cohort))
    assert page.status_code == 200
    assert b"is closed" in page.content
    assert b"<form" not in page.content.split(b"</header>")[-1]

    response = client.post(apply_url(academy, cohort), valid_data())
    assert response.status_code == 403
    assert not AcademyApplication.objects.exists()


def test_cohort_is_full_once_every_place_is_accepted(client, academy, cohort):
    AcademyApplicationFactory.create_batch(
        2, cohort=cohort, status=ApplicationStatus.ACCEPTED
    )
    assert cohort.current_status() == CohortStatus.FULL

    listing = client.get(academy.url)
    assert b"All places in this cohort have been offered" in listing.content
    assert apply_url(academy, cohort).encode() not in listing.content

    response = client.post(apply_url(academy, cohort), valid_data())
    assert response.status_code == 403
    assert b"is full" in response.content
    assert AcademyApplication.objects.count() == 2


def test_received_applications_do_not_fill_a_cohort(cohort):
    AcademyApplicationFactory.create_batch(3, cohort=cohort)
    assert cohort.is_open()


@pytest.mark.parametrize("cohort_id", ["999999", "9" * 40])
def test_unknown_cohort_is_not_found(client, academy, cohort_id):
    url = academy.url + f"apply/{cohort_id}/"
    assert client.get(url).status_code == 404
    assert client.post(url, valid_data()).status_code == 404


def test_academy_page_rules(home_page, academy):
    from academy.models import AcademyPage
    from portal.models import ContentPage

    assert not AcademyPage.can_create_at(home_page)  # only one academy page
    assert AcademyPage.parent_page_types == ["discovery.HomePage"]
    assert not ContentPage.can_create_at(academy)


# The admin ---------------------------------------------------------------------


def admin_index():
    return reverse("academy_applications:index")


@pytest.mark.parametrize(
    "user_fixture, can_see",
    [
        ("editor", True),
        ("moderator", True),
        ("panel_member", False),
        ("admin_user", True),
    ],
)
def test_who_sees_applications_in_the_admin(
    client, request, cohort, user_fixture, can_see
):
    application = AcademyApplicationFactory(cohort=cohort, email="secret@home.example")
    client.force_login(request.getfixturevalue(user_fixture))

    listing = client.get(admin_index())
    edit = client.get(reverse("academy_applications:edit", args=[application.pk]))
    export = client.get(admin_index() + "?export=csv")

    if can_see:
        assert listing.status_code == 200
        assert application.reference.encode() in listing.content
        assert b"secret@home.example" in edit.content
        assert export.status_code == 200
    else:
        for response in (listing, edit, export):
            assert response.status_code in (302, 403)
            assert b"secret@home.example" not in response.content


def test_anonymous_visitors_are_sent_to_the_admin_login(client, cohort):
    application = AcademyApplicationFactory(cohort=cohort)
    for url in (
        admin_index(),
        reverse("academy_applications:edit", args=[application.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_nobody_adds_applications_in_the_admin(client, admin_user, editor, cohort):
    for user in (admin_user, editor):
        client.force_login(user)
        response = client.get(reverse("academy_applications:add"))
        assert response.status_code in (302, 403)


def test_editor_sets_a_status_and_notes(client, editor, cohort):
    application = AcademyApplicationFactory(cohort=cohort)
    client.force_login(editor)
    response = client.post(
        reverse("academy_applications:edit", args=[application.pk]),
        {"status": ApplicationStatus.WAITING_LIST, "team_notes": "Call in March."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WAITING_LIST
    assert application.team_notes == "Call in March."
    assert application.name == "Alex Manager"


def test_export_to_csv(client, moderator, cohort):
    AcademyApplicationFactory(cohort=cohort, name="Priya Shah", hopes="Grow, lead")
    client.force_login(moderator)
    response = client.get(admin_index() + "?export=csv")
    assert response.status_code == 200
    assert "academy-applications" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "Reference"
    assert any("Priya Shah" in row and "Grow, lead" in row for row in rows[1:])


def test_editor_edits_the_academy_page_with_its_modules_and_cohorts(
    client, editor, academy, cohort
):
    AcademyModuleFactory(page=academy, title="Leading change")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[academy.pk]))
    assert_shows(page_html(response), "Leading change", "Spring 2027", "Testimonials")


def test_editor_adds_an_academy_page_under_the_home_page(client, editor, home_page):
    client.force_login(editor)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["academy", "academypage", home_page.pk])
    )
    assert response.status_code == 200
