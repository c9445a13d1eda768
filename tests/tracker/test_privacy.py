"""A manager's personal data: anonymised after the retention period, exported
on request, erased on request; and no name left behind in the admin's
history of changes."""

import json
from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import pytest

from tests.tracker.conftest import TODAY, days
from tests.tracker.factories import (
    CareHomeManagerFactory,
    ContactNoteFactory,
    MilestoneFactory,
)
from tracker import feedback, privacy
from tracker.models import CareHomeManager, ContactNote, FeedbackResponse, Milestone

pytestmark = pytest.mark.django_db

NAME = "Helen Ward"
EMAIL = "helen.ward@cedar.example.org"


@pytest.fixture
def manager(north, today, home_page):
    manager = CareHomeManagerFactory(
        name=NAME,
        email=EMAIL,
        phone="0113 496 0101",
        home_name="Cedar Grange",
        heard_from_detail="Met Helen at the spring forum",
        area=north,
        start_date=TODAY - days(800),
    )
    milestone = MilestoneFactory(
        manager=manager,
        name="12 month review",
        asks_for_feedback=True,
        due_on=TODAY - days(430),
        done_on=TODAY - days(430),
        done_note="Helen is settled",
    )
    feedback.record_feedback(milestone, 4, helped=["visits"], missing="More calls")
    ContactNoteFactory(manager=manager, text="Helen asked about DoLS")
    log(instance=manager, action="wagtail.create")
    return manager


def history_labels(model, pk):
    content_type = ContentType.objects.get_for_model(model)
    return list(
        ModelLogEntry.objects.filter(
            content_type=content_type, object_id=str(pk)
        ).values_list("label", flat=True)
    )


def test_a_record_is_kept_twelve_months_after_the_plan_ends(manager, north):
    # The plan ended 430 days ago (its last milestone): past the 12 months.
    assert privacy.due_for_anonymising() == [manager]
    recent = CareHomeManagerFactory(area=north, start_date=TODAY - days(200))
    MilestoneFactory(manager=recent, due_on=TODAY + days(165))
    left_lately = CareHomeManagerFactory(
        area=north, start_date=TODAY - days(900), left_on=TODAY - days(300)
    )
    due = privacy.due_for_anonymising()
    assert recent not in due
    assert left_lately not in due


def test_the_setting_changes_the_retention_period(manager, settings):
    settings.TRACKER_RETENTION_MONTHS = 24
    assert privacy.due_for_anonymising() == []


def test_anonymising_keeps_the_figures_and_removes_the_person(manager):
    out = StringIO()
    call_command("anonymise_old_tracker_records", stdout=out)
    assert "Anonymised 1 manager record" in out.getvalue()

    record = CareHomeManager.objects.get(pk=manager.pk)
    assert record.name == privacy.ANONYMISED_NAME
    for field in (
        "email",
        "phone",
        "home_name",
        "cqc_location_id",
        "heard_from_detail",
    ):
        assert getattr(record, field) == ""
    assert record.area.name == "North"
    assert record.home_type == manager.home_type
    assert record.start_date == manager.start_date
    assert record.anonymised_at is not None
    assert not ContactNote.objects.filter(manager=record).exists()
    assert Milestone.objects.get(manager=record).done_note == ""
    answer = FeedbackResponse.objects.get(milestone__manager=record)
    assert answer.supported == 4
    assert answer.helped == ["visits"]
    assert answer.missing == ""
    assert history_labels(CareHomeManager, manager.pk) == [privacy.ANONYMISED_NAME]
    # Counted once: a second run finds nothing more.
    call_command("anonymise_old_tracker_records", stdout=StringIO())
    assert privacy.due_for_anonymising() == []


def test_an_anonymised_record_can_no_longer_sign_in_or_be_edited(
    client, manager, team_member
):
    from tracker import access

    token = access.sign_in_token(manager)
    privacy.anonymise(manager)
    assert client.get(f"/managers/sign-in/{token}/").status_code == 400
    client.force_login(team_member)
    response = client.get(f"/admin/tracker/managers/edit/{manager.pk}/")
    assert response.status_code == 302
    record = client.get(response["Location"]).content.decode()
    assert "Anonymised on" in record
    assert NAME not in record


