import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from portal.schedule import JOBS, run_due_jobs


class Command(BaseCommand):
    help = (
        "Run the periodic commands that are due (reminders, retention, link "
        "checks, alert digests, the email retry). Safe on every app server at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="keep running, checking every --interval seconds, until stopped",
        )
        parser.add_argument("--interval", type=float, default=60.0)
        parser.add_argument(
            "--list", action="store_true", help="show the jobs and when they run"
        )

    def handle(self, *args, loop=False, interval=60.0, list=False, **options):
        if list:
            for job in JOBS:
                self.stdout.write(f"{job.command:30} {job.when:22} {job.description}")
            return
        stopping = []
        if loop:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stopping.append(True))
        while True:
            close_old_connections()
            for job, run in run_due_jobs():
                self.stdout.write(
                    f"{timezone.now():%Y-%m-%d %H:%M:%S} {job.command}: {run.outcome}"
                )
            if not loop:
                return
            deadline = time.monotonic() + interval
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.2)
            if stopping:
                return
