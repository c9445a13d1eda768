"""'Did you mean …?' suggestions for searches that find little.

The vocabulary is the words of live pages' titles and the topic names, so a
suggestion always points at something that exists. It does not depend on the
search backend, so it works the same on Whoosh, the database and OpenSearch.
"""

import difflib
import re

from django.core.cache import cache
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from taggit.models import Tag

CACHE_KEY = "portal:spelling-vocabulary"
WORD = re.compile(r"[a-z][a-z'+-]{2,}")


def vocabulary():
    """Words people might search for, grouped by first letter (cached)."""
    words = cache.get(CACHE_KEY)
    if words is None:
        text = " ".join(
            list(Page.objects.live().public().values_list("title", flat=True))
            + list(Tag.objects.values_list("name", flat=True))
        ).lower()
        words = {}
        for word in set(WORD.findall(text)):
            words.setdefault(word[0], []).append(word)
        cache.set(CACHE_KEY, words, 60 * 60)
    return words


def suggest(text):
    """A corrected query, or "" when every word is known or nothing is close."""
    words = vocabulary()
    corrected, changed = [], False
    for word in text.lower().split():
        candidates = words.get(word[:1], [])
        if not WORD.fullmatch(word) or word in candidates:
            corrected.append(word)
            continue
        matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
        if matches:
            corrected.append(matches[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""


@receiver(page_published)
@receiver(page_unpublished)
def forget_vocabulary(**kwargs):
    cache.delete(CACHE_KEY)
