"""Feedback from new managers: the survey at chosen milestones, as the manager
answers it, and the results as the team reads them (and nobody else)."""

import pytest

from tests.tracker.conftest import TODAY, days
from tests.tracker.factories import CareHomeManagerFactory, MilestoneFactory
from tests.tracker.test_manager_page import signed_in_client
from tracker import feedback
from tracker.models import FeedbackResponse, MilestoneDefinition

pytestmark = pytest.mark.django_db

ANSWERS = {
    "supported": "4",
    "helped": ["visits", "network"],
    "helped_other": "My buddy at Elm Court",
    "missing": "Earlier help with the CQC registration interview",
    "comments": "Thank you",
}


@pytest.fixture
def manager(north, today, home_page):
    return CareHomeManagerFactory(
        name="Ruth Mensah",
        email="ruth.mensah@ash.example.org",
        area=north,
        start_date=TODAY - days(100),
    )


@pytest.fixture
def review(manager):
    return MilestoneFactory(
        manager=manager,
        name="3 month review",
        is_review=True,
        asks_for_feedback=True,
        due_on=TODAY - days(5),
    )


def survey_url(milestone):
    return f"/managers/feedback/{milestone.pk}/"


def test_the_default_plan_asks_for_feedback_at_each_review(db):
    asking = MilestoneDefinition.objects.filter(
        template__is_default=True, asks_for_feedback=True
    )
    assert sorted(asking.values_list("name", flat=True)) == [
        "12 month review",
        "3 month review",
        "6 month review",
    ]


def test_an_open_survey_is_offered_on_the_plan_and_answered(client, manager, review):
    signed_in_client(client, manager)
    html = client.get("/managers/").content.decode()
    assert "Tell us how it is going" in html
    assert survey_url(review) in html

    form = client.get(survey_url(review))
    assert form.status_code == 200
    assert "How supported do you feel" in form.content.decode()
    response = client.post(survey_url(review), ANSWERS)
    assert response["Location"] == "/managers/"
    answer = FeedbackResponse.objects.get(milestone=review)
    assert answer.supported == 4
    assert answer.helped == ["visits", "network"]
    assert answer.missing == ANSWERS["missing"]
    assert "Tell us how it is going" not in client.get("/managers/").content.decode()


def test_answering_twice_keeps_the_first_answers(client, manager, review):
    signed_in_client(client, manager)
    client.post(survey_url(review), ANSWERS)
    again = client.post(survey_url(review), {**ANSWERS, "supported": "1"})
    assert again["Location"] == "/managers/"
    assert FeedbackResponse.objects.get().supported == 4


def test_a_missing_answer_is_explained_and_the_rest_kept(client, manager, review):
    signed_in_client(client, manager)
    response = client.post(survey_url(review), {**ANSWERS, "supported": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose how supported you feel" in html
    assert ANSWERS["missing"] in html
    assert 'value="visits" checked' in html
    assert not FeedbackResponse.objects.exists()


def test_made_up_choices_are_refused(client, manager, review):
    signed_in_client(client, manager)
    response = client.post(
        survey_url(review), {**ANSWERS, "supported": "9", "helped": ["bribes"]}
    )
    assert response.status_code == 400
    assert not FeedbackResponse.objects.exists()


def test_a_survey_not_yet_open_or_not_theirs_is_not_found(client, manager, north):
    signed_in_client(client, manager)
    later = MilestoneFactory(
        manager=manager, asks_for_feedback=True, due_on=TODAY + days(30)
    )
    someone_else = MilestoneFactory(
        manager=CareHomeManagerFactory(area=north),
        asks_for_feedback=True,
        due_on=TODAY - days(1),
    )
    no_survey = MilestoneFactory(manager=manager, due_on=TODAY - days(1))
    for milestone in (later, someone_else, no_survey):
        assert client.get(survey_url(milestone)).status_code == 404


def test_a_survey_opens_early_once_its_step_is_done(client, manager):
    from tracker import services

    milestone = MilestoneFactory(
        manager=manager, asks_for_feedback=True, due_on=TODAY + days(10)
    )
    services.mark_milestone_done(milestone, TODAY, None)
    signed_in_client(client, manager)
    assert client.get(survey_url(milestone)).status_code == 200


# The results -------------------------------------------------------------------


def answered(manager, supported, name="3 month review", **answers):
    milestone = MilestoneFactory(
        manager=manager, name=name, asks_for_feedback=True, due_on=TODAY
    )
    return feedback.record_feedback(milestone, supported, **answers)


def test_results_per_area_and_overall(north, south, today):
    answered(CareHomeManagerFactory(area=north), 5, helped=["visits"])
    answered(CareHomeManagerFactory(area=north), 2, helped=["visits", "buddy"])
    answered(CareHomeManagerFactory(area=south), 4, name="6 month review")
    results = feedback.results()
    assert results["total"] == 3
    assert results["supported_percent"] == 67
    by_area = {row["group"]: row for row in results["by_area"]}
    assert by_area["North"]["answers"] == 2
    assert by_area["North"]["average"] == 3.5
    assert by_area["North"]["supported_percent"] == 50
    assert by_area["South"]["supported_percent"] == 100
    helped = {label: count for label, count, _share in results["helped"]}
    assert helped["Visits to the home"] == 2
    assert helped["A buddy from the network"] == 1
    assert [row["label"] for row in results["by_quarter"]]
    north_only = feedback.results(area=north)
    assert north_only["total"] == 2


def test_the_team_reads_the_results_and_nobody_else_does(
    client, team_member, editor, moderator, panel_member, north, today
):
    answered(
        CareHomeManagerFactory(area=north, home_name="Rowan House"),
        3,
        missing="Someone to call out of hours",
    )
    for outsider in (editor, moderator, panel_member):
        client.force_login(outsider)
        response = client.get("/admin/tracker/feedback/")
        assert response.status_code in (302, 403)
    client.logout()
    assert client.get("/admin/tracker/feedback/").status_code == 302

    client.force_login(team_member)
    response = client.get("/admin/tracker/feedback/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Feedback from new managers" in html
    assert "Someone to call out of hours" in html
    assert "Rowan House" in html
    filtered = client.get("/admin/tracker/feedback/?area=nowhere&home_type=castle")
    assert filtered.status_code == 200
    assert "Not recognised, so not used" in filtered.content.decode()


def test_the_results_screen_says_when_there_is_nothing_yet(client, team_member):
    client.force_login(team_member)
    html = client.get("/admin/tracker/feedback/").content.decode()
    assert "No answers yet" in html
    assert "Nothing written yet" in html


def test_the_record_shows_the_managers_answers_to_the_team(
    client, team_member, editor, manager, review
):
    feedback.record_feedback(review, 5, helped=["academy"], comments="Great start")
    client.force_login(team_member)
    html = client.get(f"/admin/tracker/managers/inspect/{manager.pk}/").content.decode()
    assert "Their feedback" in html
    assert "Very well supported" in html
    assert "The Leadership Academy" in html
    assert "Great start" in html
    client.force_login(editor)
    response = client.get(f"/admin/tracker/managers/inspect/{manager.pk}/")
    assert "Great start" not in response.content.decode()
