"""The Redis cache against a real redis-server that goes away and comes back."""

import time

import redis

from portal import page_cache
from portal.cache import TolerantRedisCache


def redis_cache(server):
    return TolerantRedisCache(
        server.url,
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )


def test_reads_miss_and_writes_drop_while_redis_is_down(redis_server):
    cache = redis_cache(redis_server)
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"
    redis_server.stop()

    started = time.monotonic()
    assert cache.get("greeting", "missing") == "missing"
    cache.set("greeting", "lost")
    assert cache.add("lock", 1) is False
    assert cache.incr("counter") == 1
    assert cache.get_many(["greeting"]) == {}
    assert cache.unavailable
    # A dead Redis answers at once (refused) and is then left alone for a
    # second, so a page with many cache calls is not held up.
    assert time.monotonic() - started < 1.0


def test_after_an_outage_the_page_cache_starts_a_new_generation(
    redis_server, monkeypatch
):
    cache = redis_cache(redis_server)
    monkeypatch.setattr(page_cache, "page_cache", lambda: cache)
    before = page_cache.generation(cache)
    assert page_cache.generation(cache) == before

    # Redis stops answering but keeps its data (as when the network between
    # an app server and Redis fails): the stored generation survives.
    redis.Redis.from_url(redis_server.url).execute_command("CLIENT", "PAUSE", 1500)
    during = {page_cache.generation(cache) for _ in range(3)}
    # Each request gets a generation of its own: nothing is stored or reused.
    assert len(during) == 3 and before not in during
    assert cache.unavailable

    time.sleep(1.6)  # the pause is over
    after = page_cache.generation(cache)
    assert not cache.unavailable and cache.recoveries >= 1
    # Writes made during the outage (an editor's purge among them) were lost,
    # so pages stored under the old generation must not come back.
    assert after != before
    assert page_cache.generation(cache) == after
    assert redis.Redis.from_url(redis_server.url).exists(
        cache.make_key(page_cache.GENERATION_KEY)
    )
