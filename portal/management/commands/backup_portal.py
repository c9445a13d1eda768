from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database and uploaded media into one .tar.gz archive "
        "(default folder: var/backups). Safe while the portal is serving."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.VAR_DIR / "backups"),
            help="Folder for the archive (created if missing).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            path, manifest = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = "with media" if manifest["media"] else "without media (not on disk)"
        self.stdout.write(f"Backed up the {manifest['database']} database {media}:")
        self.stdout.write(str(path))
