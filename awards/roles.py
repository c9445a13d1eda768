"""Who may do what with nominations, granted by a data migration and by seed_demo.

- Awards panel: view nominations and add scores (no page permissions).
- Moderators: view and change nominations (check eligibility, set statuses,
  publish photos).
- Editors: nothing; they must not see nominators' personal data.
Exporting or erasing personal data is kept for administrators unless they grant
`export_personal_data` / `erase_personal_data` to a group.
"""

from portal import roles

AWARD_PERMISSIONS = {
    roles.AWARDS_PANEL: [("nomination", "view"), ("score", "add"), ("score", "view")],
    roles.MODERATORS: [("nomination", "view"), ("nomination", "change")],
    roles.EDITORS: [],
}
CUSTOM = {
    "export_personal_data": "Can export nominators' personal data",
    "erase_personal_data": "Can erase a person's data on request",
}


def ensure_award_permissions(apps):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")

    def permission(model, codename):
        content_type, _ = ContentType.objects.get_or_create(
            app_label="awards", model=model
        )
        name = CUSTOM.get(codename, f"Can {codename.split('_')[0]} {model}")
        found, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return found

    for codename in CUSTOM:
        permission("nomination", codename)
    for group_name, grants in AWARD_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        wanted = [permission(model, f"{action}_{model}") for model, action in grants]
        existing = group.permissions.filter(content_type__app_label="awards")
        group.permissions.remove(*[p for p in existing if p not in wanted])
        group.permissions.add(*wanted)
