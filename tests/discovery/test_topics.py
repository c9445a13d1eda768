import pytest
from taggit.models import Tag

from discovery.models import TopicHub, TopicHubPin, TopicIndexPage
from tests.factories import (
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    signed_in_only,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory, days_ahead
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.pages import count_first_queries, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page):
    topics = TopicIndexPage(title="Topics", slug="topics")
    home_page.add_child(instance=topics)
    return {
        "topics": topics,
        "guides": GuideIndexPageFactory(parent=home_page),
        "directory": DirectoryIndexPageFactory(parent=home_page),
        "events": EventIndexPageFactory(parent=home_page),
        "news": NewsIndexPageFactory(parent=home_page),
    }


@pytest.fixture
def content(site):
    pages = {
        "guide": GuidePageFactory(
            parent=site["guides"],
            title="Good dementia care",
            topics=["Dementia care", "Dignity"],
        ),
        "draft_guide": GuidePageFactory(
            parent=site["guides"],
            title="Unfinished guide",
            live=False,
            topics=["Dementia care", "Secret topic"],
        ),
        "entry": DirectoryEntryPageFactory(
            parent=site["directory"],
            title="Dementia care mapping",
            topics=["Dementia care"],
        ),
        "entry2": DirectoryEntryPageFactory(
            parent=site["directory"],
            title="Safeguarding e-learning",
            topics=["Safeguarding", "Dementia care"],
        ),
        "event": EventPageFactory(
            parent=site["events"],
            title="Dementia friends session",
            topics=["Dementia care"],
        ),
        "past_event": EventPageFactory(
            parent=site["events"],
            title="Last year's forum",
            start=days_ahead(-30),
            topics=["Dementia care"],
        ),
        "news": NewsPageFactory(
            parent=site["news"],
            title="Garden grants for dementia-friendly outdoor space",
            topics=["Dementia care"],
            action_required=True,
            action="Apply",
        ),
    }
    pages["private"] = signed_in_only(
        NewsPageFactory(
            parent=site["news"], title="Private dementia memo", topics=["Dementia care"]
        )
    )
    return pages


def test_index_lists_topics_with_counts_of_live_public_content(client, content):
    response = client.get("/topics/")

    assert response.status_code == 200
    topics = {topic.slug: topic for topic in response.context["topics"]}
    assert list(topics) == ["dementia-care", "dignity", "safeguarding"]
    dementia = topics["dementia-care"]
    assert (dementia.guides, dementia.entries, dementia.events, dementia.news) == (
        1,
        2,
        1,
        1,
    )
    html = response.content.decode()
    assert '<a href="/topics/dementia-care/">Dementia care</a>' in html
    assert "1 guide, 2 directory entries, 1 upcoming event date, 1 news item" in html
    assert "Secret topic" not in html


