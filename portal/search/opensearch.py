"""OpenSearch 2 (SEARCH_BACKEND=opensearch), importable beside our `events` app.

opensearch-py imports a small package from PyPI that is also called `events`
(`from events import Events`, for its metrics). Python has one module per
name, and the portal's own `events` app already holds it, so the client would
import our app and fail. Renaming the app would change every import, template
folder, migration and permission name; instead the client is imported once
with the PyPI package bound to that name, which it keeps a reference to, and
then our app is put back. Nothing else in the portal imports the PyPI package.
"""

import importlib.util
import sys
import threading
from importlib import metadata

from django.core.exceptions import ImproperlyConfigured

INSTALL_HINT = 'install the client: pip install "opensearch-py>=2.8,<3"'
_lock = threading.Lock()


def pypi_events_package():
    """The PyPI `events` package, loaded under a name of its own."""
    try:
        distribution = metadata.distribution("Events")
    except metadata.PackageNotFoundError:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND=opensearch: {INSTALL_HINT}"
        ) from None
    init = distribution.locate_file("events/__init__.py")
    spec = importlib.util.spec_from_file_location(
        "_opensearch_events", init, submodule_search_locations=[str(init.parent)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def import_client_backend():
    """modelsearch's OpenSearch 2 backend, its client imported as above."""
    with _lock:
        ours = sys.modules.get("events")
        sys.modules["events"] = pypi_events_package()
        try:
            from modelsearch.backends import opensearch2

            import opensearchpy  # noqa: F401
            import opensearchpy.metrics  # noqa: F401 (the module that needs it)
        except ImportError as error:
            raise ImproperlyConfigured(
                f"SEARCH_BACKEND=opensearch: {INSTALL_HINT} ({error})"
            ) from error
        finally:
            if ours is None:
                sys.modules.pop("events", None)
            else:
                sys.modules["events"] = ours
    return opensearch2


SearchBackend = import_client_backend().SearchBackend
