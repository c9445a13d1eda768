"""The team's dashboard: its three lists, the filters, pages and CSV exports."""

import csv
import datetime
import io

import pytest

from tests.tracker.conftest import TODAY, days
from tests.tracker.factories import CareHomeManagerFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

URL = "/admin/tracker/dashboard/"


@pytest.fixture
def spread(today, north, south):
    """Managers across two areas and three home types, with milestones due
    this week, overdue and later, and registrations pending or done."""
    aisha = CareHomeManagerFactory(
        name="Aisha Rahman",
        home_name="Beech House",
        area=north,
        home_type="residential",
        start_date=TODAY - days(70),
    )
    tom = CareHomeManagerFactory(
        name="Tom Walsh",
        home_name="Larch View",
        area=south,
        home_type="nursing",
        start_date=TODAY - days(20),
    )
    grace = CareHomeManagerFactory(
        name="Grace Okafor",
        home_name="Rowan Lodge",
        area=south,
        home_type="emi",
        start_date=TODAY - days(100),
        cqc_registration="done",
        cqc_registered_on=TODAY - days(30),
    )
    MilestoneFactory(manager=aisha, name="3 month review", due_on=TODAY + days(2))
    MilestoneFactory(manager=aisha, name="First visit", due_on=TODAY - days(9))
    MilestoneFactory(manager=tom, name="Welcome call", due_on=TODAY)
    MilestoneFactory(manager=tom, name="Buddy", due_on=TODAY + days(30))
    MilestoneFactory(manager=grace, name="Academy offer", due_on=TODAY - days(2))
    MilestoneFactory(
        manager=grace, name="Done one", due_on=TODAY - days(5), done_on=TODAY
    )
    return {"aisha": aisha, "tom": tom, "grace": grace}


def section(content, name):
    return content.split(f'id="{name}-heading"')[1].split("</section>")[0]


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_three_lists(client, team_member, spread):
    client.force_login(team_member)
    content = client.get(URL).content.decode()
    assert "Today is Wednesday 11 March 2026" in content
    assert "to Sunday 15 March" in content

    due = section(content, "due")
    assert "Due this week (2)" in due
    assert "Welcome call" in due and "3 month review" in due
    assert "Buddy" not in due
    assert due.index("Welcome call") < due.index("3 month review")

    overdue = section(content, "overdue")
    assert "Overdue (2)" in overdue
    assert overdue.index("First visit") < overdue.index("Academy offer")
    assert "Done one" not in overdue
    assert "<td>9</td>" in overdue  # days overdue

    pending = section(content, "pending")
    assert "still pending 8 weeks or more" in pending
    assert "Aisha Rahman" in pending
    assert "Tom Walsh" not in pending  # not yet eight weeks
    assert "Grace Okafor" not in pending  # registered
    assert f"/admin/tracker/managers/inspect/{spread['aisha'].pk}/" in pending


def test_accessible_tables(client, team_member, spread):
    client.force_login(team_member)
    content = client.get(URL).content.decode()
    assert '<caption class="w-sr-only">Overdue</caption>' in content
    assert '<th scope="col">Manager</th>' in content
    assert '<th scope="row"><a href=' in content
    assert '<label class="w-field__label" for="id_area"' in content


def test_filter_by_area_and_home_type(client, team_member, spread, south):
    client.force_login(team_member)
    content = client.get(URL, {"area": "south"}).content.decode()
    assert "Aisha Rahman" not in content
    assert "Tom Walsh" in content and "Grace Okafor" in content
    assert "Show everyone" in content

    content = client.get(URL, {"area": "south", "home_type": "emi"}).content.decode()
    assert "Tom Walsh" not in content
    assert "Academy offer" in section(content, "overdue")
    assert "Due this week (0)" in content
    assert "Nobody with these filters." in content

    content = client.get(URL, {"home_type": "residential"}).content.decode()
    assert "Aisha Rahman" in section(content, "pending")
    assert "Grace Okafor" not in content


def test_unknown_filters_are_dropped_not_trusted(client, team_member, spread):
    client.force_login(team_member)
    response = client.get(
        URL, {"area": "atlantis", "home_type": "castle", "overdue_page": "x"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Not recognised, so not used: Area, Type of home" in content
    # Everyone is shown.
    assert "Aisha Rahman" in content and "Grace Okafor" in content


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "2.5", ""])
def test_bad_page_numbers_fall_back(client, team_member, spread, page):
    client.force_login(team_member)
    response = client.get(URL, {"overdue_page": page, "due_page": page})
    assert response.status_code == 200
    assert "First visit" in section(response.content.decode(), "overdue")


