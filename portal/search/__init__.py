"""Site search infrastructure: the Whoosh backend and its helpers.

The backend itself is ``portal.search.backend`` (selected in
WAGTAILSEARCH_BACKENDS); ``highlight`` makes marked-up snippets for templates.
"""


def highlight(text, query, max_chars=240, fragments=2):
    """See ``portal.search.highlight.highlight`` (imported lazily: needs Django)."""
    from .highlight import highlight as _highlight

    return _highlight(text, query, max_chars=max_chars, fragments=fragments)
