"""A Whoosh search backend for Wagtail 8 (``modelsearch``).

Select it with::

    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "portal.search.backend", "PATH": VAR_DIR / "search-index"}
    }

Every indexed model shares one on-disk index (see ``store``). Full-text queries
run in Whoosh with BM25F ranking; the queryset's filters are translated into sets
of Whoosh document numbers, cached per filter value for the life of a searcher,
so counts, facets and pages all come from the index. The objects for a page of
hits are then loaded through the caller's own queryset, so the database has the
last word on what anyone may see.
"""

import contextlib
import functools
import heapq
import logging
import operator
import os
import threading
from collections import OrderedDict

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, router, transaction
from django.db.models import F, OrderBy, Subquery
from django.db.models.expressions import Col
from django.db.models.lookups import Lookup
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI, SINGLE

from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterError,
    FilterFieldError,
    OrderByFieldError,
)
from modelsearch.index import (
    FilterField,
    RelatedFields,
    class_is_indexed,
    get_indexed_instance,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from whoosh import query as wq

from .analysis import (
    AUTOCOMPLETE_MAX_GRAM,
    NULL,
    decode_value,
    encode_value,
    expand_synonyms,
    plain_analyzer,
    text_analyzer,
)
from .engine import QueryEvaluator, TermIndex, bits_from_ids, ids_from_bits, top_scored
from .mapping import (
    autocomplete_fields_for,
    column_name,
    document_key,
    is_multi_valued,
    mapping_for,
    model_field_or_none,
    related_model_for,
    text_fields_for,
)
from .store import get_store, writer_options

logger = logging.getLogger(__name__)

SUPPORTED_LOOKUPS = frozenset(
    {"exact", "in", "lt", "lte", "gt", "gte", "range", "isnull", "startswith"}
)
#: Longest query (in characters) that is analysed; the rest is ignored.
MAX_QUERY_CHARS = 1000
#: Most words taken from one query, to bound the cost of pathological input.
MAX_QUERY_TERMS = 32
#: When counting, also keep this many top hits so the first pages need no rerun.
PREFETCH_HITS = 100
#: Worker processes (each writing one segment) and memory per worker for rebuilds.
BUILD_PROCESSES = int(os.environ.get("SEARCH_BUILD_PROCESSES", "0")) or max(
    1, min(4, os.cpu_count() or 1)
)
#: Whoosh spills postings to temporary files (pickling each one) beyond this;
#: by its estimate 50,000 entries need ~350 MB per worker, so a full rebuild
#: of a large directory still sorts in memory.
BUILD_LIMIT_MB = int(os.environ.get("SEARCH_BUILD_MEMORY_MB", "512"))
#: Stands for the primary key in filter leaves.
PK_COLUMN = "<pk>"
#: Name of the primary key's (virtual) filter field, read from stored fields.
PK_FIELD = "pk_order"
#: Type letters of ``encode_value``; "~" sorts after every value of one type.
_TYPE_END = "\U0010ffff"

_text_analyzer = text_analyzer()
_plain_analyzer = plain_analyzer()


def analyse(text, analyzer=_text_analyzer):
    """Index terms of ``text``, bounded in length and number."""
    text = (text or "")[:MAX_QUERY_CHARS]
    return [token.text for token in analyzer(text)][:MAX_QUERY_TERMS]


# Filters ------------------------------------------------------------------------


class Leaf:
    """One lookup on one filter column, e.g. ``live = True``."""

    def __init__(self, column, lookup, values, alias, multi_valued):
        self.column = column
        self.lookup = lookup
        self.values = values
        self.alias = alias
        self.multi_valued = multi_valued

    def key(self):
        return (self.column, self.lookup, tuple(self.values))


class Branch:
    def __init__(self, children, connector, negated):
        self.children = children
        self.connector = connector
        self.negated = negated


class MatchNothing:
    pass


def leaves(node):
    if isinstance(node, Leaf):
        yield node
    elif isinstance(node, Branch):
        for child in node.children:
            yield from leaves(child)


class FilterEvaluator:
    """Turns a filter tree into a set of document numbers for one searcher."""

    def __init__(self, searcher, caches):
        self.searcher = searcher
        self.caches = caches
        self.reader = searcher.reader()
        self.terms = caches.get("term_index")
        if self.terms is None:
            self.terms = caches["term_index"] = TermIndex(searcher, caches)

    def term_docs(self, fieldname, text):
        """Bitset of the documents holding ``text`` in ``fieldname``."""
        if fieldname == PK_FIELD:
            return self.value_docs(PK_FIELD).get(text, 0)
        return self.terms.bits(fieldname, text)

    def pk_terms(self):
        """{docnum: encoded primary key} of every live document (cached).

        Primary keys are not indexed as terms (a posting list per document
        would add a tenth to the index); they are read from the stored fields
        once per segment and kept with that segment's other cached sets.
        """
        mapping = self.caches.get("pk_terms")
        if mapping is None:
            mapping = {}
            terms = self.terms
            for (reader, offset), cache in zip(
                terms.leaves, terms.segment_caches, strict=True
            ):
                encoded = cache.get("pk_terms")
                if encoded is None:
                    encoded = cache["pk_terms"] = [
                        encode_stored_pk(reader.stored_fields(docnum).get("doc_pk"))
                        for docnum in range(reader.doc_count_all())
                    ]
                deleted = reader.deleted_docs_set if reader.has_deletions() else ()
                for local, term in enumerate(encoded):
                    if local not in deleted:
                        mapping[offset + local] = term
            self.caches["pk_terms"] = mapping
        return mapping

    def field_terms(self, fieldname):
        key = ("terms", fieldname)
        terms = self.caches.get(key)
        if terms is None:
            if fieldname == PK_FIELD:
                terms = sorted(self.value_docs(PK_FIELD))
            elif fieldname in self.reader.indexed_field_names():
                terms = sorted(self.reader.field_terms(fieldname))
            else:
                terms = []
            self.caches[key] = terms
        return terms

    def value_docs(self, fieldname):
        """{term: docs} for every term of a filter field (cached)."""
        key = ("values", fieldname)
        values = self.caches.get(key)
        if values is None and fieldname == PK_FIELD:
            by_term = {}
            for docnum, term in self.pk_terms().items():
                by_term.setdefault(term, []).append(docnum)
            values = {term: bits_from_ids(docs) for term, docs in by_term.items()}
            self.caches[key] = values
        if values is None:
            values = {
                term: self.term_docs(fieldname, term)
                for term in self.field_terms(fieldname)
            }
            self.caches[key] = values
        return values

    def doc_values(self, fieldname):
        """{docnum: smallest term} for sorting on a filter field (cached)."""
        key = ("docvalues", fieldname)
        mapping = self.caches.get(key)
        if mapping is None and fieldname == PK_FIELD:
            mapping = self.caches[key] = self.pk_terms()
        if mapping is None:
            mapping = {}
            for term, docs in self.value_docs(fieldname).items():
                for doc in ids_from_bits(docs):
                    if doc not in mapping or term < mapping[doc]:
                        mapping[doc] = term
            self.caches[key] = mapping
        return mapping

    def model_docs(self, model):
        return self.term_docs("ctype", mapping_for(model).content_type)

    def evaluate(self, node, universe):
        if node is None:
            return universe
        if isinstance(node, MatchNothing):
            return 0
        if isinstance(node, Leaf):
            return self.leaf(node, universe)
        sets = [self.evaluate(child, universe) for child in node.children]
        if not sets:
            result = universe
        elif node.connector == "OR":
            result = functools.reduce(operator.or_, sets)
        else:
            result = functools.reduce(operator.and_, sets)
        if node.negated:
            result = universe & ~result
        return result

    def range_docs(self, fieldname, low, high, low_inclusive, high_inclusive):
        key = ("range", fieldname, low, high, low_inclusive, high_inclusive)
        docs = self.caches.get(key)
        if docs is None:
            found = 0
            for term in self.field_terms(fieldname):
                if term == NULL:
                    continue
                if low is not None and (
                    term < low or (term == low and not low_inclusive)
                ):
                    continue
                if high is not None and (
                    term > high or (term == high and not high_inclusive)
                ):
                    continue
                found |= self.term_docs(fieldname, term)
            docs = self.caches[key] = found
        return docs

    def pk_docs(self):
        """{primary key: [docnums]} (cached), for ``pk__in`` with many keys."""
        mapping = self.caches.get("pk_docs")
        if mapping is None:
            mapping = {}
            for docnum, term in self.pk_terms().items():
                mapping.setdefault(decode_value(term), []).append(docnum)
            self.caches["pk_docs"] = mapping
        return mapping

    def leaf(self, leaf, universe):
        fieldname = PK_FIELD if leaf.column == PK_COLUMN else "flt__" + leaf.column
        lookup = leaf.lookup
        values = leaf.values
        if leaf.column == PK_COLUMN and lookup in ("exact", "in"):
            docs_by_pk = self.pk_docs()
            found = []
            for value in values:
                found.extend(docs_by_pk.get(value, ()))
            return bits_from_ids(found)
        if lookup in ("exact", "in"):
            docs = 0
            for value in values:
                docs |= self.term_docs(fieldname, value)
            return docs
        if lookup == "isnull":
            nulls = self.term_docs(fieldname, NULL)
            if values[0]:
                # Documents indexed before the field existed count as null too.
                with_value = self.range_docs(fieldname, None, None, True, True)
                return nulls | (universe & ~with_value)
            return self.range_docs(fieldname, None, None, True, True)
        if lookup == "startswith":
            prefix = values[0]
            docs = 0
            for term in self.field_terms(fieldname):
                if term.startswith(prefix):
                    docs |= self.term_docs(fieldname, term)
            return docs
        value = values[0]
        type_start = value[:1]
        type_end = type_start + _TYPE_END
        if lookup == "gt":
            return self.range_docs(fieldname, value, type_end, False, True)
        if lookup == "gte":
            return self.range_docs(fieldname, value, type_end, True, True)
        if lookup == "lt":
            return self.range_docs(fieldname, type_start, value, True, False)
        if lookup == "lte":
            return self.range_docs(fieldname, type_start, value, True, True)
        if lookup == "range":
            return self.range_docs(fieldname, values[0], values[1], True, True)
        raise FilterError(f'Lookup "{lookup}" is not supported by the Whoosh backend.')


# Query compilers ------------------------------------------------------------------


def conjunction(parts):
    """AND of compiled parts; Whoosh's own normalising would drop a NullQuery."""
    parts = [part.normalize() for part in parts]
    if any(part is wq.NullQuery for part in parts):
        return wq.NullQuery
    kept = [part for part in parts if not isinstance(part, wq.Every)]
    if not kept:
        return wq.Every()
    return kept[0] if len(kept) == 1 else wq.And(kept)


def disjunction(parts):
    parts = [part.normalize() for part in parts]
    kept = [part for part in parts if part is not wq.NullQuery]
    if not kept:
        return wq.NullQuery
    return kept[0] if len(kept) == 1 else wq.Or(kept)


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "and"
    HANDLES_ORDER_BY_EXPRESSIONS = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = self.queryset.model
        # Shared by every slice of one search, so count() and pages cost one pass.
        self.hits_cache = {}

    # Filters --------------------------------------------------------------------

    def _is_primary_key(self, column):
        """Whether ``column`` is the primary key of the model or a parent model."""
        target = column.target
        if not getattr(target, "primary_key", False):
            return False
        owners = [self.model, *self.model._meta.get_parent_list()]
        return target.model in owners

    def _get_filters_from_where_node(self, where_node, check_only=False):
        # modelsearch skips lookups on "*_ptr_id" columns, but ``pk__in`` on a
        # page type is exactly that; treat primary keys as the document key.
        if (
            isinstance(where_node, Lookup)
            and isinstance(where_node.lhs, Col)
            and self._is_primary_key(where_node.lhs)
        ):
            return self._process_filter(
                where_node.lhs,
                where_node.lookup_name,
                where_node.rhs,
                check_only=check_only,
            )
        return super()._get_filters_from_where_node(where_node, check_only)

    def _process_filter(self, column, lookup, value, check_only=False):
        if self._is_primary_key(column):
            field_path = None
        else:
            field_path = self._get_filter_field_path_for_column(column)
        if lookup not in SUPPORTED_LOOKUPS:
            raise FilterError(
                f'Could not apply filter on search results: "{column.target.attname}__{lookup}". '
                f'Lookup "{lookup}" is not supported by the Whoosh search backend '
                f"(supported: {', '.join(sorted(SUPPORTED_LOOKUPS))})."
            )
        if check_only:
            return None
        if field_path is None:
            if lookup in ("exact", "in"):
                # Kept as Python values: ``pk__in`` sub-queries can return
                # thousands of keys, looked up directly instead of encoded.
                values = self._primary_keys(lookup, value)
            else:
                values = self._lookup_values(lookup, value, self.model._meta.pk)
            return Leaf(PK_COLUMN, lookup, values, column.alias, False)
        model = self.model
        column_parts = []
        multi_valued = False
        for search_field in field_path[:-1]:
            column_parts.append(column_name(model, search_field))
            multi_valued = multi_valued or is_multi_valued(model, search_field)
            model = related_model_for(model, search_field)
        filter_field = field_path[-1]
        column_parts.append(column_name(model, filter_field))
        model_field = model_field_or_none(model, filter_field)
        values = self._lookup_values(lookup, value, model_field)
        return Leaf("__".join(column_parts), lookup, values, column.alias, multi_valued)

    def _lookup_values(self, lookup, value, model_field):
        if lookup == "isnull":
            return [bool(value)]
        if isinstance(value, (Query, Subquery)):
            value = self._run_subquery(value, many=lookup == "in")
        elif hasattr(value, "resolve_expression"):
            raise FilterError(
                "Filters comparing with expressions cannot be applied to search results."
            )
        items = list(value) if lookup in ("in", "range") else [value]
        encoded = []
        for item in items:
            if model_field is not None and item is not None:
                with contextlib.suppress(Exception):
                    item = model_field.to_python(item)
            if lookup == "startswith":
                encoded.append("s" + str(item))
            else:
                encoded.append(encode_value(item))
        return encoded

    def _primary_keys(self, lookup, value):
        if isinstance(value, (Query, Subquery)):
            value = self._run_subquery(value, many=lookup == "in")
        elif hasattr(value, "resolve_expression"):
            raise FilterError(
                "Filters comparing with expressions cannot be applied to search results."
            )
        items = list(value) if lookup == "in" else [value]
        pk_field = self.model._meta.pk
        keys = []
        for item in items:
            if isinstance(item, models.Model):
                item = item.pk
            if item is not None and not isinstance(item, int):
                with contextlib.suppress(Exception):
                    item = pk_field.to_python(item)
            keys.append(item)
        return keys

    def _run_subquery(self, value, many):
        db_alias = self.queryset._db or DEFAULT_DB_ALIAS
        query = value.query if isinstance(value, Subquery) else value
        if many:
            rows = query.get_compiler(db_alias).execute_sql(result_type=MULTI)
            return [row[0] for chunk in rows for row in chunk]
        row = query.get_compiler(db_alias).execute_sql(result_type=SINGLE)
        return row[0] if row else None

    def _process_lookup(self, field_path, lookup, value):
        raise NotImplementedError("handled by _process_filter")

    def _process_match_none(self):
        return MatchNothing()

    def _connect_filters(self, filters, connector, negated):
        if not filters:
            return None
        if len(filters) == 1 and not negated:
            return filters[0]
        return Branch(filters, connector, negated)

    def filter_tree(self):
        if "filters" not in self.hits_cache:
            self.hits_cache["filters"] = self._get_filters_from_queryset()
        return self.hits_cache["filters"]

    def needs_database_filter(self, tree):
        """Whether the filter needs the database to keep related lookups together.

        ``filter(books__year=1954, books__pages__gt=400)`` asks for one book meeting
        both conditions; the index flattens related values, so such filters are
        answered by the database instead (the index still does the text search).
        """
        seen = set()
        for leaf in leaves(tree):
            if not leaf.multi_valued:
                continue
            if leaf.alias in seen:
                return True
            seen.add(leaf.alias)
        return False

    def allowed_docs(self, evaluator):
        """Document numbers the queryset's model and filters allow."""
        universe = evaluator.model_docs(self.model)
        tree = self.filter_tree()
        if tree is not None and self.needs_database_filter(tree):
            pk_docs = evaluator.value_docs(PK_FIELD)
            allowed = 0
            for pk in self.queryset.values_list("pk", flat=True):
                allowed |= pk_docs.get(encode_value(pk), 0)
            return universe & allowed
        return universe & evaluator.evaluate(tree, universe)

    # Ordering -------------------------------------------------------------------

    def order_columns(self):
        """[(filter field name, descending)] from the queryset's order_by."""
        if self.order_by_relevance:
            return None
        columns = []
        for item in self.queryset.query.order_by:
            descending = False
            if isinstance(item, OrderBy):
                if not isinstance(item.expression, F):
                    continue
                name = item.expression.name
                descending = item.descending
            else:
                name = item
                if name.startswith("-"):
                    descending = True
                    name = name[1:]
            if name == "?":
                continue
            if name == "pk":
                columns.append((PK_FIELD, descending))
                continue
            field = self._get_filterable_field(name)
            if field is None:
                raise OrderByFieldError(
                    f'Cannot sort search results with field "{name}". Please add '
                    f'index.FilterField("{name}") to {self.model.__name__}.search_fields.',
                    field_name=name,
                )
            columns.append(("flt__" + column_name(self.model, field), descending))
        # Newest first, as Wagtail's backends do, keeps pages stable.
        columns.append((PK_FIELD, True))
        return columns

    # Full text ------------------------------------------------------------------

    def text_fields(self):
        """[(whoosh field, boost, has positions)] searched by this query."""
        if self.fields is None:
            return [(name, boost, True) for name, boost in text_fields_for(self.model)]
        result = []
        for field in self.model.get_searchable_search_fields():
            if field.field_name not in self.fields:
                continue
            if field.field_name == "title":
                result.append(
                    ("title", dict(text_fields_for(self.model))["title"], True)
                )
            else:
                column = column_name(self.model, field)
                result.append(("f__" + column, float(field.boost or 1.0), True))
        return result

    def whoosh_query(self):
        if "query" not in self.hits_cache:
            compiled = self.compile(self.query, 1.0)
            self.hits_cache["query"] = compiled.normalize() if compiled else None
        return self.hits_cache["query"]

    def compile(self, query, boost):
        if isinstance(query, MatchAll):
            return wq.Every(boost=boost)
        if isinstance(query, PlainText):
            return self.compile_words(
                analyse(query.query_string), query.operator, boost * query.boost
            )
        if isinstance(query, Phrase):
            return self.compile_phrase(query.query_string, boost)
        if isinstance(query, Fuzzy):
            return self.compile_fuzzy(query, boost)
        if isinstance(query, Boost):
            return self.compile(query.subquery, boost * query.boost)
        if isinstance(query, And):
            return conjunction([self.compile(sub, boost) for sub in query.subqueries])
        if isinstance(query, Or):
            return disjunction([self.compile(sub, boost) for sub in query.subqueries])
        if isinstance(query, Not):
            inner = self.compile(query.subquery, boost).normalize()
            if inner is wq.NullQuery:
                return wq.Every()
            if isinstance(inner, wq.Every):
                return wq.NullQuery
            return wq.Not(inner)
        raise NotImplementedError(
            f"`{query.__class__.__name__}` is not supported by the Whoosh search backend."
        )

    def word_query(self, word, boost):
        """One query word: any of its synonyms, in any searched field."""
        alternatives = []
        for stem in sorted(expand_synonyms(word)):
            # The word as typed counts a little more than a synonym.
            weight = boost if stem == word else boost * 0.8
            for fieldname, field_boost, _positions in self.text_fields():
                alternatives.append(
                    wq.Term(fieldname, stem, boost=weight * field_boost)
                )
        return wq.Or(alternatives) if len(alternatives) > 1 else alternatives[0]

    def compile_words(self, words, operator, boost):
        if not words or not self.text_fields():
            return wq.NullQuery
        parts = [self.word_query(word, boost) for word in dict.fromkeys(words)]
        if len(parts) == 1:
            return parts[0]
        return wq.And(parts) if operator == "and" else wq.Or(parts)

    def compile_phrase(self, text, boost):
        words = analyse(text)
        if len(words) < 2:
            return self.compile_words(words, "and", boost)
        alternatives = []
        for fieldname, field_boost, positions in self.text_fields():
            if positions:
                alternatives.append(
                    wq.Phrase(fieldname, words, boost=boost * field_boost)
                )
        return wq.Or(alternatives) if alternatives else wq.NullQuery

    def compile_fuzzy(self, query, boost):
        parts = []
        for word in dict.fromkeys(analyse(query.query_string)):
            maxdist = 1 if len(word) <= 5 else 2
            parts.append(
                wq.Or(
                    [
                        wq.FuzzyTerm(
                            fieldname,
                            word,
                            boost=boost * field_boost,
                            maxdist=maxdist,
                            prefixlength=1,
                        )
                        for fieldname, field_boost, _p in self.text_fields()
                    ]
                )
            )
        if not parts:
            return wq.NullQuery
        return wq.And(parts) if query.operator == "and" else wq.Or(parts)


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    def autocomplete_fields(self):
        names = autocomplete_fields_for(self.model)
        if self.fields is None:
            return list(names)
        wanted = []
        for field in self.model.get_autocomplete_search_fields():
            if field.field_name in self.fields:
                wanted.append("ac__" + column_name(self.model, field))
        return wanted

    def compile(self, query, boost):
        if isinstance(query, MatchAll):
            return wq.Every()
        if not isinstance(query, PlainText):
            raise NotImplementedError(
                f"`{query.__class__.__name__}` is not supported for autocomplete queries."
            )
        fieldnames = self.autocomplete_fields()
        words = list(dict.fromkeys(analyse(query.query_string, _plain_analyzer)))
        if not words or not fieldnames:
            return wq.NullQuery
        parts = []
        for word in words:
            if len(word) < 2:
                # Single letters are not stored as n-grams: expand the prefix.
                options = [wq.Prefix(name, word) for name in fieldnames]
            else:
                options = [
                    wq.Term(name, word[:AUTOCOMPLETE_MAX_GRAM]) for name in fieldnames
                ]
            parts.append(wq.Or(options) if len(options) > 1 else options[0])
        if len(parts) == 1:
            return parts[0]
        return wq.And(parts) if query.operator == "and" else wq.Or(parts)


# Results ----------------------------------------------------------------------------


class Hits:
    """Result of one pass over the index: total count and the best documents."""

    def __init__(self, total, ranked, complete, matched=None):
        self.total = total
        self.ranked = ranked  # [(docnum, score)] best first
        self.complete = complete  # True when ranked holds every match
        self.matched = matched


class WhooshSearchResults(BaseSearchResults):
    supports_facet = True

    def _store_and_searcher(self):
        # One searcher for every step of one search (checking the index on disk
        # for changes costs a few file reads).
        cache = self.query_compiler.hits_cache
        found = cache.get("searcher")
        if found is None:
            rollback_guard.settle()
            store = self.backend.store
            searcher = store.searcher()
            found = cache["searcher"] = (
                searcher,
                FilterEvaluator(searcher, store.caches()),
            )
        return found

    def _hits(self, limit):
        """Top ``limit`` hits (None for all) and the exact total, in one pass."""
        compiler = self.query_compiler
        cache = compiler.hits_cache
        cached = cache.get("hits")
        if cached is not None and (
            cached.complete or (limit is not None and len(cached.ranked) >= limit)
        ):
            return cached
        searcher, evaluator = self._store_and_searcher()
        hits = run_search(searcher, evaluator, compiler, limit)
        cache["hits"] = hits
        return hits

    def _database_queryset(self):
        """For MATCH_ALL the caller's queryset already says everything: let the
        database filter, order and slice it, as Wagtail's database backend does
        (so rows changed with ``QuerySet.update()`` still sort correctly)."""
        compiler = self.query_compiler
        if not isinstance(compiler.query, MatchAll):
            return None
        queryset = compiler.queryset
        if not queryset.ordered:
            queryset = queryset.order_by("-pk")
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset

    def _do_search(self):
        queryset = self._database_queryset()
        if queryset is not None:
            results = list(queryset[self.start : self.stop])
            if self._score_field:
                for obj in results:
                    setattr(obj, self._score_field, 0.0)
            return results
        hits = self._hits(self.stop)
        window = hits.ranked[self.start : self.stop]
        if not window:
            return []
        searcher, _evaluator = self._store_and_searcher()
        pks = [searcher.stored_fields(docnum)["doc_pk"] for docnum, _score in window]
        scores = dict(zip(pks, (score for _docnum, score in window), strict=True))
        queryset = self.query_compiler.queryset
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objects = {str(obj.pk): obj for obj in queryset.filter(pk__in=pks)}
        results = []
        for pk in pks:
            obj = objects.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, float(scores[pk] or 0.0))
            results.append(obj)
        return results

    def _do_count(self):
        queryset = self._database_queryset()
        if queryset is not None:
            return queryset[self.start : self.stop].count()
        # Any pass gives the exact total, so a page already fetched will do.
        hits = self.query_compiler.hits_cache.get("hits")
        if hits is None:
            hits = self._hits(max(self.stop or 0, PREFETCH_HITS))
        count = max(hits.total - self.start, 0)
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return count

    def facet(self, field_name):
        """Counts per value of a filter field among the results.

        Beyond Wagtail's API, ``field_name`` may also follow ``RelatedFields``
        (``"tags__slug"``): each result counts once for every value it holds.
        """
        model = self.query_compiler.model
        column = facet_column(model, model.get_search_fields(), field_name)
        if column is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to "
                f"{self.query_compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        searcher, evaluator = self._store_and_searcher()
        matched = matched_docs(searcher, evaluator, self.query_compiler)
        counts = facet_counts(evaluator, "flt__" + column, matched)
        return OrderedDict(
            (decode_value(term), count)
            for term, count in sorted(counts.items(), key=lambda item: -item[1])
        )


