"""Whoosh vs PostgreSQL full-text search on synthetic care corpora.

Run with `make bench` (BENCH_SIZES=1000,10000,50000 by default). Starts a
throwaway PostgreSQL cluster on 127.0.0.1 (a free port, no durability: fsync
off), stores the entries there and prints, per corpus size, the full build time
and index size of each engine, p50/p95 latency of each query type (first 20
results loaded plus the total count) and the ratios PostgreSQL/Whoosh, then a
summary across sizes; the cluster is removed at the end. Whoosh reads its
results' rows from the same PostgreSQL database, as it would in production.

Without PostgreSQL (Debian's `postgresql` package) only Whoosh is measured, on
SQLite. BENCH_DATABASE_URL=postgres://... measures an existing (empty) database
instead of a throwaway cluster. Wagtail's database backend on SQLite is not
measured: at 50,000 entries a single facet count takes over a minute.
"""

import os
import random
import resource
import signal
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from tests.reliability.postgres import PostgresCluster, find_postgres_bin  # noqa: E402

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
ENGINES = {"whoosh": "Whoosh", "postgres": "PostgreSQL"}


def make_corpus(size, seed=20240501):
    from bench.benchapp.models import CareResource

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
    from bench.benchapp.models import CareResource

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
    from bench.benchapp.models import CareResource

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


def server_cpu_seconds():
    """CPU time of the PostgreSQL server process serving this connection, or
    None when it cannot be read (a server on another machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, fields 14 and 15 of stat(5), counted after the name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def load_corpus(size, postgres):
    from django.db import connection

    from bench.benchapp.models import CareResource

    if postgres:
        with connection.cursor() as cursor:
            cursor.execute(
                f"TRUNCATE {CareResource._meta.db_table}, modelsearch_indexentry "
                "RESTART IDENTITY"
            )
    else:
        CareResource.objects.all().delete()
    CareResource.objects.bulk_create(make_corpus(size), batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build(engine):
    """Full build of one engine's index: wall seconds, CPU seconds (this process
    and its workers, plus the database server's for PostgreSQL)."""
    from django.core.management import call_command

    server = server_cpu_seconds() if engine == "postgres" else None
    t0 = time.perf_counter()
    c0 = cpu_seconds()
    call_command("rebuild_modelsearch_index", backend_name=engine, verbosity=0)
    wall = time.perf_counter() - t0
    cpu = cpu_seconds() - c0
    if server is not None:
        after = server_cpu_seconds()
        cpu += after - server if after is not None else 0
    return wall, cpu


def index_mb(engine):
    from django.conf import settings
    from django.db import connection

    if engine == "whoosh":
        # The live generation only (the one it replaced is kept for a while).
        path = Path(settings.MODELSEARCH_BACKENDS["whoosh"]["PATH"])
        live = path / (path / "CURRENT").read_text().strip()
        return directory_size(live) / 1e6
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('modelsearch_indexentry')")
        return cursor.fetchone()[0] / 1e6


