"""Whoosh backend vs Wagtail's database backend on synthetic care corpora.

Run with `make bench` (BENCH_SIZES=1000,10000,50000 by default). Prints, per
corpus size, full build time, p50/p95 latency of each query type (first 20
results loaded plus the total count) and the ratio database/Whoosh.
"""

import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.benchapp.models import CareResource  # noqa: E402

TOPICS = {
    "safeguarding": "safeguarding adults concerns abuse reporting duty of care",
    "medication": "medication medicines administration records storage errors",
    "dementia": "dementia memory wellbeing distress communication activities",
    "falls": "falls prevention risk assessment footwear lighting mobility",
    "moving": "moving and handling hoist transfers slings posture",
    "nutrition": "nutrition hydration malnutrition mealtimes weight",
    "infection": "infection prevention control hand hygiene outbreaks",
    "pressure": "pressure ulcer skin integrity repositioning mattress",
}
HOME_TYPES = ["residential", "nursing", "emi"]
FORMATS = ["classroom", "elearning", "blended", "webinar", "guide"]
COSTS = ["free", "paid"]
AREAS = ["north", "south", "east", "west", "central", "citywide"]
FILLER = [
    "care",
    "home",
    "staff",
    "team",
    "residents",
    "families",
    "managers",
    "training",
    "course",
    "session",
    "practical",
    "skills",
    "knowledge",
    "confidence",
    "quality",
    "improvement",
    "guidance",
    "support",
    "policy",
    "procedure",
    "record",
    "plan",
    "review",
    "learning",
    "certificate",
    "assessment",
]


def make_corpus(size, seed=20240501):
    rng = random.Random(seed)
    rows = []
    topics = list(TOPICS)
    for n in range(size):
        topic = rng.choice(topics)
        words = TOPICS[topic].split()
        title = " ".join(rng.sample(words, 3)).capitalize() + f" course {n}"
        summary = " ".join(rng.choices(words + FILLER, k=14))
        body = " ".join(rng.choices(words + FILLER, k=120))
        rows.append(
            CareResource(
                title=title,
                summary=summary,
                body=body,
                topic=topic,
                home_type=rng.choice(HOME_TYPES),
                format=rng.choice(FORMATS),
                cost=rng.choice(COSTS),
                area=rng.choice(AREAS),
                published=f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-01",
            )
        )
    return rows


QUERIES = {
    "one word": ["medication", "dementia", "falls", "hoist", "hygiene"],
    "two words": ["falls prevention", "medicines records", "dementia distress"],
    "phrase": ['"risk assessment"', '"hand hygiene"', '"skin integrity"'],
}


def filtered(count):
    queryset = CareResource.objects.all()
    if count >= 1:
        queryset = queryset.filter(home_type="nursing")
    if count >= 3:
        queryset = queryset.filter(format__in=["classroom", "blended"], cost="free")
    return queryset


def search(backend, text, filters):
    from modelsearch.query import Phrase

    query = Phrase(text.strip('"')) if text.startswith('"') else text
    results = filtered(filters).search(query, backend=backend)
    list(results[:20])
    results.count()


def facets(backend, filters):
    results = filtered(filters).search("care", backend=backend)
    list(results[:20])
    results.count()
    results.facet("topic")
    results.facet("format")


def autocomplete(backend, prefix):
    list(CareResource.objects.autocomplete(prefix, backend=backend)[:20])


def timed(fn, args_list, reps, budget):
    times = []
    started = time.perf_counter()
    for i in range(reps):
        args = args_list[i % len(args_list)]
        t0 = time.perf_counter()
        fn(*args)
        times.append((time.perf_counter() - t0) * 1000)
        if time.perf_counter() - started > budget:
            break
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, len(times)


def cases():
    for kind, texts in QUERIES.items():
        for filters in (0, 1, 3):
            yield f"{kind}, {filters} filters", search, [(t, filters) for t in texts]
    yield "facet counts (2 facets), 1 filter", facets, [(1,)]
    yield "autocomplete", autocomplete, [("medi",), ("fal",), ("deme",), ("hoi",)]


def directory_size(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def cpu_seconds():
    """CPU time of this process and its finished children (build workers): a
    figure that other load on the machine does not inflate."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    sizes = [
        int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,50000").split(",")
    ]
    reps = int(os.environ.get("BENCH_REPS", "30"))
    db_budget = float(os.environ.get("BENCH_DB_BUDGET", "20"))
    call_command("migrate", run_syncdb=True, verbosity=0)
    print(f"Whoosh vs database backend; {reps} runs per query type, page of 20 + count")
    for size in sizes:
        CareResource.objects.all().delete()
        CareResource.objects.bulk_create(make_corpus(size), batch_size=2000)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        builds = {}
        cpu = {}
        for backend in ("whoosh", "database"):
            t0 = time.perf_counter()
            c0 = cpu_seconds()
            call_command("rebuild_modelsearch_index", backend_name=backend, verbosity=0)
            builds[backend] = time.perf_counter() - t0
            cpu[backend] = cpu_seconds() - c0
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        # The live generation only (the one it replaced is kept for a while).
        index_path = Path(settings.MODELSEARCH_BACKENDS["whoosh"]["PATH"])
        live = index_path / (index_path / "CURRENT").read_text().strip()
        index_mb = directory_size(live) / 1e6
        print(f"\n== {size:,} entries ==")
        print(
            f"full build: whoosh {builds['whoosh']:.1f} s "
            f"({cpu['whoosh']:.1f} CPU s), database {builds['database']:.1f} s "
            f"({cpu['database']:.1f} CPU s); whoosh index {index_mb:.1f} MB "
            f"({index_mb / size * 1000:.2f} MB per 1,000)"
        )
        # Warm both backends (first searcher open, caches).
        for _name, fn, args in cases():
            for arg in args:
                fn("whoosh", *arg)
        # What a worker serving only Whoosh searches holds (the database backend's
        # queries below grow this process further).
        print(f"process RSS after Whoosh warm-up: {rss_mb():.0f} MB")
        print(
            f"{'query':38} {'whoosh p50/p95 ms':>18} {'database p50/p95 ms':>20} {'ratio p50':>9}"
        )
        for name, fn, args in cases():
            w50, w95, _ = timed(lambda *a, fn=fn: fn("whoosh", *a), args, reps, 60)
            d50, d95, n = timed(
                lambda *a, fn=fn: fn("database", *a), args, reps, db_budget
            )
            print(
                f"{name:38} {w50:8.1f} /{w95:7.1f} {d50:9.1f} /{d95:8.1f}"
                f"{'*' if n < reps else ' '} {d50 / w50:8.1f}x"
            )
        # A save searchable: add one object and search for it.
        from modelsearch.backends import get_search_backend

        backend = get_search_backend("whoosh")
        times = []
        for i in range(15):
            obj = CareResource.objects.create(
                title=f"Zebracrossing{i} safety",
                summary="",
                body="",
                topic="falls",
                home_type="emi",
                format="guide",
                cost="free",
                area="north",
                published="2024-01-01",
            )
            t0 = time.perf_counter()
            backend.add(obj)
            assert (
                CareResource.objects.search(
                    f"zebracrossing{i}", backend="whoosh"
                ).count()
                == 1
            )
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"save searchable (add + search), p50 {statistics.median(times):.1f} ms; "
            f"process RSS {rss_mb():.0f} MB"
        )
    print("\n* database runs stopped early by the time budget (BENCH_DB_BUDGET s)")


if __name__ == "__main__":
    main()
