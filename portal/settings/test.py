"""Test settings: fast hashing, in-memory cache, outgoing mail captured."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import VAR_DIR

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
}
# Off unless a test turns it on (tests/portal/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Each test run gets its own search index (tests that need isolation use a
# fresh directory per test through the settings fixture).
if WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "portal.search.backend":  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["PATH"] = Path(  # noqa: F405
        tempfile.mkdtemp(prefix="portal-test-search-")
    )
