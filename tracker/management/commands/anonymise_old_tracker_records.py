from django.core.management.base import BaseCommand

from tracker.privacy import anonymise_old_records, retention_months


class Command(BaseCommand):
    help = (
        "Anonymise Manager Tracker records TRACKER_RETENTION_MONTHS (default 12) "
        "after the manager left or their plan ended. Safe to run as often as you "
        "like, e.g. nightly."
    )

    def handle(self, *args, **options):
        count = anonymise_old_records()
        self.stdout.write(
            f"Anonymised {count} manager record{'' if count == 1 else 's'} kept "
            f"{retention_months()} months after the manager left or the plan ended."
        )
