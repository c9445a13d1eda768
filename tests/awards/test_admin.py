"""Judging in the admin, and who may see what: the permission matrix."""

import csv
import io
import json

from django.core.files.base import ContentFile

import pytest

from awards.models import Nomination, Score
from tests.awards.conftest import image_file
from tests.factories.awards import NominationFactory
from tests.pages import assert_hides

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "moderator", "panel_member", "admin_user"]


@pytest.fixture
def nomination(open_year):
    nomination = NominationFactory(
        year=open_year,
        status="eligible",
        nominee_name="Grace Hughes",
        nominator_name="Priya Secret",
        nominator_email="priya.secret@example.com",
        nominator_phone="07700 900123",
    )
    nomination.photo.save("private.jpg", ContentFile(image_file().getvalue()))
    return nomination


def login_as(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def allowed(response):
    return response.status_code == 200


def denied(response):
    if response.status_code == 403:
        return True
    # Wagtail sends people without access to the login page or the dashboard.
    return response.status_code == 302 and (
        "/login/" in response["Location"] or response["Location"] == "/admin/"
    )


MATRIX = {
    # url name: roles allowed (everyone else is refused)
    "index": {"moderator", "panel_member", "admin_user"},
    "inspect": {"moderator", "panel_member", "admin_user"},
    "edit": {"moderator", "admin_user"},
    "judging": {"panel_member", "admin_user"},
    "score": {"panel_member", "admin_user"},
    "rankings": {"moderator", "panel_member", "admin_user"},
    "export": {"moderator", "panel_member", "admin_user"},
    "csv": {"moderator", "panel_member", "admin_user"},
    "csv_personal": {"admin_user"},
    "personal_data": {"admin_user"},
    "photo": {"moderator", "panel_member", "admin_user"},
}


def url_for(name, nomination):
    pk = nomination.pk
    return {
        "index": "/admin/awards/nominations/",
        "inspect": f"/admin/awards/nominations/inspect/{pk}/",
        "edit": f"/admin/awards/nominations/edit/{pk}/",
        "judging": "/admin/awards/judging/",
        "score": f"/admin/awards/judging/{pk}/",
        "rankings": "/admin/awards/rankings/",
        "export": "/admin/awards/export/",
        "csv": "/admin/awards/export/nominations.csv",
        "csv_personal": "/admin/awards/export/nominations.csv?personal=1",
        "personal_data": "/admin/awards/personal-data/?email=priya.secret@example.com",
        "photo": f"/admin/awards/photos/{pk}/",
    }[name]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(MATRIX))
def test_permission_matrix(client, request, nomination, role, view):
    login_as(client, request, role)
    response = client.get(url_for(view, nomination))
    if role in MATRIX[view]:
        assert allowed(response), (view, role, response.status_code)
    else:
        assert denied(response), (view, role, response.status_code)
        body = (
            b"".join(response)
            if hasattr(response, "streaming_content")
            else (response.content)
        )
        assert b"priya.secret" not in body
        assert b"Grace Hughes" not in body


@pytest.mark.parametrize("role", ["editor", "panel_member"])
def test_editors_and_the_panel_cannot_change_nominations(
    client, request, nomination, role
):
    login_as(client, request, role)
    response = client.post(
        f"/admin/awards/nominations/edit/{nomination.pk}/", {"status": "winner"}
    )
    assert denied(response)
    nomination.refresh_from_db()
    assert nomination.status == "eligible"


def test_nobody_adds_nominations_in_the_admin(client, admin_user, nomination):
    client.force_login(admin_user)
    assert client.get("/admin/awards/nominations/new/").status_code in (302, 403)


def test_the_panel_has_no_page_permissions(client, panel_member, open_year):
    client.force_login(panel_member)
    assert denied(client.get(f"/admin/pages/{open_year.pk}/edit/"))
    assert denied(client.get(f"/admin/pages/{open_year.pk}/"))


def test_the_panel_sees_the_nomination_but_not_the_nominators_contact_details(
    client, panel_member, nomination
):
    client.force_login(panel_member)
    for url in (
        f"/admin/awards/nominations/inspect/{nomination.pk}/",
        f"/admin/awards/judging/{nomination.pk}/",
    ):
        content = client.get(url).content.decode()
        assert "Grace Hughes" in content
        assert_hides(
            content, "priya.secret@example.com", "Priya Secret", "07700 900123"
        )


