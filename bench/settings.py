"""Settings for `make bench`: the benchmark model and the search backends.

`bench/search_bench.py` sets BENCH_DATABASE_URL to a throwaway PostgreSQL cluster
before Django starts; the entries then live in PostgreSQL and the "postgres"
backend is PostgreSQL's full-text search (Wagtail's database backend, English
stemming). Without it the entries live in SQLite and only Whoosh is measured.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="portal-bench-"))
SECRET_KEY = "benchmark-only"
USE_TZ = True
INSTALLED_APPS = [
    "bench.benchapp",
    "modelsearch",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
]
POSTGRES_URL = os.environ.get("BENCH_DATABASE_URL", "")
if POSTGRES_URL:
    DATABASES = {"default": dj_database_url.parse(POSTGRES_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "bench.sqlite3"),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
MODELSEARCH_BACKENDS = {
    "whoosh": {"BACKEND": "portal.search.backend", "PATH": VAR_DIR / "whoosh"},
}
if POSTGRES_URL:
    MODELSEARCH_BACKENDS["postgres"] = {
        "BACKEND": "modelsearch.backends.database",
        # Not the cluster's default_text_search_config: English stemming always.
        "SEARCH_CONFIG": "english",
    }
