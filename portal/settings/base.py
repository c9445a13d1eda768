"""Settings shared by every environment.

Everything a deployer changes is read from environment variables, with defaults
that let a newcomer run the whole portal on one laptop (SQLite, a Whoosh index
and media files under var/).
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

PORTAL_NAME = "Care Quality Portal"
PORTAL_ORGANISATION = os.environ.get(
    "PORTAL_ORGANISATION", "City Council Care Quality Team"
)

INSTALLED_APPS = [
    # Ground: shared by every app, imports none (docs/architecture.md).
    "portal",
    # Domain apps: each imports only the ground (and another's services.py).
    "directory",
    "events",
    "awards",
    "guides",
    "news",
    "academy",
    "support",
    # Top: what joins the domains, and the demo content loader.
    "discovery",
    "tracker",
    "demo",
    "wagtailnhsukfrontend",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise straight after SecurityMiddleware serves static files cheaply.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Stored public pages are served from here, before sessions and the page tree.
    "portal.page_cache.PageCacheMiddleware",
    # The Wagtail site is then known without a query (see the class).
    "portal.middleware.RememberedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while one writer commits; the busy timeout makes
    # concurrent writers wait instead of failing with "database is locked". A
    # 32 MB page cache (SQLite's default is 2 MB) keeps a large directory's
    # tables in each worker's memory between requests.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA cache_size=-32000;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))


def media_storage_settings(environ):
    """STORAGES: local files under MEDIA_ROOT (private ones under
    AWARDS_PRIVATE_MEDIA_ROOT), or an S3-compatible bucket when
    AWS_STORAGE_BUCKET_NAME is set (credentials come from the usual AWS_*
    variables or the machine's role, read by boto3). See portal/storage.py."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {"BACKEND": "awards.storage.PrivateStorage"},
        }
    shared = {"bucket_name": bucket, "file_overwrite": False}
    for option, variable in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
    ]:
        if environ.get(variable):
            shared[option] = environ[variable]
    public = {
        **shared,
        "location": environ.get("AWS_LOCATION", "media"),
        # Images and renditions are read by their plain URL.
        "querystring_auth": False,
        "default_acl": environ.get("AWS_DEFAULT_ACL") or None,
        "private_acl": environ.get("AWS_PRIVATE_ACL", "private") or None,
    }
    if environ.get("AWS_S3_CUSTOM_DOMAIN"):
        public["custom_domain"] = environ["AWS_S3_CUSTOM_DOMAIN"]
    private = {
        **shared,
        "location": environ.get("AWS_PRIVATE_LOCATION", "private"),
        "default_acl": environ.get("AWS_PRIVATE_ACL", "private") or None,
    }
    if public["location"].strip("/") == private["location"].strip("/"):
        raise ValueError("AWS_PRIVATE_LOCATION must differ from AWS_LOCATION")
    return {
        "default": {"BACKEND": "portal.storage.MediaStorage", "OPTIONS": public},
        "private": {
            "BACKEND": "portal.storage.PrivateMediaStorage",
            "OPTIONS": private,
        },
    }


