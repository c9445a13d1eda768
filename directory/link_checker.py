"""Checking the directory's external links: each live entry's booking link and its
provider's website.

A link counts as broken when it answers with an error (4xx or 5xx), takes longer
than the time allowed, or cannot be reached at all. HEAD is tried first because
it is cheap; some sites refuse HEAD, so any failure other than a timeout is
retried once with GET (reading only the headers). Redirects are followed.

Each address is checked once per run however many entries share it. The latest
run's results are kept in LinkCheck rows (see `save_results`) for the "Broken links in the
directory" report in the admin.
"""

import datetime
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

import requests
from urllib3.util import Timeout

from directory.models import DirectoryEntryPage, LinkCheck

DEFAULT_TIMEOUT = 5.0
MAX_REDIRECTS = 10
WORKERS = 4
USER_AGENT = "CareQualityPortal-LinkChecker/1.0 (checks links in the care directory)"
BOOKING_LINK = "Booking link"
PROVIDER_WEBSITE = "Provider website"


@dataclass(frozen=True)
class LinkStatus:
    """What one address answered."""

    ok: bool
    status: int | None = None
    problem: str = ""


@dataclass
class LinkCheckResult:
    """One link on one entry, as last checked."""

    entry_id: int
    entry_title: str
    link: str  # which link on the entry: BOOKING_LINK or PROVIDER_WEBSITE
    url: str
    ok: bool
    status: int | None
    problem: str
    checked_at: datetime.datetime


# What the database keeps of a result: all but the entry's title, read again.
STORED_FIELDS = ("entry_id", "link", "url", "ok", "status", "problem", "checked_at")


def status_problem(response):
    return f"{response.status_code} {response.reason}".strip()


def fetch(method, url, timeout):
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.headers["User-Agent"] = USER_AGENT
        response = session.request(
            method,
            url,
            allow_redirects=True,
            stream=True,  # only the status matters: never download a body
            timeout=Timeout(total=timeout),
        )
        response.close()
        return response


def check_url(url, timeout=DEFAULT_TIMEOUT):
    """Whether one address works, taking no more than about `timeout` seconds."""
    deadline = time.monotonic() + timeout
    timed_out = LinkStatus(False, None, f"no answer within {timeout:g} seconds")
    try:
        response = fetch("HEAD", url, timeout)
        if response.status_code < 400:
            return LinkStatus(True, response.status_code)
    except requests.Timeout:
        return timed_out
    except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema):
        return LinkStatus(False, None, "not a valid web address")
    except requests.RequestException:
        pass  # some servers mishandle HEAD: GET decides
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return timed_out
    try:
        response = fetch("GET", url, remaining)
    except requests.Timeout:
        return timed_out
    except requests.TooManyRedirects:
        return LinkStatus(False, None, "too many redirects")
    except requests.ConnectionError:
        return LinkStatus(False, None, "could not connect to the site")
    except requests.RequestException as error:
        return LinkStatus(False, None, f"could not be checked ({type(error).__name__})")
    if response.status_code >= 400:
        return LinkStatus(False, response.status_code, status_problem(response))
    return LinkStatus(True, response.status_code)


def links_to_check():
    """(entry, which link, address) for every live entry's external links."""
    entries = (
        DirectoryEntryPage.objects.live()
        .select_related("provider")
        .only("pk", "title", "booking_url", "provider__website")
        .order_by("title", "pk")
    )
    for entry in entries:
        if entry.booking_url:
            yield entry, BOOKING_LINK, entry.booking_url
        if entry.provider and entry.provider.website:
            yield entry, PROVIDER_WEBSITE, entry.provider.website


def check_directory_links(timeout=DEFAULT_TIMEOUT, workers=WORKERS):
    """Check every live entry's links; returns a LinkCheckResult per link."""
    links = list(links_to_check())
    urls = list(dict.fromkeys(url for _entry, _link, url in links))
    # A few checks at a time: each is bounded, and a slow site does not hold up
    # the rest, without flooding any one server.
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        statuses = dict(
            zip(urls, pool.map(lambda url: check_url(url, timeout), urls), strict=True)
        )
    checked_at = timezone.now()
    return [
        LinkCheckResult(
            entry_id=entry.pk,
            entry_title=entry.title,
            link=link,
            url=url,
            ok=statuses[url].ok,
            status=statuses[url].status,
            problem=statuses[url].problem,
            checked_at=checked_at,
        )
        for entry, link, url in links
    ]


@transaction.atomic
def save_results(results):
    """Keep the latest run's results for the admin report (replacing the last run)."""
    LinkCheck.objects.all().delete()
    LinkCheck.objects.bulk_create(
        LinkCheck(**{name: getattr(result, name) for name in STORED_FIELDS})
        for result in results
    )


def latest_results():
    """The latest run's results, or an empty list when links were never checked."""
    return [
        LinkCheckResult(
            entry_title=check.entry.title,
            **{name: getattr(check, name) for name in STORED_FIELDS},
        )
        for check in LinkCheck.objects.select_related("entry")
    ]


def broken_links():
    """Broken links from the latest run, for entries that are still live."""
    results = [result for result in latest_results() if not result.ok]
    live = set(
        DirectoryEntryPage.objects.live()
        .filter(pk__in={result.entry_id for result in results})
        .values_list("pk", flat=True)
    )
    return [result for result in results if result.entry_id in live]
