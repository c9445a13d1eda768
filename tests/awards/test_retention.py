"""Personal data is anonymised after the retention period, by a cron command."""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

import pytest

from awards import services
from awards.models import Nomination
from awards.storage import private_storage
from tests.awards.conftest import image_file
from tests.factories.awards import NominationFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def run_command():
    out = io.StringIO()
    call_command("anonymise_old_nominations", stdout=out)
    return out.getvalue()


def test_old_nominations_are_anonymised_and_recent_ones_kept(open_year, panel_member):
    old = NominationFactory(
        year=open_year,
        submitted_at=days_ago(731),
        nominee_name="Old Nominee",
        nominator_phone="0113 496 0000",
        cqc_location_id="1-123456789",
        duplicate_key="abc",
    )
    old.photo.save("old.jpg", ContentFile(image_file().getvalue()))
    photo_path = private_storage.path(old.photo.name)
    services.record_score(old, panel_member, [3, 3, 3], "Knows her well")
    recent = NominationFactory(year=open_year, submitted_at=days_ago(100))

    assert "Anonymised 1 nomination older than 730 days." in run_command()
    old.refresh_from_db()
    assert old.anonymised_at is not None
    for field in ["nominator_name", "nominee_name", "nominee_role", "statement"]:
        assert getattr(old, field) == "[erased]", field
    assert old.nominator_email.endswith("@invalid")
    assert old.nominator_phone == "" and old.cqc_location_id == ""
    assert old.duplicate_key == "" and not old.photo
    assert not private_storage.exists(photo_path)
    # Statistics survive: the category, setting, status and scores.
    assert old.category_name and old.setting and old.status
    assert old.scores.get().total == 9 and old.scores.get().comment == ""

    recent.refresh_from_db()
    assert recent.anonymised_at is None
    assert recent.nominator_name == "Pat Nominator"


def test_running_again_changes_nothing(open_year):
    NominationFactory(year=open_year, submitted_at=days_ago(800))
    run_command()
    first = Nomination.objects.get()
    assert "Anonymised 0 nominations" in run_command()
    assert Nomination.objects.get().anonymised_at == first.anonymised_at


def test_retention_period_comes_from_settings(open_year, settings):
    settings.AWARDS_RETENTION_DAYS = 30
    NominationFactory(year=open_year, submitted_at=days_ago(31))
    NominationFactory(year=open_year, submitted_at=days_ago(29))
    assert "Anonymised 1 nomination older than 30 days." in run_command()


def test_published_winners_keep_their_public_name(open_year):
    winner = NominationFactory(
        year=open_year, status="winner", nominee_name="Grace Hughes", citation="Kind"
    )
    Nomination.objects.filter(pk=winner.pk).update(submitted_at=days_ago(1000))
    run_command()
    winner.refresh_from_db()
    assert winner.nominee_name == "Grace Hughes"
    assert winner.citation == "Kind"
    assert winner.nominator_name == "[erased]"
    assert winner.statement == "[erased]"


def test_erased_nominators_no_longer_count_as_duplicates(open_year):
    category = open_year.categories.first()
    data = {
        "nominee_name": "Amara Bello",
        "nominee_role": "Carer",
        "nominee_workplace": "Beech House",
        "setting": "residential_home",
        "cqc_location_id": "",
        "statement": "Kind",
        "nominator_name": "Jonah",
        "nominator_email": "jonah@example.com",
        "nominator_phone": "",
        "relationship": "family",
        "nominee_may_be_contacted": True,
        "consent_privacy": True,
    }
    services.submit_nomination(open_year, category, data, notify=False)
    assert services.erase_nominator_data("Jonah@Example.com") == 1
    again = services.submit_nomination(open_year, category, data, notify=False)
    assert not again.possible_duplicate
    assert services.personal_data_export("jonah@example.com")[0]["reference"] == (
        again.reference
    )
