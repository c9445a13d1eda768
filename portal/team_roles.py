"""Who may see and handle Leadership Academy applications and support requests.

Both hold personal data, so only the Care Quality Team's own groups (Editors and
Moderators) may view and update them; the Awards panel may not. Nobody adds
them in the admin (they come from the public forms) and only administrators
delete them. Granted by a data migration and again by the academy demo, so a
flushed database gets them back.
"""

from portal import roles

TEAM_GROUPS = (roles.EDITORS, roles.MODERATORS)
# (app label, model) of each kind of request.
MODELS = (("academy", "academyapplication"), ("support", "supportrequest"))
ACTIONS = ("view", "change")


def ensure_team_permissions(apps, models=MODELS):
    """Migrations from before the requests moved out of `portal` pass their labels."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")

    wanted = []
    content_types = []
    for app_label, model in models:
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        content_types.append(content_type)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            wanted.append(permission)
    for group_name in TEAM_GROUPS:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*wanted)
    # The panel sees nominations only: take back anything granted by mistake.
    for group in Group.objects.filter(name=roles.AWARDS_PANEL):
        group.permissions.remove(
            *Permission.objects.filter(content_type__in=content_types)
        )
