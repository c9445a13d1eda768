from contextlib import contextmanager

from django.conf import settings
from django.dispatch import receiver

from modelsearch.index import insert_or_update_object
from wagtail.signals import page_published


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


@receiver(page_published)
def index_published_page_with_its_children(sender, instance, **kwargs):
    """Index a page again once publishing has saved its tags and other children.

    The index is updated on `post_save`, which fires after the page's own row
    is written but before modelcluster writes its child relations (tags,
    areas), so without this a tag added in the editor would not be searchable
    or filterable until the page was next saved.
    """
    insert_or_update_object(instance)