STORAGES = {
    **media_storage_settings(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Documents are always streamed through Wagtail's view, which checks privacy
# settings, instead of redirecting to the storage's (public) URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"


def cache_settings(url):
    if not url or url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis://", "rediss://")):
        # A Redis outage costs speed, never errors (see portal/cache.py).
        timeout = float(os.environ.get("CACHE_TIMEOUT", "0.5"))
        return {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    if url.startswith("file://"):
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url.removeprefix("file://"),
        }
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ValueError(f"Unsupported CACHE_URL scheme: {url!r}")


def page_cache_settings(cache_url):
    """The "pages" cache: the shared Redis cache when CACHE_URL names one, else
    files under var/ that all the app server's workers on this machine share."""
    if cache_url.startswith(("redis://", "rediss://")):
        return {**cache_settings(cache_url), "KEY_PREFIX": "pages"}
    return {
        "BACKEND": "portal.page_cache.PageFileCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }


CACHES = {
    "default": cache_settings(os.environ.get("CACHE_URL", "")),
    "pages": page_cache_settings(os.environ.get("CACHE_URL", "")),
}
# How long a public page is kept (seconds); 0 turns the page cache off. Any
# publish or content change empties it sooner.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))


def search_backend_settings(name):
    """WAGTAILSEARCH_BACKENDS entry for SEARCH_BACKEND=whoosh|database|opensearch|elasticsearch.

    Whoosh (the default) keeps its index on local disk, at SEARCH_INDEX_PATH or
    var/search-index; OpenSearch/Elasticsearch suit several app servers.
    """
    if name == "whoosh":
        return {
            "BACKEND": "portal.search.backend",
            "PATH": Path(os.environ.get("SEARCH_INDEX_PATH", VAR_DIR / "search-index")),
        }
    if name == "database":
        return {"BACKEND": "wagtail.search.backends.database"}
    if name in {"opensearch", "elasticsearch"}:
        module = {
            # Ours: imports the client beside the portal's `events` app.
            "opensearch": "portal.search.opensearch",
            "elasticsearch": "portal.search.elasticsearch",
        }[name]
        return {
            "BACKEND": os.environ.get("SEARCH_BACKEND_MODULE", module),
            "URLS": env_list("SEARCH_URL", "http://localhost:9200"),
            # Index names start with this (care_portal_wagtailcore_page), so
            # several sites can share one search cluster.
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "care_portal_"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
            # English stemming for every text field, as Whoosh and PostgreSQL do
            # ("training" finds "trained"); care synonyms come with the query.
            "INDEX_SETTINGS": {
                "settings": {"analysis": {"analyzer": {"default": {"type": "english"}}}}
            },
        }
    raise ValueError(f"Unsupported SEARCH_BACKEND: {name!r}")


WAGTAILSEARCH_BACKENDS = {
    "default": search_backend_settings(os.environ.get("SEARCH_BACKEND", "whoosh"))
}


def email_settings(environ):
    """Outgoing mail: EMAIL_URL (smtp://user:password@host:587, smtp+tls:// for
    STARTTLS, smtp+ssl:// for implicit TLS), or EMAIL_HOST and friends; without
    either, emails are printed to the console (development). Emails that fail are
    tried again EMAIL_RETRY_SECONDS later, then twice as long each time, at most
    EMAIL_RETRY_MAX_SECONDS apart."""

    def seconds(name, default):
        value = environ.get(name, "").strip() or str(default)
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"{name} must be a whole number of seconds, not {value!r}")
        return int(value)

    result = {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "EMAIL_HOST": "localhost",
        "EMAIL_PORT": 25,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_RETRY_SECONDS": seconds("EMAIL_RETRY_SECONDS", 60),
        "EMAIL_RETRY_MAX_SECONDS": seconds("EMAIL_RETRY_MAX_SECONDS", 4 * 60 * 60),
    }
    url = environ.get("EMAIL_URL", "")
    if url:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in {"smtp", "smtp+tls", "smtp+ssl", "console"}:
            raise ValueError(
                f"Unsupported EMAIL_URL scheme: {scheme!r} (use smtp://, "
                "smtp+tls://, smtp+ssl:// or console://)"
            )
        if scheme == "console":
            return result
        try:
            port = parts.port
        except ValueError:
            raise ValueError(f"EMAIL_URL has an invalid port: {url!r}") from None
        return {
            **result,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": port or {"smtp+ssl": 465, "smtp+tls": 587}.get(scheme, 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": scheme == "smtp+tls",
            "EMAIL_USE_SSL": scheme == "smtp+ssl",
        }
    port = environ.get("EMAIL_PORT", "25").strip()
    if not port.isdigit():
        raise ValueError(f"EMAIL_PORT must be a port number, not {port!r}")
    default_backend = (
        "django.core.mail.backends.smtp.EmailBackend"
        if environ.get("EMAIL_HOST")
        else "django.core.mail.backends.console.EmailBackend"
    )
    return {
        **result,
        "EMAIL_BACKEND": environ.get("EMAIL_BACKEND", default_backend),
        "EMAIL_HOST": environ.get("EMAIL_HOST", "localhost"),
        "EMAIL_PORT": int(port),
        "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "").lower()
        in {"1", "true", "yes", "on"},
        "EMAIL_USE_SSL": environ.get("EMAIL_USE_SSL", "").lower()
        in {"1", "true", "yes", "on"},
    }


_email = email_settings(os.environ)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
EMAIL_RETRY_SECONDS = _email["EMAIL_RETRY_SECONDS"]
EMAIL_RETRY_MAX_SECONDS = _email["EMAIL_RETRY_MAX_SECONDS"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "care-quality@example.gov.uk")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def tasks_backend(name):
    """TASKS_BACKEND=immediate (run in the web request, the default) or database
    (queued in the database and run by `manage.py db_worker`); a dotted path to
    another backend class also works."""
    aliases = {
        "": "django_tasks.backends.immediate.ImmediateBackend",
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        "database": "django_tasks_db.DatabaseBackend",
    }
    alias = name.strip().lower()
    if alias in aliases:
        return aliases[alias]
    if "." not in name:
        raise ValueError(
            f"Unsupported TASKS_BACKEND: {name!r} (use immediate, database or the "
            "dotted path to a backend class)"
        )
    return name.strip()


# Queued emails and search index updates run as tasks.
TASKS = {"default": {"BACKEND": tasks_backend(os.environ.get("TASKS_BACKEND", ""))}}

WAGTAIL_SITE_NAME = PORTAL_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Editors approve through Wagtail's moderation workflow (created by Wagtail's migrations).
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

TAGGIT_CASE_INSENSITIVE = True

# Where new support requests and Academy applications are announced, when the
# portal settings in the admin give no contact email.
CARE_QUALITY_TEAM_EMAIL = os.environ.get(
    "CARE_QUALITY_TEAM_EMAIL", "care-quality@example.gov.uk"
)
# Award nominations' personal data is anonymised after this many days (UK GDPR).
AWARDS_RETENTION_DAYS = int(os.environ.get("AWARDS_RETENTION_DAYS", "730"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
