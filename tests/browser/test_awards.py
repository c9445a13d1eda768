"""Nominating for the awards and judging them, in Chromium, with axe checks."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from awards.models import AwardsYearPage, Nomination, Score
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


@pytest.fixture
def quick_form(settings):
    """The live server runs in this process: let the form be sent at once, and
    allow the many nominations browser tests send from one address."""
    settings.AWARDS_MIN_SECONDS_TO_FILL = 0
    settings.AWARDS_NOMINATIONS_PER_HOUR = 1000


def open_year():
    now = timezone.now()
    return AwardsYearPage.objects.live().get(
        nominations_open_at__lte=now, nominations_close_at__gt=now
    )


def test_nominating_someone_after_fixing_a_mistake(portal_server, page, quick_form):
    year = open_year()
    page.goto(portal_server.url + year.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(year.title)
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Nominate someone").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nominate someone")
    assert_accessible(page)

    page.get_by_label("Care or support worker of the year").check()
    page.get_by_label("Their full name").fill("Isla <b>Novak</b>")
    page.get_by_label("Their job or role").fill("Senior carer")
    page.get_by_label("Where they work").fill("Riverside Lodge")
    page.get_by_label("Residential home").check()
    statement = page.get_by_label("Why do they deserve this award?")
    statement.fill("She sings with residents every morning and knows all their songs.")
    expect(page.locator(".nhsuk-character-count__status")).to_contain_text(
        "words remaining"
    )
    page.get_by_label("Your full name").fill("Niall Evans")
    page.get_by_label("Your email address").fill("niall.evans-at-example.com")
    page.get_by_label("I work with them").check()
    page.get_by_role("button", name="Send nomination").click()

    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter an email address in the correct format")
    expect(summary).to_contain_text("Confirm that you have read the privacy notice")
    # What was typed is kept.
    expect(page.get_by_label("Their full name")).to_have_value("Isla <b>Novak</b>")
    assert_accessible(page)

    summary.get_by_role("link", name=re.compile("Enter an email address")).click()
    expect(page.get_by_label("Your email address")).to_be_focused()
    page.get_by_label("Your email address").fill("niall.evans@example.com")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Send nomination").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Nomination sent")
    reference = page.locator(".awards-reference strong").inner_text()
    assert re.fullmatch(rf"QCA-{year.year}-[0-9A-Z]{{6}}", reference)
    expect(page.get_by_role("main")).to_contain_text("Isla <b>Novak</b>")
    assert_accessible(page)
    nomination = Nomination.objects.get(reference=reference)
    assert nomination.nominee_name == "Isla <b>Novak</b>"
    assert nomination.category_name == "Care or support worker of the year"


def test_the_form_on_a_phone(portal_server, phone_page):
    year = open_year()
    phone_page.goto(portal_server.url + year.url + "nominate/")
    expect(phone_page.get_by_role("button", name="Send nomination")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone_page)


def test_closed_year_shows_no_form(portal_server, page):
    past = (
        AwardsYearPage.objects.live()
        .filter(nominations_close_at__lte=timezone.now())
        .order_by("-year")
        .first()
    )
    page.goto(portal_server.url + past.url + "nominate/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nominations have closed")
    expect(page.get_by_role("main")).to_contain_text(
        f"Nominations for the {past.year} awards closed at 5pm on 31 January"
    )
    expect(page.get_by_role("button", name="Send nomination")).to_have_count(0)
    assert_accessible(page)

    # The results are on the year's page, with the published photos.
    page.goto(portal_server.url + past.url)
    expect(page.get_by_role("heading", name="Winners and shortlist")).to_be_visible()
    expect(page.locator(".awards-finalist img").first).to_have_attribute(
        "srcset", re.compile(r"\d+w")
    )
    assert_accessible(page)


def test_the_panel_scores_a_nomination(portal_server, page):
    User = get_user_model()
    judge, created = User.objects.get_or_create(username="browser-judge")
    judge.set_password("judge-password-123")
    judge.save()
    judge.groups.add(Group.objects.get(name="Awards panel"))
    year = open_year()

    page.goto(portal_server.url + "/admin/login/")
    page.get_by_label("Username").fill("browser-judge")
    page.get_by_label("Password").fill("judge-password-123")
    page.get_by_role("button", name="Sign in").click()
    page.goto(portal_server.url + f"/admin/awards/judging/?year={year.year}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Score nominations")
    assert_accessible(page)

    row = page.locator("tbody tr").filter(has_text="Not scored yet").first
    reference = row.locator("td").first.inner_text()
    row.get_by_role("link", name=re.compile("Score")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".help-critical")).to_contain_text("Give a score from 1 to 5")
    for group in page.locator("fieldset").all():
        group.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Score nominations")
    score = Score.objects.get(judge=judge, nomination__reference=reference)
    assert score.total == 4 * len(score.criterion_scores)
