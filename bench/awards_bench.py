"""Many nominations at once against the running portal, with the mail server down.

Starts the portal on a local port with a fresh SQLite database (WAL, as in
production settings), opens an awards year, then sends --submissions
nominations from --threads threads through the real form (CSRF, session,
validation, outbox). Checks that each one is stored exactly once with a unique
reference and that every confirmation email is queued for retry although the
email backend fails. Prints submissions per second and p50/p95 latency; exits 1
if anything was lost or duplicated.

    python bench/awards_bench.py --submissions 200 --threads 20
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument(
        "--working-email",
        action="store_true",
        help="Use the local-memory email backend instead of a failing one.",
    )
    return parser.parse_args()


def set_up_django(var_dir):
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["PORTAL_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ["SEARCH_BACKEND"] = "database"
    import django

    django.setup()


def open_awards_year():
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from awards.models import AwardCategory, AwardsIndexPage, AwardsYearPage
    from demo.site import seed_home_page, seed_tree_roots

    call_command("migrate", verbosity=0)
    home = seed_home_page(seed_tree_roots())
    index = home.add_child(instance=AwardsIndexPage(title="Awards", slug="awards"))
    year = AwardsYearPage(
        title="Awards 2026",
        slug="2026",
        year=2026,
        intro="<p>Bench</p>",
        judging="<p>Bench</p>",
        nominations_open_at=timezone.now() - datetime.timedelta(days=1),
        nominations_close_at=timezone.now() + datetime.timedelta(days=1),
    )
    year.categories = [
        AwardCategory(
            name="Care worker of the year",
            description="Bench",
            eligibility="Bench",
            criteria="Kindness",
        )
    ]
    index.add_child(instance=year)
    return year


def start_server():
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(
        ("127.0.0.1", 0), QuietHandler, allow_reuse_address=True
    )
    server.set_app(WSGIHandler())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="started" value="([^"]+)"')


def nominate(url, category_id, number):
    """One nominator: open the form, send it; returns the POST's latency."""
    import requests

    session = requests.Session()
    page = session.get(url, timeout=60)
    page.raise_for_status()
    data = {
        "csrfmiddlewaretoken": CSRF.search(page.text).group(1),
        "started": STARTED.search(page.text).group(1),
        "category": str(category_id),
        "nominee_name": f"Bench Nominee {number}",
        "nominee_role": "Carer",
        "nominee_workplace": "Bench House",
        "setting": "residential_home",
        "statement": "Kind and patient with everyone, every day.",
        "nominator_name": f"Bench Nominator {number}",
        "nominator_email": f"bench{number}@example.com",
        "relationship": "colleague",
        "nominee_may_be_contacted": "yes",
        "consent_privacy": "on",
    }
    began = time.perf_counter()
    response = session.post(
        url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=120
    )
    elapsed = time.perf_counter() - began
    if response.status_code != 302:
        raise RuntimeError(f"nomination {number}: HTTP {response.status_code}")
    return elapsed


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="awards-bench-") as var:
        set_up_django(Path(var))
        from django.conf import settings

        from awards.models import Nomination
        from portal.models import QueuedEmail

        settings.AWARDS_MIN_SECONDS_TO_FILL = 0
        settings.AWARDS_NOMINATIONS_PER_HOUR = args.submissions * 10
        settings.AWARDS_PRIVATE_MEDIA_ROOT = Path(var) / "private-media"
        settings.EMAIL_BACKEND = (
            "django.core.mail.backends.locmem.EmailBackend"
            if args.working_email
            else "tests.email_backends.FailingEmailBackend"
        )
        import logging

        logging.getLogger("portal.outbox").setLevel(logging.ERROR)
        logging.getLogger("django.request").setLevel(logging.CRITICAL)

        year = open_awards_year()
        category_id = year.categories.first().pk
        server, base = start_server()
        url = base + year.url + "nominate/"

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            futures = [
                pool.submit(nominate, url, category_id, number)
                for number in range(args.submissions)
            ]
            latencies, failures = [], []
            for future in futures:
                try:
                    latencies.append(future.result())
                except Exception as error:  # counted and reported below
                    failures.append(error)
        wall = time.perf_counter() - started
        server.shutdown()

        names = list(Nomination.objects.values_list("nominee_name", flat=True))
        references = set(Nomination.objects.values_list("reference", flat=True))
        queued = QueuedEmail.objects.count()
        expected = sorted(f"Bench Nominee {n}" for n in range(args.submissions))
        ok = not failures and sorted(names) == expected
        ok = ok and len(references) == args.submissions and queued == args.submissions

        latencies.sort()
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)] if latencies else 0
        print(f"Awards nominations: {args.submissions} from {args.threads} threads")
        print(f"  email backend:      {'working' if args.working_email else 'failing'}")
        print(f"  submissions/second: {args.submissions / wall:.1f}")
        if latencies:
            print(f"  p50 latency:        {statistics.median(latencies) * 1000:.0f} ms")
            print(f"  p95 latency:        {p95 * 1000:.0f} ms")
        print(
            f"  stored:             {len(names)} ({len(references)} unique references)"
        )
        print(f"  emails queued:      {queued}")
        for error in failures[:5]:
            print(f"  failed: {error}")
        if ok:
            print("OK: every nomination stored exactly once, every email queued.")
            return 0
        print("FAILED: nominations were lost, duplicated or refused.")
        return 1


if __name__ == "__main__":
    sys.exit(main())
