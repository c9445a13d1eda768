"""Applying to a Leadership Academy cohort and asking the team for support,
in Chromium, with axe checks on every page visited."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from academy.models import AcademyApplication
from support.models import SupportRequest
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


def test_applying_to_an_open_cohort(portal_server, page):
    email = f"manager-{uuid.uuid4().hex[:8]}@home.example"
    page.goto(portal_server.url + "/leadership-academy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Leadership Academy")
    expect(page.get_by_role("heading", name="Modules")).to_be_visible()
    expect(
        page.get_by_text("All places in this cohort have been offered")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^Apply for Spring")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Apply for Spring")
    assert_accessible(page)

    # Sent with the consent box unticked first: the summary links to it.
    page.get_by_label("Full name").fill("Robin Test")
    page.get_by_label("Work email address").fill(email)
    page.get_by_label("Care home").fill("Willow Court")
    page.get_by_label("Your role").fill("Registered manager")
    page.get_by_label("Less than 6 months").check()
    page.get_by_label("What do you hope to get from the academy?").fill(
        "Confidence leading my team through our first inspection together."
    )
    page.get_by_role("button", name="Send application").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Error:"))
    expect(page.get_by_label("Full name")).to_have_value("Robin Test")
    assert_accessible(page)
    summary.get_by_role("link", name="Confirm that you agree").click()
    expect(
        page.get_by_label(re.compile("I agree to the Care Quality Team"))
    ).to_be_focused()

    page.get_by_label(re.compile("I agree to the Care Quality Team")).check()
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application sent")
    application = AcademyApplication.objects.get(email=email)
    expect(page.get_by_text(application.reference)).to_be_visible()
    assert application.cohort_name.startswith("Spring")
    assert_accessible(page)


def test_asking_for_support_after_a_bad_cqc_location_id(portal_server, page):
    email = f"contact-{uuid.uuid4().hex[:8]}@home.example"
    page.goto(portal_server.url + "/ask-for-support/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ask the Care Quality Team for support"
    )
    assert_accessible(page)

    page.get_by_label("Name of the care home").fill("Beech Lodge")
    page.get_by_label("CQC location ID").fill("123456789")
    page.get_by_label("Nursing").check()
    page.get_by_label("Your full name").fill("Tom Test")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("We are expecting a CQC inspection").check()
    page.get_by_label("Urgent: within a week").check()
    page.get_by_label("Tell us more").fill("CQC told us they will inspect soon.")
    page.get_by_label(re.compile("I agree to the Care Quality Team")).check()
    page.get_by_role("button", name="Send request").click()

    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a CQC location ID in the correct format")
    expect(page.get_by_label("Name of the care home")).to_have_value("Beech Lodge")
    expect(page.get_by_label("Nursing")).to_be_checked()
    assert_accessible(page)
    assert not SupportRequest.objects.filter(email=email).exists()

    summary.get_by_role("link").first.click()
    expect(page.get_by_label("CQC location ID")).to_be_focused()
    page.get_by_label("CQC location ID").fill("1-123456789")
    page.get_by_role("button", name="Send request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Request sent")
    support_request = SupportRequest.objects.get(email=email)
    assert support_request.reference.startswith("CQT-")
    expect(page.get_by_text(support_request.reference)).to_be_visible()
    assert_accessible(page)
