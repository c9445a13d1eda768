from django.db import migrations


def grant(apps, schema_editor):
    from portal.team_roles import ensure_team_permissions

    ensure_team_permissions(
        apps, [("portal", "academyapplication"), ("portal", "supportrequest")]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_academy_and_support"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
