from django.core.management.base import BaseCommand

from events.services import send_reminders


class Command(BaseCommand):
    help = (
        "Email everyone with a confirmed place at an event that starts tomorrow "
        "(UK time). Run daily by cron; safe to run more than once."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        if options["verbosity"] > 0:
            self.stdout.write(f"Queued {sent} reminder{'' if sent == 1 else 's'}.")