def save_searchable(engine, size, attempt):
    """Add one entry to the index and search for it: milliseconds."""
    from modelsearch.backends import get_search_backend

    from bench.benchapp.models import CareResource

    backend = get_search_backend(engine)
    word = f"zebracrossing{engine}{size}x{attempt}"
    obj = CareResource.objects.create(
        title=f"{word} safety",
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
    assert CareResource.objects.search(word, backend=engine).count() == 1
    return (time.perf_counter() - t0) * 1000


def ratio(a, b):
    return f"{a / b:8.1f}x" if b else "       -"


def measure(size, engines, reps, budget):
    """One corpus size: builds, latencies and saves for every engine."""
    postgres = "postgres" in engines
    load_corpus(size, postgres)
    result = {"builds": {}, "index_mb": {}, "queries": {}, "save_ms": {}}
    for engine in engines:
        result["builds"][engine] = build(engine)
        result["index_mb"][engine] = index_mb(engine)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # Warm every engine (first searcher open, caches, query plans).
    for engine in engines:
        for _name, fn, args in cases():
            for arg in args:
                fn(engine, *arg)
    result["rss_mb"] = rss_mb()
    for name, fn, args in cases():
        result["queries"][name] = {
            engine: timed(
                lambda *a, fn=fn, engine=engine: fn(engine, *a),
                args,
                reps,
                60 if engine == "whoosh" else budget,
            )
            for engine in engines
        }
    for engine in engines:
        times = [save_searchable(engine, size, attempt) for attempt in range(15)]
        result["save_ms"][engine] = statistics.median(times)
    return result


def print_size(size, engines, reps, result):
    print(f"\n== {size:,} entries ==")
    builds = ", ".join(
        f"{ENGINES[e]} {result['builds'][e][0]:.1f} s "
        f"({result['builds'][e][1]:.1f} CPU s), index "
        f"{result['index_mb'][e]:.1f} MB "
        f"({result['index_mb'][e] / size * 1000:.2f} MB per 1,000)"
        for e in engines
    )
    print(f"full build: {builds}")
    if len(engines) == 2:
        w, p = result["builds"]["whoosh"][0], result["builds"]["postgres"][0]
        print(f"build time PostgreSQL/Whoosh: {p / w:.2f}x")
    print(f"process RSS after warm-up: {result['rss_mb']:.0f} MB")
    header = f"{'query':34}" + "".join(
        f" {ENGINES[e] + ' p50/p95 ms':>22}" for e in engines
    )
    if len(engines) == 2:
        header += f" {'ratio p50':>9} {'ratio p95':>9}"
    print(header)
    for name, by_engine in result["queries"].items():
        line = f"{name:34}"
        for engine in engines:
            p50, p95, n = by_engine[engine]
            line += f" {p50:10.1f} /{p95:9.1f}{'*' if n < reps else ' '}"
        if len(engines) == 2:
            (w50, w95, _), (p50, p95, _) = by_engine["whoosh"], by_engine["postgres"]
            line += f" {ratio(p50, w50)} {ratio(p95, w95)}"
        print(line)
    saves = ", ".join(f"{ENGINES[e]} {result['save_ms'][e]:.1f} ms" for e in engines)
    print(f"save searchable (add one entry + search for it), p50: {saves}")


def print_summary(sizes, engines, results):
    """p50 of each query type at every size, with the ratio."""
    both = len(engines) == 2
    title = "Whoosh / PostgreSQL (ratio)" if both else "Whoosh"
    print(f"\n== Summary: p50 ms, full build s; {title} ==")
    print(f"{'':34}" + "".join(f" {f'{size:,} entries':>24}" for size in sizes))

    def row(name, values):
        cells = []
        for w, p in values:
            cells.append(f"{w:7.1f} /{p:8.1f} ({p / w:5.1f}x)" if both else f"{w:7.1f}")
        print(f"{name:34}" + "".join(f" {cell:>24}" for cell in cells))

    row(
        "full build (s)",
        [
            (
                results[s]["builds"]["whoosh"][0],
                results[s]["builds"]["postgres"][0] if both else None,
            )
            for s in sizes
        ],
    )
    for name in results[sizes[0]]["queries"]:
        row(
            name,
            [
                (
                    results[s]["queries"][name]["whoosh"][0],
                    results[s]["queries"][name]["postgres"][0] if both else None,
                )
                for s in sizes
            ],
        )


def run(sizes, reps, budget, engines, description):
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)
    names = " vs ".join(ENGINES[e] for e in engines)
    print(f"{names}; {description}")
    print(f"{reps} runs per query type, page of 20 + count")
    results = {}
    for size in sizes:
        results[size] = measure(size, engines, reps, budget)
        print_size(size, engines, reps, results[size])
    print_summary(sizes, engines, results)
    if "postgres" in engines:
        print(
            f"\n* PostgreSQL runs stopped early by the time budget "
            f"(BENCH_DB_BUDGET={budget:g} s per query type)"
        )
    from django.db import connections

    connections.close_all()


def main():
    sizes = [
        int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000,50000").split(",")
    ]
    reps = int(os.environ.get("BENCH_REPS", "30"))
    budget = float(os.environ.get("BENCH_DB_BUDGET", "20"))
    # Stopping the bench (Ctrl-C, kill) still stops the cluster below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cluster = None
    if os.environ.get("BENCH_DATABASE_URL"):
        description = "entries in the database at BENCH_DATABASE_URL"
    else:
        if find_postgres_bin() is None:
            print(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): "
                "measuring Whoosh only, on SQLite. Install Debian's 'postgresql' "
                "package to compare PostgreSQL full-text search."
            )
        else:
            cluster = PostgresCluster().start()
            os.environ["BENCH_DATABASE_URL"] = cluster.create_database("portal")
            description = (
                f"PostgreSQL {cluster.version}, throwaway cluster on "
                f"127.0.0.1:{cluster.port} (fsync off); entries in PostgreSQL"
            )
    try:
        if os.environ.get("BENCH_DATABASE_URL"):
            run(sizes, reps, budget, ["whoosh", "postgres"], description)
        else:
            run(sizes, reps, budget, ["whoosh"], "entries in SQLite")
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
