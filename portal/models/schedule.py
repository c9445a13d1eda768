from django.db import models


class ScheduledJobRun(models.Model):
    """One run of a periodic command for one due time (see portal.schedule).

    The unique (job, due) pair is what lets every app server run the
    scheduler: whichever records a due time first runs the job; the others
    find the row and skip it.
    """

    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    job = models.CharField(max_length=100)
    due = models.DateTimeField(help_text="The scheduled time this run is for.")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        max_length=20, choices=Outcome.choices, default=Outcome.RUNNING
    )
    # The command's last lines of output, or the error's type and message.
    report = models.TextField(blank=True)

    class Meta:
        ordering = ["-due", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "due"], name="one_run_per_due_time")
        ]
        verbose_name = "scheduled job run"

    def __str__(self):
        return f"{self.job} due {self.due:%Y-%m-%d %H:%M}"
