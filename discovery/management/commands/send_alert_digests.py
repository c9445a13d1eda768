from django.core.management.base import BaseCommand, CommandError

from discovery.alerts import remove_expired_requests, send_digests


class Command(BaseCommand):
    help = (
        "Queue the daily and weekly alert digests that are due (run once a day; "
        "running it again sends nothing twice), then delete alert requests that "
        "were never confirmed."
    )

    def handle(self, *args, **options):
        run = send_digests()
        removed = remove_expired_requests()
        self.stdout.write(
            f"Queued {run.sent} alert digests; {run.empty} had nothing new. "
            f"Removed {removed} unconfirmed alert requests."
        )
        if run.failed:
            for subscriber_id, error in run.failed:
                self.stderr.write(f"Subscriber {subscriber_id}: {error}")
            raise CommandError(
                f"{len(run.failed)} digests failed and will be tried on the next run."
            )
