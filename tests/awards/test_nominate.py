"""The public nomination form, through HTTP, as a nominator would use it."""

import html
import io
import time

from django.core import mail
from django.test import Client

import pytest
from PIL import Image

from awards.forms import started_token
from awards.models import Nomination
from awards.storage import private_storage
from portal.models import QueuedEmail
from tests.awards.conftest import image_file, nominate_url, uploaded, valid_data
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db

TEXT_FIELDS = [
    "nominee_name",
    "nominee_role",
    "nominee_workplace",
    "statement",
    "nominator_name",
]


def post(client, year_page, files=None, **overrides):
    data = valid_data(year_page, **overrides)
    if files:
        data.update(files)
    return client.post(nominate_url(year_page), data)


def test_open_year_offers_the_form_with_a_word_count(client, open_year):
    assert_shows(
        page_html(client.get(nominate_url(open_year))),
        "Send nomination",
        'data-module="nhsuk-character-count"',
        'data-maxwords="500"',
        "Care worker of the year",
        'name="started"',
    )


def test_form_links_to_the_privacy_notice(client, open_year, privacy_page):
    from wagtail.models import Site

    from portal.models import PortalSettings

    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.privacy_page = privacy_page
    portal_settings.save()
    response = client.get(nominate_url(open_year))
    assert f'href="{privacy_page.url}"' in response.content.decode()


def test_a_valid_nomination_is_stored_confirmed_and_emailed(
    client, open_year, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, open_year)
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.reference.startswith("QCA-2026-")
    assert len(nomination.reference) == len("QCA-2026-") + 6
    assert nomination.category_name == "Care worker of the year"
    assert nomination.year_number == 2026
    assert nomination.nominee_name == "Amara Bello"
    assert nomination.nominee_may_be_contacted is True
    assert nomination.consent_privacy is True
    assert nomination.status == "received"
    assert not nomination.possible_duplicate
    assert response["Location"].endswith(f"/nominate/done/{nomination.reference}/")

    done = client.get(response["Location"])
    assert done.status_code == 200
    assert nomination.reference in done.content.decode()
    assert done.context["noindex"]

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jonah@example.com"]
    assert nomination.reference in mail.outbox[0].subject
    assert nomination.reference in mail.outbox[0].body
    assert QueuedEmail.objects.get().status == QueuedEmail.Status.SENT


def test_confirmation_page_is_only_for_the_browser_that_nominated(client, open_year):
    response = post(client, open_year)
    other = Client()
    assert other.get(response["Location"]).status_code == 404
    assert (
        client.get(open_year.url + "nominate/done/QCA-2026-XXXXXX/").status_code == 404
    )


def test_a_failing_mail_server_loses_no_nomination(
    client, open_year, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.email_backends.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, open_year)
    assert response.status_code == 302
    assert Nomination.objects.count() == 1
    queued = QueuedEmail.objects.get()
    assert queued.status == QueuedEmail.Status.PENDING
    assert queued.attempts == 1
    assert "went away" in queued.last_error


def test_a_repeat_nomination_is_stored_and_flagged(client, open_year):
    post(client, open_year)
    post(
        client,
        open_year,
        nominee_name="  amara   BELLO ",
        nominator_email="JONAH@example.com",
    )
    post(client, open_year, nominee_name="Someone Else")
    first, second, other = Nomination.objects.order_by("pk")
    assert not first.possible_duplicate
    assert second.possible_duplicate
    assert not other.possible_duplicate
    assert first.reference != second.reference


def test_same_nominee_in_another_category_is_not_a_duplicate(client, open_year):
    post(client, open_year)
    other_category = open_year.categories.all()[1]
    post(client, open_year, category=str(other_category.pk))
    assert not Nomination.objects.filter(possible_duplicate=True).exists()


