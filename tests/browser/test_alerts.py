"""Keeping up: the guided "find training for my home" flow and email alerts
(subscribe, confirm from the emailed link, unsubscribe from the email), with axe
checks on every page visited."""

import re

import pytest
from playwright.sync_api import expect

from discovery.models import AlertSubscriber
from portal.models import QueuedEmail
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


def answer_the_questions(page):
    page.get_by_role("radio", name="Nursing", exact=True).check()
    page.get_by_role("radio", name="Anywhere in the city").check()
    page.get_by_role("radio", name="Nurses", exact=True).check()
    page.get_by_role("radio", name="Dementia care", exact=True).check()
    page.get_by_role("button", name="Show training for my home").click()


def test_guided_flow_remembers_my_home_in_this_browser(portal_server, page):
    page.goto(portal_server.url + "/")
    expect(
        page.get_by_role("link", name="Training for my home", exact=True)
    ).to_be_hidden()
    page.get_by_role("link", name="Find training for my home").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Find training for my home"
    )
    assert_accessible(page)
    # Sending it half-answered explains what is missing.
    page.get_by_role("radio", name="Nursing", exact=True).check()
    page.get_by_role("button", name="Show training for my home").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose your role")
    assert_accessible(page)
    answer_the_questions(page)
    expect(page).to_have_url(
        re.compile(
            r"/directory/\?home_type=nursing&audience=nurse&topic=dementia-care$"
        )
    )
    expect(
        page.get_by_role("link", name=re.compile("Remove filter Topic"))
    ).to_be_visible()
    assert_accessible(page)
    # Next time it is one click, from the home page.
    page.goto(portal_server.url + "/")
    shortcut = page.get_by_role("link", name="Training for my home", exact=True)
    expect(shortcut).to_be_visible()
    expect(page.get_by_text("Nursing, Anywhere in the city, Nurses")).to_be_visible()
    assert_accessible(page)
    shortcut.click()
    expect(page).to_have_url(re.compile(r"home_type=nursing&audience=nurse"))
    # The questions start with the saved answers, which can be forgotten.
    page.goto(portal_server.url + "/find-training/")
    expect(page.get_by_role("radio", name="Nurses", exact=True)).to_be_checked()
    page.get_by_role("button", name="Forget my answers").click()
    expect(page.get_by_role("status")).to_have_text("Your answers have been forgotten.")
    page.goto(portal_server.url + "/directory/")
    expect(
        page.get_by_role("link", name="Training for my home", exact=True)
    ).to_be_hidden()


def test_guided_flow_without_javascript(portal_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_server.url + "/find-training/")
    answer_the_questions(page)
    expect(page).to_have_url(re.compile(r"/directory/\?home_type=nursing"))
    expect(page.locator("#results-heading")).to_contain_text("result")
    context.close()


def email_to(address, subject_part):
    email = (
        QueuedEmail.objects.filter(
            to__icontains=address, subject__contains=subject_part
        )
        .order_by("-pk")
        .first()
    )
    assert email is not None, f"no email to {address} about {subject_part}"
    return email


def path_in(body, name):
    return re.search(rf"(/alerts/{name}/[^/\s]+/)", body).group(1)


def test_subscribing_confirming_and_unsubscribing(portal_server, page):
    address = "browser.alerts@example.org"
    page.goto(portal_server.url + "/directory/?topic=dementia-care&home_type=emi")
    page.get_by_role("link", name=re.compile("^Get email alerts")).click()
    expect(page.get_by_text("You will follow:")).to_be_visible()
    expect(page.get_by_text(re.compile("topic: Dementia care"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter your email address")
    assert_accessible(page)
    page.get_by_label("Email address").fill(address)
    page.get_by_role("radio", name="Daily").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)

    confirmation = email_to(address, "confirm your alert")
    page.goto(portal_server.url + path_in(confirmation.body, "confirm"))
    expect(page.get_by_text("Daily, only when there is something new")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my alert").click()
    expect(page.get_by_text("Your alert is confirmed")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your alerts")
    assert_accessible(page)
    assert AlertSubscriber.objects.get(email=address).subscriptions.get().confirmed_at

    page.goto(portal_server.url + path_in(confirmation.body, "unsubscribe"))
    expect(page.get_by_text(address)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have unsubscribed")
    assert_accessible(page)
    assert not AlertSubscriber.objects.filter(email=address).exists()

    # The same link again, changed by a character, is refused clearly.
    page.goto(portal_server.url + path_in(confirmation.body, "unsubscribe")[:-3] + "x/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    assert_accessible(page)
