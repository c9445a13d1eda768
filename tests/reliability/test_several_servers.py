"""Two app servers, one truth: an edit made through server A shows on server B
at once, and a Redis outage costs speed, never errors.

Two gunicorn servers (separate processes, separate ports, production
settings) share one PostgreSQL database (with its full-text search as the
search engine) and one Redis (cache, cached pages, rate limits). Editors'
changes are made through server A: unpublishing through its admin over HTTP,
the rest by the same model methods the admin calls, in a process with server
A's configuration. Server B is then asked, and must show the change within a
second, cached pages included.
"""

import json
import textwrap

import pytest
import requests

from tests.reliability.services import (
    AppServer,
    RedisServer,
    Visitor,
    create_admin,
    manage,
    portal_environment,
    wait_for,
)

EDITOR = {"username": "editor-a", "password": "two-servers-editor-password-1"}


@pytest.fixture(scope="module")
def cluster(seeded_site, tmp_path_factory):
    """Redis, a copy of the seeded site and servers A and B."""
    redis = RedisServer(tmp_path_factory.mktemp("redis")).start()
    environment, _ = seeded_site.copy(
        "several_servers",
        portal_environment,
        CACHE_URL=redis.url,
        SEARCH_BACKEND="database",
        PAGE_CACHE_SECONDS=300,
    )
    create_admin(environment, **EDITOR)
    servers = {
        "A": AppServer(environment, name="A").start(),
        "B": AppServer(environment, name="B").start(),
    }
    yield {"environment": environment, "redis": redis, **servers}
    for server in servers.values():
        server.stop()
    redis.stop()


def on_server_a(cluster, code):
    """Runs Python in a process configured as server A; returns what the code
    left in `result`, which must be JSON."""
    program = "import json\nresult = None\n" + textwrap.dedent(code)
    program += "\nprint('RESULT:' + json.dumps(result))"
    finished = manage(cluster["environment"], "shell", "-c", program)
    line = [row for row in finished.stdout.splitlines() if row.startswith("RESULT:")]
    return json.loads(line[-1].removeprefix("RESULT:"))


def get(server, path, **kwargs):
    return requests.get(server.base_url + path, timeout=10, **kwargs)


def within_a_second(check, what):
    """check() becomes true within a second (polled), or the test fails."""
    return wait_for(check, f"server B to show {what}", timeout=1.0)


def warm(server, path):
    """Visits a page until server B serves it from the page cache."""
    for _ in range(3):
        response = get(server, path)
        assert response.status_code == 200, (path, response.status_code)
        if response.headers.get("X-Page-Cache") == "hit":
            return response
    pytest.fail(f"{path} was never served from the page cache")


def test_unpublishing_in_server_a_admin_removes_the_page_everywhere_on_b(cluster):
    a, b = cluster["A"], cluster["B"]
    guide = on_server_a(
        cluster,
        """
        from guides.models import GuidePage
        page = GuidePage.objects.live().public().order_by("path").last()
        result = {"id": page.pk, "url": page.url, "title": page.title}
        """,
    )
    index_path = guide["url"].rstrip("/").rsplit("/", 1)[0] + "/"
    warm(b, guide["url"])
    warm(b, index_path)
    word = guide["title"].split()[0]
    # Results link to the page (their titles are highlighted).
    assert f'href="{guide["url"]}"' in get(b, f"/search/?q={word}").text
    assert guide["url"] in get(b, "/sitemap.xml").text

    editor = Visitor(a).sign_in(**EDITOR)
    confirm_path = f"/admin/pages/{guide['id']}/unpublish/"
    done = editor.post(
        confirm_path, data={"csrfmiddlewaretoken": editor.csrf_token(confirm_path)}
    )
    assert done.status_code == 302, done.text[:500]

    within_a_second(lambda: get(b, guide["url"]).status_code == 404, "the 404")
    assert guide["title"] not in get(b, index_path).text
    assert f'href="{guide["url"]}"' not in get(b, f"/search/?q={word}").text
    assert guide["url"] not in get(b, "/sitemap.xml").text


def test_retitling_a_menu_section_shows_in_b_menus_at_once(cluster):
    b = cluster["B"]
    warm(b, "/")
    section = on_server_a(
        cluster,
        """
        from wagtail.models import Site
        page = Site.objects.get(is_default_site=True).root_page.get_children().live().in_menu().first().specific
        old = page.title
        page.title = "Renamed section " + str(page.pk)
        page.save_revision().publish()
        result = {"old": old, "new": page.title, "url": page.url}
        """,
    )
    within_a_second(lambda: section["new"] in get(b, "/").text, "the new menu label")
    # Every page's header shows it, cached or not.
    assert section["new"] in get(b, "/events/").text
    assert section["new"] in get(b, section["url"]).text


