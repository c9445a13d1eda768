"""The directory page's server time with facet counts, at growing sizes.

Run with `make bench` (BENCH_DIRECTORY_SIZES=10000,50000 by default). For each
size it builds a fresh database (demo content plus generated entries, fixed
seed), rebuilds the search index, then requests /directory/ in-process, one
request at a time, for a fixed set of searches and filters. Prints p50/p95 in ms
and SQL queries per page.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["PORTAL_VAR_DIR"] = tempfile.mkdtemp(prefix="directory-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "0"
os.environ["ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.models import DirectoryEntryPage  # noqa: E402

DEMO_ENTRIES = 74
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
CASES = [
    ("no filters", {}),
    ("1 filter", {"home_type": "nursing"}),
    ("3 filters", {"home_type": "nursing", "topic": "dementia-care", "cost": "free"}),
    ("word", {"q": "dementia"}),
    (
        "word + 3 filters",
        {"q": "falls", "home_type": "emi", "format": "classroom", "cost": "free"},
    ),
    ("two words + sort", {"q": "care planning", "sort": "soonest"}),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client, params):
    client.get("/directory/", params)  # warm caches for this query
    timings = []
    cpu = []
    for _ in range(RUNS):
        start = time.perf_counter()
        cpu_start = time.process_time()
        response = client.get("/directory/", params)
        cpu.append((time.process_time() - cpu_start) * 1000)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get("/directory/", params)
    return (
        statistics.median(timings),
        percentile(timings, 0.95),
        statistics.median(cpu),
        len(queries),
    )


def run(size):
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("seed_demo", volume=max(size - DEMO_ENTRIES, 0), skip_index=True)
    seeded = time.perf_counter() - start
    start = time.perf_counter()
    call_command("update_index", verbosity=0)
    indexed = time.perf_counter() - start
    client = Client()
    entries = DirectoryEntryPage.objects.live().count()
    print(
        f"\n{entries} entries (seeded in {seeded:.0f} s, index built in {indexed:.0f} s)"
    )
    # CPU time is the figure other load on a shared machine inflates least.
    print(f"{'case':<20} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'SQL':>5}")
    for name, params in CASES:
        p50, p95, cpu, queries = measure(client, params)
        print(f"{name:<20} {p50:8.1f} {p95:8.1f} {cpu:8.1f} {queries:5d}")


if __name__ == "__main__":
    sizes = sys.argv[1:] or os.environ.get(
        "BENCH_DIRECTORY_SIZES", "10000,50000"
    ).split(",")
    if len(sizes) == 1:
        run(int(sizes[0]))
    else:
        # One process (and fresh database) per size.
        for size in sizes:
            subprocess.run([sys.executable, __file__, size], check=True)
