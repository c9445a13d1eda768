"""modelsearch's own backend test suite passes against the Whoosh backend.

The suite needs modelsearch's test app and fixtures, which the portal must not
install, so it runs in a subprocess under ``portal.settings.search_conformance``.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[3]


# portal.settings.search_conformance names a SQLite database of its own.
@pytest.mark.own_database
def test_modelsearch_backend_suite_passes_on_whoosh(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "PYTEST_ADDOPTS"}
    }
    env["PORTAL_CONFORMANCE_INDEX"] = str(tmp_path / "index")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/portal/search/conformance_suite.py",
            "--ds=portal.settings.search_conformance",
            "--noconftest",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "-q",
            "-rs",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    summary = re.search(r"(\d+) passed", output)
    assert summary and int(summary.group(1)) >= 100, output
    assert "failed" not in output.splitlines()[-1], output
