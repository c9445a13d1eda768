"""Bounded load on the portal served by gunicorn, as in production.

Builds a fresh SQLite database with the demo content and enough generated
directory entries to reach --entries (10,000 by default), builds the search
index and collects static files, then starts gunicorn (2 sync workers) on
127.0.0.1 with production settings twice: with the page cache off, then on.
Each page gets --seconds of load from --concurrency client processes; the
static file is measured in the same run as the yardstick. Prints requests per
second, p50/p95 latency, server CPU per request (the workers' user + system
time), SQL queries per page (counted in-process) and each page's throughput
as a ratio to the static file's, then checks the targets:

- cached pages (home, guide index, guide, event list, .ics feed): at least 90%
  of the static file's throughput;
- uncached public pages: at least 60 requests/s, at most 30 ms of CPU per
  request and 20 SQL queries;
- directory search with three filters: p95 under 200 ms;
- no errors.

Exits 1 on any error response; a missed speed target is reported, not fatal
(the machine may be busy with other work).

    python bench/load_bench.py --entries 10000 --seconds 5 --concurrency 4
"""

import argparse
import http.client
import multiprocessing
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
DEMO_ENTRIES = 74
DIRECTORY_3_FILTERS = "/directory/?home_type=nursing&topic=dementia-care&cost=free"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="started" value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--var-dir",
        type=Path,
        help="seed this folder once and reuse it on later runs (default: a "
        "fresh temporary folder each run)",
    )
    parser.add_argument(
        "--only",
        choices=["cached", "uncached"],
        help="run one phase only (the other's targets are not checked)",
    )
    return parser.parse_args()


def environment(var_dir):
    return {
        **os.environ,
        "PORTAL_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'portal.sqlite3'}",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
        "SEARCH_BACKEND": "whoosh",
    }


def prepare(env, entries):
    dev = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "0"}
    prod = {**env, "DJANGO_SETTINGS_MODULE": "bench.load_settings"}
    steps = [
        (dev, ["migrate", "--noinput", "-v", "0"]),
        (dev, ["seed_demo", "--volume", str(max(entries - DEMO_ENTRIES, 0))]),
        (prod, ["collectstatic", "--noinput", "-v", "0"]),
    ]
    for step_env, args in steps:
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=step_env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def find_urls():
    """The pages to load, found in the seeded database."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.utils import timezone

    from awards.models import AwardsYearPage
    from events.models import EventIndexPage, EventPage
    from guides.models import GuideIndexPage, GuidePage

    now = timezone.now()
    year = (
        AwardsYearPage.objects.live()
        .filter(nominations_open_at__lte=now, nominations_close_at__gt=now)
        .first()
    )
    events = EventIndexPage.objects.live().first()
    return {
        "home": "/",
        "guide index": GuideIndexPage.objects.live().first().url,
        "guide": GuidePage.objects.live().order_by("path").first().url,
        "directory, 3 filters": DIRECTORY_3_FILTERS,
        "event list": events.url,
        "event": EventPage.objects.live().order_by("path").first().url,
        "events .ics feed": events.url + "feed/",
        "nomination": year.url + "nominate/",
        "static file": staticfiles_storage.url("css/portal.css"),
    }


def count_queries(urls):
    """{page: (queries just after an edit, queries on later views)}.

    The menu, routes and the like are remembered until content next changes
    (portal.content_memo), so the first view after an edit costs more.
    """
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from portal import content_memo

    def count(client, name, url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        return len(queries)

    counts = {}
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE_SECONDS=0):
        for name, url in urls.items():
            client.get(url)
            content_memo.forget()
            counts[name] = (count(client, name, url), count(client, name, url))
    return counts


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env, port, page_cache_seconds):
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
    }
    process = subprocess.Popen(
        [
            GUNICORN,
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            status, _ = get(port, "/health/")
            if status == 200 and len(worker_pids(process.pid)) == 2:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()]


def cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def get(port, url, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", url, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, (response, body)
    finally:
        connection.close()


def nominate(port, url, number):
    """Open the nomination form and send it, as a nominator's browser does."""
    status, (response, body) = get(port, url)
    if status != 200:
        return status
    cookies = "; ".join(
        part.split(";", 1)[0]
        for header, part in response.getheaders()
        if header.lower() == "set-cookie"
    )
    text = body.decode()
    year_category = re.search(r'name="category"[^>]*?value="(\d+)"', text) or re.search(
        r'<option value="(\d+)"', text[text.find('name="category"') :]
    )
    data = {
        "csrfmiddlewaretoken": CSRF.search(text).group(1),
        "started": STARTED.search(text).group(1),
        "category": year_category.group(1) if year_category else "",
        "nominee_name": f"Load Nominee {number}",
        "nominee_role": "Carer",
        "nominee_workplace": "Bench House",
        "setting": "residential_home",
        "statement": "Kind and patient with everyone, every day.",
        "nominator_name": f"Load Nominator {number}",
        "nominator_email": f"load{number}@example.com",
        "relationship": "colleague",
        "nominee_may_be_contacted": "yes",
        "consent_privacy": "on",
    }
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            url,
            body=urllib.parse.urlencode(data),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookies,
                "Referer": f"http://127.0.0.1:{port}{url}",
            },
        )
        response = connection.getresponse()
        response.read()
        return 200 if response.status == 302 else response.status
    finally:
        connection.close()


