"""Asking the Care Quality Team for support: the form and its checks, reference
numbers, confirmation page and emails, and the requests in the admin by role."""

from django.core import mail
from django.urls import reverse

from wagtail.models import Site

import pytest

from portal.models import PortalSettings, QueuedEmail
from portal.public_forms import REFERENCE_ALPHABET
from support.models import SupportRequest, SupportRequestStatus
from tests.factories.portal_forms import (
    SupportRequestFactory,
    SupportRequestPageFactory,
)
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def support_page(home_page, team_email):
    return SupportRequestPageFactory(parent=home_page)


def valid_data(**overrides):
    return {
        "home_name": "Beech Lodge",
        "cqc_location_id": "1-123456789",
        "home_type": "nursing",
        "contact_name": "Tom Okafor",
        "email": "tom@beechlodge.example",
        "phone": "0113 496 0000",
        "need": "inspection",
        "urgency": "urgent",
        "description": "CQC told us they will inspect soon.",
        "consent": "on",
        "website": "",
        **overrides,
    }


def test_page_shows_the_form(client, support_page):
    assert_shows(
        page_html(client.get(support_page.url)),
        "We can help with inspections",
        'name="csrfmiddlewaretoken"',
        "for example 1-123456789",
        "A new manager is starting",
    )


def test_sending_a_request_gives_a_reference_confirmation_and_emails(
    client, support_page, team_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(support_page.url, valid_data())

    support_request = SupportRequest.objects.get()
    reference = support_request.reference
    assert response.status_code == 302
    assert response["Location"].endswith(f"/done/{reference}/")
    assert reference.startswith("CQT-") and len(reference) == 10
    assert set(reference[4:]) <= set(REFERENCE_ALPHABET)
    assert support_request.status == SupportRequestStatus.NEW
    assert support_request.assignee is None
    assert support_request.home_type == "nursing"
    assert support_request.consent is True

    assert QueuedEmail.objects.filter(status="sent").count() == 2
    to_home = next(m for m in mail.outbox if m.to == ["tom@beechlodge.example"])
    assert reference in to_home.subject and reference in to_home.body
    to_team = next(m for m in mail.outbox if m.to == [team_email])
    assert "Urgent" in to_team.subject
    assert f"/admin/support/requests/edit/{support_request.pk}/" in to_team.body

    done = client.get(response["Location"])
    assert done.status_code == 200
    assert reference.encode() in done.content
    assert b"noindex" in done.content


def test_confirmation_page_is_only_for_the_browser_that_sent_it(client, support_page):
    support_request = SupportRequestFactory()
    url = support_page.url + support_page.reverse_subpage(
        "done", kwargs={"reference": support_request.reference}
    )
    assert client.get(url).status_code == 404


def test_team_notification_falls_back_to_a_setting(
    client, support_page, settings, django_capture_on_commit_callbacks
):
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.contact_email = ""
    portal_settings.save()
    settings.CARE_QUALITY_TEAM_EMAIL = "cqt@example.gov.uk"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(support_page.url, valid_data())
    assert sorted(m.to[0] for m in mail.outbox) == [
        "cqt@example.gov.uk",
        "tom@beechlodge.example",
    ]


def test_a_failing_mail_server_loses_nothing(
    client, support_page, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.email_backends.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(support_page.url, valid_data())
    assert response.status_code == 302
    assert SupportRequest.objects.count() == 1
    assert QueuedEmail.objects.filter(status="pending", attempts=1).count() == 2


@pytest.mark.parametrize(
    "value",
    ["123456789", "1-12345678", "1-123456789012", "1-12345abc9", "2-123456789", "1-"],
)
def test_badly_formed_cqc_location_ids_are_refused(client, support_page, value):
    response = client.post(support_page.url, valid_data(cqc_location_id=value))
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        '<a href="#id_cqc_location_id">Enter a CQC location ID in the correct format'
        in html
    )
    assert f'value="{value}"' in html
    assert not SupportRequest.objects.exists()


@pytest.mark.parametrize(
    "value, stored",
    [
        ("1-123456789", "1-123456789"),
        ("1-12345678901", "1-12345678901"),
        (" 1-123 456 789 ", "1-123456789"),
    ],
)
def test_good_cqc_location_ids_are_accepted(client, support_page, value, stored):
    response = client.post(support_page.url, valid_data(cqc_location_id=value))
    assert response.status_code == 302
    assert SupportRequest.objects.get().cqc_location_id == stored


def test_every_missing_answer_is_listed_and_linked(client, support_page):
    response = client.post(support_page.url, {"website": ""})
    html = response.content.decode()
    assert response.status_code == 400
    for field, message in [
        ("home_name", "Enter the name of the care home"),
        ("cqc_location_id", "Enter the home&#x27;s CQC location ID"),
        ("home_type_0", "Choose the type of home"),
        ("contact_name", "Enter your full name"),
        ("email", "Enter your email address"),
        ("need_0", "Choose what you need help with"),
        ("urgency_0", "Choose how urgent it is"),
        ("description", "Tell us more about what you need"),
        ("consent", "Confirm that you agree to us keeping these details"),
    ]:
        assert f'<a href="#id_{field}">{message}</a>' in html


def test_typed_values_are_kept_after_an_error(client, support_page):
    response = client.post(
        support_page.url, valid_data(email="nope", description="Help <b>please</b>")
    )
    assert_shows(
        page_html(response, status=400),
        'value="Beech Lodge"',
        'value="nope"',
        "Help &lt;b&gt;please&lt;/b&gt;</textarea>",
        'value="nursing" checked',
        'value="urgent" checked',
    )


@pytest.mark.parametrize(
    "overrides",
    [
        {"description": "x" * 3001},
        {"home_name": "h" * 151},
        {"phone": "call me maybe"},
        {"need": "money"},
        {"urgency": ["urgent", "soon"]},
        {"home_type": "castle"},
        {"cqc_location_id": "1-" + "9" * 500},
        {"contact_name": "Tom\x1bOkafor"},
    ],
)
def test_odd_input_is_refused_without_a_server_error(client, support_page, overrides):
    response = client.post(support_page.url, valid_data(**overrides))
    assert response.status_code in (302, 400)
    if "urgency" not in overrides:
        assert response.status_code == 400
        assert not SupportRequest.objects.exists()


def test_undecodable_bytes_are_refused_without_a_server_error(client, support_page):
    response = client.post(
        support_page.url,
        b"home_name=%ED%B3%BF&cqc_location_id=%FF%FE",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_honeypot_stores_nothing(client, support_page):
    response = client.post(support_page.url, valid_data(website="http://spam"))
    assert response.status_code == 200
    assert b"Request sent" in response.content
    assert not SupportRequest.objects.exists()
    assert not QueuedEmail.objects.exists()


def test_rate_limit(client, support_page, settings):
    settings.SUPPORT_REQUESTS_PER_HOUR = 1
    assert client.post(support_page.url, valid_data()).status_code == 302
    response = client.post(support_page.url, valid_data())
    assert response.status_code == 429
    assert b"a lot of requests" in response.content
    assert SupportRequest.objects.count() == 1


def test_csrf_is_required(support_page):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(support_page.url, valid_data())
    assert response.status_code == 403
    assert not SupportRequest.objects.exists()


# The admin ---------------------------------------------------------------------

PERMISSION_MATRIX = [
    ("editor", True),
    ("moderator", True),
    ("panel_member", False),
    ("admin_user", True),
]


@pytest.mark.parametrize("user_fixture, can_see", PERMISSION_MATRIX)
def test_who_sees_support_requests(client, request, user_fixture, can_see):
    support_request = SupportRequestFactory(
        email="private@beech.example", internal_notes="Worried about staffing."
    )
    client.force_login(request.getfixturevalue(user_fixture))

    responses = [
        client.get(reverse("support_requests:index")),
        client.get(reverse("support_requests:edit", args=[support_request.pk])),
        client.get(reverse("support_requests:inspect", args=[support_request.pk])),
    ]
    if can_see:
        assert all(response.status_code == 200 for response in responses)
        assert support_request.reference.encode() in responses[0].content
        assert b"private@beech.example" in responses[1].content
        assert b"Worried about staffing." in responses[1].content
    else:
        for response in responses:
            assert response.status_code in (302, 403)
            assert b"private@beech.example" not in response.content
            assert b"Worried about staffing" not in response.content


@pytest.mark.parametrize("user_fixture, can_see", PERMISSION_MATRIX)
def test_admin_menu_shows_requests_only_to_the_team(
    client, request, user_fixture, can_see
):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get(reverse("wagtailadmin_home"))
    assert (reverse("support_requests:index").encode() in response.content) is can_see


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    support_request = SupportRequestFactory()
    for url in (
        reverse("support_requests:index"),
        reverse("support_requests:edit", args=[support_request.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_only_administrators_delete_requests(client, editor, moderator, admin_user):
    support_request = SupportRequestFactory()
    url = reverse("support_requests:delete", args=[support_request.pk])
    for user in (editor, moderator):
        client.force_login(user)
        assert client.post(url).status_code in (302, 403)
        assert SupportRequest.objects.filter(pk=support_request.pk).exists()
    client.force_login(admin_user)
    assert client.post(url).status_code == 302
    assert not SupportRequest.objects.exists()


def test_moderator_triages_assigns_and_notes(client, moderator, editor):
    support_request = SupportRequestFactory()
    client.force_login(moderator)
    response = client.post(
        reverse("support_requests:edit", args=[support_request.pk]),
        {
            "status": SupportRequestStatus.IN_PROGRESS,
            "assignee": editor.pk,
            "internal_notes": "First visit booked for Tuesday.",
        },
    )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == SupportRequestStatus.IN_PROGRESS
    assert support_request.assignee == editor
    assert support_request.internal_notes == "First visit booked for Tuesday."
    assert support_request.home_name == "Beech Lodge"


def test_requests_can_only_be_assigned_to_the_team(client, moderator, panel_member):
    support_request = SupportRequestFactory()
    client.force_login(moderator)
    response = client.post(
        reverse("support_requests:edit", args=[support_request.pk]),
        {"status": "triaged", "assignee": panel_member.pk, "internal_notes": ""},
    )
    assert response.status_code == 200
    support_request.refresh_from_db()
    assert support_request.assignee is None


def test_list_filters_by_status(client, editor):
    SupportRequestFactory(reference="CQT-AAAAAA", status="new")
    SupportRequestFactory(reference="CQT-BBBBBB", status="closed")
    client.force_login(editor)
    response = client.get(reverse("support_requests:index") + "?status=closed")
    assert b"CQT-BBBBBB" in response.content
    assert b"CQT-AAAAAA" not in response.content


def test_support_page_rules(home_page, support_page):
    from portal.models import ContentPage
    from support.models import SupportRequestPage

    assert not SupportRequestPage.can_create_at(home_page)  # only one
    assert not ContentPage.can_create_at(support_page)


@pytest.mark.parametrize("reference", ["CQT-NOPE99", "x" * 300, "%F0%9F%98%80"])
def test_unknown_confirmation_pages_are_not_found(client, support_page, reference):
    response = client.get(f"{support_page.url}done/{reference}/")
    assert response.status_code == 404


def test_export_support_requests_to_csv(client, editor):
    SupportRequestFactory(home_name="Beech Lodge", cqc_location_id="1-123456789")
    client.force_login(editor)
    response = client.get(reverse("support_requests:index") + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert "Beech Lodge" in body and "1-123456789" in body


def test_seed_demo_builds_the_academy_and_support_content(home_page):
    from academy.models import AcademyApplication, AcademyPage
    from demo import academy as demo_academy

    demo_academy.seed()
    demo_academy.seed()

    academy = AcademyPage.objects.get()
    assert academy.slug == "leadership-academy"
    assert academy.live and academy.show_in_menus
    assert 4 <= academy.modules.count() <= 6
    statuses = {cohort.current_status() for cohort in academy.cohorts.all()}
    assert "open" in statuses and statuses & {"full", "closed"}
    assert 2 <= academy.testimonials.count() <= 3
    assert AcademyApplication.objects.count() == 3
    assert SupportRequest.objects.count() == 4
    assert len(set(SupportRequest.objects.values_list("status", flat=True))) == 4
