"""Business rules: the nomination window, references, judging and rankings."""

import datetime

from django.utils import timezone

import pytest

from awards import services
from awards.choices import NominationState
from awards.models import LONDON, AwardsYearPage, Score
from tests.factories import UserFactory
from tests.factories.awards import AwardsYearPageFactory, NominationFactory

pytestmark = pytest.mark.django_db


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


def year_page(open_at, close_at):
    return AwardsYearPage(
        year=2026, nominations_open_at=open_at, nominations_close_at=close_at
    )


def test_window_opens_and_closes_at_the_exact_moment():
    page = year_page(london(2026, 11, 1, 9, 0), london(2027, 1, 31, 17, 0))
    second = datetime.timedelta(seconds=1)
    assert page.nomination_state(london(2026, 11, 1, 8, 59, 59)) == (
        NominationState.NOT_YET_OPEN
    )
    assert services.nominations_open(page, london(2026, 11, 1, 9, 0))
    assert services.nominations_open(page, london(2027, 1, 31, 17, 0) - second)
    assert not services.nominations_open(page, london(2027, 1, 31, 17, 0))
    assert page.nomination_state(london(2027, 2, 1)) == NominationState.CLOSED


def test_close_time_is_uk_time_in_summer_and_winter():
    # 17:00 in London is 16:00 UTC in summer (BST) and 17:00 UTC in winter.
    summer = year_page(london(2026, 5, 1), london(2026, 7, 1, 17, 0))
    utc = datetime.UTC
    assert services.nominations_open(
        summer, datetime.datetime(2026, 7, 1, 15, 59, tzinfo=utc)
    )
    assert not services.nominations_open(
        summer, datetime.datetime(2026, 7, 1, 16, 0, tzinfo=utc)
    )
    winter = year_page(london(2026, 11, 1), london(2027, 1, 31, 17, 0))
    assert services.nominations_open(
        winter, datetime.datetime(2027, 1, 31, 16, 59, tzinfo=utc)
    )


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (london(2027, 1, 31, 17, 0), "5pm on 31 January 2027"),
        (london(2027, 7, 1, 9, 30), "9:30am on 1 July 2027"),
        (london(2027, 7, 1, 12, 0), "midday on 1 July 2027"),
        (london(2027, 7, 1, 0, 0), "midnight on 1 July 2027"),
    ],
)
def test_london_time_in_plain_english(moment, words):
    assert services.london_time(moment) == words


def test_home_page_status_when_open(open_year):
    # Fixed dates: the factory opens nominations a day before the test runs.
    open_year.nominations_open_at = london(2026, 11, 1, 9, 0)
    open_year.nominations_close_at = london(2027, 1, 31, 17, 0)
    open_year.save()
    status = services.nomination_status_for_home_page(now=london(2026, 12, 1))
    assert status == {
        "message": "Nominations for the 2026 Quality in Care Awards are open until "
        "5pm on 31 January 2027.",
        "url": open_year.url + "nominate/",
        "link_text": "Nominate someone",
    }


def test_home_page_status_before_opening_and_after_closing(awards_index):
    page = AwardsYearPageFactory(
        parent=awards_index,
        year=2027,
        nominations_open_at=london(2027, 11, 1, 9, 0),
        nominations_close_at=london(2028, 1, 31, 17, 0),
    )
    before = services.nomination_status_for_home_page(now=london(2027, 10, 1))
    assert before["message"].endswith("open at 9am on 1 November 2027.")
    assert before["url"] == page.url
    assert services.nomination_status_for_home_page(now=london(2028, 2, 1)) is None


def test_home_page_status_without_awards(db):
    assert services.nomination_status_for_home_page() is None


def test_unpublished_years_are_not_announced(open_year):
    open_year.unpublish()
    assert services.nomination_status_for_home_page() is None


def test_references_are_unguessable_and_well_formed():
    references = {services.new_reference(2026) for _ in range(2000)}
    assert len(references) == 2000
    for reference in list(references)[:50]:
        prefix, year, code = reference.split("-")
        assert (prefix, year) == ("QCA", "2026")
        assert len(code) == 6
        assert set(code) <= set(services.REFERENCE_ALPHABET)


def test_reference_collision_draws_again(open_year, monkeypatch):
    taken = NominationFactory(year=open_year, reference="QCA-2026-AAAAAA")
    draws = iter(["QCA-2026-AAAAAA", "QCA-2026-BBBBBB"])
    monkeypatch.setattr(services, "new_reference", lambda year: next(draws))
    data = {
        field: getattr(taken, field)
        for field in [
            "nominee_name",
            "nominee_role",
            "nominee_workplace",
            "setting",
            "cqc_location_id",
            "statement",
            "nominator_name",
            "nominator_email",
            "nominator_phone",
            "relationship",
            "nominee_may_be_contacted",
            "consent_privacy",
        ]
    }
    nomination = services.submit_nomination(
        open_year, open_year.categories.first(), data, notify=False
    )
    assert nomination.reference == "QCA-2026-BBBBBB"
    assert nomination.possible_duplicate is False  # the factory set no key


