"""Many people nominating at once: each nomination stored exactly once, with its
own reference, and none lost while the mail server is down.

The test database is SQLite in memory, which other connections cannot share, so
this runs the benchmark script instead: it serves the portal over HTTP from a
fresh file database and sends the nominations from threads.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# The benchmark always makes a SQLite database of its own.
@pytest.mark.own_database
def test_fifty_concurrent_nominations_are_each_stored_once():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "awards_bench.py"),
            "--submissions",
            "50",
            "--threads",
            "10",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "stored:             50 (50 unique references)" in result.stdout
    assert "emails queued:      50" in result.stdout
    assert "OK: every nomination stored exactly once" in result.stdout
