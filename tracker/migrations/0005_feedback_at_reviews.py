from django.db import migrations

from tracker.roles import ensure_tracker_roles

# The default plan asks new managers for feedback at each review.
PLAN_NAME = "First year for a new manager"
REVIEWS = ["3 month review", "6 month review", "12 month review"]


def ask_at_reviews(apps, schema_editor):
    MilestoneDefinition = apps.get_model("tracker", "MilestoneDefinition")
    Milestone = apps.get_model("tracker", "Milestone")
    definitions = MilestoneDefinition.objects.filter(
        template__name=PLAN_NAME, name__in=REVIEWS
    )
    definitions.update(asks_for_feedback=True)
    Milestone.objects.filter(definition__in=definitions).update(
        asks_for_feedback=True
    )


def team_reads_feedback(apps, schema_editor):
    ensure_tracker_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0004_manager_page_feedback_reminders")]

    operations = [
        migrations.RunPython(ask_at_reviews, migrations.RunPython.noop),
        migrations.RunPython(team_reads_feedback, migrations.RunPython.noop),
    ]
