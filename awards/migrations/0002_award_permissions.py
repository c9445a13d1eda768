from django.db import migrations


def grant(apps, schema_editor):
    from awards.roles import ensure_award_permissions

    ensure_award_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0001_initial"),
        ("portal", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