def test_moderators_see_everything_and_set_a_status(client, moderator, nomination):
    client.force_login(moderator)
    url = f"/admin/awards/nominations/edit/{nomination.pk}/"
    content = client.get(url).content.decode()
    assert "priya.secret@example.com" in content
    response = client.post(url, {"status": "ineligible", "ineligible_reason": ""})
    assert response.status_code == 200  # the reason is required
    nomination.refresh_from_db()
    assert nomination.status == "eligible"
    client.post(
        url, {"status": "ineligible", "ineligible_reason": "Works outside the city"}
    )
    nomination.refresh_from_db()
    assert nomination.status == "ineligible"
    assert nomination.ineligible_reason == "Works outside the city"


def test_listing_filters_and_search(client, moderator, open_year, closed_year):
    NominationFactory(
        year=open_year, nominee_name="Alpha Person", setting="nursing_home"
    )
    NominationFactory(year=closed_year, nominee_name="Beta Person", status="winner")
    client.force_login(moderator)
    index = "/admin/awards/nominations/"

    def names(query):
        content = client.get(index + query).content.decode()
        return {name for name in ("Alpha Person", "Beta Person") if name in content}

    assert names("") == {"Alpha Person", "Beta Person"}
    assert names("?year_number=2025") == {"Beta Person"}
    assert names("?status=winner") == {"Beta Person"}
    assert names("?setting=nursing_home") == {"Alpha Person"}
    assert names("?category_name=Care+worker+of+the+year") == {
        "Alpha Person",
        "Beta Person",
    }
    assert names("?q=alpha") == {"Alpha Person"}
    # Unknown filter values never cause an error.
    assert client.get(index + "?year_number=abc&status=nope").status_code == 200


def test_panel_scores_a_nomination_through_the_admin(client, panel_member, nomination):
    client.force_login(panel_member)
    url = f"/admin/awards/judging/{nomination.pk}/"
    assert "Kindness and respect" in client.get(url).content.decode()
    missing = client.post(url, {"criterion_0": "5"})
    assert missing.status_code == 400
    assert "Give a score from 1 to 5 for: Going the extra mile" in (
        missing.content.decode()
    )
    bad = client.post(url, {"criterion_0": "9", "criterion_1": "5", "criterion_2": "5"})
    assert bad.status_code == 400
    response = client.post(
        url, {"criterion_0": "5", "criterion_1": "4", "criterion_2": "3"}
    )
    assert response.status_code == 302
    score = Score.objects.get()
    assert (score.judge, score.total) == (panel_member, 12)
    listing = client.get("/admin/awards/judging/?year=2026").content.decode()
    assert "Scored: 12" in listing
    rankings = client.get("/admin/awards/rankings/?year=2026").content.decode()
    assert nomination.reference in rankings
    assert "12.0" in rankings


def test_conflict_of_interest_stops_scoring(client, panel_member, nomination):
    client.force_login(panel_member)
    url = f"/admin/awards/judging/{nomination.pk}/"
    client.post(url, {"conflict_of_interest": "on", "conflict_details": "My aunt"})
    assert Score.objects.get().conflict_of_interest
    page = client.get(url).content.decode()
    assert "cannot score it" in page
    client.post(url, {"criterion_0": "5", "criterion_1": "5", "criterion_2": "5"})
    score = Score.objects.get()
    assert score.conflict_of_interest and score.total == 0


def test_received_nominations_are_not_scored(client, panel_member, open_year):
    received = NominationFactory(year=open_year, status="received")
    client.force_login(panel_member)
    assert client.get(f"/admin/awards/judging/{received.pk}/").status_code == 404