def client_loop(args):
    """One client: requests one after another until the time is up.

    A nomination is two requests (the form, then sending it); both count, and
    its latency is the pair's.
    """
    port, url, seconds, is_nomination, client_number = args
    latencies, errors, number = [], 0, client_number * 1_000_000
    requests_per_turn = 2 if is_nomination else 1
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        began = time.perf_counter()
        try:
            if is_nomination:
                number += 1
                status = nominate(port, url, number)
            else:
                status, _ = get(port, url)
        except OSError:
            status = 0
        latencies.append(time.perf_counter() - began)
        if status != 200:
            errors += 1
    return latencies, errors, len(latencies) * requests_per_turn


def load(pool, server, port, url, seconds, concurrency, is_nomination=False):
    for number in range(6):  # warm both workers (and fill the page cache)
        if is_nomination:
            nominate(port, url, 999_000 + number)
        else:
            get(port, url)
    pids = worker_pids(server.pid)
    cpu_before = cpu_seconds(pids)
    began = time.perf_counter()
    results = pool.map(
        client_loop,
        [(port, url, seconds, is_nomination, n) for n in range(concurrency)],
    )
    wall = time.perf_counter() - began
    cpu = cpu_seconds(pids) - cpu_before
    latencies = sorted(value for result in results for value in result[0])
    errors = sum(result[1] for result in results)
    requests = sum(result[2] for result in results)
    count = len(latencies)
    return {
        "requests": requests,
        "rps": requests / wall,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[min(count - 1, int(0.95 * count))] * 1000,
        "cpu_ms": cpu / requests * 1000,
        "errors": errors,
    }


def run_phase(pool, env, urls, args, cached):
    port = free_port()
    server = start_gunicorn(env, port, 300 if cached else 0)
    try:
        rows = {}
        for name, url in urls.items():
            rows[name] = load(
                pool,
                server,
                port,
                url,
                args.seconds,
                args.concurrency,
                is_nomination=name == "nomination",
            )
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)


def print_table(title, rows, queries):
    static = rows["static file"]["rps"]
    print(f"\n{title}")
    print(
        f"{'page':<22}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}"
        f"{'CPU ms':>8}{'SQL':>8}{'vs static':>11}{'errors':>8}"
    )
    for name, row in rows.items():
        print(
            f"{name:<22}{row['rps']:>8.0f}{row['p50']:>8.1f}{row['p95']:>8.1f}"
            f"{row['cpu_ms']:>8.1f}{'/'.join(map(str, queries[name])):>8}"
            f"{row['rps'] / static:>10.0%}{row['errors']:>8}"
        )


def check_targets(uncached, cached, queries):
    """Missed targets, as sentences; a phase that was not run (None) is skipped."""
    misses = []
    # An event page carries its booking form, so it is never cached.
    cacheable = ["home", "guide index", "guide", "event list", "events .ics feed"]
    for name in cacheable if cached else []:
        ratio = cached[name]["rps"] / cached["static file"]["rps"]
        if ratio < 0.9:
            misses.append(f"cached {name}: {ratio:.0%} of static (target 90%)")
    if not uncached:
        return misses
    for name, row in uncached.items():
        if name == "static file":
            continue
        if row["rps"] < 60:
            misses.append(f"uncached {name}: {row['rps']:.0f} req/s (target 60)")
        if row["cpu_ms"] > 30:
            misses.append(f"uncached {name}: {row['cpu_ms']:.1f} ms CPU (target 30)")
        if max(queries[name]) > 20:
            misses.append(f"{name}: {max(queries[name])} SQL queries (target 20)")
    p95 = uncached["directory, 3 filters"]["p95"]
    if p95 >= 200:
        misses.append(f"directory, 3 filters: p95 {p95:.0f} ms (target < 200)")
    return misses


def main():
    args = parse_args()
    if args.var_dir:
        args.var_dir.mkdir(parents=True, exist_ok=True)
        run(args, args.var_dir.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="load-bench-") as var:
            run(args, Path(var))


def run(args, var_dir):
    env = environment(var_dir)
    if not (var_dir / "seeded").exists():
        started = time.perf_counter()
        prepare(env, args.entries)
        (var_dir / "seeded").write_text(str(args.entries))
        print(
            f"Seeded {args.entries} directory entries, index and static files "
            f"in {time.perf_counter() - started:.0f} s"
        )
    os.environ.update({**env, "DJANGO_SETTINGS_MODULE": "bench.load_settings"})
    import django

    django.setup()
    urls = find_urls()
    queries = count_queries(urls)

    with multiprocessing.get_context("fork").Pool(args.concurrency) as pool:
        phases = {
            cached: run_phase(pool, env, urls, args, cached=cached)
            for cached in (False, True)
            if args.only in (None, "cached" if cached else "uncached")
        }
    print(
        f"gunicorn: 2 sync workers on 127.0.0.1, SQLite, Whoosh; "
        f"{args.concurrency} clients, {args.seconds:.0f} s a page; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    if False in phases:
        print_table("Page cache off", phases[False], queries)
    print(
        "(a nomination is two requests, the form and sending it: req/s and CPU "
        "count both; latency is the pair's; SQL is the form's)\n"
        "(SQL: queries on the first view after an edit / on later views)"
    )
    if True in phases:
        print_table(
            "Page cache on (pages with forms and query strings never cached)",
            phases[True],
            queries,
        )
    errors = sum(row["errors"] for rows in phases.values() for row in rows.values())
    misses = check_targets(phases.get(False), phases.get(True), queries)
    print()
    for miss in misses:
        print(f"target missed: {miss}")
    if not misses:
        print("All targets met." if len(phases) == 2 else "Targets met (one phase).")
    if errors:
        print(f"FAILED: {errors} error responses")
        sys.exit(1)


if __name__ == "__main__":
    main()
