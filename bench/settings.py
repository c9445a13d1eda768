"""Settings for `make bench`: the benchmark model, SQLite and both backends."""

import os
import tempfile
from pathlib import Path

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
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(VAR_DIR / "bench.sqlite3"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
MODELSEARCH_BACKENDS = {
    "whoosh": {"BACKEND": "portal.search.backend", "PATH": VAR_DIR / "whoosh"},
    "database": {"BACKEND": "modelsearch.backends.database"},
}
