"""Settings for running modelsearch's own backend test suite against our backend.

Used only by tests/portal/search/test_conformance.py, which runs the suite in a
subprocess: it needs modelsearch's test app, which our site must not install.
"""

import os
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(tempfile.mkdtemp(prefix="portal-conformance-"))

SECRET_KEY = "conformance-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["localhost", "testserver"]
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en-gb"

INSTALLED_APPS = [
    "modelsearch.test.testapp",
    "modelsearch",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
]
ROOT_URLCONF = "modelsearch.test.urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(VAR_DIR / "conformance.sqlite3"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {},
    }
]

MODELSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "portal.search.backend",
        "PATH": os.environ.get("PORTAL_CONFORMANCE_INDEX", str(VAR_DIR / "index")),
    }
}

# modelsearch's wheel leaves out the suite's "search" fixture; we keep a copy.
FIXTURE_DIRS = [BASE_DIR / "tests" / "portal" / "search" / "fixtures"]
