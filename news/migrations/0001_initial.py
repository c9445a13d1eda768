"""Takes over news's models from `portal` (see portal 0012): no table is made."""

import datetime
import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.blocks.field_block
import wagtail.contrib.routable_page.models
import wagtail.fields
import wagtailnhsukfrontend.blocks
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('portal', '0012_models_move_to_their_apps'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The models as they were in `portal` (portal 0012), on its tables...
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='NewsIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True)),
                    ],
                    options={
                        'verbose_name': 'news index',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='NewsPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('suits_residential', models.BooleanField(default=True, verbose_name='residential homes')),
                        ('suits_nursing', models.BooleanField(default=True, verbose_name='nursing homes')),
                        ('suits_emi', models.BooleanField(default=True, verbose_name='EMI homes')),
                        ('summary', models.CharField(help_text='One or two sentences shown in lists, feeds and emails.', max_length=300)),
                        ('date', models.DateField(default=datetime.date.today, help_text='The date shown on the item. Lists are newest first by this date.', verbose_name='news date')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 4), ('inset_text', 6), ('warning_callout', 9), ('details', 28), ('do_list', 31), ('dont_list', 34), ('action_link', 16)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading (level 2)'), ('h3', 'Sub-heading (level 3)')]}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4']}), 4: ('wagtail.images.blocks.ImageBlock', [], {}), 5: ('wagtail.blocks.RichTextBlock', (), {'required': True}), 6: ('wagtail.blocks.StructBlock', [[('body', 5)]], {}), 7: ('wagtail.blocks.CharBlock', (), {'default': 'Important', 'required': True}), 8: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'The heading level affects users with screen readers. Default=3, Min=2, Max=6.', 'max_value': 6, 'min_value': 2, 'required': True}), 9: ('wagtail.blocks.StructBlock', [[('title', 7), ('heading_level', 8), ('body', 5)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'required': True}), 11: ('wagtail.blocks.RichTextBlock', (), {}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'required': True}), 13: ('wagtail.blocks.URLBlock', (), {'label': 'URL', 'required': False}), 14: ('wagtail.blocks.BooleanBlock', (), {'label': 'Open in new window', 'required': False}), 15: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Internal Page', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 12), ('external_url', 13), ('new_window', 14), ('internal_page', 15)]], {}), 17: ('wagtail.images.blocks.ImageChooserBlock', (), {'required': True}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'Only leave this blank if the image is decorative.', 'required': False}), 19: ('wagtail.blocks.CharBlock', (), {'required': False}), 20: ('wagtail.blocks.StructBlock', [[('content_image', 17), ('alt_text', 18), ('caption', 19)]], {}), 21: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'The heading level affects users with screen readers. Ignore this if there is no label. Default=3, Min=2, Max=6.', 'max_value': 6, 'min_value': 2}), 22: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('', 'Default'), ('small', 'Small'), ('medium', 'Medium'), ('large', 'Large')], 'help_text': "The heading size affects the visual size, this follows the front-end library's sizing.", 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('feature_heading', 10), ('heading_level', 21), ('heading_size', 22), ('body', 5)]], {}), 24: ('wagtail.blocks.ListBlock', (wagtailnhsukfrontend.blocks.SummaryListRowBlock,), {}), 25: ('wagtail.blocks.BooleanBlock', (), {'default': False, 'required': False}), 26: ('wagtail.blocks.StructBlock', [[('rows', 24), ('no_border', 25)]], {}), 27: ('wagtail.blocks.StreamBlock', [[('richtext', 11), ('action_link', 16), ('inset_text', 6), ('image', 20), ('feature_card', 23), ('warning_callout', 9), ('summary_list', 26)]], {'required': True}), 28: ('wagtail.blocks.StructBlock', [[('title', 10), ('body', 27)]], {}), 29: ('wagtail.blocks.CharBlock', (), {'help_text': 'Adding a label here will overwrite the default of Do', 'label': 'Heading', 'required': False}), 30: ('wagtail.blocks.ListBlock', (wagtail.blocks.field_block.RichTextBlock,), {}), 31: ('wagtail.blocks.StructBlock', [[('heading_level', 8), ('label', 29), ('do', 30)]], {}), 32: ('wagtail.blocks.CharBlock', (), {'help_text': "Adding a label here will overwrite the default of Don't", 'label': 'Heading', 'required': False}), 33: ('wagtail.blocks.ListBlock', (wagtail.blocks.field_block.RichTextBlock,), {'label': "Don't"}), 34: ('wagtail.blocks.StructBlock', [[('heading_level', 8), ('label', 32), ('dont', 33)]], {})})),
                        ('audience', models.CharField(choices=[('all-staff', 'All staff'), ('nurses', 'Nurses'), ('managers', 'Registered managers'), ('owners', 'Owners and directors')], default='all-staff', help_text='Who needs to read it.', max_length=20)),
                        ('action_required', models.BooleanField(default=False, help_text='Homes must do something: it is marked in lists and on the home page.')),
                        ('action', models.CharField(blank=True, help_text="Required when action is required, e.g. 'Register for the scheme'.", max_length=300, verbose_name='what homes must do')),
                        ('deadline', models.DateField(blank=True, help_text='The date by which homes must act, if any.', null=True)),
                    ],
                    options={
                        'verbose_name': 'news item',
                        'verbose_name_plural': 'news items',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='NewsTag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='news.newspage')),
                        ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
                    ],
                    options={
                        'abstract': False,
                    },
                ),
                migrations.AddField(
                    model_name='newspage',
                    name='tags',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text="The topics it is about; it is listed on each topic's hub.", through='news.NewsTag', to='taggit.Tag', verbose_name='topics'),
                ),
                migrations.AlterModelTable(name='newsindexpage', table='portal_newsindexpage'),
                migrations.AlterModelTable(name='newspage', table='portal_newspage'),
                migrations.AlterModelTable(name='newstag', table='portal_newstag'),
            ],
        ),
        # ...which are renamed to this app's names.
        migrations.AlterModelTable(name='newsindexpage', table=None),
        migrations.AlterModelTable(name='newspage', table=None),
        migrations.AlterModelTable(name='newstag', table=None),
    ]