def encode_stored_pk(text):
    """The filter term of a primary key stored as text (integers sort as such)."""
    if text is None:
        return NULL
    digits = text[1:] if text.startswith("-") else text
    return encode_value(int(text) if digits.isdigit() else text)


def facet_column(model, search_fields, field_name):
    """The index column of a filter field, possibly behind ``RelatedFields``."""
    first, _, rest = field_name.partition("__")
    for field in search_fields:
        if rest and isinstance(field, RelatedFields) and field.field_name == first:
            related = related_model_for(model, field)
            inner = facet_column(related, field.fields, rest)
            return None if inner is None else f"{column_name(model, field)}__{inner}"
        if (
            not rest
            and isinstance(field, FilterField)
            and field.get_attname(model) == first
        ):
            return column_name(model, field)
    return None


def evaluate_query(searcher, evaluator, compiler):
    """(bitset of matching allowed documents, scoring leaves), cached per search."""
    cache = compiler.hits_cache
    if "evaluation" in cache:
        return cache["evaluation"]
    allowed = compiler.allowed_docs(evaluator)
    q = compiler.whoosh_query()
    if q is None or q is wq.NullQuery or not allowed:
        result = (0, [])
    else:
        found = QueryEvaluator(evaluator.terms, allowed).evaluate(q)
        result = (found.bits & allowed, found.leaves)
    cache["evaluation"] = result
    return result


