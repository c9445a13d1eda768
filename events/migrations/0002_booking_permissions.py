"""Moderators may see attendee lists and mark attendance; Editors may not.

Bookings hold personal data, so only administrators and Moderators get the
booking permissions (view and change, not add or delete).
"""

from django.db import migrations

MODERATORS = "Moderators"
CODENAMES = {"view_booking": "Can view booking", "change_booking": "Can change booking"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="events", model="booking"
    )
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    for codename, name in CODENAMES.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="events", codename__in=list(CODENAMES)
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("portal", "0002_editorial_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
