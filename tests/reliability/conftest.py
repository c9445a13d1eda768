"""Fixtures for tests that start real servers (tests/reliability/).

These tests run in a pytest session of their own (`make test-services`): they
start PostgreSQL, Redis, SMTP and S3 servers and gunicorn, and drive the portal
over HTTP and through its management commands, as an operator would.
"""

import shutil
import threading

import pytest

from tests.reliability.services import PostgresCluster, RedisServer, seed

TEMPLATE = "seeded_site"


@pytest.fixture(scope="session")
def postgres():
    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


class SeededSite:
    """The demo site, seeded once per test session into a PostgreSQL template
    database and a var folder (media, collected static files). Each module
    gets its own copy: CREATE DATABASE ... TEMPLATE takes about a second,
    seeding about thirty."""

    def __init__(self, postgres, folder):
        self.postgres = postgres
        self.folder = folder
        self.var_dir = folder / "template-var"
        self._lock = threading.Lock()
        self._seeded = False

    def _seed(self, environment_for):
        # The search index is seeded into the database (SEARCH_BACKEND=database,
        # the engine several servers share), so every copy has it.
        environment = environment_for(
            self.var_dir,
            DATABASE_URL=self.postgres.create_database(TEMPLATE),
            SEARCH_BACKEND="database",
        )
        seed(environment)
        self._seeded = True

    def copy(self, name, environment_for, **overrides):
        """(environment, var_dir) of a fresh copy of the seeded site."""
        with self._lock:
            if not self._seeded:
                self._seed(environment_for)
        var_dir = self.folder / name
        shutil.copytree(self.var_dir, var_dir, ignore=shutil.ignore_patterns("cache"))
        url = self.postgres.create_database(name, template=TEMPLATE)
        return environment_for(var_dir, DATABASE_URL=url, **overrides), var_dir


@pytest.fixture(scope="session")
def seeded_site(postgres, tmp_path_factory):
    return SeededSite(postgres, tmp_path_factory.mktemp("sites"))


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
