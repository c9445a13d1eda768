from django.db import migrations


def grant(apps, schema_editor):
    from tracker.roles import ensure_tracker_roles

    ensure_tracker_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0001_initial"),
        ("portal", "0002_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
