"""Site search infrastructure: the Whoosh backend and its helpers.

The backend itself is ``portal.search.backend`` (selected in
WAGTAILSEARCH_BACKENDS); ``portal.search.highlight.highlight`` makes marked-up
snippets for templates. (No package-level ``highlight`` function: importing the
submodule of the same name would replace it.)
"""
