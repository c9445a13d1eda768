import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from tests.factories import GuideIndexPageFactory, GuidePageFactory, UserFactory
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db

CHECKLIST_BODY = [
    {
        "type": "checklist",
        "value": {
            "title": "Before the inspection",
            "intro": "<p>Work through these.</p>",
            "items": [
                "Care plans reviewed",
                "Medicines audit done",
                "Staff rota checked",
            ],
        },
    },
    {
        "type": "table",
        "value": {
            "caption": "Home types compared",
            "table": {
                "data": [
                    ["Type", "Nurses on site"],
                    ["Nursing", "Yes"],
                    ["Residential", "No"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
    },
    {
        "type": "step_by_step",
        "value": {
            "heading": "How to start",
            "steps": [{"title": "Talk to the resident", "text": "<p>Ask gently.</p>"}],
        },
    },
]


@pytest.fixture
def guides(home_page):
    index = GuideIndexPageFactory(parent=home_page)
    today = timezone.localdate()
    return {
        "index": index,
        "checklist": GuidePageFactory(
            parent=index,
            title="CQC pre-inspection checklist",
            slug="cqc-checklist",
            body=CHECKLIST_BODY,
            topics=["Care planning"],
        ),
        "dementia": GuidePageFactory(
            parent=index,
            title="Good dementia care",
            suits_residential=False,
            suits_nursing=False,
            topics=["Dementia care"],
        ),
        "overdue": GuidePageFactory(
            parent=index,
            title="Medicines basics",
            review_due=today - datetime.timedelta(days=3),
            topics=["Medication management"],
        ),
    }


def test_guide_page_renders_its_blocks(client, guides):
    assert_shows(
        page_html(client.get(guides["checklist"].url)),
        "data-checklist=",
        "Medicines audit done",
        '<caption class="nhsuk-table__caption">Home types compared</caption>',
        '<th scope="col" class="nhsuk-table__header">Nurses on site</th>',
        "Talk to the resident",
        "Last reviewed:",
    )


def test_guides_index_filters_by_topic_and_home_type(client, guides):
    html = client.get("/guides/").content.decode()
    assert "3 guides" in html
    html = client.get("/guides/", {"topic": "dementia-care"}).content.decode()
    assert "1 guide" in html and "Good dementia care" in html
    html = client.get("/guides/", {"home_type": "nursing"}).content.decode()
    assert "Good dementia care" not in html
    assert "2 guides" in html


@pytest.mark.parametrize(
    "params", [{"topic": "nope"}, {"home_type": "<b>"}, {"page": "x"}]
)
def test_guides_index_survives_bad_parameters(client, guides, params):
    assert client.get("/guides/", params).status_code == 200


def test_overdue_review_is_flagged_to_editors_only(client, guides, editor):
    url = guides["overdue"].url
    assert "Review overdue" not in client.get(url).content.decode()
    client.force_login(editor)
    assert "Review overdue" in client.get(url).content.decode()


def test_admin_report_lists_guides_due_for_review(client, guides, editor):
    client.force_login(editor)
    response = client.get("/admin/reports/guides-due-for-review/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Medicines basics" in html
    assert "CQC pre-inspection checklist" not in html
    export = client.get("/admin/reports/guides-due-for-review/?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert b"Medicines basics" in content


def test_admin_listing_marks_guides_needing_review(guides):
    assert (
        guides["overdue"].get_admin_display_title()
        == "Medicines basics (review overdue)"
    )
    assert guides["dementia"].get_admin_display_title() == "Good dementia care"


def test_review_reminders_go_to_owners_once_a_week(
    guides, django_capture_on_commit_callbacks
):
    owner = UserFactory(username="owner", email="owner@example.gov.uk")
    guide = guides["overdue"]
    guide.guide_owner = owner
    guide.save()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_guide_review_reminders", stdout=out)
    assert "Queued 1 review reminders" in out.getvalue()
    assert mail.outbox[0].to == ["owner@example.gov.uk"]
    assert "Medicines basics" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_guide_review_reminders", stdout=out)
    assert len(mail.outbox) == 1


def test_home_page_lists_the_latest_guides(client, guides):
    html = client.get("/").content.decode()
    assert "Good dementia care" in html
    assert "No guides have been published yet" not in html


def test_guides_appear_in_site_search(client, guides):
    html = client.get("/search/", {"q": "dementia"}).content.decode()
    assert "Good <mark>dementia</mark> care" in html


def test_guide_filters_are_checkboxes_that_keep_their_state(client, guides):
    html = client.get("/guides/", {"home_type": "nursing"}).content.decode()
    assert 'type="checkbox" value="nursing" checked' in html
    assert 'type="checkbox" value="emi"' in html
