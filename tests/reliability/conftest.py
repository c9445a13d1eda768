"""Fixtures for tests that start real servers (tests/reliability/).

These tests run in a pytest session of their own (`make test-services`): they
start PostgreSQL, Redis, SMTP and S3 servers and gunicorn, and drive the portal
over HTTP and through its management commands, as an operator would.
"""

import pytest

from tests.reliability.services import PostgresCluster, RedisServer


@pytest.fixture(scope="session")
def postgres():
    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
