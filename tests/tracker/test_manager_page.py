"""The manager's own pages, as a new manager would use them: asking for a
sign-in link, signing in, seeing the plan and what fits their home, asking the
team for help, and signing out."""

import re
import time

from django.core import signing
from django.test import Client

import pytest

from portal.models import QueuedEmail
from tests.factories import (
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    UserFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.portal_forms import AcademyCohortFactory, AcademyPageFactory
from tests.tracker.conftest import TODAY, days
from tests.tracker.factories import CareHomeManagerFactory
from tracker import access, services
from tracker.choices import ContactKind, DashboardList
from tracker.models import CareHomeManager, ContactNote
from tracker.roles import CARE_QUALITY_TEAM

pytestmark = pytest.mark.django_db

EMAIL = "grace.obi@larch.example.org"
SIGN_IN = "/managers/sign-in/"
PLAN = "/managers/"


@pytest.fixture
def manager(north, today, home_page):
    manager = CareHomeManagerFactory(
        name="Grace Obi",
        email=EMAIL,
        home_name="Larch Lodge",
        home_type="nursing",
        area=north,
        start_date=TODAY - days(100),
    )
    services.start_support_plan(manager)
    return manager


def link_in(email):
    return re.search(r"http://\S+/managers/sign-in/\S+/", email.body).group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def ask_for_link(client, email=EMAIL):
    QueuedEmail.objects.all().delete()
    response = client.post(SIGN_IN, {"email": email})
    assert response.status_code == 200
    return list(QueuedEmail.objects.order_by("pk"))


def signed_in_client(client, manager):
    (email,) = ask_for_link(client, manager.email)
    response = client.post(path_of(link_in(email)))
    assert response.status_code == 302
    assert response["Location"] == PLAN
    return client


def test_the_sign_in_page_asks_for_an_email_address_only(client):
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="email"' in html
    assert 'type="password"' not in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_a_known_address_is_sent_a_link_that_works_once(client, manager):
    (email,) = ask_for_link(client)
    assert email.to == [EMAIL]
    assert "sign-in link" in email.subject
    assert "60 minutes" in email.body

    link = path_of(link_in(email))
    # Opening the link (as a mail scanner would) signs nobody in.
    response = client.get(link)
    assert response.status_code == 200
    assert "Grace Obi" in response.content.decode()
    assert client.get(PLAN).status_code == 302

    response = client.post(link)
    assert response["Location"] == PLAN
    page = client.get(PLAN)
    assert page.status_code == 200
    assert "Your support plan" in page.content.decode()
    manager.refresh_from_db()
    assert manager.last_signed_in_at is not None

    # The same link again, even in another browser, is used up.
    again = Client().post(link)
    assert again.status_code == 400
    assert "already been used" in again.content.decode()


def test_the_page_says_the_same_whatever_address_is_typed(client, manager):
    known = client.post(SIGN_IN, {"email": EMAIL}).content.decode()
    unknown = client.post(SIGN_IN, {"email": "nobody@example.org"})
    assert unknown.status_code == 200
    assert "Check your email" in unknown.content.decode()
    assert "Check your email" in known
    assert not QueuedEmail.objects.filter(to__icontains="nobody@").exists()


def test_a_manager_who_has_left_gets_no_link(client, manager):
    manager.left_on = TODAY - days(1)
    manager.save()
    assert ask_for_link(client) == []


def test_a_manager_at_two_homes_gets_a_link_for_each(client, manager, north):
    CareHomeManagerFactory(email=EMAIL.upper().replace("GRACE", "grace"), area=north)
    emails = ask_for_link(client, EMAIL)
    assert len(emails) == 2


def test_a_wrong_address_is_explained_and_kept(client, manager):
    response = client.post(SIGN_IN, {"email": "grace.obi@"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter an email address in the correct format" in html
    assert 'value="grace.obi@"' in html


def test_a_bot_filling_the_hidden_field_is_sent_nothing(client, manager):
    response = client.post(SIGN_IN, {"email": EMAIL, "website": "spam"})
    assert response.status_code == 200
    assert not QueuedEmail.objects.exists()


def test_one_address_gets_at_most_five_links_an_hour(manager, settings):
    settings.TRACKER_SIGN_IN_FORMS_PER_HOUR = 100
    sent = 0
    for _ in range(7):
        sent += access.send_sign_in_link(EMAIL)
    assert sent == 5


def test_one_browser_is_slowed_down_after_ten_tries(client, manager):
    for _ in range(10):
        assert client.post(SIGN_IN, {"email": "x@example.org"}).status_code == 200
    response = client.post(SIGN_IN, {"email": "x@example.org"})
    assert response.status_code == 429
    assert "Wait an hour" in response.content.decode()


def test_an_old_link_has_expired(client, manager, monkeypatch):
    (email,) = ask_for_link(client)
    later = time.time() + 61 * 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(path_of(link_in(email)))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_a_changed_link_does_not_work(client, manager):
    (email,) = ask_for_link(client)
    response = client.get(path_of(link_in(email))[:-3] + "xx/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_a_newer_sign_in_makes_older_links_useless(client, manager):
    (first,) = ask_for_link(client)
    (second,) = ask_for_link(client)
    assert client.post(path_of(link_in(second))).status_code == 302
    assert Client().post(path_of(link_in(first))).status_code == 400


def test_signed_out_visitors_are_sent_to_sign_in(client, manager):
    for url in [PLAN, "/managers/help/", "/managers/feedback/1/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == SIGN_IN


def test_the_session_lasts_the_set_hours(client, manager, settings, monkeypatch):
    signed_in_client(client, manager)
    session = client.session
    remembered = session[access.SESSION_KEY]
    remembered["until"] = time.time() - 1
    session[access.SESSION_KEY] = remembered
    session.save()
    assert client.get(PLAN).status_code == 302


def test_a_changed_email_address_signs_the_manager_out(client, manager):
    signed_in_client(client, manager)
    CareHomeManager.objects.filter(pk=manager.pk).update(email="new@example.org")
    assert client.get(PLAN).status_code == 302


def test_signing_out(client, manager):
    signed_in_client(client, manager)
    response = client.post("/managers/sign-out/")
    assert response["Location"] == SIGN_IN
    assert client.get(PLAN).status_code == 302


def test_the_plan_shows_every_step_and_what_comes_next(client, manager):
    milestones = list(manager.milestones.order_by("due_on"))
    services.mark_milestone_done(milestones[0], TODAY - days(90), None)
    signed_in_client(client, manager)
    html = client.get(PLAN).content.decode()
    assert "Grace Obi, Larch Lodge" in html
    assert f"1 of {len(milestones)} steps done" in html
    for milestone in milestones:
        assert milestone.name in html
    # The second step is the next one; past its date, it is "to be arranged".
    assert f"<strong>{milestones[1].name}</strong>" in html
    assert "To be arranged" in html
    assert "Overdue" not in html


def test_the_page_offers_what_fits_the_home_and_nothing_unpublished(client, manager):
    root = home_page_of()
    directory = DirectoryIndexPageFactory(parent=root)
    DirectoryEntryPageFactory(
        parent=directory, title="Leading a nursing team", for_managers=True
    )
    DirectoryEntryPageFactory(
        parent=directory,
        title="Residential only course",
        for_managers=True,
        suits_nursing=False,
    )
    DirectoryEntryPageFactory(parent=directory, title="For care workers only")
    draft = DirectoryEntryPageFactory(
        parent=directory, title="Draft manager course", for_managers=True
    )
    draft.unpublish()
    guides = GuideIndexPageFactory(parent=root)
    GuidePageFactory(parent=guides, title="Nursing home handovers")
    events = EventIndexPageFactory(parent=root)
    EventPageFactory(
        parent=events, title="Registered Managers Network", event_type="network-meeting"
    )
    academy = AcademyPageFactory(parent=root)
    cohort = AcademyCohortFactory(page=academy, name="Autumn cohort")
    AcademyCohortFactory(page=academy, name="Closed cohort", status="closed")

    signed_in_client(client, manager)
    html = client.get(PLAN).content.decode()
    assert "Leading a nursing team" in html
    assert "Residential only course" not in html
    assert "For care workers only" not in html
    assert "Draft manager course" not in html
    assert "home_type=nursing&amp;audience=manager" in html
    assert "Nursing home handovers" in html
    assert "Registered Managers Network" in html
    assert "Autumn cohort" in html
    assert f"/apply/{cohort.pk}/" in html
    assert "Closed cohort" not in html


def home_page_of():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page


def test_the_page_says_so_when_there_is_nothing_to_offer(client, manager):
    signed_in_client(client, manager)
    html = client.get(PLAN).content.decode()
    assert "There is no training listed" in html
    assert "No meetings are planned yet" in html
    assert "No cohort is open" in html


def test_the_page_is_never_cached(client, manager):
    signed_in_client(client, manager)
    response = client.get(PLAN)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


# Asking for help ----------------------------------------------------------------


@pytest.fixture
def officer(db):
    return UserFactory(
        username="officer2",
        email="officer@council.example.gov.uk",
        groups=[CARE_QUALITY_TEAM],
    )


def test_asking_for_help_reaches_the_team(client, manager, officer):
    signed_in_client(client, manager)
    QueuedEmail.objects.all().delete()
    message = "Could someone help me plan the staff rota for winter?"
    response = client.post("/managers/help/", {"message": message})
    assert response["Location"] == PLAN
    assert "gone to the Care Quality Team" in client.get(PLAN).content.decode()

    note = ContactNote.objects.get(manager=manager)
    assert note.kind == ContactKind.HELP_REQUEST
    assert note.text == message
    (email,) = QueuedEmail.objects.all()
    assert email.to == [officer.email]
    # The email links to the record; the message itself stays in the tracker.
    assert f"/admin/tracker/managers/inspect/{manager.pk}/" in email.body
    assert message not in email.body

    waiting = services.dashboard_list(DashboardList.HELP_REQUESTED)
    assert [request.manager for request in waiting] == [manager]
    services.record_contact(manager, "call", TODAY, officer, "Called back about rotas.")
    assert not services.dashboard_list(DashboardList.HELP_REQUESTED).exists()


def test_an_empty_request_is_explained(client, manager):
    signed_in_client(client, manager)
    response = client.post("/managers/help/", {"message": "  "})
    assert response.status_code == 400
    assert "Tell us what you would like help with" in response.content.decode()
    assert not ContactNote.objects.exists()


def test_a_long_request_keeps_what_was_typed(client, manager):
    signed_in_client(client, manager)
    text = "Help " * 500
    response = client.post("/managers/help/", {"message": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert "2000 characters or fewer" in html
    assert "Help Help Help" in html


def test_the_team_cannot_pretend_a_manager_asked(manager, officer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.record_contact(manager, ContactKind.HELP_REQUEST, TODAY, officer, "x")


def test_the_help_request_shows_on_the_record(client, manager, team_member):
    services.ask_for_help(manager, "Advice on the CQC registration interview")
    client.force_login(team_member)
    html = client.get(f"/admin/tracker/managers/inspect/{manager.pk}/").content.decode()
    assert "Asked for help (from their page)" in html
    assert "Sent by the manager from their page" in html
    dashboard = client.get("/admin/tracker/dashboard/").content.decode()
    assert "Asked for help, not yet answered (1)" in dashboard
    export = client.get("/admin/tracker/dashboard/help.csv")
    assert "Days waiting" in b"".join(export).decode("utf-8-sig")


def test_sessions_of_two_managers_stay_apart(manager, north):
    other = CareHomeManagerFactory(
        name="Tom Reid",
        email="tom.reid@oak.example.org",
        area=north,
        start_date=TODAY - days(10),
    )
    first = signed_in_client(Client(), manager)
    second = signed_in_client(Client(), other)
    assert "Grace Obi" in first.get(PLAN).content.decode()
    html = second.get(PLAN).content.decode()
    assert "Tom Reid" in html
    assert "Grace Obi" not in html
