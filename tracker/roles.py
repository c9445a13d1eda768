"""Who may see the Manager Tracker: the "Care Quality Team" group, and nobody
else but administrators.

Manager records, their plans and the team's notes are personal data, so the
editorial groups (Editors, Moderators, the Awards panel) get none of these
permissions; `ensure_tracker_roles` takes back any a group was given by
mistake. Called by a data migration (with historical models); it only adds
what is missing.
"""

from portal import roles

CARE_QUALITY_TEAM = "Care Quality Team"
APP_LABEL = "tracker"

# model name: the actions the team may take. Milestones come from a plan (the
# team marks them done or reschedules them); notes are added, never rewritten.
TEAM_PERMISSIONS = {
    "carehomemanager": ["add", "change", "delete", "view"],
    "milestone": ["change", "view"],
    "contactnote": ["add", "view"],
    "supportplantemplate": ["add", "change", "delete", "view"],
    # Managers' survey answers: read by the team, written only by managers.
    "feedbackresponse": ["view"],
}


def ensure_tracker_roles(apps):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")

    def permission(app_label, model, codename, name):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        found, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return found

    wanted = [
        permission("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    ]
    for model, actions in TEAM_PERMISSIONS.items():
        for action in actions:
            wanted.append(
                permission(
                    APP_LABEL, model, f"{action}_{model}", f"Can {action} {model}"
                )
            )
    team, _ = Group.objects.get_or_create(name=CARE_QUALITY_TEAM)
    team.permissions.add(*wanted)

    tracker_permissions = Permission.objects.filter(content_type__app_label=APP_LABEL)
    for group in Group.objects.exclude(name=CARE_QUALITY_TEAM):
        group.permissions.remove(*tracker_permissions)


# The portal's editorial groups, which must never see tracker data.
EDITORIAL_GROUPS = (roles.EDITORS, roles.MODERATORS, roles.AWARDS_PANEL)
