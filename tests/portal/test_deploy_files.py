"""The systemd examples start the same commands as the Procfile, so the two
documented ways to run production cannot drift apart."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
VENV_BIN = "/srv/care-portal/app/.venv/bin/"


def procfile():
    processes = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            # systemd has no shell defaults: the env file sets each variable.
            command = re.sub(r"\$\{(\w+):-[^}]*\}", r"${\1}", command.strip())
            processes[name.strip()] = command.split(" && ")
    return processes


def unit_commands(name):
    unit = (ROOT / "docs" / "deploy" / f"care-portal-{name}.service").read_text()
    return [
        line.removeprefix("ExecStart=").replace(VENV_BIN, "")
        for line in unit.splitlines()
        if line.startswith("ExecStart=")
    ]


def test_every_procfile_process_has_a_systemd_unit_running_the_same_commands():
    processes = procfile()
    assert set(processes) == {"release", "web", "worker", "scheduler"}
    for name, commands in processes.items():
        assert unit_commands(name) == commands, name


def test_the_example_environment_names_only_variables_the_settings_read():
    settings_source = "".join(
        path.read_text() for path in (ROOT / "portal" / "settings").glob("*.py")
    )
    example = (ROOT / "docs" / "deploy" / "care-portal.env.example").read_text()
    names = re.findall(r"^([A-Z_]+)=", example, flags=re.MULTILINE)
    procfile_text = (ROOT / "Procfile").read_text()
    for name in names:
        if name in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}:
            continue  # read by Django and by dj-database-url themselves
        assert f'"{name}"' in settings_source or name in procfile_text, name
