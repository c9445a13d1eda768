import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


def test_home_page_is_accessible_on_desktop_and_phone(portal_server, page, phone_page):
    for browser_page in (page, phone_page):
        browser_page.goto(portal_server.url + "/")
        expect(browser_page.get_by_role("heading", level=1)).to_have_text(
            "Care Quality Portal"
        )
        expect(
            browser_page.get_by_role("heading", name="Latest guides")
        ).to_be_visible()
        assert_accessible(browser_page)
    # Nothing scrolls sideways on a 375px phone.
    scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375


def test_skip_link_is_the_first_thing_a_keyboard_reaches(portal_server, page):
    page.goto(portal_server.url + "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#maincontent$"))


def test_footer_pages_are_reachable_and_accessible(portal_server, page):
    page.goto(portal_server.url + "/")
    for name in ["Accessibility statement", "Privacy notice", "Cookies", "Contact us"]:
        page.get_by_role("contentinfo").get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        expect(page.get_by_role("navigation", name="Breadcrumb")).to_be_visible()
        assert_accessible(page)


def test_searching_from_the_header(portal_server, page):
    page.goto(portal_server.url + "/")
    page.get_by_role("searchbox", name="Search the portal").fill("privacy")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the portal")
    expect(page.get_by_role("link", name="Privacy notice").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Search for guides, training, events and more").fill("qwertyuiop")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page.get_by_text(re.compile(r"^0 results for"))).to_be_visible()
    assert_accessible(page)


def test_not_found_page_is_helpful_and_accessible(portal_server, page):
    response = page.goto(portal_server.url + "/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_accessible(page)


def test_home_page_at_200_percent_zoom_does_not_scroll_sideways(portal_server, browser):
    # 200% zoom of a 1280px window is a 640px layout viewport at device scale 2.
    context = browser.new_context(
        viewport={"width": 640, "height": 450}, device_scale_factor=2
    )
    zoomed = context.new_page()
    zoomed.goto(portal_server.url + "/")
    assert zoomed.evaluate("document.documentElement.scrollWidth") <= 640
    assert_accessible(zoomed)
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_every_section_fits_a_320px_screen(portal_server, browser, javascript):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=javascript
    )
    narrow = context.new_page()
    for path in ["/", "/directory/", "/guides/", "/events/", "/awards/"]:
        narrow.goto(portal_server.url + path)
        width = narrow.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width}px wide at 320px"
    context.close()
