"""Cache of whole public pages for visitors who are not signed in.

A response is stored only when it is a plain GET of a URL without a query
string, made without a session or messages cookie, answered 200 without setting
a cookie (pages with forms set the CSRF cookie, so they are never stored) and
without Cache-Control private/no-store/no-cache. Editors' publishing, and any
change to content or bookings, empties the cache at once (a new generation),
so an edit appears as soon as it is published.

The cache is the "pages" alias: files under var/ on one machine (shared by the
app server's workers), or Redis when CACHE_URL points at it.
"""

import hashlib
import os
import pickle
import random
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
# Alerts pages are personal (a subscriber's own links), whatever their forms,
# and so are a manager's own pages.
SKIPPED_PREFIXES = (
    "/admin/",
    "/alerts/",
    "/documents/",
    "/health/",
    "/managers/",
    "/search/",
    "/static/",
)
# Saving these changes nothing a visitor sees (sessions, the outbox, task
# results, scheduled job runs, logs, the search index, revisions of drafts).
IGNORED_APPS = {
    "sessions",
    # The Manager Tracker shows nothing on public pages.
    "tracker",
    "django_tasks_db",
    "wagtailsearch",
    "modelsearch",
    "wagtailadmin",
    "contenttypes",
}
IGNORED_MODELS = {
    "portal.queuedemail",
    "portal.scheduledjobrun",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailusers.userprofile",
    "auth.user",
}


class PageFileCache(FileBasedCache):
    """Django's file cache without zlib: a stored page is read on every hit, and
    decompressing it cost more than the rest of serving it (pages are small;
    the disk space saved is not worth the CPU). Its own file suffix keeps it
    from reading files that Django's compressed file cache wrote."""

    cache_suffix = ".page"

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._unexpiring = {}

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.load(file)
        except FileNotFoundError:
            pass
        except (pickle.UnpicklingError, EOFError):
            # A file cut short (a full disk) is a miss, not a server error.
            pass
        return default

    def get_unexpiring(self, key, default=None):
        """get() for a key stored without a timeout (the generation, read on
        every page view), answered from memory while its file is unchanged:
        one stat instead of opening and unpickling the file. Every write
        replaces the file, so its inode, size or time always changes."""
        path = self._key_to_file(key)
        try:
            found = os.stat(path)
        except FileNotFoundError:
            return default
        signature = (found.st_ino, found.st_mtime_ns, found.st_size)
        known = self._unexpiring.get(path)
        if known is not None and known[0] == signature:
            return known[1]
        value = self.get(key, default)
        self._unexpiring[path] = (signature, value)
        return value

    def _write_content(self, file, timeout, value):
        file.write(
            pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol)
        )
        file.write(pickle.dumps(value, self.pickle_protocol))

    def _cull(self):
        """Django's random culling, which never removes the generation: losing
        it would start a new one, and with it empty every worker's cache."""
        kept = self._key_to_file(GENERATION_KEY)
        files = [name for name in self._list_cache_files() if name != kept]
        if len(files) + 1 < self._max_entries:
            return
        for name in random.sample(
            files, int(len(files) / max(self._cull_frequency, 1))
        ):
            self._delete(name)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, self._missing, version)
        if value is self._missing:
            return False
        self.set(key, value, timeout, version)
        return True

    _missing = object()


def page_cache():
    return caches["pages"]


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def new_generation():
    # Never a name used before: if the stored generation is lost (an operator
    # empties the cache folder or Redis, Redis evicts it), counting again from 1
    # would bring back pages and answers stored under the old numbers.
    return uuid.uuid4().hex


# How many cache outages this worker has purged after (portal.cache).
_recoveries_seen = {"count": 0}


def generation(cache):
    read = getattr(cache, "get_unexpiring", cache.get)
    value = read(GENERATION_KEY)
    if getattr(cache, "unavailable", False):
        # Nothing can be stored or shared: a generation of this request's own,
        # so no page is served from the cache and nothing is remembered.
        return new_generation()
    recoveries = getattr(cache, "recoveries", 0)
    if recoveries != _recoveries_seen["count"]:
        # This worker's writes during the outage were lost, a purge perhaps
        # among them: pages stored before it may show what has since changed.
        _recoveries_seen["count"] = recoveries
        return purge()
    if value is None:
        value = new_generation()
        if not cache.add(GENERATION_KEY, value, None):
            value = cache.get(GENERATION_KEY, value)
    return value


def request_generation(request):
    """The generation, read once per request (the page cache and
    `portal.content_memo` both use it)."""
    value = getattr(request, "_portal_content_generation", None)
    if value is None:
        value = generation(page_cache())
        request._portal_content_generation = value
    return value


def purge():
    """Forget every cached page (all workers and servers sharing the cache);
    returns the new generation."""
    value = new_generation()
    page_cache().set(GENERATION_KEY, value, None)
    return value


def cache_key(request, gen):
    url = f"{request.get_host()}{request.path}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:40]
    return f"page-cache:{gen}:{request.method == 'HEAD'}:{digest}"


def request_is_cacheable(request):
    return (
        timeout() > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def response_is_cacheable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Serves stored pages before sessions, CSRF and the page tree are touched.

    Placed straight after WhiteNoise, so it sees the finished response
    (security headers, CSP, cookies) and a hit costs two cache reads.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        cache = page_cache()
        key = cache_key(request, request_generation(request))
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if response_is_cacheable(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, timeout())
        return response


def purge_after_change():
    """Purge now, and again once the change is committed.

    Signals fire inside the editor's transaction: a page rendered by another
    worker between the first purge and the commit read the old rows, and would
    otherwise be kept under the new generation.
    """
    purge()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        callback is purge for _, callback, _ in connection.run_on_commit
    ):
        transaction.on_commit(purge)


def purge_on_publish(sender, **kwargs):
    purge_after_change()


def purge_on_change(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
        return
    purge_after_change()


def connect_signals():
    page_published.connect(purge_on_publish, dispatch_uid="page_cache_published")
    page_unpublished.connect(purge_on_publish, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(purge_on_publish, dispatch_uid="page_cache_moved")
    post_save.connect(purge_on_change, dispatch_uid="page_cache_saved")
    post_delete.connect(purge_on_change, dispatch_uid="page_cache_deleted")
