"""The "Care Quality Team" group, and that tracker data stays with the team:
no other group's permissions, no search index, no reference index."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from wagtail.search.index import get_indexed_models

import pytest

from portal import roles
from tracker.models import (
    CareHomeManager,
    ContactNote,
    Milestone,
    MilestoneDefinition,
    SupportPlanTemplate,
)
from tracker.roles import CARE_QUALITY_TEAM, TEAM_PERMISSIONS, ensure_tracker_roles

pytestmark = pytest.mark.django_db


def codenames(group):
    return set(
        group.permissions.filter(content_type__app_label="tracker").values_list(
            "codename", flat=True
        )
    )


def test_the_migration_makes_the_care_quality_team_group():
    team = Group.objects.get(name=CARE_QUALITY_TEAM)
    assert team.permissions.filter(codename="access_admin").exists()
    assert codenames(team) == {
        "add_carehomemanager",
        "change_carehomemanager",
        "delete_carehomemanager",
        "view_carehomemanager",
        "change_milestone",
        "view_milestone",
        "add_contactnote",
        "view_contactnote",
        "add_supportplantemplate",
        "change_supportplantemplate",
        "delete_supportplantemplate",
        "view_supportplantemplate",
        "view_feedbackresponse",
    }


@pytest.mark.parametrize(
    "group_name", [roles.EDITORS, roles.MODERATORS, roles.AWARDS_PANEL]
)
def test_no_editorial_group_has_a_tracker_permission(group_name):
    assert codenames(Group.objects.get(name=group_name)) == set()


def test_ensuring_the_roles_again_takes_back_a_mistaken_grant():
    editors = Group.objects.get(name=roles.EDITORS)
    editors.permissions.add(Permission.objects.get(codename="view_carehomemanager"))
    ensure_tracker_roles(apps)
    assert codenames(editors) == set()
    team = Group.objects.get(name=CARE_QUALITY_TEAM)
    assert len(codenames(team)) == sum(len(a) for a in TEAM_PERMISSIONS.values())


def test_team_members_have_the_permissions(team_member, editor, panel_member):
    assert team_member.has_perm("tracker.view_carehomemanager")
    assert team_member.has_perm("tracker.add_contactnote")
    assert not team_member.has_perm("tracker.change_contactnote")
    for outsider in (editor, panel_member):
        assert not outsider.has_perm("tracker.view_carehomemanager")
        assert not outsider.has_perm("tracker.view_contactnote")


def test_tracker_records_are_not_in_the_search_index():
    indexed = set(get_indexed_models())
    for model in (CareHomeManager, Milestone, ContactNote, SupportPlanTemplate):
        assert model not in indexed


def test_tracker_records_are_not_in_the_reference_index():
    for model in (
        CareHomeManager,
        Milestone,
        ContactNote,
        SupportPlanTemplate,
        MilestoneDefinition,
    ):
        assert model.wagtail_reference_index_ignore is True
