"""StreamField blocks shared by the portal's content pages.

The NHS.UK design system's own blocks (wagtail-nhsuk-frontend) give accessible
markup for callouts, details, do and don't lists; we add headings with a fixed
outline so screen reader users can navigate by heading.
"""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as ContribTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from wagtailnhsukfrontend import blocks as nhsuk_blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (level 2)"), ("h3", "Sub-heading (level 3)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/heading_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
    )
    image = ImageBlock(required=False)
    inset_text = nhsuk_blocks.InsetTextBlock()
    warning_callout = nhsuk_blocks.WarningCalloutBlock()
    details = nhsuk_blocks.DetailsBlock()
    do_list = nhsuk_blocks.DoBlock()
    dont_list = nhsuk_blocks.DontBlock()
    action_link = nhsuk_blocks.ActionLinkBlock()

    class Meta:
        block_counts = {}


class QuickLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    title = blocks.CharBlock(
        max_length=60, required=False, help_text="Leave blank to use the page's title."
    )
    description = blocks.CharBlock(max_length=160)

    class Meta:
        icon = "link"


class AccessibleImageBlock(blocks.StructBlock):
    """An image that always has a text alternative, written by the editor."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "components/image_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        max_length=200,
        required=False,
        help_text="Leave blank to use the document's title.",
    )

    class Meta:
        icon = "doc-full"
        template = "components/document_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])


class StepByStepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "components/step_by_step_block.html"


class ChecklistBlock(blocks.StructBlock):
    """Items staff tick as they go; progress stays in their own browser."""

    title = blocks.CharBlock(max_length=150)
    intro = blocks.RichTextBlock(features=["bold", "italic", "link"], required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        icon = "tasks"
        template = "components/checklist_block.html"


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        max_length=200,
        help_text="Says what the table shows; read out by screen readers.",
    )
    table = ContribTableBlock(table_options={"startRows": 3, "startCols": 2})

    class Meta:
        icon = "table"
        template = "components/table_block.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=150, help_text="Names the video for screen readers."
    )
    video = EmbedBlock(help_text="A YouTube or Vimeo link.")
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        required=False,
        help_text="A transcript helps people who cannot hear or play the video.",
    )

    class Meta:
        icon = "media"
        template = "components/video_block.html"


class RelatedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150, default="Related training and events")
    pages = blocks.ListBlock(blocks.PageChooserBlock(), min_num=1)

    class Meta:
        icon = "link"
        template = "components/related_pages_block.html"


class GuideBodyBlock(BodyBlock):
    """Everything a best-practice guide can be built from."""

    image = AccessibleImageBlock()
    step_by_step = StepByStepBlock()
    checklist = ChecklistBlock()
    table = TableBlock()
    document = DocumentBlock()
    video = VideoBlock()
    related = RelatedPagesBlock()
