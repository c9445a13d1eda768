"""The indexing fast path finds exactly the terms the query analyzer finds."""

import pytest

from portal.search.analysis import index_terms, text_analyzer

SAMPLES = [
    "Falls prevention in care homes: the risk assessment",
    "The medication and the medicines, of the home's residents",
    "Résumé café naïve — déjà vu; ÅNGSTRÖM straße İstanbul",
    "a an the of to is it 3.14 v2.0 e-mail user@example.org ***",
    "  emoji 🙂 and 中文 text, Ελληνικά, русский  ",
    "",
    "the",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_index_terms_match_the_analyzer(text):
    expected = [
        (token.text, token.pos) for token in text_analyzer()(text, positions=True)
    ]
    assert index_terms(text) == expected
