from django.core.management.base import BaseCommand

from tracker.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email the Care Quality Team the milestones due this week and gone "
        "overdue, remind managers of reviews a week ahead, and invite them to "
        "surveys that have opened. Run daily; no reminder is sent twice."
    )

    def handle(self, *args, **options):
        done = send_reminders()
        if options["verbosity"] > 0:
            self.stdout.write(
                "Team: {team_due} due this week, {team_overdue} overdue. "
                "Managers: {review_reminders} review reminders, "
                "{survey_invitations} survey invitations.".format(**done)
            )
