"""Takes over discovery's models from `portal` (see portal 0012): no table is made."""

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
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # The models as they were in `portal` (portal 0012), on its tables...
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='AlertSubscriber',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, unique=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={
                        'verbose_name': 'alert subscriber',
                        'ordering': ['email'],
                    },
                ),
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(help_text='One or two sentences saying who the portal is for.')),
                        ('quick_links', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the page's title.", 'max_length': 60, 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'max_length': 160}), 3: ('wagtail.blocks.StructBlock', [[('page', 0), ('title', 1), ('description', 2)]], {})}, help_text='Cards linking to each area. Leave empty to show the main menu sections.')),
                    ],
                    options={
                        'abstract': False,
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='TopicIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True)),
                    ],
                    options={
                        'verbose_name': 'topics index',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='TopicHub',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                        ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                        ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                        ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                        ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                        ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                        ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                        ('introduction', wagtail.fields.RichTextField(blank=True, help_text='A short introduction shown at the top of the hub.')),
                        ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                        ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                        ('tag', models.OneToOneField(help_text='The topic tag this hub is for.', on_delete=django.db.models.deletion.CASCADE, related_name='topic_hub', to='taggit.tag', verbose_name='topic')),
                    ],
                    options={
                        'verbose_name': 'topic hub',
                        'ordering': ['tag__name'],
                    },
                ),
                migrations.CreateModel(
                    name='TopicHubPin',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('note', models.CharField(blank=True, help_text="Optional: why it is pinned, e.g. 'Start here'. Shown with the link.", max_length=200)),
                        ('hub', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='pins', to='discovery.topichub')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='AlertSubscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('topic', 'Topic'), ('directory', 'Directory search'), ('news', 'News')], max_length=20)),
                        ('target', models.CharField(blank=True, max_length=500)),
                        ('frequency', models.CharField(choices=[('daily', 'Daily'), ('weekly', 'Weekly')], default='weekly', max_length=10)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                        ('last_sent_at', models.DateTimeField(blank=True, null=True)),
                        ('subscriber', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='subscriptions', to='discovery.alertsubscriber')),
                    ],
                    options={
                        'verbose_name': 'alert',
                        'ordering': ['subscriber', 'kind', 'target'],
                        'indexes': [models.Index(fields=['confirmed_at', 'last_sent_at'], name='discovery_a_confirm_ad124f_idx')],
                        'constraints': [models.UniqueConstraint(fields=('subscriber', 'kind', 'target'), name='one_subscription_per_target')],
                    },
                ),
                migrations.AlterModelTable(name='homepage', table='portal_homepage'),
                migrations.AlterModelTable(name='topicindexpage', table='portal_topicindexpage'),
                migrations.AlterModelTable(name='topichub', table='portal_topichub'),
                migrations.AlterModelTable(name='topichubpin', table='portal_topichubpin'),
                migrations.AlterModelTable(name='alertsubscriber', table='portal_alertsubscriber'),
                migrations.AlterModelTable(name='alertsubscription', table='portal_alertsubscription'),
            ],
        ),
        # ...which are renamed to this app's names.
        migrations.AlterModelTable(name='homepage', table=None),
        migrations.AlterModelTable(name='topicindexpage', table=None),
        migrations.AlterModelTable(name='topichub', table=None),
        migrations.AlterModelTable(name='topichubpin', table=None),
        migrations.AlterModelTable(name='alertsubscriber', table=None),
        migrations.AlterModelTable(name='alertsubscription', table=None),
    ]