def matched_docs(searcher, evaluator, compiler):
    """Bitset of every document matching the query and filters (cached)."""
    return evaluate_query(searcher, evaluator, compiler)[0]


def facet_counts(evaluator, fieldname, matched):
    values = evaluator.value_docs(fieldname)
    counts = {}
    if len(values) <= 1024:
        for term, docs in values.items():
            count = (docs & matched).bit_count()
            if count:
                counts[term] = count
        return counts
    # Many distinct values: walk the matched documents instead.
    doc_terms = evaluator.caches.get(("docterms", fieldname))
    if doc_terms is None:
        doc_terms = {}
        for term, docs in values.items():
            for doc in ids_from_bits(docs):
                doc_terms.setdefault(doc, []).append(term)
        evaluator.caches[("docterms", fieldname)] = doc_terms
    for doc in ids_from_bits(matched):
        for term in doc_terms.get(doc, ()):
            counts[term] = counts.get(term, 0) + 1
    return counts


def run_search(searcher, evaluator, compiler, limit):
    matched, leaves_ = evaluate_query(searcher, evaluator, compiler)
    if not matched:
        return Hits(0, [], True, 0)
    columns = compiler.order_columns()
    if columns is not None or not leaves_:
        return sorted_hits(evaluator, matched, columns or [(PK_FIELD, True)], limit)
    ranked, total = top_scored(evaluator.terms, leaves_, matched, limit)
    return Hits(total, ranked, limit is None or total <= limit, matched)