def test_the_team_can_download_everything_held_about_a_manager(
    client, manager, team_member
):
    client.force_login(team_member)
    response = client.get(f"/admin/tracker/managers/{manager.pk}/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["record"]["name"] == NAME
    assert data["record"]["email"] == EMAIL
    assert data["plan"][0]["note"] == "Helen is settled"
    assert data["contacts_and_notes"][0]["text"] == "Helen asked about DoLS"
    assert data["survey_answers"][0]["what_was_missing"] == "More calls"
    assert data["history_of_changes"][0]["action"] == "wagtail.create"


@pytest.mark.parametrize("role", ["editor", "moderator", "panel_member"])
def test_nobody_outside_the_team_can_export_or_erase(client, request, manager, role):
    client.force_login(request.getfixturevalue(role))
    for url in (
        f"/admin/tracker/managers/{manager.pk}/export/",
        f"/admin/tracker/managers/{manager.pk}/erase/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert NAME not in response.content.decode()
    assert client.post(
        f"/admin/tracker/managers/{manager.pk}/erase/", {"confirm": "on"}
    )
    assert CareHomeManager.objects.filter(pk=manager.pk).exists()


def test_erasing_asks_for_confirmation_first(client, manager, team_member):
    client.force_login(team_member)
    url = f"/admin/tracker/managers/{manager.pk}/erase/"
    assert "I have checked that this person asked" in client.get(url).content.decode()
    response = client.post(url, {})
    assert response.status_code == 200
    assert "Tick the box to confirm the person asked" in response.content.decode()
    assert CareHomeManager.objects.filter(pk=manager.pk).exists()


def test_erasing_removes_the_record_and_the_name_from_the_history(
    client, manager, team_member, caplog
):
    note_pk = ContactNote.objects.get(manager=manager).pk
    client.force_login(team_member)
    with caplog.at_level("INFO", logger="tracker.privacy"):
        response = client.post(
            f"/admin/tracker/managers/{manager.pk}/erase/", {"confirm": "on"}
        )
    assert response["Location"] == "/admin/tracker/managers/"
    assert not CareHomeManager.objects.filter(pk=manager.pk).exists()
    assert not FeedbackResponse.objects.exists()
    assert not ContactNote.objects.filter(pk=note_pk).exists()
    assert history_labels(CareHomeManager, manager.pk) == [privacy.ANONYMISED_NAME]
    # The log says who erased which record number, never whose it was.
    assert f"record {manager.pk} erased" in caplog.text
    assert NAME not in caplog.text


def test_the_admins_own_delete_leaves_no_name_in_the_history(
    client, manager, team_member
):
    client.force_login(team_member)
    response = client.post(f"/admin/tracker/managers/delete/{manager.pk}/")
    assert response.status_code == 302
    labels = history_labels(CareHomeManager, manager.pk)
    assert len(labels) == 2  # created, deleted
    assert set(labels) == {privacy.ANONYMISED_NAME}


def test_the_record_says_how_long_it_is_kept(client, north, today, team_member):
    manager = CareHomeManagerFactory(area=north, start_date=TODAY - days(10))
    client.force_login(team_member)
    html = client.get(f"/admin/tracker/managers/inspect/{manager.pk}/").content.decode()
    # No milestones: the plan ends a year after the start, then 12 months more.
    assert "Kept until 1 March 2028" in html
    assert "Download everything held about them" in html
    assert "Erase their data" in html


def test_an_anonymised_record_leaves_the_dashboard_and_reminders(manager, north):
    # Still in the post, but anonymised a year after the plan ended: its open
    # steps are no one's to chase any more.
    open_step = MilestoneFactory(manager=manager, due_on=TODAY - days(400))
    from tracker import services

    assert open_step in services.overdue()
    privacy.anonymise(manager)
    assert open_step not in services.overdue()
    assert manager not in services.managers_in_post()
