"""How a model instance becomes a Whoosh document, and the field names involved."""

import functools

from django.db import models
from django.db.models.fields.related import ForeignObjectRel
from django.utils.encoding import force_str

from modelsearch.backends.base import get_model_root
from modelsearch.index import (
    AutocompleteField,
    FilterField,
    Indexed,
    RelatedFields,
    SearchField,
    get_indexed_models,
)

from .analysis import NULL, encode_value

#: A title without an explicit boost still outranks body text.
DEFAULT_TITLE_BOOST = 2.0


def content_type_label(model):
    return f"{model._meta.app_label}.{model.__name__}".lower()


def document_key(model, pk):
    """Unique id of an object's document: its root model plus primary key.

    Objects of a model and of its multi-table subclasses share the root, so saving
    a page as ``Page`` or as ``ContentPage`` updates the same document.
    """
    return f"{content_type_label(get_model_root(model))}:{pk}"


def column_name(model, field):
    """Name of a search_fields entry within a document, as the Elasticsearch
    backend names it: fields defined below the root model are prefixed with
    their model so that two subclasses may use one name for different data."""
    root = get_model_root(model)
    definition = field.get_definition_model(model)
    if definition is not None and definition != root:
        prefix = f"{definition._meta.app_label.lower()}_{definition.__name__.lower()}__"
    else:
        prefix = ""
    if isinstance(field, RelatedFields):
        return prefix + field.field_name
    return prefix + field.get_attname(model)


def boost_field_name(boost):
    if not boost or float(boost) == 1.0:
        return "content"
    return "content_b" + str(float(boost)).replace(".", "_").replace("-", "m")


def related_model_for(model, related_fields):
    return related_fields.get_field(model).related_model


def is_multi_valued(model, related_fields):
    field = related_fields.get_field(model)
    return bool(field.many_to_many or field.one_to_many)