def sorted_hits(evaluator, matched, columns, limit):
    """Order matched documents by filter-field values, without scoring."""
    maps = [(evaluator.doc_values(name), descending) for name, descending in columns]

    def key(doc):
        parts = []
        for values, descending in maps:
            term = values.get(doc, "")
            if term == NULL:
                term = ""
            parts.append(_Reversed(term) if descending else term)
        return parts

    docs = ids_from_bits(matched)
    if limit is not None and limit < len(docs):
        ordered = heapq.nsmallest(limit, docs, key=key)
        complete = False
    else:
        ordered = sorted(docs, key=key)
        complete = True
    return Hits(len(docs), [(doc, None) for doc in ordered], complete, matched)


class _Reversed:
    """Wraps a sort key so it sorts in descending order."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return other.value < self.value

    def __eq__(self, other):
        return self.value == other.value


# Indexes and backend ----------------------------------------------------------------


class RollbackGuard:
    """Puts documents right again when the transaction that indexed them rolls back.

    Index writes happen at once (so a save is searchable immediately) but the
    database may still roll the change back. Each write inside a transaction is
    remembered until the transaction commits; if it turns out to have been rolled
    back, the objects it touched are re-read from the database and re-indexed or
    removed. This also keeps test suites that roll back after every test honest.
    """

    def __init__(self):
        self._local = threading.local()

    def _pending(self):
        pending = getattr(self._local, "pending", None)
        if pending is None:
            pending = self._local.pending = {}
        return pending

    def record(self, index, model, pk):
        connection = connections[router.db_for_write(model)]
        if not connection.in_atomic_block or not connection.atomic_blocks:
            return
        outermost = connection.atomic_blocks[0]
        key = (connection.alias, id(outermost))
        pending = self._pending()
        if key not in pending:
            pending[key] = {"block": outermost, "alias": connection.alias, "items": {}}
            transaction.on_commit(
                functools.partial(pending.pop, key, None), using=connection.alias
            )
        pending[key]["items"][(model, str(pk))] = index

    def settle(self):
        """Re-sync objects whose transaction ended without committing."""
        pending = self._pending()
        if not pending:
            return
        for key, entry in list(pending.items()):
            connection = connections[entry["alias"]]
            if any(block is entry["block"] for block in connection.atomic_blocks):
                continue
            pending.pop(key, None)
            for (model, pk), index in entry["items"].items():
                obj = model._default_manager.filter(pk=pk).first()
                indexed = get_indexed_instance(obj) if obj is not None else None
                if indexed is not None:
                    index.add_items(type(indexed), [indexed])
                else:
                    index.delete_key(model, pk)


rollback_guard = RollbackGuard()


class WhooshIndex(BaseIndex):
    """The backend's single index; ``generation`` names a build in progress."""

    def __init__(self, backend, generation=None, writer=None):
        super().__init__(backend)
        self.store = backend.store
        self.generation = generation
        self.build_writer = writer

    def get_key(self):
        return str(self.store.path)

    def __str__(self):
        return str(self.store.path)

    def add_model(self, model):
        # One schema serves every model; nothing to declare up front.
        pass

    def refresh(self):
        # Commits are synchronous and searchers refresh themselves on use.
        pass

    def reset(self):
        self.store.swap_to(self.store.new_generation())

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        items = list(items)
        if not items:
            return
        mapping = mapping_for(model)
        documents = [mapping.document(item) for item in items]
        if self.build_writer is not None:
            for document in documents:
                self.build_writer.add_document(**document)
            return
        rollback_guard.settle()
        with self._write() as (writer, journal):
            for document in documents:
                writer.update_document(**document)
                journal({"add": document})
        for item in items:
            rollback_guard.record(self, model, item.pk)

    def delete_item(self, item):
        if not class_is_indexed(item.__class__):
            return
        rollback_guard.settle()
        self.delete_key(item.__class__, item.pk)
        rollback_guard.record(self, item.__class__, item.pk)

    def delete_key(self, model, pk):
        key = document_key(model, pk)
        with self._write() as (writer, journal):
            writer.delete_by_term("doc_id", key)
            journal({"delete": key})

    @contextlib.contextmanager
    def _write(self):
        """A writer for this index; live writes are also journalled for a rebuild
        in progress, which replays them before it goes live."""
        if self.generation is not None:
            with self.store.writer(self.generation) as writer:
                yield writer, lambda entry: None
            return
        with self.store.live_write() as journal, self.store.writer() as writer:
            yield writer, journal