@pytest.mark.parametrize("year_fixture", ["closed_year", "not_yet_open_year"])
def test_closed_and_not_yet_open_years_refuse_nominations(
    client, request, year_fixture, awards_index
):
    if year_fixture == "not_yet_open_year":
        import datetime

        from django.utils import timezone

        from tests.factories.awards import AwardsYearPageFactory

        year = AwardsYearPageFactory(
            parent=awards_index,
            year=2027,
            nominations_open_at=timezone.now() + datetime.timedelta(days=3),
            nominations_close_at=timezone.now() + datetime.timedelta(days=60),
        )
        expected = "Nominations for the 2027 awards open at"
    else:
        year = request.getfixturevalue("closed_year")
        expected = "Nominations for the 2025 awards closed at"
    page = client.get(nominate_url(year))
    assert page.status_code == 200
    assert expected in page.content.decode()
    assert "Send nomination" not in page.content.decode()
    refused = post(client, year)
    assert refused.status_code == 403
    assert expected in refused.content.decode()
    assert not Nomination.objects.exists()


def test_every_required_field_missing_gives_a_linked_error_summary(client, open_year):
    response = client.post(
        nominate_url(open_year), {"started": started_token(time.time() - 60)}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    for field in [
        "category",
        "nominee_name",
        "nominee_role",
        "nominee_workplace",
        "setting",
        "statement",
        "nominator_name",
        "nominator_email",
        "relationship",
        "nominee_may_be_contacted",
        "consent_privacy",
    ]:
        assert f'href="#id_{field}' in content, field
    assert not Nomination.objects.exists()


def test_what_was_typed_is_kept_after_an_error(client, open_year):
    response = post(client, open_year, nominator_email="not-an-email")
    assert_shows(
        page_html(response, status=400),
        "Enter an email address in the correct format",
        'value="Amara Bello"',
        "She knows every resident&#x27;s story",
        'value="not-an-email"',
    )


def test_html_and_script_in_every_field_are_stored_as_text_and_escaped(
    client, open_year, admin_user
):
    payload = '<script>alert("x")</script><b>bold</b>'
    response = post(client, open_year, **{name: payload for name in TEXT_FIELDS})
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    for name in TEXT_FIELDS:
        assert getattr(nomination, name) == payload
    done = client.get(response["Location"]).content.decode()
    assert "<script>alert" not in done
    assert html.escape(payload) in done or "&lt;script&gt;" in done

    client.force_login(admin_user)
    edit = client.get(f"/admin/awards/nominations/edit/{nomination.pk}/")
    assert edit.status_code == 200
    assert "<script>alert" not in edit.content.decode()
    # Shown as text on the published results too.
    nomination.status = "winner"
    nomination.save()
    open_year.results_published = True
    open_year.save_revision().publish()
    results = client.get(open_year.url).content.decode()
    assert "&lt;script&gt;" in results
    assert "<script>alert" not in results


def test_markup_in_the_reply_does_not_break_the_form(client, open_year):
    payload = '"><script>alert(1)</script>'
    response = post(client, open_year, nominee_name=payload, nominator_email="bad")
    content = response.content.decode()
    assert response.status_code == 400
    assert "<script>alert(1)" not in content
    assert "&quot;&gt;&lt;script&gt;" in content


@pytest.mark.parametrize(
    ("field", "length"),
    [
        ("nominee_name", 101),
        ("nominee_role", 101),
        ("nominee_workplace", 151),
        ("nominator_name", 101),
        ("statement", 5001),
        ("nominator_phone", 31),
        ("cqc_location_id", 21),
    ],
)
def test_oversize_text_is_refused_with_a_clear_error(client, open_year, field, length):
    response = post(client, open_year, **{field: "9" * length})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Nomination.objects.exists()


def test_oversize_email_is_refused(client, open_year):
    response = post(client, open_year, nominator_email="a" * 250 + "@example.com")
    assert response.status_code == 400
    assert "nominator_email" in response.context["form"].errors


def test_statement_word_limit_is_enforced_on_the_server(client, open_year):
    response = post(client, open_year, statement="word " * 501)
    assert response.status_code == 400
    assert "500 words or fewer (you have 501)" in response.content.decode()
    assert post(client, open_year, statement="word " * 500).status_code == 302


@pytest.mark.parametrize(
    "value",
    [
        "Zoë Ó'Brien-Łukasz",
        "山田 花子",
        "محمد عبد الله",
        "Z̷̛̪a̸͈͝l̵g̶o̷ 👩🏽‍⚕️",
        "\u202egnp.exe",
    ],
)
def test_extreme_unicode_that_is_text_is_kept(client, open_year, value):
    response = post(client, open_year, nominee_name=value, nominator_name=value)
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.nominee_name == value
    done = client.get(response["Location"]).content.decode()
    assert html.escape(value) in done


@pytest.mark.parametrize("value", ["Amara\x00Bello", "Amara\x07Bello", "A\x1bB"])
def test_control_characters_are_refused(client, open_year, value):
    response = post(client, open_year, nominee_name=value)
    assert response.status_code == 400
    assert "nominee_name" in response.context["form"].errors
    assert not Nomination.objects.exists()


def test_astral_characters_beyond_the_limit_are_refused(client, open_year):
    response = post(client, open_year, nominee_name="𝕏" * 101)
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("category", "99999"),
        ("category", "not-a-number"),
        ("setting", "castle"),
        ("relationship", "<script>"),
        ("nominee_may_be_contacted", "perhaps"),
        ("cqc_location_id", "ABC"),
        ("nominator_phone", "call me maybe"),
    ],
)
def test_values_outside_the_choices_are_refused(client, open_year, field, value):
    response = post(client, open_year, **{field: value})
    assert response.status_code == 400
    assert field in response.context["form"].errors


