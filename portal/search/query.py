"""What a person typed, turned into Wagtail search queries every engine can run."""

import functools

from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL, And, PlainText
from wagtail.search.utils import parse_query_string

from portal.search.analysis import CARE_SYNONYMS, text_analyzer


def parsed_query(text):
    """What a person typed, as Wagtail query objects (MATCH_ALL when empty).

    Phrases in quotes become phrase queries and everything else plain words, rather
    than handing the backend raw text, so stray quotes and other syntax characters
    can never make a search engine fail.
    """
    if not text.strip():
        return MATCH_ALL
    _filters, query = parse_query_string(text, operator="and")
    if not getattr(get_search_backend(), "expands_care_synonyms", False):
        query = with_care_synonyms(query)
    return query


@functools.cache
def care_synonym_groups():
    """The stem of each word in the care vocabulary, mapped to its whole group."""
    analyzer = text_analyzer()
    groups = {}
    for group in CARE_SYNONYMS:
        for word in group:
            for token in analyzer(word):
                groups.setdefault(token.text, set()).update(group)
    return {stem: " ".join(sorted(words)) for stem, words in groups.items()}


def with_care_synonyms(query):
    """`query` with each word of the care vocabulary ORed with its synonyms.

    The Whoosh index expands synonyms itself; other engines get them in the query
    (PostgreSQL's English stemmer keeps "medicines" and "medication" apart).
    Phrases stay as typed.
    """
    if isinstance(query, And):
        return And([with_care_synonyms(subquery) for subquery in query.subqueries])
    if not isinstance(query, PlainText) or query.operator != "and":
        return query
    analyzer = text_analyzer()
    plain, expanded = [], []
    for word in query.query_string.split():
        stems = [token.text for token in analyzer(word)]
        group = care_synonym_groups().get(stems[0]) if len(stems) == 1 else None
        if group:
            expanded.append(PlainText(group, operator="or"))
        else:
            plain.append(word)
    if not expanded:
        return query
    parts = [PlainText(" ".join(plain), operator="and")] if plain else []
    parts += expanded
    return And(parts) if len(parts) > 1 else parts[0]