def test_hub_gathers_each_kind_with_links_to_the_full_lists(client, content):
    response = client.get("/topics/dementia-care/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Dementia care</h1>" in html
    for title in (
        "Good dementia care",
        "Dementia care mapping",
        "Safeguarding e-learning",
        "Dementia friends session",
        "Garden grants for dementia-friendly outdoor space",
    ):
        assert title in html
    for hidden in (
        "Unfinished guide",
        "Private dementia memo",
        "Last year&#x27;s forum",
    ):
        assert hidden not in html
    assert "Action required" in html
    for url in (
        "/guides/?topic=dementia-care",
        "/directory/?topic=dementia-care",
        "/events/?topic=dementia-care",
        "/news/?topic=dementia-care",
    ):
        assert f'href="{url}"' in html
    assert 'href="/news/feed/?topic=dementia-care"' in html


@pytest.mark.parametrize(
    "url, shown, not_shown",
    [
        ("/guides/?topic=dignity", "Good dementia care", None),
        (
            "/directory/?topic=safeguarding",
            "Safeguarding e-learning",
            "Dementia care mapping",
        ),
        ("/events/?topic=dementia-care", "Dementia friends session", None),
        ("/news/?topic=dementia-care", "Garden grants", None),
    ],
)
def test_hub_links_use_the_filters_each_list_accepts(
    client, content, site, url, shown, not_shown
):
    GuidePageFactory(parent=site["guides"], title="Unrelated guide")
    response = client.get(url)

    html = response.content.decode()
    assert shown in html
    assert "Unrelated guide" not in html
    if not_shown:
        assert not_shown not in html


def test_hub_lists_are_short_and_say_how_many_in_all(client, content, site):
    for number in range(7):
        GuidePageFactory(
            parent=site["guides"], title=f"Dignity guide {number}", topics=["Dignity"]
        )

    response = client.get("/topics/dignity/")

    guides = response.context["hub"].sections[0]
    assert guides.count == 8
    assert len(guides.items) == 5
    assert "See all 8 guides" in response.content.decode()


@pytest.mark.parametrize("slug", ["no-such-topic", "secret-topic"])
def test_topic_without_live_public_content_has_no_hub(client, content, slug):
    assert client.get(f"/topics/{slug}/").status_code == 404


def test_editor_introduction_and_pins_show_when_published(client, content):
    tag = Tag.objects.get(slug="dementia-care")
    hub = TopicHub(tag=tag, introduction="<p>Start with knowing the person.</p>")
    hub.pins = [
        TopicHubPin(page=content["guide"], note="Start here"),
        TopicHubPin(page=content["draft_guide"]),
        TopicHubPin(page=content["private"]),
    ]
    hub.save()

    html = client.get("/topics/dementia-care/").content.decode()

    assert "Start with knowing the person." in html
    assert "Start here" in html
    pinned = html.split('id="pinned-heading"')[1].split("</section>")[0]
    assert "Good dementia care" in pinned
    assert "Unfinished guide" not in pinned
    assert "Private dementia memo" not in pinned

    hub.live = False
    hub.save()
    html = client.get("/topics/dementia-care/").content.decode()
    assert "Start with knowing the person." not in html
    assert 'id="pinned-heading"' not in html


@pytest.mark.parametrize("key", ["guide", "entry", "event", "news"])
def test_topic_tags_link_to_their_hub_wherever_shown(client, content, key):
    html = client.get(content[key].url).content.decode()

    assert '<a href="/topics/dementia-care/">Dementia care</a>' in html


def test_tags_stay_plain_text_without_a_topics_index(client, content, site):
    site["topics"].unpublish()

    html = client.get(content["guide"].url).content.decode()

    assert "Dementia care" in html
    assert 'href="/topics/dementia-care/"' not in html


def test_sitemap_lists_every_hub(client, content):
    xml = client.get("/sitemap.xml").content.decode()

    assert "/topics/dementia-care/</loc>" in xml
    assert "/topics/safeguarding/</loc>" in xml
    assert "/topics/secret-topic/</loc>" not in xml


def add_content(site, count, start):
    for number in range(start, start + count):
        topics = ["Dementia care", f"Extra topic {number % 4}"]
        GuidePageFactory(parent=site["guides"], title=f"Guide {number}", topics=topics)
        DirectoryEntryPageFactory(
            parent=site["directory"], title=f"Course {number}", topics=topics
        )
        EventPageFactory(
            parent=site["events"],
            title=f"Session {number}",
            start=days_ahead(3 + number % 20),
            topics=topics,
        )
        NewsPageFactory(parent=site["news"], title=f"Update {number}", topics=topics)


def test_topic_queries_stay_constant_as_content_grows(client, content, site):
    urls = ["/topics/", "/topics/dementia-care/"]
    tag = Tag.objects.get(slug="dementia-care")
    hub = TopicHub(tag=tag, introduction="<p>Intro.</p>")
    hub.pins = [TopicHubPin(page=content["guide"]), TopicHubPin(page=content["news"])]
    hub.save()
    # One growing set of content serves both pages: making it is the slow part.
    add_content(site, 3, start=0)
    for url in urls:
        client.get(url)  # warm per-process caches (site root, content types)
    pages = [(url, None) for url in urls]
    small = count_first_queries(client, pages)
    add_content(site, 12, start=100)
    large = count_first_queries(client, pages)
    assert large == small, "queries with a little content (right) and more (left)"


def test_tagged_pages_render_tag_links_in_constant_queries(client, content, site):
    url = content["guide"].url
    client.get(url)
    small = count_queries(client, url)
    content["guide"].tags.add("Oral health", "Wellbeing", "Leadership")
    content["guide"].save()
    assert count_queries(client, url) == small


def test_events_far_ahead_still_count_only_within_the_listing_horizon(client, site):
    EventPageFactory(
        parent=site["events"],
        title="Forum in two years",
        start=days_ahead(800),
        topics=["Leadership"],
    )
    assert client.get("/topics/leadership/").status_code == 404
    EventPageFactory(
        parent=site["events"],
        title="Forum next week",
        start=days_ahead(7),
        topics=["Leadership"],
    )
    assert "Forum next week" in client.get("/topics/leadership/").content.decode()


def hub_form(tag, introduction, page=None):
    data = {
        "tag": tag.pk,
        "introduction": introduction,
        "pins-TOTAL_FORMS": "1" if page else "0",
        "pins-INITIAL_FORMS": "0",
        "pins-MIN_NUM_FORMS": "0",
        "pins-MAX_NUM_FORMS": "4",
    }
    if page:
        data.update(
            {"pins-0-page": page.pk, "pins-0-note": "Start here", "pins-0-ORDER": "1"}
        )
    return data


def test_editors_draft_hubs_in_the_admin_and_moderators_publish_them(
    client, content, editor, moderator
):
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    tag = Tag.objects.get(slug="dementia-care")
    intro = ContentstateConverter(features=["bold"]).from_database_format(
        "<p>Know the person first.</p>"
    )
    client.force_login(editor)
    assert client.get("/admin/snippets/discovery/topichub/").status_code == 200
    response = client.post(
        "/admin/snippets/discovery/topichub/add/",
        hub_form(tag, intro, content["guide"]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    hub = TopicHub.objects.get(tag=tag)
    assert not hub.live  # editors cannot publish
    assert (
        "Know the person first."
        not in client.get("/topics/dementia-care/").content.decode()
    )

    client.force_login(moderator)
    response = client.post(
        f"/admin/snippets/discovery/topichub/edit/{hub.pk}/",
        {**hub_form(tag, intro, content["guide"]), "action-publish": "publish"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    hub.refresh_from_db()
    assert hub.live
    html = client.get("/topics/dementia-care/").content.decode()
    assert "Know the person first." in html
    assert "Start here" in html
