"""Takes over academy's models from `portal` (see portal 0012): no table is made."""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('portal', '0012_models_move_to_their_apps'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The models as they were in `portal` (portal 0012), on its tables...
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='AcademyCohort',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('name', models.CharField(help_text="For example, 'Spring 2027'.", max_length=120)),
                        ('starts_on', models.DateField(verbose_name='start date')),
                        ('format', models.CharField(choices=[('in-person', 'In person'), ('online', 'Online'), ('mixed', 'Mix of in person and online')], default='mixed', max_length=20)),
                        ('places', models.PositiveSmallIntegerField(default=12)),
                        ('status', models.CharField(choices=[('open', 'Open for applications'), ('full', 'Full'), ('closed', 'Closed')], default='open', help_text='An open cohort shows as full by itself once as many applications are accepted as there are places.', max_length=10)),
                        ('details', models.CharField(blank=True, help_text="Optional: where and when the sessions are, for example 'Six Tuesday mornings at the Civic Centre'.", max_length=300)),
                    ],
                    options={
                        'verbose_name': 'cohort',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='AcademyPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.CharField(help_text='One or two sentences shown under the title and in search results.', max_length=300)),
                        ('who_its_for', wagtail.fields.RichTextField(help_text='Who can join the academy.', verbose_name='who it is for')),
                        ('how_it_works', wagtail.fields.RichTextField(help_text='Learning by doing, action learning sets, coaching and mentoring.')),
                        ('network_intro', wagtail.fields.RichTextField(blank=True, help_text='About the peer network. Its next meetings are listed from the events section automatically.', verbose_name='Registered Managers Network')),
                    ],
                    options={
                        'verbose_name': 'Leadership Academy page',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='AcademyApplication',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(editable=False, max_length=20, unique=True)),
                        ('cohort_name', models.CharField(editable=False, max_length=120)),
                        ('name', models.CharField(max_length=100)),
                        ('email', models.EmailField(max_length=254, verbose_name='work email')),
                        ('care_home', models.CharField(max_length=150)),
                        ('role', models.CharField(max_length=100)),
                        ('time_in_post', models.CharField(choices=[('not-yet', 'Not started yet, or about to start'), ('under-6-months', 'Less than 6 months'), ('6-months-to-2-years', '6 months to 2 years'), ('2-to-5-years', '2 to 5 years'), ('over-5-years', 'More than 5 years')], max_length=30)),
                        ('hopes', models.TextField(max_length=2000, verbose_name='what they hope to get from it')),
                        ('consent', models.BooleanField(default=False, editable=False)),
                        ('status', models.CharField(choices=[('received', 'Received'), ('accepted', 'Accepted'), ('waiting-list', 'Waiting list'), ('declined', 'Declined')], default='received', max_length=20)),
                        ('team_notes', models.TextField(blank=True, help_text='Only the team sees these.', verbose_name='internal notes')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('cohort', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='applications', to='academy.academycohort')),
                    ],
                    options={
                        'verbose_name': 'academy application',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='AcademyModule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('title', models.CharField(max_length=120)),
                        ('summary', models.TextField(max_length=600)),
                        ('outcomes', models.TextField(blank=True, help_text='What managers will be able to do afterwards: one per line.', max_length=1500)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='modules', to='academy.academypage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.AddField(
                    model_name='academycohort',
                    name='page',
                    field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='cohorts', to='academy.academypage'),
                ),
                migrations.CreateModel(
                    name='AcademyTestimonial',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('quote', models.TextField(max_length=800)),
                        ('name', models.CharField(max_length=100)),
                        ('role', models.CharField(blank=True, help_text="For example, 'Registered manager'.", max_length=150)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='testimonials', to='academy.academypage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.AlterModelTable(name='academypage', table='portal_academypage'),
                migrations.AlterModelTable(name='academymodule', table='portal_academymodule'),
                migrations.AlterModelTable(name='academycohort', table='portal_academycohort'),
                migrations.AlterModelTable(name='academytestimonial', table='portal_academytestimonial'),
                migrations.AlterModelTable(name='academyapplication', table='portal_academyapplication'),
            ],
        ),
        # ...which are renamed to this app's names.
        migrations.AlterModelTable(name='academypage', table=None),
        migrations.AlterModelTable(name='academymodule', table=None),
        migrations.AlterModelTable(name='academycohort', table=None),
        migrations.AlterModelTable(name='academytestimonial', table=None),
        migrations.AlterModelTable(name='academyapplication', table=None),
    ]
