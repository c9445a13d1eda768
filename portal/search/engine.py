"""Fast evaluation of compiled Whoosh queries over a searcher.

Whoosh's own matchers call Python methods for every posting of every term, which
dominates query time once a word matches thousands of documents. Instead, each
term's postings are read a block at a time (once per searcher, then cached) into

* a doc-id set held as a Python integer used as a bitset, so AND/OR/NOT, filters,
  exact counts and facet counts are single big-integer operations, and
* a {docnum: BM25F score} map, computed with Whoosh's own BM25F formula and
  global statistics, so ranking only touches the documents that survive filters.

Scores equal those of Whoosh's matchers for terms (And/Or add their children's
scores, as Whoosh does); a phrase scores as the sum of its words.
"""

import heapq
import math
from array import array

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.scoring import bm25
from whoosh.util.numeric import byte_to_length
from whoosh.util.numlists import delta_decode

_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]
_B = 0.75
_K1 = 1.2


def bits_from_ids(ids):
    """A bitset (int) with the given document numbers set."""
    ids = list(ids)
    if not ids:
        return 0
    buffer = bytearray((max(ids) >> 3) + 1)
    for docnum in ids:
        buffer[docnum >> 3] |= 1 << (docnum & 7)
    return int.from_bytes(buffer, "little")


def ids_from_bits(bits):
    """The document numbers set in a bitset, in ascending order."""
    if not bits:
        return []
    text = format(bits, "b")[::-1]
    if bits.bit_count() * 16 < len(text):
        found = []
        position = text.find("1")
        while position >= 0:
            found.append(position)
            position = text.find("1", position + 1)
        return found
    return [position for position, digit in enumerate(text) if digit == "1"]


def _raw_postings(segment_reader, fieldname, btext):
    """(local ids, weights) of one term in one segment, deleted docs included."""
    matcher = segment_reader._terms.matcher(
        fieldname, btext, segment_reader.schema[fieldname].format
    )
    ids = []
    weights = []
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            block_ids = matcher._data[0]
            if not matcher._byteids:
                block_ids = delta_decode(block_ids)
            ids.extend(block_ids)
            matcher._read_weights()
            weights.extend(matcher._weights)
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return ids, weights


#: Most term bitsets kept per segment across searchers (then that cache restarts).
SEGMENT_CACHE_TERMS = 20_000


def segment_key(reader):
    segment = getattr(reader, "segment", None)
    return segment().segment_id() if segment else None


