"""What every page works out the same way (the menu, the index pages, which
pages are private), remembered by each worker until content next changes.

Any change a visitor could see already starts a new page cache generation
(`portal.page_cache.purge`, on publish, unpublish, move, save and delete), in
the cache that all workers share. A request reads that number once; a worker
keeps its answers for the current generation only, so a page never shows an
old menu, yet most page views skip these queries.

Only answers that are the same for every visitor belong here: nothing that
depends on who is signed in, nor on the time of day.
"""

from portal import page_cache

# Per-page answers (breadcrumbs) grow with the pages visited; past this many a
# worker starts again rather than hold the whole site in memory.
MAX_ANSWERS = 20_000

_remembered = {"generation": None, "answers": {}}


def remembered(request, key, compute):
    """compute(), or this worker's answer from earlier in the same generation.

    Without a request (a management command, a feed built offline) the answer
    is computed afresh, and so is it in an editor's preview, where the page
    being previewed holds unpublished changes that must not be remembered.
    """
    if request is None or getattr(request, "is_preview", False):
        return compute()
    generation = page_cache.request_generation(request)
    if (
        _remembered["generation"] != generation
        or len(_remembered["answers"]) >= MAX_ANSWERS
    ):
        _remembered["generation"] = generation
        _remembered["answers"] = {}
    answers = _remembered["answers"]
    if key not in answers:
        answers[key] = compute()
    return answers[key]


def forget():
    """Drop every remembered answer (tests start clean this way)."""
    _remembered["generation"] = None
    _remembered["answers"] = {}
