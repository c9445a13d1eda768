"""Background tasks (Django's tasks framework backport, django-tasks).

With TASKS_BACKEND=database they wait in the database for `manage.py db_worker`;
otherwise they run straight away in the request that enqueued them.
"""

from django_tasks import task


@task()
def send_queued_email_task(pk, attempts=None):
    """Send one email from the outbox, if nobody has tried it since `attempts`
    were counted; a failed try queues the next one (see portal/outbox.py)."""
    from portal.outbox import send_queued_email

    return send_queued_email(pk, attempts)
