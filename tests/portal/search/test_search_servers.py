"""SEARCH_BACKEND=opensearch and =elasticsearch: importable, checked, mapped right.

No search server can be installed here, so each client library talks to a fake
node of its own kind (opensearch-py's Connection, elastic-transport's BaseNode)
that records every request and answers as a server would. What the portal
sends is then read back: index names, the English analyser, the text, filter
and autocomplete fields, and the live filter on every query.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse

from directory.models import DirectoryEntryPage
from guides.models import GuidePage
from portal.settings.base import search_backend_settings
from tests.factories import DirectoryEntryPageFactory, DirectoryIndexPageFactory

ROOT = Path(__file__).resolve().parents[3]
EMPTY_HITS = {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}


def server_answer(method, path):
    """What a search server says: no index yet, no hits, everything else done."""
    if method == "HEAD":
        return 404, {}
    if "/_search" in path:
        return 200, EMPTY_HITS
    if "/_bulk" in path:
        return 200, {"took": 1, "errors": False, "items": []}
    return 200, {"acknowledged": True}


def recording_opensearch_connection():
    """opensearch-py's Connection, recording; made once the portal has imported
    the client (importing opensearchpy first would meet our `events` app)."""
    from portal.search.opensearch import SearchBackend

    Connection = sys.modules[
        SearchBackend.client_class.__module__.split(".")[0]
    ].Connection

    class RecordingOpenSearchConnection(Connection):
        requests = []

        def perform_request(
            self,
            method,
            url,
            params=None,
            body=None,
            timeout=None,
            ignore=(),
            headers=None,
        ):
            self.requests.append((method, url, body))
            status, data = server_answer(method, url)
            return status, {"content-type": "application/json"}, json.dumps(data)

    return RecordingOpenSearchConnection


class RecordingElasticsearchNode(BaseNode):
    requests = []

    def perform_request(
        self, method, target, body=None, headers=None, request_timeout=None
    ):
        self.requests.append((method, target, body))
        status, data = server_answer(method, target)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            # The Elasticsearch 8 client refuses a server that does not say this.
            headers=HttpHeaders(
                {
                    "content-type": "application/json",
                    "x-elastic-product": "Elasticsearch",
                }
            ),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(data).encode())


RECORDERS = {
    "opensearch": ("connection_class", recording_opensearch_connection),
    "elasticsearch": ("node_class", lambda: RecordingElasticsearchNode),
}


@pytest.fixture(params=sorted(RECORDERS))
def engine(request):
    """(backend, recorded requests) for one engine, configured as the settings do."""
    import importlib

    params = search_backend_settings(request.param)
    module = importlib.import_module(params.pop("BACKEND"))
    option, make_recorder = RECORDERS[request.param]
    recorder = make_recorder()
    recorder.requests = []
    params["OPTIONS"] = {option: recorder}
    return module.SearchBackend(params), recorder.requests


def sent(requests, method, path_part):
    """The JSON bodies of the recorded requests with this method and path."""
    bodies = []
    for recorded_method, path, body in requests:
        if recorded_method == method and path_part in path:
            if isinstance(body, bytes):
                body = body.decode()
            bodies.append(json.loads(body) if body else None)
    return bodies


def test_the_events_app_stays_ours_after_the_opensearch_client_imports():
    import events
    import portal.search.opensearch  # noqa: F401
    from events.models import EventPage

    assert Path(sys.modules["events"].__file__).parent == ROOT / "events"
    assert events.__file__ == sys.modules["events"].__file__
    assert EventPage._meta.app_label == "events"
    # The client got the PyPI package it needs, under its own name.
    metrics_events = sys.modules["opensearchpy.metrics.metrics_events"]
    assert metrics_events.Events.__module__.startswith("_opensearch_events")


@pytest.mark.parametrize("name", ["opensearch", "elasticsearch"])
def test_manage_py_check_passes_with_each_search_server(name, tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SEARCH_", "DJANGO_SETTINGS"))
    }
    environment.update(
        SEARCH_BACKEND=name,
        SEARCH_URL="http://search.invalid:9200",
        PORTAL_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
    )
    program = (
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('check');"
        "from wagtail.search.backends import get_search_backend;"
        "print(type(get_search_backend()).__name__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    expected = {
        "opensearch": "OpenSearch2SearchBackend",
        "elasticsearch": "Elasticsearch8SearchBackend",
    }[name]
    assert expected in result.stdout
    assert "System check identified no issues" in result.stdout + result.stderr


@pytest.mark.django_db
def test_index_is_named_with_the_prefix_and_analyses_english(engine):
    backend, requests = engine
    index = backend.get_index_for_model(DirectoryEntryPage)
    assert index.name == "care_portal_wagtailcore_page"
    index.put()
    (created,) = sent(requests, "PUT", "/care_portal_wagtailcore_page")
    analysis = created["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "english"}
    # Autocomplete's own analyser is kept beside it.
    assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.mark.django_db
def test_directory_mapping_has_text_filters_and_autocomplete(engine):
    backend, requests = engine
    index = backend.get_index_for_model(DirectoryEntryPage)
    index.add_model(DirectoryEntryPage)
    (mapping,) = sent(requests, "PUT", "/_mapping")
    fields = mapping["properties"]
    prefix = "directory_directoryentrypage__"
    # Searchable text, the summary boosted like the title.
    assert fields["title"]["type"] == "text"
    assert fields[prefix + "summary"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
    assert fields[prefix + "description"]["type"] == "text"
    # Every facet the directory filters on is a filter field of the right type.
    for name in ["kind", "format", "cost", "level"]:
        assert fields[f"{prefix}{name}_filter"] == {"type": "keyword"}
    for name in ["suits_residential", "suits_nursing", "suits_emi", "citywide"]:
        assert fields[f"{prefix}{name}_filter"] == {"type": "boolean"}
    assert fields[prefix + "tags"]["properties"]["slug_filter"] == {"type": "keyword"}
    assert fields[prefix + "areas"]["properties"]["slug_filter"] == {"type": "keyword"}
    assert fields["live_filter"] == {"type": "boolean"}
    # Autocomplete matches the start of words.
    assert fields["title_edgengrams"]["analyzer"] == "edgengram_analyzer"


@pytest.mark.django_db
def test_guide_mapping_carries_the_home_types(engine):
    backend, requests = engine
    backend.get_index_for_model(GuidePage).add_model(GuidePage)
    (mapping,) = sent(requests, "PUT", "/_mapping")
    fields = mapping["properties"]
    assert fields["title"]["type"] == "text"
    assert any(name.startswith("guides_guidepage__") for name in fields)
    assert fields["live_filter"] == {"type": "boolean"}


@pytest.mark.django_db
def test_queries_only_ask_for_live_entries_with_the_filters_chosen(engine):
    backend, requests = engine
    results = backend.search(
        "training", DirectoryEntryPage.objects.live().filter(suits_emi=True)
    )
    assert list(results) == []
    (query,) = sent(requests, "POST", "/care_portal_wagtailcore_page/_search")
    terms = query["query"]["bool"]["filter"][1]["bool"]["must"]
    assert {"term": {"live_filter": True}} in terms
    assert {"term": {"directory_directoryentrypage__suits_emi_filter": True}} in terms
    match = query["query"]["bool"]["must"]["multi_match"]
    assert match["query"] == "training"


@pytest.mark.django_db
def test_autocomplete_searches_word_starts(engine):
    backend, requests = engine
    assert list(backend.autocomplete("hois", DirectoryEntryPage.objects.live())) == []
    (query,) = sent(requests, "POST", "/_search")
    assert query["query"]["bool"]["must"] == {
        "match": {"_edgengrams": {"query": "hois"}}
    }


@pytest.mark.django_db
def test_entries_are_sent_with_their_filter_values(engine, home_page):
    backend, requests = engine
    index_page = DirectoryIndexPageFactory(parent=home_page)
    entry = DirectoryEntryPageFactory(
        parent=index_page, title="Moving and handling", suits_emi=True
    )
    backend.get_index_for_model(DirectoryEntryPage).add_item(entry)
    methods = {method for method, path, _body in requests if "/_doc/" in path}
    assert methods & {"PUT", "POST"}
    body = next(body for _method, path, body in requests if "/_doc/" in path)
    document = json.loads(body)
    assert document["title"] == "Moving and handling"
    assert document["live_filter"] is True
    assert document["directory_directoryentrypage__suits_emi_filter"] is True


def test_a_missing_client_gives_the_install_command(monkeypatch):
    from importlib import metadata

    from portal.search import opensearch

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", not_installed)
    with pytest.raises(ImproperlyConfigured, match="pip install"):
        opensearch.pypi_events_package()
