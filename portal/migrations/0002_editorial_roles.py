from django.db import migrations

from portal.roles import AWARDS_PANEL, ensure_roles


def create_roles(apps, schema_editor):
    ensure_roles(apps)


def remove_awards_panel(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=AWARDS_PANEL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_awards_panel)]
