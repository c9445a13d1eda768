from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from directory.csv_import import import_entries


class Command(BaseCommand):
    help = (
        "Import directory entries from a CSV file (format: docs/directory-csv.md). "
        "Every row is checked first; one bad row means nothing is imported. "
        "Entries whose title already exists are updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV file to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and show what would change, without importing.",
        )
        parser.add_argument(
            "--user",
            help="Username to record on the page revisions (optional).",
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"There is no user called {options['user']!r}.")

        report = import_entries(data, user=user, dry_run=options["dry_run"])
        for row in report.rows:
            if row.action and row.ok:
                self.stdout.write(f"Row {row.number}: {row.action} '{row.title}'")
        for message in report.row_messages:
            self.stdout.write(message)
        if not report.ok:
            raise CommandError(report.summary)
        self.stdout.write(self.style.SUCCESS(report.summary))
