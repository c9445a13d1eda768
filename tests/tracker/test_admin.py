"""The tracker in the admin, as the team and everyone else would use it: who
may see what, recording and editing a manager, the plan's actions, notes, and
the support plans the team edits."""

import datetime
import logging

import pytest

from tests.tracker.conftest import TODAY, days
from tests.tracker.factories import (
    CareHomeManagerFactory,
    ContactNoteFactory,
)
from tracker import services
from tracker.models import CareHomeManager, Milestone, SupportPlanTemplate

pytestmark = pytest.mark.django_db

D = datetime.date
OUTSIDERS = ["anonymous", "editor", "moderator", "panel_member"]
TEAM = ["team_member", "admin_user"]
NAME = "Aisha Rahman"
EMAIL = "aisha.rahman@beech.example.org"
NOTE = "Worried about night staffing"


@pytest.fixture
def manager(north, today):
    manager = CareHomeManagerFactory(
        name=NAME,
        email=EMAIL,
        home_name="Beech House",
        area=north,
        start_date=TODAY - days(70),
    )
    services.start_support_plan(manager)
    ContactNoteFactory(manager=manager, text=NOTE, happened_on=TODAY)
    return manager


def login_as(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def body(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def denied(response):
    if response.status_code == 403:
        return True
    # Wagtail sends people without access to the login page or the dashboard.
    return response.status_code == 302 and (
        "/login/" in response["Location"] or response["Location"] == "/admin/"
    )


def tracker_urls(manager):
    milestone = manager.milestones.first()
    plan = SupportPlanTemplate.objects.get()
    return {
        "dashboard": "/admin/tracker/dashboard/",
        "export": "/admin/tracker/dashboard/overdue.csv",
        "export pending": "/admin/tracker/dashboard/pending.csv",
        "managers": "/admin/tracker/managers/",
        "managers results": "/admin/tracker/managers/results/?q=Aisha",
        "add manager": "/admin/tracker/managers/new/",
        "record": f"/admin/tracker/managers/inspect/{manager.pk}/",
        "edit": f"/admin/tracker/managers/edit/{manager.pk}/",
        "delete": f"/admin/tracker/managers/delete/{manager.pk}/",
        "history": f"/admin/tracker/managers/history/{manager.pk}/",
        "mark done": f"/admin/tracker/managers/milestones/{milestone.pk}/done/",
        "reschedule": f"/admin/tracker/managers/milestones/{milestone.pk}/reschedule/",
        "add contact": f"/admin/tracker/managers/{manager.pk}/contacts/new/",
        "import": "/admin/tracker/import/",
        "example": "/admin/tracker/import/example.csv",
        "plans": "/admin/tracker/plans/",
        "add plan": "/admin/tracker/plans/new/",
        "edit plan": f"/admin/tracker/plans/edit/{plan.pk}/",
    }


PAGES = sorted(
    [
        "dashboard",
        "export",
        "export pending",
        "managers",
        "managers results",
        "add manager",
        "record",
        "edit",
        "delete",
        "history",
        "mark done",
        "reschedule",
        "add contact",
        "import",
        "example",
        "plans",
        "add plan",
        "edit plan",
    ]
)


# Who may see what -----------------------------------------------------------------


@pytest.mark.parametrize("role", OUTSIDERS)
@pytest.mark.parametrize("page", PAGES)
def test_nobody_outside_the_team_sees_any_tracker_screen(
    client, request, manager, role, page
):
    login_as(client, request, role)
    response = client.get(tracker_urls(manager)[page])
    assert denied(response), (page, role, response.status_code)
    content = body(response)
    assert NAME not in content
    assert EMAIL not in content
    assert NOTE not in content


@pytest.mark.parametrize("role", TEAM)
@pytest.mark.parametrize("page", PAGES)
def test_the_team_and_administrators_see_every_screen(
    client, request, manager, role, page
):
    login_as(client, request, role)
    response = client.get(tracker_urls(manager)[page])
    assert response.status_code == 200, (page, role, response.status_code)


@pytest.mark.parametrize("role", OUTSIDERS[1:])
def test_nobody_outside_the_team_changes_anything(client, request, manager, role):
    login_as(client, request, role)
    milestone = manager.milestones.first()
    posts = [
        (
            f"/admin/tracker/managers/milestones/{milestone.pk}/done/",
            {"done_on": TODAY},
        ),
        (
            f"/admin/tracker/managers/milestones/{milestone.pk}/reschedule/",
            {"due_on": TODAY + days(3)},
        ),
        (f"/admin/tracker/managers/milestones/{milestone.pk}/reopen/", {}),
        (
            f"/admin/tracker/managers/{manager.pk}/contacts/new/",
            {"kind": "call", "happened_on": TODAY, "text": "Sneaky"},
        ),
        (f"/admin/tracker/managers/edit/{manager.pk}/", {"name": "Changed"}),
        (f"/admin/tracker/managers/delete/{manager.pk}/", {}),
        ("/admin/tracker/import/confirm/", {"token": "x"}),
    ]
    for url, data in posts:
        assert denied(client.post(url, data)), url
    manager.refresh_from_db()
    assert manager.name == NAME
    milestone.refresh_from_db()
    assert milestone.done_on is None and milestone.original_due_on is None
    assert manager.contacts.count() == 1


@pytest.mark.parametrize("role", ["editor", "moderator", "panel_member"])
def test_no_tracker_menu_outside_the_team(client, request, manager, role):
    login_as(client, request, role)
    content = client.get("/admin/").content.decode()
    assert "Manager Tracker" not in content
    assert "/admin/tracker/" not in content


@pytest.mark.parametrize("role", TEAM)
def test_the_team_has_the_manager_tracker_menu(client, request, role):
    login_as(client, request, role)
    content = client.get("/admin/").content.decode()
    assert "Manager Tracker" in content
    for url in (
        "/admin/tracker/dashboard/",
        "/admin/tracker/managers/",
        "/admin/tracker/import/",
        "/admin/tracker/plans/",
    ):
        assert url in content


def test_a_team_member_sees_only_the_tracker(client, team_member):
    client.force_login(team_member)
    content = client.get("/admin/").content.decode()
    assert "/admin/awards/" not in content
    assert "/admin/support/requests/" not in content


def test_an_area_never_names_its_managers(client, admin_user, manager, north):
    """The reference index leaves managers out, so an area's usage screen (seen
    by whoever edits areas) never lists them."""
    from io import StringIO

    from django.core.management import call_command

    from wagtail.models import ReferenceIndex

    call_command("rebuild_references_index", stdout=StringIO())
    assert not ReferenceIndex.get_references_to(north).exists()
    client.force_login(admin_user)
    response = client.get(f"/admin/snippets/directory/area/usage/{north.pk}/")
    assert response.status_code == 200
    assert NAME not in response.content.decode()


def test_site_history_shows_tracker_changes_to_the_team_only(
    client, editor, team_member, north
):
    client.force_login(team_member)
    client.post("/admin/tracker/managers/new/", manager_form(north), follow=True)
    assert CareHomeManager.objects.filter(name=NAME).exists()
    client.force_login(editor)
    content = client.get("/admin/reports/site-history/").content.decode()
    assert NAME not in content
    client.force_login(team_member)
    content = client.get("/admin/reports/site-history/").content.decode()
    assert NAME in content


# Recording a manager ---------------------------------------------------------------


def manager_form(home_area, **changes):
    data = {
        "name": NAME,
        "email": EMAIL,
        "phone": "",
        "role": "registered-manager",
        "start_date": "2026-03-02",
        "left_on": "",
        "home_name": "Beech House",
        "cqc_location_id": "1 - 123 456 789",
        "home_type": "residential",
        "area": str(home_area.pk),
        "cqc_registration": "pending",
        "cqc_registered_on": "",
        "heard_from": "previous-manager",
        "heard_from_detail": "",
    }
    data.update(changes)
    return data


def test_recording_a_manager_gives_them_the_plan(client, team_member, north, today):
    client.force_login(team_member)
    response = client.post("/admin/tracker/managers/new/", manager_form(north))
    manager = CareHomeManager.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/tracker/managers/inspect/{manager.pk}/"
    assert manager.cqc_location_id == "1-123456789"
    assert manager.milestones.count() == 8
    record = client.get(response["Location"]).content.decode()
    assert "added, with 8 milestones from" in record
    assert "Welcome call" in record
    assert "Mon 9 March 2026" in record  # a week after the start
    assert "12 month review" in record


def test_bad_input_gets_clear_messages_and_keeps_what_was_typed(
    client, team_member, north, today
):
    client.force_login(team_member)
    response = client.post(
        "/admin/tracker/managers/new/",
        manager_form(
            north,
            name="",
            email="aisha-at-beech",
            cqc_location_id="123456",
            cqc_registration="done",
            home_name="Beech House Typed",
            left_on="2026-02-01",
        ),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Enter the manager&#x27;s name" in content
    assert "Enter an email address in the correct format" in content
    assert "Enter a CQC location ID in the correct format, like 1-123456789" in content
    assert "Enter the date the manager was registered with the CQC" in content
    assert "cannot be before their start date" in content
    assert 'value="Beech House Typed"' in content
    assert 'value="aisha-at-beech"' in content
    assert not CareHomeManager.objects.exists()


def test_nonsense_dates_do_not_break_the_form(client, team_member, north, today):
    client.force_login(team_member)
    response = client.post(
        "/admin/tracker/managers/new/",
        manager_form(north, start_date="31/02/2026", area="999999", role="boss"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Enter a real date" in content
    assert not CareHomeManager.objects.exists()


def test_a_duplicate_manager_is_refused(client, team_member, north, today):
    CareHomeManagerFactory(
        name=NAME, email=EMAIL, cqc_location_id="1-123456789", area=north
    )
    client.force_login(team_member)
    response = client.post("/admin/tracker/managers/new/", manager_form(north))
    assert response.status_code == 200
    assert "already recorded at this home" in response.content.decode()
    assert CareHomeManager.objects.count() == 1


def test_without_a_default_plan_the_team_is_told(client, team_member, north, today):
    SupportPlanTemplate.objects.update(is_default=False)
    client.force_login(team_member)
    response = client.post(
        "/admin/tracker/managers/new/", manager_form(north), follow=True
    )
    assert "No milestones were added because no support plan is the default" in (
        response.content.decode()
    )


def test_area_is_a_plain_list_the_team_can_use(client, team_member, north, south):
    client.force_login(team_member)
    content = client.get("/admin/tracker/managers/new/").content.decode()
    assert f'<option value="{north.pk}">North</option>' in content
    assert "/admin/snippets/choose/" not in content


def test_correcting_the_start_date_moves_the_plan(client, team_member, manager):
    client.force_login(team_member)
    response = client.post(
        f"/admin/tracker/managers/edit/{manager.pk}/",
        manager_form(manager.area, start_date="2026-01-31", email=EMAIL),
        follow=True,
    )
    assert "milestones moved to match the new start date" in response.content.decode()
    first_visit = manager.milestones.get(name="First visit to the home")
    assert first_visit.due_on == D(2026, 2, 28)


def test_the_listing_searches_and_filters_without_the_search_index(
    client, team_member, manager, south
):
    CareHomeManagerFactory(name="Tom Walsh", area=south, home_type="nursing")
    client.force_login(team_member)
    content = client.get("/admin/tracker/managers/?q=aisha").content.decode()
    assert NAME in content and "Tom Walsh" not in content
    content = client.get(
        f"/admin/tracker/managers/?area={south.pk}&home_type=nursing"
    ).content.decode()
    assert "Tom Walsh" in content and NAME not in content
    content = client.get("/admin/tracker/managers/?in_post=no").content.decode()
    assert "Tom Walsh" not in content and NAME not in content
    # The title links to the record (plan and notes).
    content = client.get("/admin/tracker/managers/").content.decode()
    assert f"/admin/tracker/managers/inspect/{manager.pk}/" in content


def test_the_record_shows_details_plan_and_history(client, team_member, manager):
    client.force_login(team_member)
    content = client.get(f"/admin/tracker/managers/inspect/{manager.pk}/").content
    content = content.decode()
    assert EMAIL in content
    assert "First year for a new manager" in content
    assert '<th scope="col">Milestone</th>' in content
    assert "<strong>Overdue</strong>" in content
    assert NOTE in content
    assert "Record a contact or note" in content
    assert "Seen only by the Care Quality Team" in content
    assert "None" not in content.split('id="details-heading"')[1].split("</dl>")[0]


def test_an_unknown_manager_is_not_found(client, team_member):
    client.force_login(team_member)
    assert client.get("/admin/tracker/managers/inspect/999999/").status_code == 404
    assert client.get("/admin/tracker/managers/999999/contacts/new/").status_code == 404
    assert (
        client.get("/admin/tracker/managers/milestones/999999/done/").status_code == 404
    )


def test_the_team_can_delete_a_record_made_by_mistake(client, team_member, manager):
    client.force_login(team_member)
    response = client.post(f"/admin/tracker/managers/delete/{manager.pk}/")
    assert response.status_code == 302
    assert not CareHomeManager.objects.exists()
    assert not Milestone.objects.exists()


# Milestones -------------------------------------------------------------------------


def test_marking_a_milestone_done(client, team_member, manager):
    client.force_login(team_member)
    milestone = manager.milestones.get(name="Welcome call")
    url = f"/admin/tracker/managers/milestones/{milestone.pk}/done/"
    form = client.get(url).content.decode()
    assert 'value="2026-03-11"' in form  # today, in London
    assert f'<option value="{team_member.pk}" selected>' in form
    response = client.post(
        url,
        {"done_on": "2026-03-10", "done_by": team_member.pk, "note": "Lovely chat"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#plan")
    milestone.refresh_from_db()
    assert milestone.done_on == D(2026, 3, 10)
    assert milestone.done_by == team_member
    record = client.get(response["Location"]).content.decode()
    assert "marked as done" in record
    assert "10 March 2026, by Priya Shah" in record
    assert "Lovely chat" in record
    assert "Reopen" in record
    # Done already: the form sends them back.
    assert client.get(url).status_code == 302


def test_marking_done_with_bad_input_keeps_it(client, team_member, manager):
    client.force_login(team_member)
    milestone = manager.milestones.first()
    response = client.post(
        f"/admin/tracker/managers/milestones/{milestone.pk}/done/",
        {"done_on": "2026-03-12", "done_by": "", "note": "Typed note"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "The date cannot be in the future." in content
    assert "Choose who it was" in content
    assert "Typed note" in content
    assert 'href="#id_done_on"' in content
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_only_team_members_can_be_named(client, team_member, editor, manager):
    client.force_login(team_member)
    milestone = manager.milestones.first()
    response = client.post(
        f"/admin/tracker/managers/milestones/{milestone.pk}/done/",
        {"done_on": "2026-03-10", "done_by": editor.pk},
    )
    assert "Choose someone from the team" in response.content.decode()


def test_rescheduling_and_reopening(client, team_member, manager):
    client.force_login(team_member)
    milestone = manager.milestones.get(name="3 month review")
    url = f"/admin/tracker/managers/milestones/{milestone.pk}/reschedule/"
    first_due = milestone.due_on
    response = client.post(url, {"due_on": first_due.isoformat()})
    assert "Choose a different date" in response.content.decode()
    response = client.post(url, {"due_on": "not a date", "note": "On leave"})
    assert "Enter a real date" in response.content.decode()
    assert 'value="On leave"' in response.content.decode()
    response = client.post(url, {"due_on": "2026-04-09", "note": "On leave"})
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.due_on == D(2026, 4, 9)
    assert milestone.original_due_on == first_due
    record = client.get(response["Location"]).content.decode()
    assert "On leave" in record and "Moved from" in record

    done = manager.milestones.get(name="Welcome call")
    services.mark_milestone_done(done, TODAY, team_member)
    response = client.post(f"/admin/tracker/managers/milestones/{done.pk}/reopen/")
    assert response.status_code == 302
    done.refresh_from_db()
    assert done.done_on is None
    # Reopening is a button, never a link.
    reopen = f"/admin/tracker/managers/milestones/{done.pk}/reopen/"
    assert client.get(reopen).status_code == 405


# Contacts and notes ------------------------------------------------------------------


def test_recording_a_visit(client, team_member, manager):
    client.force_login(team_member)
    url = f"/admin/tracker/managers/{manager.pk}/contacts/new/"
    response = client.post(
        url,
        {
            "kind": "visit",
            "happened_on": "2026-03-09",
            "by": team_member.pk,
            "text": "Walked round with the manager; agreed a falls audit.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#history")
    contact = manager.contacts.get(kind="visit")
    assert contact.recorded_by == team_member and contact.by == team_member
    record = client.get(response["Location"]).content.decode()
    assert "Visit to the home, Monday 9 March 2026" in record
    assert "agreed a falls audit" in record
    # Newest first.
    assert record.index("agreed a falls audit") > record.index(NOTE)


def test_a_contact_with_bad_input_keeps_what_was_typed(client, team_member, manager):
    client.force_login(team_member)
    response = client.post(
        f"/admin/tracker/managers/{manager.pk}/contacts/new/",
        {"kind": "pigeon", "happened_on": "2027-01-01", "by": "", "text": "Draft"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choose the type of contact" in content
    assert "The date cannot be in the future." in content
    assert "Draft</textarea>" in content
    assert manager.contacts.count() == 1


# Support plans ------------------------------------------------------------------------


def plan_form(milestones, **fields):
    data = {
        "name": "Intensive first three months",
        "description": "Weekly visits, then reviews.",
        "is_default": "on",
        "milestones-TOTAL_FORMS": str(len(milestones)),
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "1",
        "milestones-MAX_NUM_FORMS": "1000",
    }
    for number, (name, amount, unit, review) in enumerate(milestones):
        data.update(
            {
                f"milestones-{number}-name": name,
                f"milestones-{number}-offset_amount": str(amount),
                f"milestones-{number}-offset_unit": unit,
                f"milestones-{number}-ORDER": str(number + 1),
                f"milestones-{number}-DELETE": "",
                f"milestones-{number}-id": "",
            }
        )
        if review:
            data[f"milestones-{number}-is_review"] = "on"
    data.update(fields)
    return data


def test_the_team_edits_a_plan_and_new_managers_get_it(
    client, team_member, north, today
):
    client.force_login(team_member)
    response = client.post(
        "/admin/tracker/plans/new/",
        plan_form(
            [
                ("First weekly visit", 3, "days", False),
                ("4 week review", 4, "weeks", True),
                ("9 month review", 9, "months", True),
            ]
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    plan = SupportPlanTemplate.objects.get(name="Intensive first three months")
    assert plan.is_default
    assert not SupportPlanTemplate.objects.exclude(pk=plan.pk).filter(is_default=True)
    client.post("/admin/tracker/managers/new/", manager_form(north))
    manager = CareHomeManager.objects.get()
    assert [(m.name, m.due_on, m.is_review) for m in manager.milestones.all()] == [
        ("First weekly visit", D(2026, 3, 5), False),
        ("4 week review", D(2026, 3, 30), True),
        ("9 month review", D(2026, 12, 2), True),
    ]


def test_a_plan_offset_beyond_three_years_is_refused(client, team_member):
    client.force_login(team_member)
    response = client.post(
        "/admin/tracker/plans/new/", plan_form([("Far away", 40, "months", False)])
    )
    assert response.status_code == 200
    assert "Choose 36 months or fewer" in response.content.decode()
    assert not SupportPlanTemplate.objects.filter(name__startswith="Intensive")


# Personal data ---------------------------------------------------------------------


def test_personal_data_never_reaches_the_logs(
    client, team_member, north, caplog, today
):
    caplog.set_level(logging.DEBUG)
    client.force_login(team_member)
    client.post("/admin/tracker/managers/new/", manager_form(north))
    manager = CareHomeManager.objects.get()
    client.post(
        f"/admin/tracker/managers/{manager.pk}/contacts/new/",
        {
            "kind": "call",
            "happened_on": "2026-03-10",
            "by": team_member.pk,
            "text": NOTE,
        },
    )
    client.get(f"/admin/tracker/managers/inspect/{manager.pk}/")
    client.get("/admin/tracker/dashboard/overdue.csv")
    client.get(f"/admin/tracker/managers/?q={NAME}")
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert NAME not in logged
    assert EMAIL not in logged
    assert NOTE not in logged


def test_tracker_screens_are_never_stored_by_the_page_cache(
    client, team_member, manager, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    client.force_login(team_member)
    for url in (
        f"/admin/tracker/managers/inspect/{manager.pk}/",
        "/admin/tracker/dashboard/",
        "/admin/tracker/dashboard/overdue.csv",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    export = client.get("/admin/tracker/dashboard/overdue.csv")
    assert "private" in export["Cache-Control"]
    assert "no-store" in export["Cache-Control"]
