from django.core.management.base import BaseCommand

from guides.services import send_review_reminders


class Command(BaseCommand):
    help = "Email guide owners whose guides are due or overdue for review (weekly at most)."

    def handle(self, *args, **options):
        queued = send_review_reminders()
        self.stdout.write(f"Queued {queued} review reminders.")
