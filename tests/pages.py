"""Reading the portal's pages in tests, as a visitor's browser gets them: their
HTML, the texts they show or must not show, and the SQL a request costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_html(response, status=200):
    """The response's HTML, once its status is the one expected."""
    assert response.status_code == status, (
        f"status {response.status_code}, expected {status}"
    )
    return response.content.decode()


def assert_shows(html, *texts):
    """Each text is on the page; a failure names every one that is missing."""
    missing = [text for text in texts if text not in html]
    assert not missing, f"not on the page: {missing}"


def assert_hides(html, *texts):
    """No text is on the page; a failure names every one that is there."""
    shown = [text for text in texts if text in html]
    assert not shown, f"on the page, but should not be: {shown}"


def search_html(client, path="/search/", **params):
    """A search page's HTML with its highlight marks removed, so that assertions
    can name whole phrases."""
    html = client.get(path, params).content.decode()
    return html.replace("<mark>", "").replace("</mark>", "")


def count_queries(client, url, params=None):
    """How many SQL queries a GET of url makes; the page must load."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    return len(context.captured_queries)


def count_first_queries(client, pages):
    """{(url, params): SQL queries} for a GET of each page as the first request
    after content changed makes it, with nothing remembered from the others
    (portal.content_memo keeps its answers until content next changes)."""
    from portal import content_memo

    counts = {}
    for url, params in pages:
        content_memo.forget()
        counts[url, str(params)] = count_queries(client, url, params)
    return counts
