"""Takes over guides's models from `portal` (see portal 0012): no table is made."""

import datetime
import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.blocks.field_block
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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The models as they were in `portal` (portal 0012), on its tables...
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='GuideIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True)),
                    ],
                    options={
                        'abstract': False,
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='GuidePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('suits_residential', models.BooleanField(default=True, verbose_name='residential homes')),
                        ('suits_nursing', models.BooleanField(default=True, verbose_name='nursing homes')),
                        ('suits_emi', models.BooleanField(default=True, verbose_name='EMI homes')),
                        ('summary', models.CharField(help_text='One or two sentences shown in lists and search results.', max_length=300)),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('inset_text', 9), ('warning_callout', 12), ('details', 31), ('do_list', 34), ('dont_list', 37), ('action_link', 19), ('step_by_step', 42), ('checklist', 46), ('table', 49), ('document', 52), ('video', 56), ('related', 60)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading (level 2)'), ('h3', 'Sub-heading (level 3)')]}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4']}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe what the image shows for people who cannot see it.', 'max_length': 250}), 6: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {}), 8: ('wagtail.blocks.RichTextBlock', (), {'required': True}), 9: ('wagtail.blocks.StructBlock', [[('body', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'default': 'Important', 'required': True}), 11: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'The heading level affects users with screen readers. Default=3, Min=2, Max=6.', 'max_value': 6, 'min_value': 2, 'required': True}), 12: ('wagtail.blocks.StructBlock', [[('title', 10), ('heading_level', 11), ('body', 8)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'required': True}), 14: ('wagtail.blocks.RichTextBlock', (), {}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'required': True}), 16: ('wagtail.blocks.URLBlock', (), {'label': 'URL', 'required': False}), 17: ('wagtail.blocks.BooleanBlock', (), {'label': 'Open in new window', 'required': False}), 18: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Internal Page', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('text', 15), ('external_url', 16), ('new_window', 17), ('internal_page', 18)]], {}), 20: ('wagtail.images.blocks.ImageChooserBlock', (), {'required': True}), 21: ('wagtail.blocks.CharBlock', (), {'help_text': 'Only leave this blank if the image is decorative.', 'required': False}), 22: ('wagtail.blocks.CharBlock', (), {'required': False}), 23: ('wagtail.blocks.StructBlock', [[('content_image', 20), ('alt_text', 21), ('caption', 22)]], {}), 24: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'The heading level affects users with screen readers. Ignore this if there is no label. Default=3, Min=2, Max=6.', 'max_value': 6, 'min_value': 2}), 25: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('', 'Default'), ('small', 'Small'), ('medium', 'Medium'), ('large', 'Large')], 'help_text': "The heading size affects the visual size, this follows the front-end library's sizing.", 'required': False}), 26: ('wagtail.blocks.StructBlock', [[('feature_heading', 13), ('heading_level', 24), ('heading_size', 25), ('body', 8)]], {}), 27: ('wagtail.blocks.ListBlock', (wagtailnhsukfrontend.blocks.SummaryListRowBlock,), {}), 28: ('wagtail.blocks.BooleanBlock', (), {'default': False, 'required': False}), 29: ('wagtail.blocks.StructBlock', [[('rows', 27), ('no_border', 28)]], {}), 30: ('wagtail.blocks.StreamBlock', [[('richtext', 14), ('action_link', 19), ('inset_text', 9), ('image', 23), ('feature_card', 26), ('warning_callout', 12), ('summary_list', 29)]], {'required': True}), 31: ('wagtail.blocks.StructBlock', [[('title', 13), ('body', 30)]], {}), 32: ('wagtail.blocks.CharBlock', (), {'help_text': 'Adding a label here will overwrite the default of Do', 'label': 'Heading', 'required': False}), 33: ('wagtail.blocks.ListBlock', (wagtail.blocks.field_block.RichTextBlock,), {}), 34: ('wagtail.blocks.StructBlock', [[('heading_level', 11), ('label', 32), ('do', 33)]], {}), 35: ('wagtail.blocks.CharBlock', (), {'help_text': "Adding a label here will overwrite the default of Don't", 'label': 'Heading', 'required': False}), 36: ('wagtail.blocks.ListBlock', (wagtail.blocks.field_block.RichTextBlock,), {'label': "Don't"}), 37: ('wagtail.blocks.StructBlock', [[('heading_level', 11), ('label', 35), ('dont', 36)]], {}), 38: ('wagtail.blocks.CharBlock', (), {'max_length': 150}), 39: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul', 'ol']}), 40: ('wagtail.blocks.StructBlock', [[('title', 38), ('text', 39)]], {}), 41: ('wagtail.blocks.ListBlock', (40,), {'min_num': 1}), 42: ('wagtail.blocks.StructBlock', [[('heading', 38), ('steps', 41)]], {}), 43: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'required': False}), 44: ('wagtail.blocks.CharBlock', (), {'max_length': 300}), 45: ('wagtail.blocks.ListBlock', (44,), {'min_num': 1}), 46: ('wagtail.blocks.StructBlock', [[('title', 38), ('intro', 43), ('items', 45)]], {}), 47: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the table shows; read out by screen readers.', 'max_length': 200}), 48: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'table_options': {'startCols': 2, 'startRows': 3}}), 49: ('wagtail.blocks.StructBlock', [[('caption', 47), ('table', 48)]], {}), 50: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 51: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the document's title.", 'max_length': 200, 'required': False}), 52: ('wagtail.blocks.StructBlock', [[('document', 50), ('title', 51)]], {}), 53: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the video for screen readers.', 'max_length': 150}), 54: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'A YouTube or Vimeo link.'}), 55: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'help_text': 'A transcript helps people who cannot hear or play the video.', 'required': False}), 56: ('wagtail.blocks.StructBlock', [[('title', 53), ('video', 54), ('transcript', 55)]], {}), 57: ('wagtail.blocks.CharBlock', (), {'default': 'Related training and events', 'max_length': 150}), 58: ('wagtail.blocks.PageChooserBlock', (), {}), 59: ('wagtail.blocks.ListBlock', (58,), {'min_num': 1}), 60: ('wagtail.blocks.StructBlock', [[('heading', 57), ('pages', 59)]], {})})),
                        ('last_reviewed', models.DateField(default=datetime.date.today)),
                        ('review_due', models.DateField(help_text='When the guide must next be checked against current practice.')),
                        ('review_reminder_sent_on', models.DateField(blank=True, editable=False, null=True)),
                        ('guide_owner', models.ForeignKey(blank=True, help_text='The editor who keeps this guide current.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='owned_guides', to=settings.AUTH_USER_MODEL, verbose_name='owner')),
                    ],
                    options={
                        'verbose_name': 'guide',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='GuideTag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='guides.guidepage')),
                        ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
                    ],
                    options={
                        'abstract': False,
                    },
                ),
                migrations.AddField(
                    model_name='guidepage',
                    name='tags',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='The topics it covers.', through='guides.GuideTag', to='taggit.Tag', verbose_name='topics'),
                ),
                migrations.AlterModelTable(name='guideindexpage', table='portal_guideindexpage'),
                migrations.AlterModelTable(name='guidepage', table='portal_guidepage'),
                migrations.AlterModelTable(name='guidetag', table='portal_guidetag'),
            ],
        ),
        # ...which are renamed to this app's names.
        migrations.AlterModelTable(name='guideindexpage', table=None),
        migrations.AlterModelTable(name='guidepage', table=None),
        migrations.AlterModelTable(name='guidetag', table=None),
    ]
