"""Health checks for load balancers and monitoring: is the database answering,
and is the search backend reachable? Failures are logged, never shown."""

import logging

from django.db import connections

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def database_ok():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database is not answering")
        return False


def search_ok():
    try:
        backend = get_search_backend()
        list(backend.search("health", Page.objects.live())[:1])
        return True
    except Exception:
        logger.exception("Health check: the search backend is not answering")
        return False


def run_checks():
    """{"database": bool, "search": bool}."""
    return {"database": database_ok(), "search": search_ok()}
