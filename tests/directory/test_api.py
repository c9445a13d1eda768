"""The read-only JSON API and the Open Referral UK (HSDS) export."""

import uuid

import pytest

from directory.choices import FeedbackStatus
from portal import content_memo
from tests.factories import (
    DirectoryEntryPageFactory,
    FeedbackFactory,
    ProviderFactory,
)
from tests.pages import count_queries

pytestmark = pytest.mark.django_db

ENTRIES_URL = "/api/directory/entries/"
SERVICES_URL = "/api/directory/hsds/services.json"
ORGANIZATIONS_URL = "/api/directory/hsds/organizations.json"


def titles(data, key="results", name="title"):
    return [item[name] for item in data[key]]


def test_entries_lists_live_public_entries_with_their_details(client, entries):
    DirectoryEntryPageFactory(
        parent=entries["dementia"].get_parent(), title="Draft course", live=False
    )
    entry = entries["pressure"]
    entry.provider = ProviderFactory(name="Tissue Viability Service")
    entry.booking_phone = "0100 000 0303"
    entry.save_revision().publish()
    FeedbackFactory(entry=entry, status=FeedbackStatus.APPROVED)

    response = client.get(ENTRIES_URL)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 4 and data["pages"] == 1
    assert data["next"] is None and data["previous"] is None
    assert "Draft course" not in titles(data)
    pressure = next(item for item in data["results"] if item["id"] == entry.pk)
    assert pressure["url"] == "http://testserver" + entry.url
    assert pressure["provider"]["name"] == "Tissue Viability Service"
    assert pressure["kind"] == {"value": "training", "label": "Training course"}
    assert [home["value"] for home in pressure["home_types"]] == [
        "residential",
        "nursing",
        "emi",
    ]
    assert {topic["slug"] for topic in pressure["topics"]} == {
        "pressure-area-care",
        "dementia-care",
    }
    assert {who["value"] for who in pressure["audiences"]} == {"care-worker", "nurse"}
    assert pressure["booking"]["phone"] == "0100 000 0303"
    assert pressure["rating"] == {"average": 4.0, "count": 1}
    assert pressure["citywide"] is True and pressure["areas"] == []
    medicines = next(
        item for item in data["results"] if item["title"].startswith("Safe")
    )
    assert medicines["areas"] == [{"slug": "north", "name": "North"}]


def test_entries_use_the_directory_filters_and_ignore_unknown_values(client, entries):
    data = client.get(
        ENTRIES_URL, {"home_type": ["emi", "bogus"], "topic": "dementia-care"}
    ).json()
    assert titles(data) == [
        "Dementia care mapping",
        "React to Red pressure ulcer training",
    ]
    assert data["ignored_filter_values"] == ["bogus"]
    data = client.get(ENTRIES_URL, {"q": "pressure"}).json()
    assert titles(data) == ["React to Red pressure ulcer training"]