class TermIndex:
    """Per-searcher cache of term bitsets and score maps (discarded with it).

    Term bitsets are also kept per segment in ``caches["segments"]`` (which the
    store carries over to the next searcher), so after a save only the new small
    segment's postings are read; deletions are masked per searcher.
    """

    def __init__(self, searcher, caches):
        self.searcher = searcher
        self.caches = caches
        self.leaves = [
            (leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()
        ]
        by_segment = caches.get("segments")
        self.segment_caches = []
        for reader, _offset in self.leaves:
            key = segment_key(reader)
            if by_segment is None or key is None:
                self.segment_caches.append({})
                continue
            cache = by_segment.setdefault(key, {})
            if len(cache) > SEGMENT_CACHE_TERMS:
                cache.clear()
            self.segment_caches.append(cache)

    def _postings(self, fieldname, text):
        # Not cached: the bitset and score map made from them are much smaller.
        try:
            field = self.searcher.schema[fieldname]
        except KeyError:
            field = None
        found = []
        if field is not None:
            try:
                btext = field.to_bytes(text)
            except ValueError:
                btext = None
            if btext is not None:
                for reader, offset in self.leaves:
                    if (fieldname, btext) not in reader:
                        continue
                    ids, weights = _raw_postings(reader, fieldname, btext)
                    deleted = (
                        reader.deleted_docs_set if reader.has_deletions() else None
                    )
                    found.append((reader, offset, ids, weights, deleted))
        return found

    def bits(self, fieldname, text):
        key = ("bits", fieldname, text)
        bits = self.caches.get(key)
        if bits is None:
            bits = 0
            btext = self._term_bytes(fieldname, text)
            for (reader, offset), cache in zip(
                self.leaves, self.segment_caches, strict=True
            ):
                local = cache.get((fieldname, text))
                if local is None:
                    local = 0
                    if btext is not None and (fieldname, btext) in reader:
                        ids, _weights = _raw_postings(reader, fieldname, btext)
                        local = bits_from_ids(ids)
                    cache[(fieldname, text)] = local
                if local:
                    if reader.has_deletions():
                        local &= self._live_docs(reader)
                    bits |= local << offset
            self.caches[key] = bits
        return bits

    def _term_bytes(self, fieldname, text):
        try:
            return self.searcher.schema[fieldname].to_bytes(text)
        except (KeyError, ValueError):
            return None

    def _live_docs(self, reader):
        """Bitset of a segment's documents that are not deleted (local numbers)."""
        key = ("live", id(reader))
        live = self.caches.get(key)
        if live is None:
            every = (1 << reader.doc_count_all()) - 1
            live = self.caches[key] = every & ~bits_from_ids(reader.deleted_docs_set)
        return live

    def _lengths(self, reader, fieldname):
        key = ("lengths", id(reader), fieldname)
        lengths = self.caches.get(key)
        if lengths is None:
            column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            doccount = reader.doc_count_all()
            if column is None:
                lengths = [0] * doccount
            else:
                raw = column._dbfile.get(column._basepos, column._count)
                table = _LENGTH_OF_BYTE
                lengths = [table[b] for b in raw]
                lengths.extend([0] * (doccount - len(lengths)))
            self.caches[key] = lengths
        return lengths

    def scores(self, fieldname, text):
        """{docnum: unboosted BM25F score} of one term (cached)."""
        key = ("scores", fieldname, text)
        scores = self.caches.get(key)
        if scores is not None:
            return scores
        scores = {}
        postings = self._postings(fieldname, text)
        field = self.searcher.schema[fieldname] if postings else None
        doccount = self.searcher.doc_count_all()
        if sum(len(ids) for _r, _o, ids, _w, _d in postings) * 12 > doccount:
            # A common term: an array indexed by docnum takes far less memory
            # than a dict (8 bytes a document against about 100 an entry).
            scores = array("d", bytes(8 * doccount))
        if field is not None and field.scorable:
            searcher = self.searcher
            idf = searcher.idf(fieldname, text)
            avgfl = searcher.avg_field_length(fieldname) or 1
            norm = _K1 * _B / avgfl
            base = _K1 * (1 - _B)
            top = idf * (_K1 + 1)
            for reader, offset, ids, weights, deleted in postings:
                lengths = self._lengths(reader, fieldname)
                for local, weight in zip(ids, weights, strict=True):
                    if deleted and local in deleted:
                        continue
                    scores[offset + local] = (
                        top * weight / (weight + base + norm * lengths[local])
                    )
        elif field is not None:
            for docnum in ids_from_bits(self.bits(fieldname, text)):
                scores[docnum] = 1.0
        self.caches[key] = scores
        return scores


# Keep the formula above in step with Whoosh's (checked once at import).
assert math.isclose(
    bm25(2.0, 3.0, 10.0, 8.0, _B, _K1),
    2.0 * 3.0 * (_K1 + 1) / (3.0 + _K1 * ((1 - _B) + _B * 10.0 / 8.0)),
)


class Evaluation:
    """Matching documents of a query and the leaves that score them."""

    __slots__ = ("bits", "leaves")

    def __init__(self, bits, leaves):
        self.bits = bits
        self.leaves = leaves  # [(fieldname, text, boost)]


class QueryEvaluator:
    def __init__(self, terms, universe_bits):
        self.terms = terms
        self.universe = universe_bits

    def evaluate(self, q, boost=1.0):
        terms = self.terms
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return Evaluation(0, [])
        if isinstance(q, wq.Every):
            return Evaluation(self.universe, [])
        if isinstance(q, wq.Term):
            weight = boost * q.boost
            return Evaluation(
                terms.bits(q.fieldname, q.text), [(q.fieldname, q.text, weight)]
            )
        if isinstance(q, wq.Phrase):
            return self.phrase(q, boost * q.boost)
        if isinstance(q, wq.Not):
            inner = self.evaluate(q.query, boost)
            return Evaluation(self.universe & ~inner.bits, [])
        if isinstance(q, wq.And):
            parts = [self.evaluate(sub, boost * q.boost) for sub in q.subqueries]
            bits = parts[0].bits if parts else 0
            for part in parts[1:]:
                bits &= part.bits
            return Evaluation(bits, [leaf for part in parts for leaf in part.leaves])
        if isinstance(q, wq.Or):
            parts = [self.evaluate(sub, boost * q.boost) for sub in q.subqueries]
            bits = 0
            for part in parts:
                bits |= part.bits
            return Evaluation(bits, [leaf for part in parts for leaf in part.leaves])
        if isinstance(q, wq.MultiTerm):
            reader = terms.searcher.reader()
            expanded = [
                wq.Term(q.fieldname, text.decode("utf-8"), boost=q.boost)
                for text in q._btexts(reader)
            ]
            return self.evaluate(wq.Or(expanded), boost)
        # Anything else: let Whoosh match it, unscored.
        docs = terms.searcher.docs_for_query(q)
        return Evaluation(bits_from_ids(docs), [])

    def phrase(self, q, boost):
        words = list(q.words)
        candidates = self.universe
        for word in words:
            candidates &= self.terms.bits(q.fieldname, word)
        if not candidates:
            return Evaluation(0, [])
        field = self.terms.searcher.schema[q.fieldname]
        if not field.supports("positions"):
            # An index built before the field had positions: match the words.
            return Evaluation(candidates, [(q.fieldname, w, boost) for w in words])
        key = ("phrase", q.fieldname, tuple(words), q.slop)
        caches = self.terms.caches
        bits = caches.get(key)
        if bits is None:
            plain = wq.Phrase(q.fieldname, words, slop=q.slop)
            bits = caches[key] = bits_from_ids(
                self.terms.searcher.docs_for_query(plain)
            )
        return Evaluation(
            bits & candidates, [(q.fieldname, word, boost) for word in words]
        )


def top_scored(terms, leaves, candidates, limit):
    """[(docnum, score)] best first (ties: lower docnum first), and the total."""
    docs = ids_from_bits(candidates)
    total = len(docs)
    maps = {}
    for fieldname, text, boost in leaves:
        key = (fieldname, text)
        maps.setdefault(key, []).append(boost)
    weighted = [
        (terms.scores(fieldname, text), sum(boosts))
        for (fieldname, text), boosts in maps.items()
    ]
    weighted = [(scores, boost) for scores, boost in weighted if len(scores)]
    if len(weighted) == 1:
        scores, boost = weighted[0]
        if isinstance(scores, dict):
            get = scores.get
            scored = [(get(doc, 0.0) * boost, -doc) for doc in docs]
        else:
            scored = [(scores[doc] * boost, -doc) for doc in docs]
    else:
        totals = dict.fromkeys(docs, 0.0)
        for scores, boost in weighted:
            if isinstance(scores, dict) and len(scores) < total:
                for doc, score in scores.items():
                    if doc in totals:
                        totals[doc] += score * boost
            elif isinstance(scores, dict):
                for doc in docs:
                    score = scores.get(doc)
                    if score:
                        totals[doc] += score * boost
            else:
                for doc in docs:
                    score = scores[doc]
                    if score:
                        totals[doc] += score * boost
        scored = [(score, -doc) for doc, score in totals.items()]
    # Best score first; ties keep index order (lower docnum first).
    if limit is not None and limit < total:
        best = heapq.nlargest(limit, scored)
    else:
        best = sorted(scored, reverse=True)
    return [(-negdoc, score) for score, negdoc in best], total
