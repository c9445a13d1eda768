"""The tracker's rules, called directly: dating a plan, the milestone actions,
a manager's record, and the dashboard's lists and export."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from tests.tracker.conftest import TODAY, days
from tests.tracker.factories import CareHomeManagerFactory, MilestoneFactory
from tracker import services
from tracker.models import CareHomeManager, Milestone, SupportPlanTemplate

pytestmark = pytest.mark.django_db

D = datetime.date


# Dates from offsets -----------------------------------------------------------------


@pytest.mark.parametrize(
    "start, amount, unit, expected",
    [
        (D(2026, 3, 2), 0, "days", D(2026, 3, 2)),
        (D(2026, 3, 2), 10, "days", D(2026, 3, 12)),
        (D(2026, 12, 28), 7, "days", D(2027, 1, 4)),
        (D(2026, 3, 2), 1, "weeks", D(2026, 3, 9)),
        (D(2026, 3, 2), 6, "weeks", D(2026, 4, 13)),
        (D(2026, 3, 2), 1, "months", D(2026, 4, 2)),
        (D(2026, 3, 2), 12, "months", D(2027, 3, 2)),
        # Month ends: the last day of a shorter month.
        (D(2026, 1, 31), 1, "months", D(2026, 2, 28)),
        (D(2028, 1, 31), 1, "months", D(2028, 2, 29)),
        (D(2026, 8, 31), 1, "months", D(2026, 9, 30)),
        (D(2026, 10, 31), 6, "months", D(2027, 4, 30)),
        (D(2028, 2, 29), 12, "months", D(2029, 2, 28)),
        (D(2026, 11, 30), 3, "months", D(2027, 2, 28)),
    ],
)
def test_offset_dates(start, amount, unit, expected):
    assert services.offset_date(start, amount, unit) == expected


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        services.offset_date(D(2026, 1, 1), 1, "fortnights")


def test_weeks_run_monday_to_sunday():
    assert services.week_bounds(D(2026, 3, 11)) == (D(2026, 3, 9), D(2026, 3, 15))
    assert services.week_bounds(D(2026, 3, 9)) == (D(2026, 3, 9), D(2026, 3, 15))
    assert services.week_bounds(D(2026, 3, 15)) == (D(2026, 3, 9), D(2026, 3, 15))


def test_today_is_the_date_in_london(monkeypatch):
    # 23:30 UTC on 30 June is half past midnight on 1 July in London (BST).
    late = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: late)
    assert services.today() == D(2026, 7, 1)
    winter = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: winter)
    assert services.today() == D(2026, 12, 31)


@pytest.mark.parametrize(
    "due, done, state",
    [
        (TODAY - days(1), None, "overdue"),
        (TODAY, None, "due-this-week"),
        (D(2026, 3, 15), None, "due-this-week"),
        (D(2026, 3, 16), None, "upcoming"),
        (TODAY - days(30), TODAY, "done"),
    ],
)
def test_milestone_states(due, done, state):
    milestone = Milestone(due_on=due, done_on=done)
    assert services.milestone_state(milestone, TODAY) == state


# The support plan ---------------------------------------------------------------------


def test_the_default_plan_is_the_first_year_plan():
    plan = services.default_plan()
    assert plan.name == "First year for a new manager"
    names = [m.name for m in plan.milestones.all()]
    assert names[0] == "Welcome call"
    assert "Leadership Academy offer" in names
    assert [m.name for m in plan.milestones.all() if m.is_review] == [
        "3 month review",
        "6 month review",
        "12 month review",
    ]


def test_a_new_manager_gets_dated_milestones_from_the_default_plan():
    manager = CareHomeManagerFactory(start_date=D(2026, 1, 31))
    added = services.start_support_plan(manager)
    assert len(added) == 8
    manager.refresh_from_db()
    assert manager.plan_template == services.default_plan()
    due = {m.name: m.due_on for m in manager.milestones.all()}
    assert due["Welcome call"] == D(2026, 2, 7)
    assert due["Invitation to the Registered Managers Network"] == D(2026, 2, 14)
    assert due["First visit to the home"] == D(2026, 2, 28)  # month end
    assert due["Buddy from the Registered Managers Network"] == D(2026, 3, 14)
    assert due["3 month review"] == D(2026, 4, 30)
    assert due["6 month review"] == D(2026, 7, 31)
    assert due["12 month review"] == D(2027, 1, 31)
    review = manager.milestones.get(name="3 month review")
    assert review.is_review and review.offset_unit == "months"


def test_giving_the_plan_again_changes_nothing():
    manager = CareHomeManagerFactory()
    services.start_support_plan(manager)
    first = manager.milestones.order_by("due_on").first()
    first.done_on = D(2026, 1, 9)
    first.save()
    assert services.start_support_plan(manager) == []
    assert manager.milestones.count() == 8
    first.refresh_from_db()
    assert first.done_on == D(2026, 1, 9)


def test_a_step_added_to_the_plan_later_is_added_once():
    manager = CareHomeManagerFactory()
    services.start_support_plan(manager)
    plan = services.default_plan()
    plan.milestones.create(name="9 month review", offset_amount=9, offset_unit="months")
    plan.save()
    added = services.start_support_plan(manager)
    assert [m.name for m in added] == ["9 month review"]
    assert services.start_support_plan(manager) == []
    assert manager.milestones.count() == 9


def test_the_plan_a_manager_was_given_stays_theirs():
    manager = CareHomeManagerFactory()
    services.start_support_plan(manager)
    SupportPlanTemplate.objects.create(name="Light touch", is_default=True)
    assert services.start_support_plan(manager) == []
    manager.refresh_from_db()
    assert manager.plan_template.name == "First year for a new manager"


def test_without_a_default_plan_no_milestones_are_added():
    SupportPlanTemplate.objects.update(is_default=False)
    manager = CareHomeManagerFactory()
    assert services.start_support_plan(manager) == []
    assert not manager.milestones.exists()


def test_only_one_plan_is_the_default():
    first = services.default_plan()
    second = SupportPlanTemplate.objects.create(name="Intensive", is_default=True)
    first.refresh_from_db()
    assert not first.is_default
    assert services.default_plan() == second


def test_a_new_start_date_moves_open_milestones_only():
    manager = CareHomeManagerFactory(start_date=D(2026, 1, 5))
    services.start_support_plan(manager)
    done = manager.milestones.get(name="Welcome call")
    services.mark_milestone_done(done, D(2026, 1, 9), None)
    moved_by_hand = manager.milestones.get(name="First visit to the home")
    services.reschedule_milestone(moved_by_hand, D(2026, 2, 20))

    manager.start_date = D(2026, 1, 31)
    manager.save()
    moved = services.manager_changed(manager, ["start_date"])
    assert moved == 6
    due = {m.name: m.due_on for m in manager.milestones.all()}
    assert due["Welcome call"] == D(2026, 1, 12)  # done: left as it was
    assert due["First visit to the home"] == D(2026, 2, 20)  # moved by hand
    assert due["3 month review"] == D(2026, 4, 30)
    assert services.manager_changed(manager, ["name"]) == 0


def test_plan_for_lists_milestones_in_date_order_with_their_states(today):
    manager = CareHomeManagerFactory(start_date=D(2026, 1, 5))
    services.start_support_plan(manager)
    plan = services.plan_for(manager, TODAY)
    assert [m.due_on for m, _ in plan] == sorted(m.due_on for m, _ in plan)
    states = {m.name: state for m, state in plan}
    assert states["Welcome call"] == "overdue"
    assert states["12 month review"] == "upcoming"


# Marking done, rescheduling, notes -------------------------------------------------------


def test_marking_a_milestone_done(today, team_member):
    milestone = MilestoneFactory(due_on=TODAY)
    services.mark_milestone_done(milestone, TODAY, team_member, "  Went well. ")
    milestone.refresh_from_db()
    assert milestone.done_on == TODAY
    assert milestone.done_by == team_member
    assert milestone.done_note == "Went well."
    with pytest.raises(ValidationError, match="already marked done"):
        services.mark_milestone_done(milestone, TODAY, team_member)


def test_a_milestone_cannot_be_done_in_the_future(today):
    milestone = MilestoneFactory(due_on=TODAY)
    with pytest.raises(ValidationError) as error:
        services.mark_milestone_done(milestone, TODAY + days(1), None)
    assert error.value.message_dict == {
        "done_on": ["The date cannot be in the future."]
    }


def test_reopening_clears_what_was_noted(today, team_member):
    milestone = MilestoneFactory(due_on=TODAY)
    services.mark_milestone_done(milestone, TODAY, team_member, "Oops")
    services.reopen_milestone(milestone)
    milestone.refresh_from_db()
    assert (milestone.done_on, milestone.done_by, milestone.done_note) == (
        None,
        None,
        "",
    )


def test_rescheduling_keeps_the_first_date(today):
    manager = CareHomeManagerFactory(start_date=D(2026, 1, 5))
    milestone = MilestoneFactory(manager=manager, due_on=D(2026, 2, 5))
    services.reschedule_milestone(milestone, D(2026, 2, 19), "Manager on leave")
    milestone.refresh_from_db()
    assert milestone.due_on == D(2026, 2, 19)
    assert milestone.original_due_on == D(2026, 2, 5)
    assert milestone.reschedule_note == "Manager on leave"
    services.reschedule_milestone(milestone, D(2026, 2, 26))
    milestone.refresh_from_db()
    assert milestone.original_due_on == D(2026, 2, 5)
    # Back to the first date: an ordinary milestone again.
    services.reschedule_milestone(milestone, D(2026, 2, 5))
    milestone.refresh_from_db()
    assert milestone.original_due_on is None and not milestone.was_rescheduled


@pytest.mark.parametrize(
    "new_date, message",
    [
        (D(2026, 2, 5), "already due"),
        (D(2026, 1, 4), "before the manager's start date"),
        (D(2029, 1, 6), "more than three years"),
    ],
)
def test_rescheduling_rules(today, new_date, message):
    manager = CareHomeManagerFactory(start_date=D(2026, 1, 5))
    milestone = MilestoneFactory(manager=manager, due_on=D(2026, 2, 5))
    with pytest.raises(ValidationError, match=message) as error:
        services.reschedule_milestone(milestone, new_date)
    assert "due_on" in error.value.message_dict


def test_a_done_milestone_is_reopened_before_it_moves(today):
    milestone = MilestoneFactory(due_on=TODAY)
    services.mark_milestone_done(milestone, TODAY, None)
    with pytest.raises(ValidationError, match="Reopen it"):
        services.reschedule_milestone(milestone, TODAY + days(7))


def test_recording_a_contact(today, team_member):
    manager = CareHomeManagerFactory()
    note = services.record_contact(
        manager, "visit", TODAY, team_member, " Walked round the home. ", team_member
    )
    assert note.text == "Walked round the home."
    assert list(manager.contacts.all()) == [note]
    assert str(note) == "Visit to the home on 11 March 2026"


def test_a_contact_needs_a_type_a_past_date_and_words(today):
    manager = CareHomeManagerFactory()
    with pytest.raises(ValidationError) as error:
        services.record_contact(manager, "fax", TODAY + days(1), None, "  ")
    assert set(error.value.message_dict) == {"kind", "happened_on", "text"}
    assert not manager.contacts.exists()


def test_team_members_are_the_team_and_administrators(
    team_member, editor, moderator, panel_member, admin_user
):
    assert set(services.team_members()) == {team_member, admin_user}
    team_member.is_active = False
    team_member.save()
    assert set(services.team_members()) == {admin_user}


# A manager's record ---------------------------------------------------------------


def problems_of(**fields):
    values = {
        "name": "Aisha Rahman",
        "email": "aisha@beech.example.org",
        "home_name": "Beech House",
        "cqc_location_id": "1-123456789",
        "home_type": "residential",
        "start_date": D(2026, 3, 2),
        "cqc_registration": "pending",
    }
    values.update(fields)
    return services.manager_problems(CareHomeManager(**values))


def test_a_good_record_has_no_problems(today):
    assert problems_of() == {}
    assert problems_of(cqc_registration="done", cqc_registered_on=D(2026, 3, 1)) == {}


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"cqc_registration": "done"}, "cqc_registered_on", "Enter the date"),
        (
            {"cqc_registered_on": D(2026, 3, 1)},
            "cqc_registered_on",
            "Leave this date empty",
        ),
        (
            {"cqc_registration": "done", "cqc_registered_on": TODAY + days(1)},
            "cqc_registered_on",
            "cannot be in the future",
        ),
        ({"left_on": D(2026, 3, 1)}, "left_on", "before their start date"),
        ({"start_date": D(2027, 6, 1)}, "start_date", "more than a year away"),
        ({"start_date": D(1996, 6, 1)}, "start_date", "Check the year"),
    ],
)
def test_rules_between_fields(today, fields, field, message):
    problems = problems_of(**fields)
    assert list(problems) == [field]
    assert message in problems[field][0]


def test_the_same_manager_in_post_at_the_same_home_is_a_duplicate(today):
    CareHomeManagerFactory(
        name="Aisha Rahman",
        email="Aisha@Beech.example.org",
        cqc_location_id="1-123456789",
        start_date=D(2026, 1, 5),
    )
    problems = problems_of()
    assert "already recorded at this home" in problems["email"][0]
    assert "5 January 2026" in problems["email"][0]
    assert problems_of(cqc_location_id="1-999999999") == {}
    assert (
        services.manager_problems(
            CareHomeManager(
                email="aisha@beech.example.org", cqc_location_id="1-123456789"
            ),
            check_duplicates=False,
        )
        == {}
    )


def test_cqc_location_ids_are_tidied():
    assert services.normalise_cqc_location_id(" 1 - 123 456 789 ") == "1-123456789"
    assert services.normalise_cqc_location_id("1\u2013123456789") == "1-123456789"


def test_record_manager_saves_and_gives_the_plan(north):
    manager = CareHomeManager(
        name="Tom Walsh",
        email="tom@larch.example.org",
        home_name="Larch View",
        cqc_location_id="1-987654321",
        home_type="nursing",
        area=north,
        start_date=D(2026, 3, 2),
    )
    added = services.record_manager(manager)
    assert manager.pk and len(added) == 8


# The dashboard ---------------------------------------------------------------------


def test_due_this_week_and_overdue(today, north, south):
    manager = CareHomeManagerFactory(area=north)
    yesterday = MilestoneFactory(manager=manager, due_on=TODAY - days(1))
    today_one = MilestoneFactory(manager=manager, due_on=TODAY)
    sunday = MilestoneFactory(manager=manager, due_on=D(2026, 3, 15))
    MilestoneFactory(manager=manager, due_on=D(2026, 3, 16))  # next week
    MilestoneFactory(manager=manager, due_on=TODAY, done_on=TODAY)  # done
    long_ago = MilestoneFactory(manager=manager, due_on=D(2026, 1, 12))
    left = CareHomeManagerFactory(area=south, left_on=D(2026, 3, 1))
    MilestoneFactory(manager=left, due_on=TODAY - days(1))
    leaving = CareHomeManagerFactory(area=south, left_on=D(2026, 4, 30))
    still_here = MilestoneFactory(manager=leaving, due_on=TODAY)

    assert list(services.due_this_week(TODAY)) == [today_one, still_here, sunday]
    assert list(services.overdue(TODAY)) == [long_ago, yesterday]
    assert list(services.due_this_week(TODAY, area=north)) == [today_one, sunday]
    assert list(services.due_this_week(TODAY, area=south)) == [still_here]


def test_filters_by_home_type(today):
    nursing = CareHomeManagerFactory(home_type="nursing")
    residential = CareHomeManagerFactory(home_type="residential")
    late_nursing = MilestoneFactory(manager=nursing, due_on=TODAY - days(3))
    MilestoneFactory(manager=residential, due_on=TODAY - days(3))
    assert list(services.overdue(TODAY, home_type="nursing")) == [late_nursing]
    assert not services.overdue(TODAY, home_type="emi").exists()


def test_registration_pending_after_n_weeks(today, settings):
    eight_weeks = CareHomeManagerFactory(start_date=TODAY - days(56))
    CareHomeManagerFactory(start_date=TODAY - days(55))  # not yet eight weeks
    CareHomeManagerFactory(
        start_date=TODAY - days(100),
        cqc_registration="done",
        cqc_registered_on=TODAY - days(10),
    )
    CareHomeManagerFactory(start_date=TODAY - days(100), left_on=TODAY - days(1))
    longest = CareHomeManagerFactory(start_date=TODAY - days(120))
    assert services.pending_weeks() == 8
    assert list(services.registration_pending(TODAY)) == [longest, eight_weeks]

    settings.TRACKER_CQC_PENDING_WEEKS = 12
    assert services.pending_weeks() == 12
    assert list(services.registration_pending(TODAY)) == [longest]
    settings.TRACKER_CQC_PENDING_WEEKS = "not a number"
    assert services.pending_weeks() == 8


def test_the_csv_of_a_list(today, north):
    manager = CareHomeManagerFactory(
        name='=HYPERLINK("http://evil.example")',
        email="m@home.example.org",
        home_name="Beech House",
        area=north,
    )
    MilestoneFactory(
        manager=manager,
        name="First visit",
        due_on=TODAY - days(4),
        original_due_on=TODAY - days(11),
    )
    rows = list(services.dashboard_rows("overdue", services.overdue(TODAY), TODAY))
    assert rows[0][:2] == ["Manager", "Email"]
    assert rows[0][-5:] == [
        "Milestone",
        "Review",
        "Due",
        "Days overdue",
        "Rescheduled from",
    ]
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'
    assert rows[1][-5:] == ["First visit", "no", "2026-03-07", "4", "2026-02-28"]

    CareHomeManagerFactory(name="Tom Walsh", start_date=TODAY - days(70))
    rows = list(
        services.dashboard_rows("pending", services.registration_pending(TODAY), TODAY)
    )
    assert rows[0][-3:] == ["Start date", "Weeks since start", "CQC registration"]
    assert rows[1][0] == "Tom Walsh"
    assert rows[1][-3:] == ["2025-12-31", "10", "Pending"]
    assert rows[2][0].startswith("'=")