def test_a_category_from_another_year_is_refused(client, open_year, closed_year):
    other = closed_year.categories.first()
    response = post(client, open_year, category=str(other.pk))
    assert response.status_code == 400


def test_cqc_location_id_is_optional_and_tidied(client, open_year):
    post(client, open_year, cqc_location_id=" 1-1234 56789 ")
    assert Nomination.objects.get().cqc_location_id == "1-123456789"


def test_missing_csrf_token_is_refused(open_year):
    client = Client(enforce_csrf_checks=True)
    response = client.post(nominate_url(open_year), valid_data(open_year))
    assert response.status_code == 403
    assert not Nomination.objects.exists()


def test_honeypot_is_thanked_and_stores_nothing(client, open_year):
    response = post(client, open_year, website="http://spam.example")
    assert response.status_code == 200
    assert "Nomination sent" in response.content.decode()
    assert not Nomination.objects.exists()
    assert not mail.outbox


def test_a_form_sent_too_fast_gets_a_gentle_error_then_works(client, open_year):
    token = started_token()
    response = post(client, open_year, started=token)
    assert response.status_code == 400
    assert "quicker than we expected" in response.content.decode()
    assert not Nomination.objects.exists()
    # The same token is kept in the page, so sending again later succeeds.
    assert response.context["form"]["started"].value() == token


def test_a_tampered_start_token_asks_to_send_again(client, open_year):
    response = post(client, open_year, started="nonsense")
    assert response.status_code == 400
    assert "send it again" in response.content.decode()
    new_token = response.context["form"]["started"].value()
    assert new_token != "nonsense"


def test_rate_limit_per_client(client, open_year, settings):
    settings.AWARDS_NOMINATIONS_PER_HOUR = 2
    for number in range(2):
        assert (
            post(client, open_year, nominee_name=f"Person {number}").status_code == 302
        )
    response = post(client, open_year, nominee_name="Person 3")
    assert response.status_code == 429
    assert "a lot of nominations" in response.content.decode()
    assert Nomination.objects.count() == 2
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post(other, open_year, nominee_name="Person 4").status_code == 302


# Photos ----------------------------------------------------------------------