def read_csv(response):
    text = (
        b"".join(response).decode("utf-8-sig")
        if response.streaming
        else (response.content.decode("utf-8-sig"))
    )
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_without_personal_data(client, moderator, nomination):
    nomination.nominee_workplace = '=HYPERLINK("http://evil")'
    nomination.save()
    client.force_login(moderator)
    response = client.get("/admin/awards/export/nominations.csv?year=2026")
    assert response["Content-Type"].startswith("text/csv")
    [row] = read_csv(response)
    assert row["Reference"] == nomination.reference
    assert row["Category"] == nomination.category_name
    assert row["Where they work"].startswith("'=")
    assert "Nominator's email" not in row
    assert "Nominee's name" not in row
    content = response.content.decode()
    assert "priya.secret" not in content and "Grace Hughes" not in content


def test_csv_with_personal_data_needs_its_own_permission(
    client, moderator, admin_user, nomination
):
    from django.contrib.auth.models import Permission

    client.force_login(moderator)
    assert denied(client.get("/admin/awards/export/nominations.csv?personal=1"))
    moderator.user_permissions.add(
        Permission.objects.get(codename="export_personal_data")
    )
    moderator = type(moderator).objects.get(pk=moderator.pk)
    client.force_login(moderator)
    [row] = read_csv(client.get("/admin/awards/export/nominations.csv?personal=1"))
    assert row["Nominator's email"] == "priya.secret@example.com"
    assert row["Nominee's name"] == "Grace Hughes"


def test_private_photo_is_served_only_through_the_checked_view(
    client, moderator, nomination, settings
):
    client.force_login(moderator)
    response = client.get(f"/admin/awards/photos/{nomination.pk}/")
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    client.logout()
    assert client.get(settings.MEDIA_URL + nomination.photo.name).status_code == 404


def test_moderator_publishes_a_photo_into_the_image_library(
    client, moderator, panel_member, nomination
):
    client.force_login(panel_member)
    assert denied(client.post(f"/admin/awards/photos/{nomination.pk}/publish/"))
    client.force_login(moderator)
    response = client.post(f"/admin/awards/photos/{nomination.pk}/publish/")
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.published_photo is not None
    assert nomination.published_photo.width == 64


def test_subject_access_export_and_erasure(client, admin_user, nomination, open_year):
    other = NominationFactory(year=open_year, nominator_email="someone@example.com")
    client.force_login(admin_user)
    found = client.get(
        "/admin/awards/personal-data/?email=PRIYA.SECRET@example.com"
    ).content.decode()
    assert nomination.reference in found
    export = client.post(
        "/admin/awards/personal-data/",
        {"email": "priya.secret@example.com", "action": "export"},
    )
    data = json.loads(export.content)
    assert data["nominations"][0]["nominator_phone"] == "07700 900123"
    assert data["nominations"][0]["reference"] == nomination.reference

    client.post(
        "/admin/awards/personal-data/",
        {"email": "priya.secret@example.com", "action": "erase"},
    )
    nomination.refresh_from_db()
    assert nomination.nominator_name == "[erased]"
    assert "priya" not in nomination.nominator_email
    assert nomination.nominator_phone == ""
    assert nomination.nominee_name == "Grace Hughes"  # still considered
    other.refresh_from_db()
    assert other.nominator_email == "someone@example.com"


def test_erasure_needs_its_own_permission(client, moderator, nomination):
    from django.contrib.auth.models import Permission

    moderator.user_permissions.add(
        Permission.objects.get(codename="export_personal_data")
    )
    client.force_login(type(moderator).objects.get(pk=moderator.pk))
    response = client.post(
        "/admin/awards/personal-data/",
        {"email": "priya.secret@example.com", "action": "erase"},
    )
    assert denied(response)
    assert Nomination.objects.get().nominator_name == "Priya Secret"


def test_personal_data_search_with_a_bad_email_shows_an_error(client, admin_user, db):
    client.force_login(admin_user)
    response = client.get("/admin/awards/personal-data/?email=<script>")
    assert response.status_code == 200
    assert "Enter an email address" in response.content.decode()
    assert "<script>" not in response.content.decode().split("main")[-1]


def test_menu_shows_awards_only_to_those_allowed(client, editor, panel_member):
    client.force_login(editor)
    assert "/admin/awards/" not in client.get("/admin/").content.decode()
    client.force_login(panel_member)
    content = client.get("/admin/").content.decode()
    assert "/admin/awards/judging/" in content
