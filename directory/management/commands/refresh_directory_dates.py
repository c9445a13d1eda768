from django.core.management.base import BaseCommand

from directory.services import refresh_next_dates


class Command(BaseCommand):
    help = "Move directory entries' next dates past days that have gone by (run daily)."

    def handle(self, *args, **options):
        changed = refresh_next_dates()
        self.stdout.write(f"Updated the next date of {changed} directory entries.")
