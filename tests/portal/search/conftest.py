import pytest

from portal.search.store import forget_stores
from tests.factories import ContentPageFactory

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


@pytest.fixture
def content_page(home_page):
    """Makes content pages to search for: content_page(title, summary, text) is
    a page under the home page whose body is one paragraph of that text (the
    factory's usual body when no text is given); other fields as keywords."""

    def make(title, summary, text=None, parent=home_page, **fields):
        if text is not None:
            fields["body"] = [{"type": "paragraph", "value": f"<p>{text}</p>"}]
        return ContentPageFactory(parent=parent, title=title, summary=summary, **fields)

    return make
