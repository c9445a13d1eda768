from django.core.management.base import BaseCommand

from events.services import RETENTION_DAYS, delete_old_bookings


class Command(BaseCommand):
    help = (
        f"Delete event bookings (personal data) for dates more than {RETENTION_DAYS} "
        "days ago. Run daily by cron."
    )

    def handle(self, *args, **options):
        deleted = delete_old_bookings()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Deleted {deleted} old booking{'' if deleted == 1 else 's'}."
            )
