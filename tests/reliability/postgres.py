"""A throwaway PostgreSQL cluster from Debian's packages, for the scale-out tests
and `make bench`: trust on loopback only, no durability (fsync off), its own
folder and a free port, removed on stop(). Standard library only (psycopg when a
database is created), so the bench can use it with the base dependencies.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def find_postgres_bin():
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda path: int(path.parent.name),
    )
    return found[-1] if found else None


class PostgresCluster:
    """A throwaway PostgreSQL cluster (trust on loopback, no durability)."""

    def __init__(self):
        # Its own folder in /tmp: the postgres user cannot enter pytest's.
        self.folder = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.port = free_port()
        self.bin = find_postgres_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (Debian's 'postgresql')")
        self.data = self.folder / "data"

    def _run(self, *args):
        command = [str(self.bin / args[0]), *args[1:]]
        if os.getuid() == 0:  # the server refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def start(self):
        if os.getuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "portal",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off",
            "start",
        )
        return self

    @property
    def version(self):
        """The server's version, e.g. "15.8"."""
        output = subprocess.run(
            [str(self.bin / "postgres"), "--version"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return output.split()[2]  # "postgres (PostgreSQL) 15.8 (Debian ...)"

    def url(self, database="portal"):
        return f"postgres://portal@127.0.0.1:{self.port}/{database}"

    def create_database(self, name, template=None):
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            suffix = f" TEMPLATE {template}" if template else ""
            connection.execute(f'CREATE DATABASE "{name}"{suffix}')
        return self.url(name)

    def stop(self):
        if self.data.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
