import json
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

STOP_WORDS = {"a", "an", "and", "the", "of", "or", "in", "on", "to", "for", "with"}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key


@register.simple_tag
def highlight(text, query):
    """Escape `text` and mark the words that start with one of the query's terms."""
    text = str(text or "")
    terms = [
        re.escape(term)
        for term in re.findall(r"\w+", (query or "").lower())
        if term not in STOP_WORDS and len(term) > 1
    ]
    if not terms:
        return escape(text)
    # Terms are matched at word starts so "care" marks "carer" but not "scared".
    pattern = re.compile(r"\b(?:" + "|".join(terms) + r")\w*", re.IGNORECASE)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


@register.filter
def json_ld(data):
    """Serialise structured data for a <script type="application/ld+json"> block.

    <, > and & are escaped so that no value can close the script element.
    """
    dumped = json.dumps(data, ensure_ascii=False, default=str)
    for char, replacement in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        dumped = dumped.replace(char, replacement)
    return mark_safe(dumped)
