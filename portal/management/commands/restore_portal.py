from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore the database and media from a backup_portal archive into an empty "
        "database, then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A portal-backup-*.tar.gz file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already has content.",
        )
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not rebuild the search index afterwards.",
        )

    def handle(self, *args, archive, force, skip_index, **options):
        try:
            manifest = restore_backup(archive, force=force)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        # Bring the schema up to date if the backup predates newer migrations.
        call_command("migrate", interactive=False, verbosity=0)
        if not skip_index:
            call_command("update_index", verbosity=0)
        self.stdout.write(
            f"Restored the {manifest['database']} database from {manifest['created']}"
            + (" and the media files." if manifest["media"] else ".")
        )
