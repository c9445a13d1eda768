"""Links that arrive by email: signed tokens for confirm, sign-in and
unsubscribe links, absolute URLs for them, the one-click unsubscribe headers,
and a cap on how many such emails one address is sent an hour.

A token is signed with SECRET_KEY and a salt of its own per purpose, so a link
made for one thing is never accepted for another; every server with the same
secret reads every other's links.
"""

import hashlib
import time

from django.core import signing
from django.core.cache import cache

from wagtail.models import Site


class LinkError(Exception):
    """A link from an email that cannot be used."""

    EXPIRED = "expired"
    INVALID = "invalid"  # tampered with, cut short or not ours
    GONE = "gone"  # genuine, but what it was for has been removed or used

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    @property
    def expired(self):
        return self.reason == self.EXPIRED


def make_token(salt, **payload):
    return signing.dumps(payload, salt=salt, compress=True)


def read_token(token, salt, max_age):
    """The payload of a token `make_token` made with `salt`, at most `max_age`
    old (a timedelta, or None for no limit); LinkError otherwise."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError(LinkError.EXPIRED) from None
    except signing.BadSignature:
        raise LinkError(LinkError.INVALID) from None


def site_root_url():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute(base_url, path):
    return f"{base_url.rstrip('/')}{path}"


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058: mail programs can offer a one-click unsubscribe."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def normalise_email(email):
    """The domain of an address is case-blind; the part before @ is kept."""
    local, _at, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def too_many_emails(scope, email, limit):
    """True once `email` has been sent `limit` emails of this kind this hour,
    so a public form cannot be used to flood someone's inbox from many
    machines. Only a hash of the address goes in the cache."""
    digest = hashlib.sha256(email.lower().encode()).hexdigest()[:32]
    key = f"{scope}:emails:{digest}:{int(time.time() // 3600)}"
    if cache.add(key, 1, timeout=3605):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        return False
