from wagtail.models import Workflow

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_role_groups_exist():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Moderators",
        "Awards panel",
    }


def test_editors_draft_but_cannot_publish(home_page, editor):
    page = ContentPageFactory(parent=home_page)
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_add_subpage()
    assert not permissions.can_publish()


def test_moderators_can_publish_and_unpublish(home_page, moderator):
    page = ContentPageFactory(parent=home_page)
    permissions = page.permissions_for_user(moderator)
    assert permissions.can_publish()
    assert permissions.can_unpublish()


def test_awards_panel_cannot_edit_pages(home_page, panel_member):
    page = ContentPageFactory(parent=home_page)
    permissions = page.permissions_for_user(panel_member)
    assert not permissions.can_edit()
    assert not permissions.can_add_subpage()


def test_content_pages_go_through_moderation(home_page):
    page = ContentPageFactory(parent=home_page)
    workflow = page.get_workflow()
    assert isinstance(workflow, Workflow)
    assert [task.name for task in workflow.tasks] == ["Moderators approval"]


@pytest.mark.parametrize("user_fixture", ["editor", "moderator", "panel_member"])
def test_every_role_can_sign_in_to_the_wagtail_admin(
    client, request, home_page, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get("/admin/")
    assert response.status_code == 200


def test_editor_submits_for_moderation_in_the_admin(client, home_page, editor):
    page = ContentPageFactory(parent=home_page, title="Falls guidance")
    client.force_login(editor)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    response = client.get(edit_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Submit to Moderators approval" in html
    assert 'name="action-publish"' not in html


def test_anonymous_visitors_are_sent_to_admin_login(client, home_page):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