class WhooshRebuilder:
    """Builds a complete new generation, then swaps it in.

    Searches use the old generation until ``finish``; if the rebuild fails the
    half-built generation is never made live (and is tidied up by a later swap).
    """

    def __init__(self, index):
        self.index = index
        self.store = index.store

    def start(self):
        self.generation = self.store.new_generation()
        self.store.start_build(self.generation)
        ix = self.store.open_index(self.generation)
        # One segment per worker process, not merged at the end: merging would
        # rewrite every posting once more for little gain at query time.
        self.writer = ix.writer(
            procs=BUILD_PROCESSES,
            multisegment=True,
            limitmb=BUILD_LIMIT_MB,
            **writer_options(),
        )
        return WhooshIndex(
            self.index.backend, generation=self.generation, writer=self.writer
        )

    def finish(self):
        self.writer.commit()
        self.store.finish_build(self.generation)


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    index_class = WhooshIndex
    results_class = WhooshSearchResults
    rebuilder_class = WhooshRebuilder
    # A lock wait that times out is logged rather than failing an editor's save.
    catch_indexing_errors = True
    # Filters and facets may follow RelatedFields (``tags__slug``) without the
    # duplicate rows a database join gives; the directory counts topics with it.
    facets_related_fields = True
    # The index expands CARE_SYNONYMS itself (portal.search.query.parsed_query adds
    # them to the query for other engines).
    expands_care_synonyms = True

    def __init__(self, params):
        super().__init__(params)
        path = params.pop("PATH", None) or default_index_path()
        self.store = get_store(path)

    def get_index_for_model(self, model):
        return self.index_class(self)

    def all_indexes(self):
        return [self.index_class(self)]


def default_index_path():
    var_dir = getattr(settings, "VAR_DIR", None) or settings.BASE_DIR / "var"
    return var_dir / "search-index"


SearchBackend = WhooshSearchBackend
