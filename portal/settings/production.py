"""Production: every secret and host comes from the environment.

The portal refuses to start without SECRET_KEY and ALLOWED_HOSTS, and turns on
the security headers a public sector site needs.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, LOGGING, STORAGES, VAR_DIR, env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS to the portal's host names, separated by commas."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# Behind a TLS-terminating proxy the original scheme arrives in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (Django 5.2 has no built-in CSP; set by our middleware).
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; img-src 'self' data: https:; script-src 'self'; "
    "style-src 'self'; font-src 'self' data:; frame-src https://www.youtube-nocookie.com "
    "https://player.vimeo.com; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'",
)

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "portal.storage.StaticFilesStorage"},
}
PORTAL_ENVIRONMENT = "production"
# The SQLite database, search index, caches and media default to this folder.
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Each worker keeps its database connection between requests: opening one (and,
# for SQLite, setting WAL mode) cost more than a short page's queries.
# DATABASE_CONN_MAX_AGE=0 closes it after every request (e.g. behind PgBouncer).
DATABASES["default"]["CONN_MAX_AGE"] = int(
    os.environ.get("DATABASE_CONN_MAX_AGE", "600")
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Without CACHE_URL, the app server's workers on this machine share a cache in
# files (rate limits and the like count across workers, not per process).
if not os.environ.get("CACHE_URL"):
    CACHES = {
        **CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "default"),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        },
    }

# Calendar UIDs must not change if the site's host name does.
EVENTS_UID_DOMAIN = os.environ.get("EVENTS_UID_DOMAIN", ALLOWED_HOSTS[0])

# Structured logs: one JSON object a line on standard error (LOG_FORMAT=plain
# for human-readable lines), at LOG_LEVEL (default INFO: requests that fail are
# logged by Django at WARNING and ERROR).
LOGGING = {
    **LOGGING,
    "formatters": {
        **LOGGING["formatters"],
        "json": {"()": "portal.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain"
            if os.environ.get("LOG_FORMAT", "json") == "plain"
            else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
