"""The page types and records of guides, news, the Leadership Academy, support
requests, the home page, topic hubs and alerts move from `portal` to apps of their
own (guides, news, academy, support, discovery).

Nothing in the database is copied: `portal` forgets the models here (state only),
their content types are relabelled so pages, revisions, permissions and groups
keep pointing at them, and each app's first migration takes the models over and
renames their tables.
"""

from django.db import migrations

MOVED = {
    "guides": ["guideindexpage", "guidepage", "guidetag"],
    "news": ["newsindexpage", "newspage", "newstag"],
    "academy": ["academypage", "academymodule", "academycohort", "academytestimonial", "academyapplication"],
    "support": ["supportrequestpage", "supportrequest"],
    "discovery": ["homepage", "topicindexpage", "topichub", "topichubpin", "alertsubscriber", "alertsubscription"],
}


def relabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    for app_label, models in MOVED.items():
        for model in models:
            # Made already (a partial migrate ran post_migrate): the old one wins,
            # as pages and permissions point at it.
            ContentType.objects.filter(app_label=app_label, model=model).delete()
            ContentType.objects.filter(app_label="portal", model=model).update(
                app_label=app_label
            )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    for app_label, models in MOVED.items():
        ContentType.objects.filter(app_label=app_label, model__in=models).update(
            app_label="portal"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0011_scheduled_job_runs"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='academycohort',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='academymodule',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='academypage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='academytestimonial',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='alertsubscription',
                    name='subscriber',
                ),
                migrations.RemoveField(
                    model_name='guideindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='guidepage',
                    name='guide_owner',
                ),
                migrations.RemoveField(
                    model_name='guidepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='guidepage',
                    name='tags',
                ),
                migrations.RemoveField(
                    model_name='guidetag',
                    name='content_object',
                ),
                migrations.RemoveField(
                    model_name='guidetag',
                    name='tag',
                ),
                migrations.RemoveField(
                    model_name='homepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='newsindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='newspage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='newspage',
                    name='tags',
                ),
                migrations.RemoveField(
                    model_name='newstag',
                    name='content_object',
                ),
                migrations.RemoveField(
                    model_name='newstag',
                    name='tag',
                ),
                migrations.RemoveField(
                    model_name='supportrequest',
                    name='assignee',
                ),
                migrations.RemoveField(
                    model_name='supportrequestpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='topichub',
                    name='latest_revision',
                ),
                migrations.RemoveField(
                    model_name='topichub',
                    name='live_revision',
                ),
                migrations.RemoveField(
                    model_name='topichub',
                    name='tag',
                ),
                migrations.RemoveField(
                    model_name='topichubpin',
                    name='hub',
                ),
                migrations.RemoveField(
                    model_name='topichubpin',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='topicindexpage',
                    name='page_ptr',
                ),
                migrations.DeleteModel(
                    name='AcademyApplication',
                ),
                migrations.DeleteModel(
                    name='AcademyCohort',
                ),
                migrations.DeleteModel(
                    name='AcademyModule',
                ),
                migrations.DeleteModel(
                    name='AcademyPage',
                ),
                migrations.DeleteModel(
                    name='AcademyTestimonial',
                ),
                migrations.DeleteModel(
                    name='AlertSubscriber',
                ),
                migrations.DeleteModel(
                    name='AlertSubscription',
                ),
                migrations.DeleteModel(
                    name='GuideIndexPage',
                ),
                migrations.DeleteModel(
                    name='GuidePage',
                ),
                migrations.DeleteModel(
                    name='GuideTag',
                ),
                migrations.DeleteModel(
                    name='HomePage',
                ),
                migrations.DeleteModel(
                    name='NewsIndexPage',
                ),
                migrations.DeleteModel(
                    name='NewsPage',
                ),
                migrations.DeleteModel(
                    name='NewsTag',
                ),
                migrations.DeleteModel(
                    name='SupportRequest',
                ),
                migrations.DeleteModel(
                    name='SupportRequestPage',
                ),
                migrations.DeleteModel(
                    name='TopicHub',
                ),
                migrations.DeleteModel(
                    name='TopicHubPin',
                ),
                migrations.DeleteModel(
                    name='TopicIndexPage',
                ),
            ],
        ),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