@pytest.mark.parametrize("page", ["2", "999", "abc", "-1", ""])
def test_pages_link_onwards_and_bad_page_numbers_fall_back(client, entries, page):
    response = client.get(ENTRIES_URL, {"page_size": "3", "page": page, "cost": "free"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3 and data["pages"] == 1


def test_pagination_links(client, entries):
    first = client.get(ENTRIES_URL, {"page_size": "3", "sort": "az"}).json()
    assert first["pages"] == 2 and len(first["results"]) == 3
    assert first["next"].startswith("http://testserver/api/directory/entries/?")
    assert "sort=az" in first["next"] and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert titles(second) == ["Workforce development fund"]
    assert second["previous"] and second["next"] is None
    last = client.get(ENTRIES_URL, {"page_size": "3", "page": "99"}).json()
    assert last["page"] == 2
    assert client.get(ENTRIES_URL, {"page_size": "many"}).json()["page_size"] == 20


def test_single_entry_and_unpublished_ones_are_not_found(client, entries):
    entry = entries["funding"]
    response = client.get(f"{ENTRIES_URL}{entry.pk}/")
    assert response.json()["title"] == "Workforce development fund"
    entry.unpublish()
    response = client.get(f"{ENTRIES_URL}{entry.pk}/")
    assert response.status_code == 404
    assert "no published entry" in response.json()["error"]


def test_the_api_is_read_only(client, entries):
    assert client.post(ENTRIES_URL).status_code == 405


def test_hsds_services_map_entries_and_providers(client, entries):
    entry = entries["dementia"]
    entry.provider = ProviderFactory(
        name="Northgate Dementia Network",
        website="https://northgate.example.org/",
        email="hello@northgate.example.org",
    )
    entry.booking_email = "book@northgate.example.org"
    entry.booking_phone = "0100 000 0404"
    entry.save_revision().publish()

    data = client.get(SERVICES_URL).json()

    assert data["total_items"] == 4 and data["first_page"] and data["last_page"]
    service = next(s for s in data["content"] if s["name"] == "Dementia care mapping")
    uuid.UUID(service["id"])
    assert service["status"] == "active"
    assert service["description"] == (
        "Observe and improve the wellbeing of people living with dementia.\n\n"
        "What the course covers and who it is for."
    )
    assert service["email"] == "book@northgate.example.org"
    assert service["attending_type"] == "Venue and online"
    assert service["cost_options"][0]["option"] == "Paid"
    assert service["cost_options"][0]["amount_description"] == "£120 per person"
    assert service["contacts"][0]["phones"][0]["number"] == "0100 000 0404"
    assert service["organization"]["name"] == "Northgate Dementia Network"
    assert service["organization_id"] == service["organization"]["id"]
    free = next(s for s in data["content"] if s["name"].startswith("React"))
    assert free["cost_options"][0]["option"] == "Free"
    assert free["cost_options"][0]["amount"] == 0
    assert free["service_areas"] == [
        {"id": free["service_areas"][0]["id"], "service_area": "Citywide"}
    ]

    # Identifiers are stable between requests.
    again = client.get(SERVICES_URL).json()
    assert [s["id"] for s in again["content"]] == [s["id"] for s in data["content"]]

    organizations = client.get(ORGANIZATIONS_URL).json()
    names = titles(organizations, key="content", name="name")
    assert "Northgate Dementia Network" in names
    organization = next(
        o for o in organizations["content"] if o["name"] == "Northgate Dementia Network"
    )
    assert organization["id"] == service["organization_id"]
    assert organization["website"] == "https://northgate.example.org/"


def test_hsds_services_take_the_same_filters(client, entries):
    data = client.get(SERVICES_URL, {"kind": "funding"}).json()
    assert titles(data, key="content", name="name") == ["Workforce development fund"]
    assert data["content"][0]["service_areas"][0]["service_area"] == "South"


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "nonsense", "home_type": "x" * 500},
        {"q": '"unbalanced', "page": "1e9", "page_size": "-5"},
        {"q": "   ", "area": ["north", "<script>"], "topic": "no-such-topic"},
    ],
)
@pytest.mark.parametrize(
    "url", [ENTRIES_URL, SERVICES_URL, "/api/directory/export.csv"]
)
def test_odd_query_strings_never_fail(client, entries, url, params):
    assert client.get(url, params).status_code == 200


def test_queries_per_page_do_not_grow_with_the_number_of_entries(client, directory):
    def queries_for_a_page():
        content_memo.forget()  # every count as just after an edit
        return count_queries(client, ENTRIES_URL, {"sort": "az"})

    provider = ProviderFactory(name="Meadowbank")

    def add_entries(count):
        for _number in range(count):
            DirectoryEntryPageFactory(
                parent=directory,
                provider=provider,
                topics=["Dignity"],
                area_names=["North"],
            )

    add_entries(3)
    queries_for_a_page()  # the first request fills the site cache
    few = queries_for_a_page()
    add_entries(12)
    assert queries_for_a_page() == few
