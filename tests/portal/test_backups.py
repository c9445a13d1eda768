"""backup_portal and restore_portal as an operator runs them: back up a portal,
restore the archive into an empty database and find the content and media."""

import os
import uuid
from pathlib import Path

from django.db import connection

import pytest

from tests.commands import manage_py

CREATE_CONTENT = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.models import Page
from portal.models import ContentPage
root = Page.get_first_root_node()
root.add_child(instance=ContentPage(title="Visiting after a fall", slug="visiting"))
default_storage.save("documents/visiting-plan.txt", ContentFile(b"Visiting plan"))
"""

FIND_CONTENT = """
from django.core.files.storage import default_storage
from wagtail.models import Page
page = Page.objects.get(slug="visiting")
print("page:", page.title, page.live)
print("media:", default_storage.open("documents/visiting-plan.txt").read().decode())
"""


@pytest.fixture
def database_urls(tmp_path, django_db_blocker):
    """Two database URLs on the suite's engine: the portal's and an empty one."""
    if connection.vendor == "sqlite":
        yield (
            f"sqlite:///{tmp_path / 'portal.sqlite3'}",
            f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        )
        return
    names = [f"backup_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    settings = connection.settings_dict
    base = (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}"
        f"@{settings['HOST']}:{settings['PORT']}/"
    )
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        for name in names:
            cursor.execute(f'CREATE DATABASE "{name}"')
    yield tuple(base + name for name in names)
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_backup_restores_into_an_empty_database(tmp_path, database_urls):
    source_url, empty_url = database_urls
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PORTAL_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": source_url,
    }
    for step in [("migrate", "--noinput"), ("shell", "-c", CREATE_CONTENT)]:
        result = manage_py(*step, env=env)
        assert result.returncode == 0, result.stderr

    backup = manage_py(
        "backup_portal", "--output-dir", str(tmp_path / "backups"), env=env
    )
    assert backup.returncode == 0, backup.stderr
    archive = backup.stdout.strip().splitlines()[-1]
    assert Path(archive).name.startswith("portal-backup-")

    # A new machine: empty database, no media, no search index.
    new_env = {
        **env,
        "DATABASE_URL": empty_url,
        "PORTAL_VAR_DIR": str(tmp_path / "new-var"),
    }
    restore = manage_py("restore_portal", archive, env=new_env)
    assert restore.returncode == 0, restore.stderr
    assert "and the media files" in restore.stdout

    found = manage_py("shell", "-c", FIND_CONTENT, env=new_env)
    assert found.returncode == 0, found.stderr
    assert "page: Visiting after a fall True" in found.stdout
    assert "media: Visiting plan" in found.stdout

    # Restoring over a portal that has content needs --force.
    again = manage_py("restore_portal", archive, "--skip-index", env=new_env)
    assert again.returncode != 0
    assert "already has content" in again.stderr
