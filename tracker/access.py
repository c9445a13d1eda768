"""How a new manager gets to their own page: an emailed sign-in link, no
password to remember.

A manager asks for a link with their email address. Whatever they type, the
page says the same ("check your email"), so the form tells nobody who is on
the tracker. When the address belongs to a manager in the post, a link is
queued in the outbox. The link is signed, lasts an hour
(TRACKER_SIGN_IN_LINK_MINUTES) and works once: it carries the manager's sign-in
count, which rises at every sign-in. Opening the link shows a button; only
pressing it signs in, so a mail scanner that follows links signs nobody in.

The signed-in manager is remembered in the session (shared by every server)
for TRACKER_MANAGER_SESSION_HOURS, 12 by default, on its own clock: signing in
as a manager does not change how long anyone's admin session lasts.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.email_links import (
    LinkError,
    absolute,
    make_token,
    normalise_email,
    read_token,
    site_root_url,
    too_many_emails,
    unsubscribe_headers,
)
from portal.outbox import queue_email
from tracker import services
from tracker.models import CareHomeManager

logger = logging.getLogger(__name__)

SIGN_IN_SALT = "tracker.sign-in"
OPTIONAL_EMAILS_SALT = "tracker.optional-emails"
SESSION_KEY = "tracker_manager"
SUBJECT_PREFIX = "Care Quality Team"


def sign_in_link_age():
    return datetime.timedelta(
        minutes=getattr(settings, "TRACKER_SIGN_IN_LINK_MINUTES", 60)
    )


def session_hours():
    return getattr(settings, "TRACKER_MANAGER_SESSION_HOURS", 12)


def stop_emails_link_age():
    # Long enough that the link in any email of the first year still works.
    return datetime.timedelta(days=getattr(settings, "TRACKER_STOP_EMAILS_DAYS", 400))


def page_url(name, *args):
    """A full link for an email: the default site's address and the path."""
    return absolute(site_root_url(), reverse(name, args=args))


# Sign-in links ------------------------------------------------------------------


def sign_in_token(manager):
    return make_token(
        SIGN_IN_SALT, m=manager.pk, e=manager.email, n=manager.sign_in_count
    )


def manager_from_sign_in_token(token):
    """The manager a sign-in link is for; LinkError when it is out of date,
    used already, or the manager has left."""
    data = read_token(token, SIGN_IN_SALT, sign_in_link_age())
    manager = (
        services.managers_in_post()
        .filter(pk=data.get("m"), email=data.get("e"), sign_in_count=data.get("n"))
        .first()
    )
    if manager is None:
        raise LinkError(LinkError.GONE)
    return manager


def send_sign_in_link(email):
    """Email a sign-in link to each manager in the post with this address (a
    manager may run two homes). Returns how many were queued; the caller shows
    the same page whatever the answer."""
    email = normalise_email(email)
    limit = getattr(settings, "TRACKER_SIGN_IN_EMAILS_PER_HOUR", 5)
    if too_many_emails("tracker-sign-in", email, limit):
        logger.info("Sign-in links: hourly limit reached for one address")
        return 0
    managers = list(services.managers_in_post().filter(email__iexact=email))
    with transaction.atomic():
        for manager in managers:
            link = page_url("managers:sign_in_link", sign_in_token(manager))
            context = {
                "manager": manager,
                "link": link,
                "minutes": int(sign_in_link_age().total_seconds() // 60),
            }
            queue_email(
                manager.email,
                f"{SUBJECT_PREFIX}: your sign-in link",
                render_to_string("tracker/emails/sign_in_link.txt", context),
            )
    return len(managers)


def sign_in(request, manager):
    """Use up the link and remember the manager in this browser's session."""
    updated = CareHomeManager.objects.filter(
        pk=manager.pk, sign_in_count=manager.sign_in_count
    ).update(sign_in_count=F("sign_in_count") + 1, last_signed_in_at=timezone.now())
    if not updated:  # the same link pressed twice at once: the first one wins
        raise LinkError(LinkError.GONE)
    # A new session key, so a key someone saw before cannot be carried over.
    request.session.cycle_key()
    expires = timezone.now() + datetime.timedelta(hours=session_hours())
    request.session[SESSION_KEY] = {
        "id": manager.pk,
        "email": manager.email,
        "until": expires.timestamp(),
    }


def sign_out(request):
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def signed_in_manager(request):
    """The manager signed in in this browser, or None (never signed in, the
    session has run out, or the record has changed address or left)."""
    remembered = request.session.get(SESSION_KEY)
    if not isinstance(remembered, dict):
        return None
    if remembered.get("until", 0) < timezone.now().timestamp():
        request.session.pop(SESSION_KEY, None)
        return None
    return (
        services.managers_in_post()
        .select_related("area")
        .filter(pk=remembered.get("id"), email=remembered.get("email"))
        .first()
    )


# Optional emails: review reminders and survey invitations -----------------------


def stop_emails_token(manager):
    return make_token(OPTIONAL_EMAILS_SALT, m=manager.pk, e=manager.email)


def manager_from_stop_emails_token(token):
    data = read_token(token, OPTIONAL_EMAILS_SALT, stop_emails_link_age())
    manager = CareHomeManager.objects.filter(
        pk=data.get("m"), email=data.get("e"), anonymised_at__isnull=True
    ).first()
    if manager is None:
        raise LinkError(LinkError.GONE)
    return manager


def stop_optional_emails(manager):
    if manager.optional_emails:
        manager.optional_emails = False
        manager.save(update_fields=["optional_emails", "updated_at"])


def queue_optional_email(manager, subject, template, context):
    """A review reminder or survey invitation, with the link to stop them and
    the headers that let mail programs offer a one-click unsubscribe."""
    stop_url = page_url("managers:stop_emails", stop_emails_token(manager))
    context = {
        **context,
        "manager": manager,
        "stop_url": stop_url,
        "page_url": page_url("managers:plan"),
    }
    return queue_email(
        manager.email,
        f"{SUBJECT_PREFIX}: {subject}",
        render_to_string(template, context),
        headers=unsubscribe_headers(stop_url),
    )
