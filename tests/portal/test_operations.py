"""Production configuration by environment: media storage, email, tasks, health
check, structured logging and error pages."""

import json
import logging
import sys

from django.core import mail
from django.core.management import call_command

import pytest

from portal import health
from portal.logging import JsonFormatter
from portal.models import QueuedEmail
from portal.outbox import queue_email
from portal.settings.base import email_settings, media_storage_settings, tasks_backend
from tests.pages import assert_hides, page_html

BUCKET = {
    "AWS_STORAGE_BUCKET_NAME": "council-portal-media",
    "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
    "AWS_S3_REGION_NAME": "eu-west-2",
}


def test_media_stay_on_local_disk_unless_a_bucket_is_named():
    local = media_storage_settings({})
    assert local["default"]["BACKEND"].endswith("FileSystemStorage")
    assert local["private"]["BACKEND"] == "awards.storage.PrivateStorage"
    storages = media_storage_settings(BUCKET)
    public, private = storages["default"], storages["private"]
    assert public["BACKEND"] == "portal.storage.MediaStorage"
    assert private["BACKEND"] == "portal.storage.PrivateMediaStorage"
    for storage in (public, private):
        assert storage["OPTIONS"]["bucket_name"] == "council-portal-media"
        assert storage["OPTIONS"]["endpoint_url"] == "https://objects.example.net"
        assert storage["OPTIONS"]["region_name"] == "eu-west-2"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert public["OPTIONS"]["location"] == "media"
    assert private["OPTIONS"]["location"] == "private"
    assert private["OPTIONS"]["default_acl"] == "private"


def test_private_files_cannot_share_the_public_prefix():
    with pytest.raises(ValueError, match="AWS_PRIVATE_LOCATION"):
        media_storage_settings(
            {**BUCKET, "AWS_LOCATION": "files", "AWS_PRIVATE_LOCATION": "files/"}
        )


def test_s3_storage_builds_public_urls_and_keeps_documents_private():
    from portal.storage import MediaStorage, PrivateMediaStorage

    storages = media_storage_settings(
        {**BUCKET, "AWS_S3_CUSTOM_DOMAIN": "media.care.example.gov.uk"}
    )
    storage = MediaStorage(**storages["default"]["OPTIONS"])
    assert (
        storage.url("images/home.jpg")
        == "https://media.care.example.gov.uk/media/images/home.jpg"
    )

    def acl(storage, name):
        # What an upload of `name` sends (the storage adds its location first).
        return storage._get_write_parameters(storage._normalize_name(name)).get("ACL")

    assert acl(storage, "images/home.jpg") is None
    assert acl(storage, "documents/plan.pdf") == "private"
    private = PrivateMediaStorage(**storages["private"]["OPTIONS"])
    assert acl(private, "award-photos/a.jpg") == "private"
    with pytest.raises(ValueError, match="no public URL"):
        private.url("award-photos/a.jpg")


def test_email_from_email_url():
    smtp = email_settings(
        {"EMAIL_URL": "smtp+tls://mailer:p%40ss@smtp.example.net:587"}
    )
    assert smtp["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert smtp["EMAIL_HOST"] == "smtp.example.net"
    assert smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_USER"] == "mailer"
    assert smtp["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert smtp["EMAIL_USE_TLS"] is True
    assert smtp["EMAIL_USE_SSL"] is False
    assert (
        email_settings({"EMAIL_URL": "smtp+ssl://relay.example.net"})["EMAIL_PORT"]
        == 465
    )
    with pytest.raises(ValueError):
        email_settings({"EMAIL_URL": "imap://mail.example.net"})


def test_email_from_email_host_or_console_by_default():
    assert email_settings({})["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = email_settings({"EMAIL_HOST": "relay.council.local", "EMAIL_USE_TLS": "1"})
    assert smtp["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert smtp["EMAIL_HOST"] == "relay.council.local"
    assert smtp["EMAIL_USE_TLS"] is True


def test_tasks_backend_by_name():
    assert tasks_backend("").endswith("ImmediateBackend")
    assert tasks_backend("database") == "django_tasks_db.DatabaseBackend"
    with pytest.raises(ValueError):
        tasks_backend("celery")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_task_backend_emails_wait_for_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queue_email("manager@oaklodge.example.org", "Your request", "We have it.")
    assert mail.outbox == []
    assert QueuedEmail.objects.get().status == QueuedEmail.Status.PENDING

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert [message.subject for message in mail.outbox] == ["Your request"]
    assert QueuedEmail.objects.get().status == QueuedEmail.Status.SENT


@pytest.mark.django_db
def test_health_check_reports_database_and_search(client, home_page):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "search": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_check_fails_without_leaking_the_error(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("search at http://admin:hunter2@search.internal down")

    monkeypatch.setattr(health, "get_search_backend", broken)
    with caplog.at_level(logging.ERROR, logger="portal.health"):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "search": "error"},
    }
    assert b"hunter2" not in response.content
    assert "search backend is not answering" in caplog.text


@pytest.mark.django_db
def test_error_pages_show_nothing_of_the_failure(client, home_page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("password=hunter2 in /srv/portal/settings.py")

    monkeypatch.setattr("discovery.views.SiteSearch", broken)
    client.raise_request_exception = False
    body = page_html(client.get("/search/?q=falls"), status=500)
    assert "Sorry, there is a problem with the service" in body
    assert_hides(body, "hunter2", "Traceback", "RuntimeError")


def test_json_log_lines_carry_request_and_exception():
    try:
        raise ValueError("boom")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Internal Server Error: %s",
        ("/events/",),
        exc_info,
    )
    record.status_code = 500
    record.request = type("Request", (), {"method": "GET", "path": "/events/"})()
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "ERROR"
    assert line["logger"] == "django.request"
    assert line["message"] == "Internal Server Error: /events/"
    assert line["method"] == "GET"
    assert line["path"] == "/events/"
    assert line["status"] == 500
    assert "ValueError: boom" in line["exception"]