def test_moving_a_page_moves_it_on_b(cluster):
    b = cluster["B"]
    moved = on_server_a(
        cluster,
        """
        from guides.models import GuideIndexPage, GuidePage
        page = GuidePage.objects.live().public().order_by("path").first()
        target = page.get_parent().get_children().live().exclude(pk=page.pk).filter(numchild__gte=0).type(GuidePage).first()
        old_url = page.url
        page.move(target, pos="last-child")
        page.refresh_from_db()
        result = {"old": old_url, "new": page.url, "title": page.title}
        """,
    )
    assert moved["old"] != moved["new"]
    within_a_second(
        lambda: get(b, moved["new"]).status_code == 200, "the page at its new address"
    )
    assert moved["title"] in get(b, moved["new"]).text
    # Wagtail's redirect from the old address, not the old page.
    old = get(b, moved["old"], allow_redirects=False)
    assert old.status_code in (301, 302, 404)
    if old.status_code != 404:
        assert old.headers["Location"].endswith(moved["new"])


def test_directory_search_and_facets_on_b_follow_a_retitled_entry(cluster):
    b = cluster["B"]
    path = "/directory/?q=zeppelin"
    assert "0 results for <q>zeppelin</q>" in get(b, path).text
    on_server_a(
        cluster,
        """
        from directory.models import DirectoryEntryPage
        entry = DirectoryEntryPage.objects.live().filter(suits_nursing=True).order_by("path").first()
        entry.title = "Zeppelin safety awareness for nursing homes"
        entry.save_revision().publish()
        """,
    )
    found = within_a_second(
        lambda: (
            (page := get(b, path)).status_code == 200
            and "1 result for <q>zeppelin</q>" in page.text
            and page
        ),
        "the retitled entry in directory search",
    )
    assert "<mark>Zeppelin</mark> safety awareness" in found.text
    # The facet counts are those of the new results.
    assert 'Nursing <span class="portal-count">(1<' in found.text


def test_topic_hub_snippet_and_settings_edits_show_on_b(cluster):
    b = cluster["B"]
    hub = on_server_a(
        cluster,
        """
        from discovery.models import TopicHub
        hub = TopicHub.objects.filter(live=True).select_related("tag").first()
        result = {"slug": hub.tag.slug}
        """,
    )
    hub_path = f"/topics/{hub['slug']}/"
    warm(b, hub_path)
    warm(b, "/")
    on_server_a(
        cluster,
        """
        from discovery.models import TopicHub
        hub = TopicHub.objects.get(tag__slug={slug!r})
        hub.introduction = "<p>Brand new hub introduction from server A.</p>"
        hub.save_revision().publish()
        """.format(slug=hub["slug"]),
    )
    within_a_second(
        lambda: "Brand new hub introduction" in get(b, hub_path).text,
        "the edited topic hub",
    )
    on_server_a(
        cluster,
        """
        from wagtail.models import Site
        from portal.models import PortalSettings
        settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
        settings.contact_phone = "0300 555 0199"
        settings.save()
        """,
    )
    within_a_second(
        lambda: "0300 555 0199" in get(b, "/").text, "the new contact phone number"
    )


def test_event_feed_on_b_follows_a_retitled_event(cluster):
    b = cluster["B"]
    warm(b, "/events/feed/")
    on_server_a(
        cluster,
        """
        from django.utils import timezone
        from events.models import EventPage
        event = EventPage.objects.live().public().filter(start__gte=timezone.now()).order_by("start").first()
        event.title = "Falls network meeting, new venue"
        event.save_revision().publish()
        """,
    )
    within_a_second(
        lambda: "Falls network meeting\\, new venue" in get(b, "/events/feed/").text,
        "the retitled event in the calendar feed",
    )


def test_when_redis_dies_pages_and_forms_keep_working(cluster):
    a, b, redis = cluster["A"], cluster["B"], cluster["redis"]
    guide = on_server_a(
        cluster,
        """
        from guides.models import GuidePage
        page = GuidePage.objects.live().public().order_by("-path").first()
        result = {"id": page.pk, "url": page.url}
        """,
    )
    warm(b, guide["url"])
    redis.stop()
    try:
        for path in ["/", guide["url"], "/directory/?home_type=nursing", "/events/"]:
            for server in (a, b):
                response = get(server, path)
                assert response.status_code == 200, (server.name, path)
                assert response.headers.get("X-Page-Cache") != "hit"
        # A public form still takes a submission, and nothing is lost.
        visitor = Visitor(a)
        token = visitor.csrf_token("/ask-for-support/")
        sent = visitor.post("/ask-for-support/", data=support_request(token))
        assert sent.status_code == 302, sent.text[:500]
        stored = on_server_a(
            cluster,
            """
            from support.models import SupportRequest
            result = SupportRequest.objects.filter(email="outage@example.org").count()
            """,
        )
        assert stored == 1
        # An editor unpublishes a page while Redis is down.
        on_server_a(
            cluster,
            f"""
            from wagtail.models import Page
            Page.objects.get(pk={guide["id"]}).specific.unpublish()
            """,
        )
    finally:
        redis.start()
    # Redis is back with the page still stored under the old generation if it
    # kept its data; either way the page is gone on both servers.
    for server in (a, b):
        assert get(server, guide["url"]).status_code == 404
    assert "ERROR" not in a.output() and "Traceback" not in b.output()


def support_request(token):
    return {
        "csrfmiddlewaretoken": token,
        "home_name": "Maple House",
        "cqc_location_id": "1-123456789",
        "home_type": "nursing",
        "contact_name": "Outage Tester",
        "email": "outage@example.org",
        "need": "training",
        "urgency": "routine",
        "description": "We would like help planning dementia training for new staff.",
        "consent": "on",
        "website": "",
    }
