"""StreamField blocks shared by the portal's content pages.

The NHS.UK design system's own blocks (wagtail-nhsuk-frontend) give accessible
markup for callouts, details, do and don't lists; we add headings with a fixed
outline so screen reader users can navigate by heading.
"""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

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
