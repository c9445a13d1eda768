"""The on-disk index: generations, atomic swaps, writers and per-process searchers.

Layout under the configured PATH::

    PATH/CURRENT        name of the live generation (replaced atomically)
    PATH/gen-<stamp>/   one complete Whoosh index per generation
    PATH/.swap.lock     serialises creating and swapping generations
    PATH/BUILDING       name of a generation being rebuilt (while a rebuild runs)
    PATH/<gen>.journal  changes written to the live index during that rebuild
    PATH/.journal.lock  serialises live writes with the end of a rebuild

A rebuild fills a new generation and then points CURRENT at it, so searches keep
using the old one until the new one is complete, and a failed rebuild leaves it in
place. Writes made to the live index while a rebuild runs are also appended to
the rebuild's journal, which the rebuild replays before its swap, so no edit made
during a rebuild is lost. Each process keeps one searcher per thread and refreshes it only when the
index has changed on disk (a new commit or a swap).
"""

import fcntl
import json
import os
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import scoring
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import LockError

from .analysis import build_schema
from .engine import segment_key

#: How long a writer waits for another process's lock before giving up.
WRITE_LOCK_TIMEOUT = 60.0
WRITE_LOCK_DELAY = 0.02
#: Leftover generations older than this (crashed rebuilds) are removed.
STALE_BUILD_SECONDS = 24 * 3600


def writer_options():
    """Options for every writer of the index.

    Segments are written as separate files, not one compound file: Whoosh reads
    a compound file's parts through BytesIO copies, megabytes for every searcher
    or writer opened on a large segment. Posting blocks are larger and better
    compressed than Whoosh's defaults (128, zlib level 3): the backend reads
    whole posting lists rather than skipping, and the index is 7% smaller.
    """
    return {
        "compound": False,
        "codec": W3Codec(blocklimit=POSTINGS_PER_BLOCK, compression=ZLIB_LEVEL),
    }


POSTINGS_PER_BLOCK = 1024
ZLIB_LEVEL = 6


#: Small segments left unmerged after a commit: merging on every save costs more
#: than searching a few extra segments.
SMALL_SEGMENT_DOCS = 500
MAX_SMALL_SEGMENTS = 8

_stores = {}
_stores_lock = threading.Lock()


def merge_when_many_small(writer, segments):
    """Whoosh merge policy: leave segments alone until several small ones have
    built up (each save adds one), then merge the small ones into one."""
    small = [seg for seg in segments if seg.doc_count_all() < SMALL_SEGMENT_DOCS]
    if len(small) < MAX_SMALL_SEGMENTS:
        return segments
    from whoosh.reading import SegmentReader

    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [seg for seg in segments if seg not in small]


def retry_if_toc_replaced(open_function, *args, **kwargs):
    """Open an index or searcher, again if another process's commit removed the
    table of contents Whoosh had just chosen (it reads it without a lock)."""
    for attempt in range(TOC_OPEN_ATTEMPTS):
        try:
            return open_function(*args, **kwargs)
        except FileNotFoundError:
            if attempt == TOC_OPEN_ATTEMPTS - 1:
                raise
            time.sleep(WRITE_LOCK_DELAY)


TOC_OPEN_ATTEMPTS = 10


def get_store(path):
    """The process-wide store for an index directory (one per path)."""
    path = Path(path).resolve()
    with _stores_lock:
        store = _stores.get(path)
        if store is None:
            store = _stores[path] = IndexStore(path)
        return store


def forget_stores():
    """Drop every cached store and searcher (tests use a fresh directory each)."""
    with _stores_lock:
        for store in _stores.values():
            store.close()
        _stores.clear()


