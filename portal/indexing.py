from contextlib import contextmanager

from django.conf import settings


@contextmanager
def search_indexing_paused():
    """Stop saves from updating the search index one object at a time.

    For bulk loads (demo content, imports) that rebuild the index once at the end;
    with Whoosh, hundreds of single-document commits would take most of the time.
    """
    backends = settings.WAGTAILSEARCH_BACKENDS
    previous = {name: params.get("AUTO_UPDATE") for name, params in backends.items()}
    for params in backends.values():
        params["AUTO_UPDATE"] = False
    try:
        yield
    finally:
        for name, params in backends.items():
            if previous[name] is None:
                params.pop("AUTO_UPDATE", None)
            else:
                params["AUTO_UPDATE"] = previous[name]
