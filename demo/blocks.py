"""StreamField bodies built from demo content.

A body in a content file is a list of blocks, each with a `type` and that type's
keys (demo/content/README.md lists them). `stream()` turns it into the raw form
StreamField stores. Action links point at directory entries, which are pages in
the database, so `resolve_links()` makes them when the page itself is made.
"""

import dataclasses

from demo.loader import REQUIRED
from directory.models import DirectoryEntryPage


@dataclasses.dataclass(frozen=True)
class ActionLink:
    """An action link to a directory entry, or to a fallback address without one."""

    text: str
    entry_slug: str
    fallback_url: str

    def as_block(self):
        page = DirectoryEntryPage.objects.live().filter(slug=self.entry_slug).first()
        return {
            "type": "action_link",
            "value": {
                "text": self.text,
                "external_url": "" if page else self.fallback_url,
                "new_window": False,
                "internal_page": page.pk if page else None,
            },
        }


def heading(block):
    return {
        "type": "heading",
        "value": {"text": block.text("text"), "level": block.text("level", "h2")},
    }


def paragraph(block):
    return {"type": "paragraph", "value": block.rich_text("text")}


def bullet_list(block):
    """A bulleted list on its own: a paragraph block holding just the list."""
    items = "".join(f"<li>{item}</li>" for item in block.texts("items"))
    return {"type": "paragraph", "value": f"<ul>{items}</ul>"}


def inset_text(block):
    return {"type": "inset_text", "value": {"body": block.rich_text("text")}}


def warning_callout(block):
    return {
        "type": "warning_callout",
        "value": {
            "title": block.text("title"),
            "heading_level": block.number("heading_level", 3),
            "body": block.rich_text("text"),
        },
    }


def details(block):
    """An expander: the title shows, the text opens when it is clicked."""
    return {
        "type": "details",
        "value": {
            "title": block.text("title"),
            "body": [
                {"type": "richtext", "value": part}
                for part in block.rich_text_parts("text")
            ],
        },
    }


def do_list(block):
    return {
        "type": "do_list",
        "value": {
            "heading_level": block.number("heading_level", 3),
            "label": block.text("label", ""),
            "do": block.texts("items"),
        },
    }


def dont_list(block):
    return {
        "type": "dont_list",
        "value": {
            "heading_level": block.number("heading_level", 3),
            "label": block.text("label", ""),
            "dont": block.texts("items"),
        },
    }


def step_by_step(block):
    return {
        "type": "step_by_step",
        "value": {
            "heading": block.text("title"),
            "steps": [
                {"title": step.text("title"), "text": step.rich_text("text")}
                for step in block.records("steps")
            ],
        },
    }


def checklist(block):
    return {
        "type": "checklist",
        "value": {
            "title": block.text("title"),
            "intro": block.rich_text("intro"),
            "items": block.texts("items"),
        },
    }


def table(block):
    rows = block.raw("rows")
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and all(isinstance(cell, str) for cell in row)
        for row in rows
    ):
        raise block.error("expected a list of rows, each a list of text", "rows")
    return {
        "type": "table",
        "value": {
            "caption": block.text("caption"),
            "table": {
                "data": [block.texts("header"), *rows],
                "first_row_is_table_header": True,
                "first_col_is_header": block.flag("first_col_is_header", True),
                "table_caption": "",
            },
        },
    }


def action_link(block):
    return ActionLink(
        text=block.text("text"),
        entry_slug=block.text("entry"),
        fallback_url=block.text("fallback_url"),
    )


BLOCKS = {
    builder.__name__: builder
    for builder in (
        heading,
        paragraph,
        bullet_list,
        inset_text,
        warning_callout,
        details,
        do_list,
        dont_list,
        step_by_step,
        checklist,
        table,
        action_link,
    )
}


# Content blocks stored as another StreamField block type.
BLOCK_TYPES = {"bullet_list": "paragraph"}


def stream(record, key, model, default=REQUIRED):
    """The body under `key` for the StreamField of that name on `model`, in its
    raw form, with ActionLinks to resolve; only blocks the field has are allowed."""
    field_blocks = model._meta.get_field(key).stream_block.child_blocks
    allowed = [name for name in BLOCKS if BLOCK_TYPES.get(name, name) in field_blocks]
    return [
        BLOCKS[block.choice("type", allowed)](block)
        for block in record.records(key, default)
    ]


def resolve_links(body):
    """The body with its action links made, for a page about to be saved."""
    return [
        block.as_block() if isinstance(block, ActionLink) else block for block in body
    ]
