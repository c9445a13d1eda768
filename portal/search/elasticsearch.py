"""Elasticsearch 8 (SEARCH_BACKEND=elasticsearch): modelsearch's backend, with a
clear message when the client is not installed."""

from django.core.exceptions import ImproperlyConfigured

try:
    from modelsearch.backends.elasticsearch8 import SearchBackend
except ImportError as error:
    raise ImproperlyConfigured(
        'SEARCH_BACKEND=elasticsearch: install the client: pip install "elasticsearch>=8,<9"'
        f" ({error})"
    ) from error

__all__ = ["SearchBackend"]
