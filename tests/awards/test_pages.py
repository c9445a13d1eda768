"""Editors create and edit awards pages in the admin."""

import pytest

from awards.models import AwardsYearPage

pytestmark = pytest.mark.django_db


def test_editor_can_open_the_year_page_editor(client, editor, open_year):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{open_year.pk}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Care worker of the year" in content
    assert "Key dates" in content


def test_editor_can_open_the_new_year_form(client, editor, awards_index):
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/awards/awardsyearpage/{awards_index.pk}/")
    assert response.status_code == 200


def test_year_pages_only_go_under_the_awards_page():
    assert AwardsYearPage.parent_page_types == ["awards.AwardsIndexPage"]
    assert AwardsYearPage.subpage_types == []


def test_closed_nomination_page_is_not_indexed(client, closed_year):
    response = client.get(closed_year.url + "nominate/")
    assert '<meta name="robots" content="noindex' in response.content.decode()