class IndexStore:
    def __init__(self, path):
        self.path = Path(path)
        self._local = threading.local()
        self._indexes = {}
        self._lock = threading.Lock()

    @contextmanager
    def _file_lock(self, name):
        """An exclusive lock on the store's file `name`, which every process
        using the store sees."""
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / name, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # Generations --------------------------------------------------------------

    def swap_lock(self):
        return self._file_lock(".swap.lock")

    def current_generation(self):
        """Name of the live generation, creating an empty index if there is none."""
        try:
            return (self.path / "CURRENT").read_text().strip()
        except FileNotFoundError:
            pass
        with self.swap_lock():
            try:
                return (self.path / "CURRENT").read_text().strip()
            except FileNotFoundError:
                name = self.new_generation()
                self._point_current_at(name)
                return name

    def new_generation(self):
        """Create an empty index in a new generation directory and name it."""
        name = f"gen-{time.time_ns():x}-{uuid.uuid4().hex[:6]}"
        directory = self.path / name
        directory.mkdir(parents=True)
        whoosh_index.create_in(str(directory), build_schema())
        return name

    def _point_current_at(self, name):
        temporary = self.path / f"CURRENT.{uuid.uuid4().hex}"
        temporary.write_text(name)
        os.replace(temporary, self.path / "CURRENT")

    def swap_to(self, name):
        """Make ``name`` the live generation and remove superseded ones.

        The generation that was live until now is kept, so searchers in other
        processes that still have it open can finish; older ones are deleted.
        """
        with self.swap_lock():
            previous = self.current_generation_or_none()
            self._point_current_at(name)
            keep = {name, previous}
            for child in self.path.iterdir():
                if not child.is_dir() or child.name in keep:
                    continue
                if child.name.startswith("gen-") and (
                    self._is_superseded(child) or self._is_stale(child)
                ):
                    shutil.rmtree(child, ignore_errors=True)
            for journal in self.path.glob("gen-*.journal"):
                if not (self.path / journal.stem).is_dir():
                    journal.unlink(missing_ok=True)

    def current_generation_or_none(self):
        try:
            return (self.path / "CURRENT").read_text().strip()
        except FileNotFoundError:
            return None

    def _is_superseded(self, directory):
        # Generations are named by creation time: anything older than the live
        # one is either superseded or an abandoned build.
        current = self.current_generation_or_none() or ""
        return directory.name < current

    @staticmethod
    def _is_stale(directory):
        return time.time() - directory.stat().st_mtime > STALE_BUILD_SECONDS

    def discard(self, name):
        shutil.rmtree(self.path / name, ignore_errors=True)

    # Rebuild journal ----------------------------------------------------------

    def journal_lock(self):
        return self._file_lock(".journal.lock")

    def _journal_path(self, name):
        return self.path / f"{name}.journal"

    def start_build(self, name):
        """Record that ``name`` is being rebuilt, so live writes are journalled."""
        with self.journal_lock():
            self._journal_path(name).write_text("")
            temporary = self.path / f"BUILDING.{uuid.uuid4().hex}"
            temporary.write_text(name)
            os.replace(temporary, self.path / "BUILDING")

    def building_generation(self):
        """The generation a live rebuild is filling (None if none, or abandoned)."""
        marker = self.path / "BUILDING"
        try:
            name = marker.read_text().strip()
            age = time.time() - marker.stat().st_mtime
        except FileNotFoundError:
            return None
        if age > STALE_BUILD_SECONDS or not (self.path / name).is_dir():
            return None
        return name

    @contextmanager
    def live_write(self):
        """Context for a write to the live index; yields a function that journals
        the change for a rebuild in progress (a no-op when there is none)."""
        with self.journal_lock():
            building = self.building_generation()
            entries = []
            yield entries.append
            if building and entries:
                with open(self._journal_path(building), "a") as journal:
                    for entry in entries:
                        journal.write(json.dumps(entry) + "\n")

    def read_journal(self, name, offset):
        """Entries journalled for ``name`` from byte ``offset``; the new offset."""
        try:
            with open(self._journal_path(name), "rb") as journal:
                journal.seek(offset)
                data = journal.read()
        except FileNotFoundError:
            return [], offset
        end = data.rfind(b"\n") + 1
        lines = data[:end].splitlines()
        return [json.loads(line) for line in lines if line], offset + end

    def replay(self, name, entries):
        # Only the last change to each document counts: a second update of one
        # document within one Whoosh writer would not replace the first.
        latest = {}
        for entry in entries:
            key = entry["delete"] if "delete" in entry else entry["add"]["doc_id"]
            latest.pop(key, None)
            latest[key] = entry
        if not latest:
            return
        with self.writer(name) as writer:
            for key, entry in latest.items():
                if "delete" in entry:
                    writer.delete_by_term("doc_id", key)
                else:
                    writer.update_document(**entry["add"])

    def finish_build(self, name):
        """Replay the journal into ``name`` and make it live, with no gap in which
        a live write could miss both the old and the new generation."""
        offset = 0
        for _round in range(10):
            entries, offset = self.read_journal(name, offset)
            if not entries:
                break
            self.replay(name, entries)
        with self.journal_lock():
            entries, offset = self.read_journal(name, offset)
            self.replay(name, entries)
            self.swap_to(name)
            if self.building_generation() == name:
                (self.path / "BUILDING").unlink(missing_ok=True)
            self._journal_path(name).unlink(missing_ok=True)

    # Whoosh objects -----------------------------------------------------------

    def open_index(self, name=None):
        name = name or self.current_generation()
        with self._lock:
            ix = self._indexes.get(name)
            if ix is None:
                ix = self._indexes[name] = retry_if_toc_replaced(
                    whoosh_index.open_dir, str(self.path / name)
                )
            return ix

    @contextmanager
    def writer(self, name=None, **kwargs):
        """A writer that waits (retrying) while another process holds the lock,
        and commits when the block ends (or cancels if it raises)."""
        ix = self.open_index(name)
        deadline = time.monotonic() + WRITE_LOCK_TIMEOUT
        while True:
            try:
                writer = ix.writer(
                    timeout=1.0, delay=WRITE_LOCK_DELAY, **writer_options(), **kwargs
                )
                break
            except LockError:
                if time.monotonic() > deadline:
                    raise
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=merge_when_many_small)

    def searcher(self):
        """This thread's searcher, refreshed if the index changed since last use."""
        local = self._local
        name = self.current_generation()
        searcher = getattr(local, "searcher", None)
        if searcher is not None and local.generation == name and searcher.up_to_date():
            return searcher
        # A fresh searcher rather than Searcher.refresh(): whoosh-reloaded 2.7.5's
        # reader reuse re-adds superseded segments, resurrecting replaced documents.
        if searcher is not None:
            searcher.close()
        local.searcher = retry_if_toc_replaced(
            self.open_index(name).searcher, weighting=scoring.BM25F()
        )
        local.generation = name
        # Segments are immutable apart from deletions, so their term bitsets
        # outlive the searcher; those of segments merged away are dropped.
        live_segments = {
            segment_key(leaf.reader()) for leaf, _ in local.searcher.leaf_searchers()
        }
        by_segment = getattr(local, "segment_caches", {})
        local.segment_caches = {
            key: cache for key, cache in by_segment.items() if key in live_segments
        }
        local.caches = {"segments": local.segment_caches}
        return local.searcher

    def caches(self):
        """Per-searcher memo of doc-id sets; emptied whenever the searcher changes
        (apart from the per-segment term bitsets under "segments")."""
        self.searcher()
        return self._local.caches

    def close(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._local.searcher = None
        self._indexes.clear()
