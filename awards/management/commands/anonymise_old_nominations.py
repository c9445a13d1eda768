from django.core.management.base import BaseCommand

from awards.models import default_retention_days
from awards.services import anonymise_old_nominations


class Command(BaseCommand):
    help = (
        "Anonymise nominations older than AWARDS_RETENTION_DAYS (default 730). "
        "Safe to run as often as you like, e.g. nightly from cron."
    )

    def handle(self, *args, **options):
        count = anonymise_old_nominations()
        self.stdout.write(
            f"Anonymised {count} nomination{'' if count == 1 else 's'} older than "
            f"{default_retention_days()} days."
        )