def test_a_photo_is_re_encoded_without_metadata_and_kept_private(
    client, open_year, settings
):
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # camera make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS latitude
    upload = image_file(size=(300, 200), exif=exif.tobytes())
    with Image.open(io.BytesIO(upload.getvalue())) as original:
        assert original.getexif().get_ifd(0x8825)
    response = post(client, open_year, files={"photo": upload})
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.photo.name.startswith("award-photos/")
    path = private_storage.path(nomination.photo.name)
    assert str(settings.AWARDS_PRIVATE_MEDIA_ROOT) in path
    assert str(settings.MEDIA_ROOT) not in path
    with Image.open(path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (300, 200)
        assert not stored.getexif()
        assert "exif" not in stored.info
    with pytest.raises(ValueError):
        nomination.photo.url  # noqa: B018


def test_png_and_webp_photos_are_accepted(client, open_year):
    post(client, open_year, files={"photo": image_file(fmt="PNG", name="a.png")})
    post(
        client,
        open_year,
        nominee_name="Other",
        files={"photo": image_file(fmt="WEBP", name="b.webp")},
    )
    assert Nomination.objects.exclude(photo="").count() == 2


def test_a_non_image_renamed_jpg_is_refused(client, open_year):
    fake = uploaded(b"%PDF-1.4 this is not a photo" * 20, "holiday.jpg")
    response = post(client, open_year, files={"photo": fake})
    assert response.status_code == 400
    assert "must be a JPEG, PNG or WebP image" in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_script_renamed_jpg_is_refused(client, open_year):
    fake = uploaded(b"<script>alert(1)</script>")
    response = post(client, open_year, files={"photo": fake})
    assert response.status_code == 400
    assert not Nomination.objects.exists()


def test_a_truncated_jpeg_is_refused(client, open_year):
    data = image_file(size=(400, 400)).getvalue()
    broken = uploaded(data[: len(data) // 3])
    response = post(client, open_year, files={"photo": broken})
    assert response.status_code == 400
    assert not Nomination.objects.exists()


def test_an_unsupported_image_format_is_refused(client, open_year):
    response = post(client, open_year, files={"photo": image_file(fmt="BMP")})
    assert response.status_code == 400


def test_a_decompression_bomb_is_refused(client, open_year):
    # A small PNG file that claims to be 30000 x 30000 pixels.
    bomb = Image.new("1", (30000, 30000))
    output = io.BytesIO()
    bomb.save(output, format="PNG")
    assert len(output.getvalue()) < 1_000_000
    photo = uploaded(output.getvalue(), "bomb.png")
    response = post(client, open_year, files={"photo": photo})
    assert response.status_code == 400
    assert "too large in pixels" in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_photo_over_the_byte_limit_is_refused(client, open_year, settings):
    settings.AWARDS_MAX_PHOTO_BYTES = 1000
    response = post(client, open_year, files={"photo": image_file(size=(500, 500))})
    assert response.status_code == 400
    assert "smaller than" in response.content.decode()


def test_an_empty_photo_file_is_refused(client, open_year):
    response = post(client, open_year, files={"photo": uploaded(b"")})
    assert response.status_code == 400
    assert not Nomination.objects.exists()


@pytest.mark.parametrize(
    "field", ["nominator_email", "nominator_phone", "cqc_location_id"]
)
def test_markup_in_structured_fields_is_refused(client, open_year, field):
    response = post(client, open_year, **{field: "<script>alert(1)</script>"})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_request_far_over_the_size_limit_is_refused_not_a_crash(client, open_year):
    response = post(client, open_year, statement="x" * 3_000_000)
    assert response.status_code == 400
    assert not Nomination.objects.exists()


def test_unsafe_methods_other_than_post_show_the_form(client, open_year):
    response = client.put(nominate_url(open_year), "nominee_name=X")
    assert response.status_code in (200, 403)
    assert not Nomination.objects.exists()


def test_failed_attempts_are_limited_too(client, open_year, settings):
    settings.AWARDS_ATTEMPTS_PER_HOUR = 2
    for _ in range(2):
        assert post(client, open_year, nominator_email="bad").status_code == 400
    response = post(client, open_year)
    assert response.status_code == 429
    assert not Nomination.objects.exists()


def test_no_photo_file_is_left_when_saving_fails(open_year, monkeypatch, settings):
    from django.db import OperationalError

    from awards import services

    def broken(nomination):
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(services, "queue_confirmation_email", broken)
    data = {
        key: value
        for key, value in valid_data(open_year).items()
        if key not in ("category", "website", "started", "consent_privacy")
    }
    data.update(
        setting="residential_home",
        nominee_may_be_contacted=True,
        consent_privacy=True,
    )
    with pytest.raises(OperationalError):
        services.submit_nomination(
            open_year,
            open_year.categories.first(),
            data,
            photo_bytes=image_file().getvalue(),
        )
    assert not Nomination.objects.exists()
    folder = settings.AWARDS_PRIVATE_MEDIA_ROOT / "award-photos"
    assert not folder.exists() or not any(folder.iterdir())
