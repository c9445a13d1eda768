"""Running the project's manage.py in a process of its own, as an operator does."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage_py(*args, env, timeout=300, check=False):
    """Runs `manage.py *args` with the environment env; returns the finished
    process, its output as text."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
