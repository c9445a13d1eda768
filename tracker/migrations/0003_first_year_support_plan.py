from django.db import migrations

# The team's usual first year with a new manager, as the default plan. The
# team edits it (or adds others) under Manager Tracker, Support plans.
PLAN_NAME = "First year for a new manager"
DESCRIPTION = (
    "What the Care Quality Team offers every new registered manager, deputy or "
    "acting manager in their first year in the post."
)
MILESTONES = [
    # name, offset, unit, is a review
    ("Welcome call", 1, "weeks", False),
    ("Invitation to the Registered Managers Network", 2, "weeks", False),
    ("First visit to the home", 1, "months", False),
    ("Buddy from the Registered Managers Network", 6, "weeks", False),
    ("Leadership Academy offer", 2, "months", False),
    ("3 month review", 3, "months", True),
    ("6 month review", 6, "months", True),
    ("12 month review", 12, "months", True),
]


def add_plan(apps, schema_editor):
    SupportPlanTemplate = apps.get_model("tracker", "SupportPlanTemplate")
    MilestoneDefinition = apps.get_model("tracker", "MilestoneDefinition")
    if SupportPlanTemplate.objects.exists():
        return
    plan = SupportPlanTemplate.objects.create(
        name=PLAN_NAME, description=DESCRIPTION, is_default=True
    )
    MilestoneDefinition.objects.bulk_create(
        MilestoneDefinition(
            template=plan,
            name=name,
            offset_amount=amount,
            offset_unit=unit,
            is_review=is_review,
            sort_order=number,
        )
        for number, (name, amount, unit, is_review) in enumerate(MILESTONES)
    )


class Migration(migrations.Migration):
    dependencies = [("tracker", "0002_care_quality_team")]

    operations = [migrations.RunPython(add_plan, migrations.RunPython.noop)]
