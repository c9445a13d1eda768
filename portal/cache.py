"""A Redis cache that a Redis outage cannot turn into server errors.

The cache only ever saves work: cached pages, remembered answers, rate limit
counters, the spelling vocabulary. While Redis is unreachable every read is a
miss and every write is dropped, so pages are built afresh and forms keep
accepting (rate limits fail open; the honeypot still stands). Short socket
timeouts keep a dead Redis from holding a request for long, and after a
failure a worker leaves Redis alone for a second rather than wait on every call.

A worker that saw an outage knows its writes were lost, a page cache purge
among them; `portal.page_cache` reads `recoveries` and starts a new generation
when Redis answers again, so a page unpublished during the outage is never
served from the cache afterwards.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failed call, calls skip Redis for this long (seconds).
RETRY_AFTER = 1.0


@dataclass
class ServerHealth:
    """What this process knows of one Redis server (Django makes a cache
    object per thread; they all share this)."""

    unavailable: bool = False
    recoveries: int = 0
    retry_at: float = 0.0


_health = {}
_health_lock = threading.Lock()


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        with _health_lock:
            self.health = _health.setdefault(str(server), ServerHealth())

    @property
    def unavailable(self):
        """True from a failed call until the next call that succeeds."""
        return self.health.unavailable

    @property
    def recoveries(self):
        """How many outages this process has seen end."""
        return self.health.recoveries

    def _tolerant(self, fallback, method, *args, **kwargs):
        health = self.health
        if health.unavailable and time.monotonic() < health.retry_at:
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except RedisError as error:
            with _health_lock:
                if not health.unavailable:
                    logger.warning(
                        "Redis cache unavailable, serving without it: %s",
                        type(error).__name__,
                    )
                health.unavailable = True
                health.retry_at = time.monotonic() + RETRY_AFTER
            return fallback
        if health.unavailable:
            with _health_lock:
                if health.unavailable:
                    health.unavailable = False
                    health.recoveries += 1
                    logger.warning("Redis cache reachable again")
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # False ("already there") is the safe answer for add-as-a-lock callers.
        return self._tolerant(False, "add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._tolerant(default, "get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(None, "set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(False, "touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._tolerant(False, "delete", key, version)

    def get_many(self, keys, version=None):
        return self._tolerant({}, "get_many", keys, version)

    def has_key(self, key, version=None):
        return self._tolerant(False, "has_key", key, version)

    def incr(self, key, delta=1, version=None):
        # As if the counter had just started: a rate limit fails open.
        return self._tolerant(delta, "incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant(list(data), "set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._tolerant(None, "delete_many", keys, version)

    def clear(self):
        return self._tolerant(False, "clear")
