"""Finding directory entries: filters, facet counts and sorting.

Everything goes through Wagtail's search API (`.search()`, `.facet()`), so the
same code runs on the Whoosh, database and OpenSearch backends. Multi-valued
choices (home types, audiences) are boolean fields on the entry; topics and
areas are filtered with `pk__in` sub-queries rather than joins, which would
repeat an entry once per matching tag on some backends.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL

from directory.choices import AUDIENCE_FIELDS, HOME_TYPE_FIELDS
from directory.models import DirectoryEntryPage, DirectoryEntryTag
from portal.search.query import parsed_query
from portal.visibility import public

SINGLE_VALUE_FACETS = {"kind": "kind", "format": "format", "cost": "cost"}
BOOLEAN_FACETS = {"home_type": HOME_TYPE_FIELDS, "audience": AUDIENCE_FIELDS}
SORT_FIELDS = {
    "newest": "-first_published_at",
    "soonest": "next_date_sort",
    "rating": "-rating_average",
    "az": "title",
}


@dataclass
class DirectoryQuery:
    text: str = ""
    home_type: list = field(default_factory=list)
    topic: list = field(default_factory=list)
    kind: list = field(default_factory=list)
    format: list = field(default_factory=list)
    audience: list = field(default_factory=list)
    cost: list = field(default_factory=list)
    area: list = field(default_factory=list)
    sort: str = "relevance"

    FACETS = ("home_type", "topic", "kind", "format", "audience", "cost", "area")

    @classmethod
    def from_form(cls, form):
        data = form.cleaned_data
        return cls(
            text=data.get("q", ""),
            sort=data.get("sort") or "relevance",
            **{name: data.get(name, []) for name in cls.FACETS},
        )

    @property
    def active_filters(self):
        return {
            name: getattr(self, name) for name in self.FACETS if getattr(self, name)
        }


def entries_tagged(slugs):
    return DirectoryEntryTag.objects.filter(tag__slug__in=slugs).values(
        "content_object_id"
    )


def entries_in_areas(slugs):
    return DirectoryEntryPage.areas.through.objects.filter(area__slug__in=slugs).values(
        "directoryentrypage_id"
    )


def index_counts_related_fields():
    """Whether the search backend filters and counts through `RelatedFields`.

    The Whoosh backend does (`tags__slug`), so topic and area filters and counts
    come straight from the index; other backends get database sub-queries.
    """
    return getattr(get_search_backend(), "facets_related_fields", False)


def facet_filter(name, values, in_index=False):
    """The Q object for one facet's chosen values (values within a facet are ORed).

    `in_index` filters topics and areas through the search index's related
    fields instead of `pk__in` sub-queries (only for searches, and only where
    `index_counts_related_fields()`: in SQL the join would repeat entries).
    """
    if name in SINGLE_VALUE_FACETS:
        return Q(**{f"{SINGLE_VALUE_FACETS[name]}__in": values})
    if name in BOOLEAN_FACETS:
        condition = Q()
        for value in values:
            condition |= Q(**{BOOLEAN_FACETS[name][value]: True})
        return condition
    if name == "topic":
        if in_index:
            return Q(tags__slug__in=values)
        return Q(pk__in=entries_tagged(values))
    if name == "area":
        if in_index:
            return Q(citywide=True) | Q(areas__slug__in=values)
        return Q(citywide=True) | Q(pk__in=entries_in_areas(values))
    raise ValueError(f"Unknown facet {name!r}")


def visible_entries(request=None):
    """Live entries without view restrictions (read once per request)."""
    return public(DirectoryEntryPage.objects.live(), request)


def filtered_entries(query, leave_out=None, base=None, in_index=False, request=None):
    """Live, public entries matching every active facet except `leave_out`."""
    queryset = visible_entries(request) if base is None else base
    for name, values in query.active_filters.items():
        if name != leave_out:
            queryset = queryset.filter(facet_filter(name, values, in_index))
    return queryset


def run_search(queryset, query):
    """Search `queryset` for the query's text, in the query's sort order."""
    if query.sort in SORT_FIELDS:
        return queryset.order_by(SORT_FIELDS[query.sort], "title").search(
            parsed_query(query.text), order_by_relevance=False
        )
    if not query.text:
        # Nothing to rank by: fall back to alphabetical order.
        return queryset.order_by("title").search(MATCH_ALL, order_by_relevance=False)
    return queryset.search(parsed_query(query.text))


def find_entries(query, request=None):
    # Without text the database answers (see the backend's MATCH_ALL path).
    in_index = bool(query.text) and index_counts_related_fields()
    return run_search(
        filtered_entries(query, in_index=in_index, request=request), query
    )


def facet_counts(query, topic_values, area_values, request=None):
    """For each facet, how many results each value would give with the other filters.

    The number of queries depends only on the active filters and the size of
    the vocabularies, never on the number of entries. The Whoosh index counts
    every facet from cached per-value document sets; elsewhere, without search
    text the database counts each facet in one grouped query, and with text the
    search backend counts.
    """
    if index_counts_related_fields():
        return index_facet_counts(query, topic_values, area_values, request)
    if not query.text:
        return database_facet_counts(query, topic_values, area_values, request)
    return search_facet_counts(query, topic_values, area_values, request)


def index_facet_counts(query, topic_values, area_values, request=None):
    """Facet counts from the search index: one search per distinct filter set.

    Leaving out a facet that is not active gives the same filters as leaving
    out nothing, so only active facets (and the area count's extra "not
    citywide" search) need searches of their own.
    """
    visible = visible_entries(request)
    text = parsed_query(query.text) if query.text else MATCH_ALL
    searches = {}

    def results_without(name, **extra):
        key = (
            tuple(
                (other, tuple(values))
                for other, values in query.active_filters.items()
                if other != name
            ),
            tuple(extra.items()),
        )
        if key not in searches:
            queryset = filtered_entries(query, name, visible, in_index=True)
            searches[key] = queryset.filter(**extra).search(
                text, order_by_relevance=False
            )
        return searches[key]

    counts = {}
    for name, value_field in SINGLE_VALUE_FACETS.items():
        counts[name] = dict(results_without(name).facet(value_field))
    for name, fields in BOOLEAN_FACETS.items():
        results = results_without(name)
        counts[name] = {
            value: results.facet(field_name).get(True, 0)
            for value, field_name in fields.items()
        }
    by_topic = results_without("topic").facet("tags__slug")
    citywide = results_without("area").facet("citywide").get(True, 0)
    by_area = results_without("area", citywide=False).facet("areas__slug")
    counts.update(
        topic_and_area_counts(by_topic, topic_values, citywide, by_area, area_values)
    )
    return counts


def topic_and_area_counts(by_topic, topic_values, citywide, by_area, area_values):
    """The topic and area facets' counts, from the counts found by slug.

    Citywide offers are available in every area, so they count in each."""
    return {
        "topic": {value: by_topic.get(value, 0) for value in topic_values},
        "area": {value: citywide + by_area.get(value, 0) for value in area_values},
    }


def database_facet_counts(query, topic_values, area_values, request=None):
    visible = visible_entries(request)
    counts = {}
    for name, field_name in SINGLE_VALUE_FACETS.items():
        rows = (
            filtered_entries(query, name, visible)
            .order_by()
            .values(field_name)
            .annotate(total=Count("pk"))
        )
        counts[name] = {row[field_name]: row["total"] for row in rows}
    for name, fields in BOOLEAN_FACETS.items():
        aliases = {f"value_{number}": value for number, value in enumerate(fields)}
        totals = filtered_entries(query, name, visible).aggregate(
            **{
                alias: Count("pk", filter=Q(**{fields[value]: True}))
                for alias, value in aliases.items()
            }
        )
        counts[name] = {value: totals[alias] for alias, value in aliases.items()}
    topic_rows = (
        DirectoryEntryTag.objects.filter(
            content_object__in=filtered_entries(query, "topic", visible),
            tag__slug__in=topic_values,
        )
        .values("tag__slug")
        .annotate(total=Count("content_object", distinct=True))
    )
    by_topic = {row["tag__slug"]: row["total"] for row in topic_rows}
    in_any_area = filtered_entries(query, "area", visible)
    citywide = in_any_area.filter(citywide=True).count()
    area_rows = (
        DirectoryEntryPage.areas.through.objects.filter(
            directoryentrypage__in=in_any_area.filter(citywide=False),
            area__slug__in=area_values,
        )
        .values("area__slug")
        .annotate(total=Count("directoryentrypage", distinct=True))
    )
    by_area = {row["area__slug"]: row["total"] for row in area_rows}
    counts.update(
        topic_and_area_counts(by_topic, topic_values, citywide, by_area, area_values)
    )
    return counts


def search_facet_counts(query, topic_values, area_values, request=None):
    visible = visible_entries(request)
    counts = {}
    for name, value_field in SINGLE_VALUE_FACETS.items():
        results = run_search(filtered_entries(query, name, visible), query)
        counts[name] = dict(results.facet(value_field))
    for name, fields in BOOLEAN_FACETS.items():
        base = filtered_entries(query, name, visible)
        counts[name] = {
            value: run_search(base, query).facet(field_name).get(True, 0)
            for value, field_name in fields.items()
        }
    for name, values in (("topic", topic_values), ("area", area_values)):
        base = filtered_entries(query, name, visible)
        counts[name] = {
            value: run_search(base.filter(facet_filter(name, [value])), query).count()
            for value in values
        }
    return counts
