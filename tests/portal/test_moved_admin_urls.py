"""Admin addresses from before topic hubs moved to the discovery app still lead
to the same screens (portal migration 0012)."""

import pytest


@pytest.mark.django_db
def test_a_bookmarked_topic_hub_listing_redirects_to_its_new_address(client, moderator):
    client.force_login(moderator)
    response = client.get("/admin/snippets/portal/topichub/")
    assert response.status_code == 301
    assert response["Location"] == "/admin/snippets/discovery/topichub/"
    assert client.get(response["Location"]).status_code == 200

    edit = client.get("/admin/snippets/portal/topichub/edit/7/")
    assert edit["Location"] == "/admin/snippets/discovery/topichub/edit/7/"


@pytest.mark.django_db
def test_the_outbox_and_job_runs_keep_their_portal_addresses(admin_client):
    assert admin_client.get("/admin/snippets/portal/queuedemail/").status_code == 200
    assert (
        admin_client.get("/admin/snippets/portal/scheduledjobrun/").status_code == 200
    )
    assert admin_client.get("/admin/snippets/portal/nosuchmodel/").status_code == 404
