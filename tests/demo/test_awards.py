"""The demo: this year open with five categories, last year with its winners."""

import pytest

from awards.models import AwardsIndexPage, AwardsYearPage, Nomination
from awards.services import nomination_status_for_home_page
from demo import awards as awards_demo
from demo import site as portal_demo

pytestmark = pytest.mark.django_db


def test_demo_awards_are_complete_and_loading_twice_changes_nothing(client):
    portal_demo.seed()
    awards_demo.seed()
    awards_demo.seed()
    assert AwardsIndexPage.objects.get().show_in_menus
    current, past = AwardsYearPage.objects.order_by("-year")
    assert current.nominations_are_open()
    assert not past.nominations_are_open()
    assert current.categories.count() == past.categories.count() == 5
    assert Nomination.objects.filter(year_number=current.year).count() == 10
    assert (
        Nomination.objects.filter(year_number=past.year, status="winner").count() == 5
    )
    assert Nomination.objects.filter(published_photo__isnull=False).exists()
    assert nomination_status_for_home_page()["link_text"] == "Nominate someone"
    for url in [past.url, current.url, current.url + "nominate/"]:
        assert client.get(url).status_code == 200
    assert "Winners and shortlist" in client.get(past.url).content.decode()
