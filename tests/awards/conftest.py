import datetime
import io
import time

from django.utils import timezone

import pytest
from PIL import Image

from awards.forms import started_token
from tests.factories import ContentPageFactory
from tests.factories.awards import AwardsIndexPageFactory, AwardsYearPageFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test keeps private photos in its own folder (the root conftest.py
    empties the rate-limit cache)."""
    settings.AWARDS_PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.AWARDS_PRIVATE_MEDIA_ROOT


@pytest.fixture
def awards_index(home_page):
    return AwardsIndexPageFactory(parent=home_page)


@pytest.fixture
def open_year(awards_index):
    return AwardsYearPageFactory(
        parent=awards_index,
        year=2026,
        category_names=["Care worker of the year", "Volunteer of the year"],
    )


@pytest.fixture
def closed_year(awards_index):
    now = timezone.now()
    return AwardsYearPageFactory(
        parent=awards_index,
        year=2025,
        nominations_open_at=now - datetime.timedelta(days=100),
        nominations_close_at=now - datetime.timedelta(days=10),
    )


@pytest.fixture
def privacy_page(home_page):
    return ContentPageFactory(parent=home_page, title="Privacy notice")


def nominate_url(year_page):
    return year_page.url + "nominate/"


def valid_data(year_page, **overrides):
    return {
        "category": str(year_page.categories.first().pk),
        "nominee_name": "Amara Bello",
        "nominee_role": "Senior carer",
        "nominee_workplace": "Beech House Care Home",
        "setting": "residential_home",
        "cqc_location_id": "1-123456789",
        "statement": "She knows every resident's story and always makes time.",
        "nominator_name": "Jonah Kerr",
        "nominator_email": "jonah@example.com",
        "nominator_phone": "0113 496 0000",
        "relationship": "family",
        "nominee_may_be_contacted": "yes",
        "consent_privacy": "on",
        "website": "",
        "started": started_token(time.time() - 120),
        **overrides,
    }


def uploaded(content, name="photo.jpg"):
    """Bytes as the file a browser uploads under that name."""
    file = io.BytesIO(content)
    file.name = name
    return file


def image_file(size=(64, 48), fmt="JPEG", name="photo.jpg", exif=None):
    image = Image.new("RGB", size, (200, 100, 50))
    output = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(output, format=fmt, **kwargs)
    return uploaded(output.getvalue(), name)
