import pytest

from portal.search.store import forget_stores

BACKENDS = {
    "whoosh": "portal.search.backend",
    "database": "wagtail.search.backends.database",
}


@pytest.fixture(params=list(BACKENDS))
def search_backend(request, settings, tmp_path):
    """Runs a test once on the Whoosh backend and once on Wagtail's database
    backend, each with an empty index of its own."""
    config = {"BACKEND": BACKENDS[request.param]}
    if request.param == "whoosh":
        config["PATH"] = tmp_path / "search-index"
    settings.WAGTAILSEARCH_BACKENDS = {"default": config}
    yield request.param
    forget_stores()


@pytest.fixture
def whoosh_backend(settings, tmp_path):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": BACKENDS["whoosh"], "PATH": tmp_path / "search-index"}
    }
    yield "whoosh"
    forget_stores()
