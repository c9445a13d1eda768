"""The Manager Tracker in Chromium, with axe on every page visited: the team
adds a new manager, sees them due on the dashboard and records a visit; a new
manager signs in by emailed link, sees their plan and answers the survey."""

import datetime
import re
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from directory.models import Area
from portal.models import QueuedEmail
from tests.browser.conftest import assert_accessible
from tracker import services
from tracker.models import CareHomeManager, ContactNote, FeedbackResponse, Milestone
from tracker.roles import CARE_QUALITY_TEAM

pytestmark = [pytest.mark.browser]

PASSWORD = "officer-password-123"


def sign_in_as_officer(page, base_url):
    User = get_user_model()
    officer, _ = User.objects.get_or_create(
        username="browser-officer",
        defaults={"first_name": "Priya", "last_name": "Shah"},
    )
    officer.set_password(PASSWORD)
    officer.save()
    officer.groups.add(Group.objects.get(name=CARE_QUALITY_TEAM))
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill("browser-officer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/login/"))
    return officer


def settled_and_accessible(page):
    """Wagtail's messages fade in: axe runs once every animation has finished,
    or it would measure the colours half-way."""
    page.wait_for_load_state()
    page.evaluate(
        "Promise.all(document.getAnimations().map(animation => animation.finished))"
    )
    assert_accessible(page)


def test_the_team_adds_a_manager_sees_them_due_and_records_a_visit(portal_server, page):
    sign_in_as_officer(page, portal_server.url)
    name = f"Dana {uuid.uuid4().hex[:6].title()}"
    # Started a week ago: the welcome call (a week after the start) is due today.
    start = services.today() - datetime.timedelta(weeks=1)
    area = Area.objects.order_by("name").first()

    page.goto(portal_server.url + "/admin/tracker/managers/new/")
    settled_and_accessible(page)
    # Wagtail's labels end in a required mark: the fields are found by id.
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(f"{name.lower().replace(' ', '.')}@home.example")
    page.locator("#id_start_date").fill(start.isoformat())
    page.locator("#id_home_name").fill("Hazel Bank")
    page.locator("#id_cqc_location_id").fill("1-987654321")
    page.locator("#id_home_type").select_option("residential")
    page.locator("#id_area").select_option(str(area.pk))
    page.get_by_role("button", name="Create").click()

    expect(
        page.get_by_role("heading", name="Support plan", exact=False)
    ).to_be_visible()
    manager = CareHomeManager.objects.get(name=name)
    assert manager.milestones.count() == 8
    settled_and_accessible(page)

    page.goto(portal_server.url + "/admin/tracker/dashboard/")
    due = page.locator("#due")
    expect(due.get_by_role("link", name=name)).to_be_visible()
    settled_and_accessible(page)

    due.get_by_role("link", name=name).click()
    page.get_by_role("link", name="Record a contact or note").click()
    settled_and_accessible(page)
    page.get_by_label("Type").select_option("visit")
    page.get_by_label("What happened").fill("First visit: walked round with Dana.")
    page.get_by_role("button", name="Add to the history").click()
    expect(page.get_by_text("First visit: walked round with Dana.")).to_be_visible()
    assert ContactNote.objects.filter(manager=manager, kind="visit").exists()

    welcome_row = page.locator("tbody tr").filter(has_text="Welcome call")
    welcome_row.get_by_role("link", name=re.compile("Mark as done")).click()
    page.get_by_role("button", name="Mark as done").click()
    welcome = Milestone.objects.get(manager=manager, name="Welcome call")
    assert welcome.done_on == services.today()

    # The screens for feedback results and erasing a person's data.
    page.goto(portal_server.url + "/admin/tracker/feedback/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Feedback from new managers"
    )
    settled_and_accessible(page)
    page.goto(portal_server.url + f"/admin/tracker/managers/{manager.pk}/erase/")
    page.get_by_role("button", name="Erase everything about this person").click()
    expect(
        page.get_by_text("Tick the box to confirm the person asked").first
    ).to_be_visible()
    settled_and_accessible(page)
    assert CareHomeManager.objects.filter(pk=manager.pk).exists()


def manager_with_a_survey_open():
    area = Area.objects.order_by("name").first()
    email = f"new-manager-{uuid.uuid4().hex[:8]}@home.example"
    manager = CareHomeManager.objects.create(
        name="Sam Okafor",
        email=email,
        home_name="Maple Court",
        cqc_location_id="1-123123123",
        home_type="nursing",
        area=area,
        start_date=services.today() - datetime.timedelta(days=100),
    )
    services.start_support_plan(manager)
    return manager


def sign_in_link(base_url, address):
    email = QueuedEmail.objects.filter(to__icontains=address).order_by("-pk").first()
    assert email is not None, f"no sign-in email to {address}"
    path = re.search(r"(/managers/sign-in/[^/\s]+/)", email.body).group(1)
    return base_url + path


def test_a_manager_signs_in_by_link_sees_the_plan_and_answers_the_survey(
    portal_server, page
):
    manager = manager_with_a_survey_open()
    page.goto(portal_server.url + "/managers/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sign in to your support plan"
    )
    assert_accessible(page)
    page.get_by_label("Email address").fill(manager.email)
    page.get_by_role("button", name="Send me a sign-in link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)

    page.goto(sign_in_link(portal_server.url, manager.email))
    expect(page.get_by_text("You are signing in as")).to_contain_text("Sam Okafor")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your support plan")
    expect(page.get_by_role("heading", name="What comes next")).to_be_visible()
    expect(page.get_by_text("3 month review").first).to_be_visible()
    expect(
        page.get_by_role("heading", name=re.compile("Training for managers of nursing"))
    ).to_be_visible()
    assert_accessible(page)

    # Asking for help with nothing typed: the error is shown, nothing is sent.
    page.get_by_role("button", name="Send to the team").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("What would you like help with?").fill(
        "Could someone explain the CQC registration interview?"
    )
    page.get_by_role("button", name="Send to the team").click()
    expect(
        page.get_by_text("Your message has gone to the Care Quality Team")
    ).to_be_visible()
    page.goto(portal_server.url + "/managers/")

    page.get_by_role("link", name=re.compile("Answer the survey")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How is it going?")
    assert_accessible(page)
    page.get_by_label("What was missing, or what would have helped more?").fill(
        "Help with the registration interview"
    )
    page.get_by_role("button", name="Send my answers").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(
        page.get_by_label("What was missing, or what would have helped more?")
    ).to_have_value("Help with the registration interview")
    assert_accessible(page)

    page.get_by_label("Well supported", exact=True).check()
    page.get_by_label("Visits to the home").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you for your answers")).to_be_visible()
    answer = FeedbackResponse.objects.get(milestone__manager=manager)
    assert answer.supported == 4
    assert answer.helped == ["visits"]

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out")).to_be_visible()


def test_the_plan_fits_a_320px_screen(portal_server, browser):
    manager = manager_with_a_survey_open()
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, locale="en-GB"
    )
    page = context.new_page()
    page.goto(portal_server.url + "/managers/sign-in/")
    page.get_by_label("Email address").fill(manager.email)
    page.get_by_role("button", name="Send me a sign-in link").click()
    page.goto(sign_in_link(portal_server.url, manager.email))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your support plan")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    context.close()