def test_long_lists_are_paginated(client, team_member, today, north):
    for number in range(30):
        manager = CareHomeManagerFactory(
            name=f"Late manager {number:02}", area=north, start_date=TODAY - days(40)
        )
        MilestoneFactory(manager=manager, name="Welcome call", due_on=TODAY - days(3))
    client.force_login(team_member)
    content = client.get(URL).content.decode()
    overdue = section(content, "overdue")
    assert "Overdue (30)" in overdue
    assert "Late manager 00" in overdue and "Late manager 25" not in overdue
    assert "Page 1 of 2" in overdue
    assert "?overdue_page=2#overdue" in overdue

    content = client.get(URL, {"overdue_page": "2", "area": "north"}).content.decode()
    overdue = section(content, "overdue")
    assert "Late manager 25" in overdue and "Late manager 00" not in overdue
    assert "Previous page" in overdue
    assert "area=north" in overdue.split("Previous page")[0]


def test_export_a_list_as_csv(client, team_member, spread):
    client.force_login(team_member)
    response = client.get("/admin/tracker/dashboard/overdue.csv")
    assert response.status_code == 200
    assert "manager-tracker-overdue-2026-03-11.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [
        "Manager",
        "Email",
        "Phone",
        "Role",
        "Care home",
        "CQC location ID",
        "Type of home",
        "Area",
        "Milestone",
        "Review",
        "Due",
        "Days overdue",
        "Rescheduled from",
    ]
    assert [(row[0], row[8], row[10], row[11]) for row in rows[1:]] == [
        ("Aisha Rahman", "First visit", "2026-03-02", "9"),
        ("Grace Okafor", "Academy offer", "2026-03-09", "2"),
    ]
    assert rows[1][4] == "Beech House" and rows[1][7] == "North"


def test_export_keeps_the_filters(client, team_member, spread):
    client.force_login(team_member)
    content = client.get(URL, {"area": "south"}).content.decode()
    assert "/admin/tracker/dashboard/overdue.csv?area=south" in content
    rows = read_csv(client.get("/admin/tracker/dashboard/overdue.csv?area=south"))
    assert [row[0] for row in rows[1:]] == ["Grace Okafor"]
    rows = read_csv(client.get("/admin/tracker/dashboard/due.csv?home_type=nursing"))
    assert [row[0] for row in rows[1:]] == ["Tom Walsh"]
    # An unknown filter is dropped here too.
    rows = read_csv(client.get("/admin/tracker/dashboard/due.csv?area=atlantis"))
    assert len(rows) == 3


def test_export_pending_registrations(client, team_member, spread):
    client.force_login(team_member)
    rows = read_csv(client.get("/admin/tracker/dashboard/pending.csv"))
    assert rows[0][-3:] == ["Start date", "Weeks since start", "CQC registration"]
    assert rows[1][0] == "Aisha Rahman"
    assert rows[1][-3:] == [(TODAY - days(70)).isoformat(), "10", "Pending"]


def test_exported_cells_never_run_as_formulas(client, team_member, today, north):
    manager = CareHomeManagerFactory(
        name="=cmd|' /C calc'!A0", home_name="@SUM(A1)", area=north
    )
    MilestoneFactory(manager=manager, due_on=TODAY - days(1))
    client.force_login(team_member)
    rows = read_csv(client.get("/admin/tracker/dashboard/overdue.csv"))
    assert rows[1][0] == "'=cmd|' /C calc'!A0"
    assert rows[1][4] == "'@SUM(A1)"


def test_an_unknown_list_is_not_found(client, team_member):
    client.force_login(team_member)
    assert client.get("/admin/tracker/dashboard/everyone.csv").status_code == 404


def test_dates_follow_london_not_the_server(client, team_member, monkeypatch, north):
    """At 23:30 UTC on Tuesday 30 June 2026 it is already Wednesday in London."""
    late = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: late)
    manager = CareHomeManagerFactory(area=north, start_date=datetime.date(2026, 6, 1))
    MilestoneFactory(manager=manager, name="Due on Tuesday", due_on=late.date())
    client.force_login(team_member)
    content = client.get(URL).content.decode()
    assert "Today is Wednesday 1 July 2026" in content
    assert "Due on Tuesday" in section(content, "overdue")
