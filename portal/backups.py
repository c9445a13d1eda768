"""Back up and restore the portal: the database and the uploaded media, in one
archive.

SQLite is copied with SQLite's online backup (safe while the site is serving);
PostgreSQL is dumped with pg_dump in its custom format and restored with
pg_restore. Media are included when they are on local disk; a bucket (S3) is
backed up by the storage provider's versioning or replication instead.
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections

FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def database_kind(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def media_is_local():
    return isinstance(default_storage, FileSystemStorage)


def postgres_command(program, database):
    """Command line and environment for pg_dump/pg_restore from Django's settings."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} was not found: install Debian's postgresql-client package."
        )
    args = [executable, "--no-password"]
    if database.get("HOST"):
        args += ["--host", database["HOST"]]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return args, env


def dump_database(target, alias="default"):
    """Write the database to the file `target`; returns the kind of database."""
    kind = database_kind(alias)
    connection = connections[alias]
    if kind == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        args, env = postgres_command("pg_dump", connection.settings_dict)
        args += ["--format=custom", "--no-owner", "--no-privileges", "--file", target]
        args.append(connection.settings_dict["NAME"])
        run(args, env)
    return kind


def restore_database(source, kind, alias="default"):
    connection = connections[alias]
    if kind != database_kind(alias):
        raise BackupError(
            f"This backup is of a {kind} database; the portal now uses "
            f"{connection.vendor}."
        )
    if kind == "sqlite":
        connection.close()
        origin = sqlite3.connect(source)
        destination = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            origin.backup(destination)
        finally:
            origin.close()
            destination.close()
    else:
        connection.close()
        args, env = postgres_command("pg_restore", connection.settings_dict)
        args += [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            connection.settings_dict["NAME"],
            source,
        ]
        run(args, env)


def run(args, env):
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()}")


def database_is_empty(alias="default"):
    """True when the database has none of the portal's tables yet."""
    connection = connections[alias]
    tables = connection.introspection.table_names()
    if "wagtailcore_page" not in tables:
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page")
        # Wagtail's migrations create a root and a welcome page.
        return cursor.fetchone()[0] <= 2


def create_backup(output_dir):
    """Write portal-backup-<UTC time>.tar.gz into output_dir; returns its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    archive_path = output_dir / f"portal-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        database_file = Path(work) / "database"
        kind = dump_database(str(database_file))
        media = media_is_local() and Path(settings.MEDIA_ROOT).is_dir()
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": kind,
            "media": media,
        }
        partial = archive_path.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(database_file, arcname=f"database.{kind}")
            if media:
                archive.add(settings.MEDIA_ROOT, arcname="media")
        partial.rename(archive_path)
    return archive_path, manifest


def restore_backup(archive_path, *, force=False):
    """Restore the database (and media, if included) from an archive."""
    if not force and not database_is_empty():
        raise BackupError(
            "The database already has content. Restore into an empty database, "
            "or use --force to replace everything in it."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path) as archive:
        archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / "manifest.json").read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError("This archive is not a portal backup this version reads.")
        kind = manifest["database"]
        restore_database(str(Path(work) / f"database.{kind}"), kind)
        media_dir = Path(work) / "media"
        if manifest["media"] and media_dir.is_dir():
            if not media_is_local():
                raise BackupError(
                    "The backup has media files but media are stored in a bucket: "
                    "copy the archive's media/ folder to the bucket instead."
                )
            shutil.copytree(media_dir, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest
