"""A small fixed-window rate limit for public forms, kept in the shared cache."""

import hashlib
import time

from django.core.cache import cache


def client_key(request):
    # Behind the proxy the client address arrives in X-Forwarded-For; only its
    # first entry is the visitor. Hashed, so no address is stored in the cache.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    address = forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def is_rate_limited(request, scope, limit, window_seconds):
    """Count this request against `limit` per `window_seconds`; True once over it."""
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{client_key(request)}:{window}"
    if cache.add(key, 1, timeout=window_seconds + 5):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds + 5)
        return False
    return count > limit
