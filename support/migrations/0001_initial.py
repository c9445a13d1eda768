"""Takes over support's models from `portal` (see portal 0012): no table is made."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import support.models
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('portal', '0012_models_move_to_their_apps'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The models as they were in `portal` (portal 0012), on its tables...
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='SupportRequestPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.CharField(help_text='One or two sentences shown under the title and in search results.', max_length=300)),
                        ('body', wagtail.fields.RichTextField(help_text='What support the team offers, shown above the form.')),
                        ('what_happens_next', wagtail.fields.RichTextField(blank=True, help_text='Shown on the confirmation page after a request is sent.')),
                    ],
                    options={
                        'verbose_name': 'support request page',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='SupportRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(editable=False, max_length=20, unique=True)),
                        ('home_name', models.CharField(max_length=150, verbose_name='care home')),
                        ('cqc_location_id', models.CharField(max_length=20, validators=[django.core.validators.RegexValidator('^1-\\d{9,11}$', 'Enter a CQC location ID in the correct format, like 1-123456789')], verbose_name='CQC location ID')),
                        ('home_type', models.CharField(choices=[('residential', 'Residential'), ('nursing', 'Nursing'), ('emi', 'EMI (dementia and mental health)')], max_length=20)),
                        ('contact_name', models.CharField(max_length=100)),
                        ('email', models.EmailField(max_length=254)),
                        ('phone', models.CharField(blank=True, max_length=30)),
                        ('need', models.CharField(choices=[('new-manager', 'A new manager is starting'), ('inspection', 'We are expecting a CQC inspection'), ('improve-rating', 'We want to improve our CQC rating'), ('training', 'Training needs'), ('other', 'Something else')], max_length=20, verbose_name='what they need help with')),
                        ('urgency', models.CharField(choices=[('urgent', 'Urgent: within a week'), ('soon', 'Soon: within a month'), ('routine', 'Not urgent')], max_length=10)),
                        ('description', models.TextField(max_length=3000)),
                        ('consent', models.BooleanField(default=False, editable=False)),
                        ('status', models.CharField(choices=[('new', 'New'), ('triaged', 'Triaged'), ('in-progress', 'In progress'), ('closed', 'Closed')], default='new', max_length=20)),
                        ('internal_notes', models.TextField(blank=True, help_text='Only the team sees these. Never shared with the home.')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('assignee', models.ForeignKey(blank=True, help_text='The member of the team looking after this request.', limit_choices_to=support.models.team_members, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.AlterModelTable(name='supportrequestpage', table='portal_supportrequestpage'),
                migrations.AlterModelTable(name='supportrequest', table='portal_supportrequest'),
            ],
        ),
        # ...which are renamed to this app's names.
        migrations.AlterModelTable(name='supportrequestpage', table=None),
        migrations.AlterModelTable(name='supportrequest', table=None),
    ]
