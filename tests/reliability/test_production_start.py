"""The Procfile starts production as documented: release (migrate,
collectstatic), web (gunicorn with WhiteNoise), the task worker and the
scheduler, each from its Procfile line, on PostgreSQL."""

import json
import os
import re
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests

from portal.schedule import JOBS
from tests.reliability.services import (
    PYTHON,
    ROOT,
    free_port,
    manage,
    portal_environment,
    wait_for,
)

PROCFILE = ROOT / "Procfile"


def procfile():
    processes = {}
    for line in PROCFILE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            processes[name.strip()] = command.strip()
    return processes


class Process:
    """One Procfile process, started through the shell as honcho would."""

    def __init__(self, command, environment):
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            ["sh", "-c", "exec " + command],
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self):
        """Stops it as a process manager does (SIGTERM); returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
                raise
        self.log.close()
        return self.process.returncode


@pytest.fixture(scope="module")
def production(postgres, tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    environment = portal_environment(
        folder / "var",
        DATABASE_URL=postgres.create_database("production_start"),
        SEARCH_BACKEND="database",
        TASKS_BACKEND="database",
        EMAIL_URL="console://",
        HOST="127.0.0.1",
        PORT=free_port(),
        PATH=f"{os.path.dirname(PYTHON)}:{os.environ['PATH']}",
    )
    started = []
    yield environment, started
    for process in started:
        process.stop()


def test_each_procfile_process_starts_and_does_its_job(production):
    environment, started = production
    processes = procfile()
    assert set(processes) == {"release", "web", "worker", "scheduler"}

    release = subprocess.run(
        ["sh", "-c", processes["release"]],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert release.returncode == 0, release.stderr[-2000:]
    assert manage(environment, "migrate", "--check").returncode == 0

    web = Process(processes["web"], environment)
    started.append(web)
    base = f"http://127.0.0.1:{environment['PORT']}"
    wait_for(
        lambda: requests.get(base + "/health/", timeout=2).status_code == 200,
        "web",
        process=web.process,
    )
    assert requests.get(base + "/health/", timeout=5).json()["status"] == "ok"
    # WhiteNoise serves the collected, hashed static files with a long cache.
    manifest = Path(environment["PORTAL_VAR_DIR"]) / "static" / "staticfiles.json"
    stylesheet = json.loads(manifest.read_text())["paths"]["css/portal.css"]
    assert re.fullmatch(r"css/portal\.[0-9a-f]{12}\.css", stylesheet)
    served = requests.get(base + "/static/" + stylesheet, timeout=5)
    assert served.status_code == 200
    assert "max-age=315360000" in served.headers["Cache-Control"]

    # The worker sends an email queued by the site.
    manage(
        environment,
        "shell",
        "-c",
        "from django.db import transaction\n"
        "from portal.outbox import queue_email\n"
        "with transaction.atomic():\n"
        "    queue_email('team@example.gov.uk', 'Procfile worker check', 'Hello')\n",
    )
    worker = Process(processes["worker"], environment)
    started.append(worker)
    wait_for(
        lambda: "Subject: Procfile worker check" in worker.output(),
        "the worker's email",
        process=worker.process,
    )
    assert email_statuses(environment) == ["sent"]

    # The scheduler runs every periodic job once, straight away (with the
    # database task backend every job applies).
    scheduler = Process(processes["scheduler"], environment)
    started.append(scheduler)
    every_job = {job.command for job in JOBS}
    wait_for(
        lambda: set(finished_runs(environment)) == every_job,
        "the scheduler's first round",
        timeout=60,
        process=scheduler.process,
    )
    assert set(finished_runs(environment).values()) == {"succeeded"}

    # A process manager's SIGTERM stops each one cleanly.
    for process in (scheduler, worker, web):
        started.remove(process)
        assert process.stop() == 0, process.output()[-2000:]


def email_statuses(environment):
    found = manage(
        environment,
        "shell",
        "-c",
        "import json\n"
        "from portal.models import QueuedEmail\n"
        "print(json.dumps(list(QueuedEmail.objects.values_list('status', flat=True))))",
    )
    return json.loads(found.stdout.strip().splitlines()[-1])


def finished_runs(environment):
    found = manage(
        environment,
        "shell",
        "-c",
        "import json\n"
        "from portal.models import ScheduledJobRun\n"
        "print(json.dumps(dict(ScheduledJobRun.objects.exclude(outcome='running')"
        ".values_list('job', 'outcome'))))",
    )
    return json.loads(found.stdout.strip().splitlines()[-1])
