import pytest

from directory.choices import FeedbackStatus
from directory.models import DirectoryEntryPage, Feedback, OutdatedReport
from tests.factories import FeedbackFactory
from tests.pages import assert_shows, page_html

pytestmark = pytest.mark.django_db

GOOD_FEEDBACK = {
    "feedback-rating": "4",
    "feedback-comment": "Short, practical and made for care homes.",
    "feedback-role": "care-worker",
    "feedback-home_type": "nursing",
    "feedback-website": "",
}


def feedback_url(entry):
    return entry.url + "feedback/"


def test_feedback_is_held_for_moderation(client, entries):
    entry = entries["pressure"]
    response = client.post(feedback_url(entry), GOOD_FEEDBACK, follow=True)
    assert response.status_code == 200
    assert "will appear once it has been checked" in response.content.decode()
    feedback = Feedback.objects.get()
    assert feedback.status == FeedbackStatus.PENDING
    assert "Short, practical" not in client.get(entry.url).content.decode()


def test_approved_feedback_is_shown_and_summarised(client, entries):
    entry = entries["pressure"]
    for rating in (5, 4):
        FeedbackFactory(
            entry=entry,
            rating=rating,
            comment=f"Rated {rating}",
            status=FeedbackStatus.APPROVED,
        )
    FeedbackFactory(entry=entry, rating=1, comment="Not yet checked")
    entry = DirectoryEntryPage.objects.get(pk=entry.pk)
    assert entry.rating_count == 2
    assert float(entry.rating_average) == 4.5
    html = client.get(entry.url).content.decode()
    assert "4.5 out of 5" in html
    assert "Rated 5" in html
    assert "Not yet checked" not in html
    listing = client.get("/directory/").content.decode()
    assert "4.5 out of 5 (2 reviews)" in listing


def test_rejecting_feedback_updates_the_summary(entries):
    entry = entries["pressure"]
    feedback = FeedbackFactory(
        entry=entry, rating=2, comment="Too long", status=FeedbackStatus.APPROVED
    )
    feedback.status = FeedbackStatus.REJECTED
    feedback.save()
    assert DirectoryEntryPage.objects.get(pk=entry.pk).rating_count == 0


def test_invalid_feedback_shows_errors_and_keeps_what_was_typed(client, entries):
    entry = entries["pressure"]
    data = {**GOOD_FEEDBACK, "feedback-rating": "", "feedback-comment": "Kept text"}
    response = client.post(feedback_url(entry), data)
    assert_shows(
        page_html(response, status=400),
        "There is a problem",
        "Choose a rating from 1 to 5",
        "Kept text",
    )
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"feedback-rating": "9"},
        {"feedback-role": "astronaut"},
        {"feedback-comment": "x" * 1001},
        {"feedback-home_type": ""},
    ],
)
def test_out_of_range_feedback_is_refused(client, entries, change):
    response = client.post(
        feedback_url(entries["pressure"]), {**GOOD_FEEDBACK, **change}
    )
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_honeypot_stores_nothing(client, entries):
    data = {**GOOD_FEEDBACK, "feedback-website": "http://spam.example"}
    response = client.post(feedback_url(entries["pressure"]), data)
    assert response.status_code == 302
    assert not Feedback.objects.exists()


def test_rate_limit_stops_floods(client, entries):
    url = feedback_url(entries["pressure"])
    for _ in range(5):
        assert client.post(url, GOOD_FEEDBACK).status_code == 302
    response = client.post(url, GOOD_FEEDBACK)
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Feedback.objects.count() == 5


def test_get_on_the_feedback_url_goes_back_to_the_entry(client, entries):
    entry = entries["pressure"]
    response = client.get(feedback_url(entry))
    assert response.status_code == 302


def test_reporting_an_out_of_date_entry(client, entries):
    entry = entries["medicines"]
    response = client.post(
        entry.url + "report/",
        {"report-message": "The phone number has changed.", "report-email": ""},
    )
    assert response.status_code == 302
    report = OutdatedReport.objects.get()
    assert report.entry.pk == entry.pk
    response = client.post(
        entry.url + "report/", {"report-message": "", "report-email": "bad"}
    )
    assert response.status_code == 400
    assert "Enter an email address like name@example.com" in response.content.decode()


def test_feedback_is_moderated_in_the_admin(client, entries, moderator, admin_user):
    feedback = FeedbackFactory(
        entry=entries["pressure"], rating=5, comment="Great", home_type="emi"
    )
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/directory/feedback/")
    assert listing.status_code == 200
    assert "Great" in listing.content.decode() or "5/5" in listing.content.decode()
    edit_url = f"/admin/snippets/directory/feedback/edit/{feedback.pk}/"
    response = client.post(edit_url, {"status": "approved"})
    assert response.status_code == 302, response.content.decode()[:2000]
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.APPROVED
    assert DirectoryEntryPage.objects.get(pk=entries["pressure"].pk).rating_count == 1
