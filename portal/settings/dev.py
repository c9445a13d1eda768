"""Local development: DEBUG on, an insecure key that only works on this machine."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-care-quality-portal"
# Code and template changes show at once; set PAGE_CACHE_SECONDS to try the cache.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
