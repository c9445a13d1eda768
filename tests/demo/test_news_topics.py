from django.core.management import call_command

import pytest

from discovery.models import TopicHub
from discovery.topics import topics_with_counts
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_demo_has_news_to_act_on_and_populated_topic_hubs(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    # A second run changing nothing is tested on every model in test_loader.py.
    call_command("seed_demo", "--skip-index")

    news = NewsPage.objects.live().public()
    assert news.count() == 12
    acting = news.filter(action_required=True)
    assert acting.count() >= 3
    assert acting.exclude(deadline=None).count() >= 2

    populated = [
        topic
        for topic in topics_with_counts()
        if sum(bool(n) for n in (topic.guides, topic.entries, topic.events, topic.news))
        >= 2
    ]
    assert len(populated) >= 8
    for topic in populated:
        response = client.get(f"/topics/{topic.slug}/")
        assert response.status_code == 200
        assert response.context["hub"].total == topic.total
    assert TopicHub.objects.filter(live=True).count() == 3

    html = client.get("/").content.decode()
    assert "What&#x27;s new" in html or "What's new" in html
    assert "Action required" in html
    assert client.get("/news/feed/").status_code == 200
