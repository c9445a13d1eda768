from django.core.management.base import BaseCommand

from portal.outbox import send_queued_emails


class Command(BaseCommand):
    help = "Send queued emails that are due, retrying earlier failures (run by cron)."

    def handle(self, *args, **options):
        sent, failed = send_queued_emails()
        self.stdout.write(f"Sent {sent} emails; {failed} will be tried again later.")