def prepare_text(value):
    """Searchable text for any value a search field can return."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(prepare_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(prepare_text(item) for item in value.values())
    return force_str(value)


def filter_values(value):
    """Encoded filter terms for a FilterField value (scalars, lists, managers)."""
    if isinstance(value, (models.Manager, models.QuerySet)):
        value = list(value.all())
    if isinstance(value, (list, tuple, set)):
        values = [encode_value(item) for item in value]
        return values or [NULL]
    return [encode_value(value)]


def related_objects(value):
    if value is None:
        return []
    if isinstance(value, (models.Manager, models.QuerySet)):
        return list(value.all())
    if callable(value) and not isinstance(value, models.Model):
        value = value()
    return [value]


class Document:
    """Accumulates the parts of one document while walking search_fields."""

    def __init__(self):
        self.title = []
        self.groups = {}
        self.per_field = {}
        self.autocomplete = {}
        self.filters = {}


class ModelMapping:
    """Everything the backend needs to know about one indexed model."""

    def __init__(self, model):
        self.model = model
        self.content_types = self._content_types()
        self.content_type = content_type_label(model)

    def _content_types(self):
        labels = [content_type_label(self.model)]
        for ancestor in self.model._meta.get_parent_list():
            if issubclass(ancestor, Indexed):
                labels.append(content_type_label(ancestor))
        return labels

    # Indexing -------------------------------------------------------------------

    def document(self, obj):
        parts = Document()
        self._walk(self.model, obj, self.model.get_search_fields(), "", True, parts)
        doc = {
            "doc_id": document_key(self.model, obj.pk),
            "doc_pk": str(obj.pk),
            "ctype": ",".join(self.content_types),
            "title": " ".join(parts.title),
        }
        for name, texts in parts.groups.items():
            doc[name] = " ".join(texts)
        for name, texts in parts.per_field.items():
            doc["f__" + name] = " ".join(texts)
        for name, texts in parts.autocomplete.items():
            doc["ac__" + name] = " ".join(texts)
        for name, values in parts.filters.items():
            doc["flt__" + name] = values
        return doc

    def _walk(self, model, obj, search_fields, prefix, top_level, parts):
        for field in search_fields:
            column = prefix + column_name(model, field)
            if isinstance(field, RelatedFields):
                related_model = related_model_for(model, field)
                found = set()
                for sub_obj in related_objects(field.get_value(obj)):
                    self._walk(
                        related_model,
                        sub_obj,
                        field.fields,
                        column + "__",
                        False,
                        parts,
                    )
                    found.add(True)
                if not found:
                    # No related object: its filter fields are null, as in SQL.
                    for name in filter_columns(related_model, field.fields, column):
                        parts.filters.setdefault(name, [NULL])
            elif isinstance(field, SearchField):
                text = prepare_text(field.get_value(obj))
                if not text:
                    continue
                if top_level and field.field_name == "title":
                    parts.title.append(text)
                    continue
                if top_level:
                    # Each top-level field is analysed once, into its own field,
                    # which serves both default searches and ``fields=[...]``.
                    parts.per_field.setdefault(column, []).append(text)
                else:
                    parts.groups.setdefault(boost_field_name(field.boost), []).append(
                        text
                    )
            elif isinstance(field, AutocompleteField):
                text = prepare_text(field.get_value(obj))
                if text:
                    parts.autocomplete.setdefault(column, []).append(text)
            elif isinstance(field, FilterField):
                parts.filters.setdefault(column, []).extend(
                    filter_values(field.get_value(obj))
                )


def filter_columns(model, search_fields, prefix):
    """Every filter column under a RelatedFields entry (recursively)."""
    for field in search_fields:
        if isinstance(field, FilterField):
            yield prefix + "__" + column_name(model, field)
        elif isinstance(field, RelatedFields):
            yield from filter_columns(
                related_model_for(model, field),
                field.fields,
                prefix + "__" + column_name(model, field),
            )


@functools.cache
def mapping_for(model):
    return ModelMapping(model)


def indexed_subclasses(model):
    return [m for m in get_indexed_models() if issubclass(m, model)]


@functools.cache
def text_fields_for(model):
    """(field, boost) pairs searched by default for ``model`` and its subclasses.

    Top-level search fields have a Whoosh field each (``f__<column>``); text from
    related objects shares ``content`` (or ``content_b<boost>``).
    """
    title_boost = DEFAULT_TITLE_BOOST
    for field in model.get_searchable_search_fields():
        if field.field_name == "title" and field.boost:
            title_boost = float(field.boost)
    fields = {"title": title_boost}
    for submodel in indexed_subclasses(model) or [model]:
        for name, boost in _text_columns(submodel, submodel.get_search_fields(), True):
            fields[name] = float(boost or 1.0)
    fields.setdefault("content", 1.0)
    return tuple(fields.items())


def _text_columns(model, search_fields, top_level):
    for field in search_fields:
        if isinstance(field, RelatedFields):
            yield from _text_columns(
                related_model_for(model, field), field.fields, top_level=False
            )
        elif isinstance(field, SearchField):
            if not top_level:
                yield boost_field_name(field.boost), field.boost
            elif field.field_name != "title":
                yield "f__" + column_name(model, field), field.boost


@functools.cache
def autocomplete_fields_for(model):
    """Every ``ac__`` field that documents of ``model`` (or subclasses) may have."""
    names = set()
    for submodel in indexed_subclasses(model) or [model]:
        names.update(_autocomplete_columns(submodel, submodel.get_search_fields(), ""))
    return tuple(sorted(names))


def _autocomplete_columns(model, search_fields, prefix):
    for field in search_fields:
        column = prefix + column_name(model, field)
        if isinstance(field, AutocompleteField):
            yield "ac__" + column
        elif isinstance(field, RelatedFields):
            yield from _autocomplete_columns(
                related_model_for(model, field), field.fields, column + "__"
            )


def model_field_or_none(model, field):
    try:
        found = field.get_field(model)
    except Exception:
        return None
    if isinstance(found, ForeignObjectRel):
        return None
    return found
