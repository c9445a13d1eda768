import json

import pytest

from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db


def test_directory_page_shows_results_facets_and_counts(client, entries):
    assert_shows(
        page_html(client.get("/directory/")),
        "4 results",
        "Dementia care mapping",
        'name="home_type"',
        "Apply filters",
    )


def test_filtered_state_is_a_shareable_url_marked_noindex(client, entries):
    response = client.get("/directory/", {"home_type": "emi", "topic": "dementia-care"})
    assert_shows(
        response.content.decode(),
        "2 results",
        '<meta name="robots" content="noindex, follow">',
        "Remove filter",
        "Clear all filters",
    )


@pytest.mark.parametrize(
    "params",
    [
        {"home_type": "castle"},
        {"topic": "<script>alert(1)</script>"},
        {"sort": "sideways"},
        {"page": "9999"},
        {"page": "-3"},
        {"q": '"unbalanced ( AND'},
        {"q": "x" * 5000},
        {"area": ["north", "nowhere"]},
    ],
)
def test_bad_parameters_never_fail(client, entries, params):
    response = client.get("/directory/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_unknown_filter_values_are_reported(client, entries):
    html = client.get("/directory/", {"home_type": "castle"}).content.decode()
    assert "were not recognised and have been ignored" in html
    assert "4 results" in html


def test_empty_state_suggests_removing_a_filter(client, entries):
    html = client.get(
        "/directory/", {"home_type": "emi", "kind": "elearning"}
    ).content.decode()
    assert "0 results" in html
    assert "Try removing a filter" in html


def test_search_highlights_matches(client, entries):
    html = client.get("/directory/", {"q": "pressure"}).content.decode()
    assert "<mark>pressure</mark>" in html


def test_fetch_requests_get_only_the_results_region(client, entries):
    response = client.get(
        "/directory/", {"cost": "paid"}, HTTP_X_REQUESTED_WITH="fetch"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "1 result" in html


def test_entry_page_shows_details_and_json_ld(client, entries):
    entry = entries["dementia"]
    html = page_html(client.get(entry.url))
    assert_shows(
        html,
        "Dementia care mapping",
        "£120 per person",
        "EMI (dementia and mental health) homes",
    )
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["@type"] == "Course"
    assert data["hasCourseInstance"][0]["courseMode"] == "Blended"
    assert data["offers"]["category"] == "Paid"


def test_funding_entries_use_a_fitting_schema_type(client, entries):
    html = client.get(entries["funding"].url).content.decode()
    assert '"@type": "MonetaryGrant"' in html


def test_json_ld_cannot_break_out_of_its_script(entries):
    from portal.templatetags.portal_tags import json_ld

    assert "</script>" not in json_ld({"name": "</script><script>alert(1)</script>"})


def test_header_search_box_is_not_filled_with_the_directory_query(client, entries):
    html = client.get("/directory/", {"q": "pressure"}).content.decode()
    assert "DirectoryQuery(" not in html
    assert (
        'id="search-field" name="q" type="search" placeholder="Search" autocomplete="off" maxlength="200" value=""'
        in html
    )


def test_did_you_mean_when_a_search_finds_little(client, entries):
    html = client.get("/directory/", {"q": "pressre", "cost": "free"}).content.decode()
    assert "Did you mean" in html
    assert "q=pressure" in html
    assert "cost=free" in html