def test_normalised_names_match_despite_case_spacing_and_unicode():
    assert services.normalise_name("  Amara  BELLO ") == services.normalise_name(
        "amara bello"
    )
    assert services.normalise_name("Ａmara") == services.normalise_name("amara")
    assert services.normalise_name("Dr. A. Bello") == services.normalise_name(
        "Dr A Bello"
    )


# Judging -----------------------------------------------------------------------


@pytest.fixture
def eligible(open_year):
    return NominationFactory(year=open_year, status="eligible")


def test_scores_are_recorded_per_criterion(eligible, panel_member):
    score = services.record_score(eligible, panel_member, [5, 4, 3], "Strong")
    assert score.total == 12
    assert [item["score"] for item in score.criterion_scores] == [5, 4, 3]
    assert score.criterion_scores[0]["criterion"] == "Kindness and respect"
    # Scoring again replaces the earlier scores.
    services.record_score(eligible, panel_member, [1, 1, 1])
    assert Score.objects.get().total == 3


@pytest.mark.parametrize("scores", [[5, 4], [5, 4, 6], [0, 4, 3], [5, 4, 3, 2]])
def test_scores_must_be_one_to_five_for_each_criterion(eligible, panel_member, scores):
    with pytest.raises(ValueError):
        services.record_score(eligible, panel_member, scores)


def test_a_judge_with_a_conflict_cannot_score(eligible, panel_member):
    services.record_score(eligible, panel_member, [5, 5, 5])
    services.declare_conflict(eligible, panel_member, "She is my sister")
    score = Score.objects.get()
    assert score.conflict_of_interest and score.total == 0
    assert not services.can_score(panel_member, eligible)
    with pytest.raises(PermissionError):
        services.record_score(eligible, panel_member, [5, 5, 5])


def test_rankings_average_judges_and_leave_out_conflicts(open_year):
    judges = [UserFactory(groups=["Awards panel"]) for _ in range(3)]
    category = open_year.categories.first()
    first = NominationFactory(year=open_year, category=category, status="eligible")
    second = NominationFactory(year=open_year, category=category, status="shortlisted")
    tied = NominationFactory(year=open_year, category=category, status="eligible")
    unscored = NominationFactory(year=open_year, category=category, status="eligible")
    NominationFactory(year=open_year, category=category, status="ineligible")
    services.record_score(first, judges[0], [5, 5, 5])
    services.record_score(first, judges[1], [4, 4, 4])
    services.declare_conflict(first, judges[2])
    services.record_score(second, judges[0], [3, 3, 3])
    services.record_score(tied, judges[0], [3, 3, 3])

    [ranking] = services.rankings(2026)
    assert ranking["category"] == category.name
    rows = {row["nomination"]: row for row in ranking["rows"]}
    assert len(rows) == 4
    assert rows[first]["average"] == 13.5
    assert rows[first]["rank"] == 1
    assert rows[first]["judges"] == 2
    assert rows[first]["conflicts"] == 1
    assert rows[second]["rank"] == rows[tied]["rank"] == 2
    assert rows[unscored]["rank"] is None
    assert ranking["rows"][-1]["nomination"] == unscored


# Results -------------------------------------------------------------------------


def test_results_are_shown_only_once_published(client, open_year):
    winner = NominationFactory(
        year=open_year, status="winner", nominee_name="Grace Hughes", citation="Kind."
    )
    NominationFactory(year=open_year, status="eligible", nominee_name="Not Listed")
    assert "Grace Hughes" not in client.get(open_year.url).content.decode()
    open_year.results_published = True
    open_year.winners_announced = True
    open_year.save_revision().publish()
    content = client.get(open_year.url).content.decode()
    assert winner.nominee_name in content
    assert "Winner" in content
    assert "Not Listed" not in content
    # Nominators' details are never on the public page.
    assert winner.nominator_email not in content


def test_published_photo_is_shown_as_responsive_renditions(
    client, open_year, admin_user
):
    from django.core.files.base import ContentFile

    from tests.awards.conftest import image_file

    nomination = NominationFactory(year=open_year, status="winner")
    nomination.photo.save("award-photos/x.jpg", ContentFile(image_file().getvalue()))
    image = services.publish_photo(nomination, admin_user)
    assert services.publish_photo(nomination, admin_user) == image  # idempotent
    open_year.results_published = True
    open_year.save_revision().publish()
    content = client.get(open_year.url).content.decode()
    assert "srcset=" in content
    assert "/media/images/" in content
    assert "private-media" not in content


def test_year_page_shows_dates_in_uk_time(client, open_year):
    open_year.nominations_close_at = london(2027, 1, 31, 17, 0)
    open_year.save_revision().publish()
    content = client.get(open_year.url).content.decode()
    assert "5pm on Sunday 31 January 2027" in content
    assert "Nominate someone" in content


def test_close_must_be_after_open(open_year):
    from django.core.exceptions import ValidationError

    open_year.nominations_close_at = open_year.nominations_open_at
    with pytest.raises(ValidationError):
        open_year.full_clean()


def test_index_page_lists_years_and_the_open_one(client, open_year, closed_year):
    content = client.get(open_year.get_parent().url).content.decode()
    assert open_year.title in content
    assert closed_year.title in content
    assert "Nominate someone" in content


def test_now_defaults_to_the_current_time(open_year):
    assert services.nominations_open(open_year)
    assert open_year.nominations_are_open(timezone.now())
