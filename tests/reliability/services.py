"""Real servers for the scale-out tests: PostgreSQL, Redis and the portal itself
under gunicorn, each started on 127.0.0.1 on a free port and stopped afterwards.

Debian's `postgresql` and `redis-server` packages provide the servers
(`scripts/install-services.sh` installs them); the portal runs with production
settings, as an operator would start it.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import requests

from tests.commands import manage_py

# Re-exported: the tests import every server from here.
from tests.reliability.postgres import (  # noqa: F401
    PostgresCluster,
    find_postgres_bin,
    free_port,
)

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
PORTAL_VARIABLES = {
    "DATABASE_URL",
    "CACHE_URL",
    "TASKS_BACKEND",
    "PAGE_CACHE_SECONDS",
    "PORTAL_VAR_DIR",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "DEFAULT_FROM_EMAIL",
}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def wait_for(check, what, timeout=30.0, process=None):
    """Polls check() until it returns something true, and returns that; fails
    with what went wrong otherwise. A connection refused (OSError) counts as
    not yet; a process given that exits fails at once."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            outcome = check()
        except OSError as error:
            last_error = error
        else:
            if outcome:
                return outcome
        time.sleep(0.05)
    raise TimeoutError(f"gave up waiting for {what} after {timeout} s") from last_error


def form_token(page):
    """The CSRF token of the form on a page already fetched."""
    return CSRF.search(page.text).group(1)


def url_answers(url, timeout=2):
    """Whether a GET of url succeeds."""
    try:
        with urllib.request.urlopen(url, timeout=timeout):
            return True
    except urllib.error.URLError:
        return False


def port_answers(port):
    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True


class RedisServer:
    """Debian's redis-server without persistence; stop() and start() again
    simulate an outage (the data is gone, as after a restart)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: port_answers(self.port), "redis-server", process=self.process)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None


def portal_environment(var_dir, **overrides):
    """The environment of an app server under production settings on loopback."""
    # Nothing of the caller's own configuration leaks in (CI's PostgreSQL run
    # sets DATABASE_URL and SEARCH_BACKEND for the unit tests, for example).
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "AWS_", "EMAIL_", "SEARCH_"))
        and key not in PORTAL_VARIABLES
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "PORTAL_VAR_DIR": str(var_dir),
            "SECRET_KEY": "reliability-tests-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "LOG_LEVEL": "WARNING",
            "LOG_FORMAT": "plain",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    environment.update({key: str(value) for key, value in overrides.items()})
    return environment


def manage(environment, *args, check=True, settings=None, timeout=300):
    """Runs manage.py with this environment; returns the finished process."""
    if settings:
        environment = {**environment, "DJANGO_SETTINGS_MODULE": settings}
    return manage_py(*args, env=environment, check=check, timeout=timeout)


def create_admin(environment, username, password):
    """An administrator (a Django superuser) for signing in to the admin."""
    manage(
        {**environment, "DJANGO_SUPERUSER_PASSWORD": password},
        "createsuperuser",
        "--noinput",
        "--username",
        username,
        "--email",
        f"{username}@example.gov.uk",
    )


def seed(environment):
    """Migrates, loads the demo content and collects static files, as an
    operator would once for a new site (seed_demo refuses production
    settings, so it runs under the development ones without DEBUG)."""
    manage(environment, "migrate", "--noinput", "-v", "0")
    manage({**environment, "DEBUG": "0"}, "seed_demo", settings="portal.settings.dev")
    manage(environment, "collectstatic", "--noinput", "-v", "0")


class LoggedProcess:
    """A server or worker started in the project folder, what it writes kept
    in a temporary file."""

    def __init__(self):
        self.process = None
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())

    def launch(self, command, environment=None):
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        return self.process

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self):
        """SIGTERM, as a process manager stops it; killed after 15 seconds."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def close(self):
        """Stops the process; returns what it wrote, and forgets it."""
        self.stop()
        output = self.output()
        self.log.close()
        return output


class AppServer(LoggedProcess):
    """The portal under gunicorn, as `Procfile`'s web process starts it."""

    def __init__(self, environment, workers=2, name="web"):
        super().__init__()
        self.environment = environment
        self.workers = workers
        self.name = name
        self.port = free_port()

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.launch(
            [
                GUNICORN,
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--timeout",
                "60",
            ],
            self.environment,
        )
        wait_for(self.healthy, f"gunicorn ({self.name})", process=self.process)
        return self

    def healthy(self):
        return url_answers(self.base_url + "/health/")


class Visitor(requests.Session):
    """A browser reaching an app server through the TLS-terminating proxy.

    Production settings mark cookies Secure and check the Referer of HTTPS
    form posts; the proxy's hop to gunicorn is plain HTTP with
    X-Forwarded-Proto: https. requests would drop Secure cookies on that hop,
    so this session sends its cookies itself, and follows no redirects (a
    redirect would go out without them): `follow()` does that by hand.
    """

    def __init__(self, server):
        super().__init__()
        self.server = server
        self.origin = "https://" + server.base_url.removeprefix("http://")
        self.headers["X-Forwarded-Proto"] = "https"

    def request(self, method, url, **kwargs):
        if url.startswith("/"):
            url = self.server.base_url + url
        headers = dict(kwargs.pop("headers", None) or {})
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)
        if cookies:
            headers["Cookie"] = cookies
        headers.setdefault("Referer", self.origin + urlsplit(url).path)
        kwargs.setdefault("timeout", 10)
        kwargs["allow_redirects"] = False
        return super().request(method, url, headers=headers, **kwargs)

    def follow(self, response, limit=5):
        while response.is_redirect and limit:
            response = self.get(response.headers["Location"])
            limit -= 1
        return response

    def csrf_token(self, path):
        """Opens the form at path; returns its CSRF token."""
        return form_token(self.follow(self.get(path)))

    def sign_in(self, username, password):
        token = self.csrf_token("/admin/login/")
        signed_in = self.post(
            "/admin/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            },
        )
        if signed_in.status_code != 302:
            raise AssertionError(f"signing in failed: {signed_in.status_code}")
        return self
