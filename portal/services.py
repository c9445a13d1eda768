from wagtail.models import Page
from wagtail.search.utils import parse_query_string


def search_pages(text):
    """Live, public pages matching what a person typed.

    The text is parsed into Wagtail's query objects (phrases in quotes, plain words
    otherwise) rather than handed to the backend raw, so stray quotes and other
    syntax characters can never make the search engine fail.
    """
    if not text.strip():
        return Page.objects.none()
    _filters, query = parse_query_string(text, operator="and")
    return Page.objects.live().public().specific().search(query)
