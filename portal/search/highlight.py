"""Highlighted snippets of search matches, for result listings."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from whoosh import highlight as whoosh_highlight

from .analysis import expand_synonyms, text_analyzer
from .backend import analyse

_analyzer = text_analyzer()


class _MarkFormatter(whoosh_highlight.Formatter):
    """Wraps matched words in <mark>, escaping everything else."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return (
            "<mark>"
            + escape(whoosh_highlight.get_text(text, token, replace))
            + "</mark>"
        )

    def format_fragment(self, fragment, replace=False):
        output = []
        index = fragment.startchar
        text = fragment.text
        for token in fragment.matches:
            if token.startchar > index:
                output.append(escape(text[index : token.startchar]))
            output.append(self.format_token(text, token, replace))
            index = token.endchar
        output.append(escape(text[index : fragment.endchar]))
        return "".join(output)


def highlight(text, query, max_chars=240, fragments=2):
    """An HTML snippet of ``text`` around the words of ``query``, matches marked.

    Words match as the index matches them (stemmed, with care synonyms), so a
    search for "medicine" marks "medication". Returns the escaped start of the
    text when nothing matches, and an empty string for empty text.
    """
    text = str(text or "")
    if not text:
        return mark_safe("")
    terms = set()
    for word in analyse(str(query or "")):
        terms.update(expand_synonyms(word))
    snippet = ""
    if terms:
        snippet = whoosh_highlight.highlight(
            text,
            frozenset(terms),
            _analyzer,
            whoosh_highlight.ContextFragmenter(maxchars=max_chars, surround=60),
            _MarkFormatter(),
            top=fragments,
        )
    if not snippet:
        snippet = escape(text[:max_chars]) + ("…" if len(text) > max_chars else "")
    return mark_safe(snippet)
