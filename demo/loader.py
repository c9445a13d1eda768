"""Reads the demo content: the YAML files under demo/content/.

Writers edit those files (demo/content/README.md describes them); the seed
functions in demo/ read them through `load()` and the methods of `Record`. What
is read is checked as it is read, and anything wrong raises `ContentError` with
the file and the key in its message: a file that is not valid YAML, a key given
twice, a required key that is missing, a key nothing reads (usually a typo), text
where a number belongs, or a value that is not one of a field's choices.

Two formats are shared by every file:

- Rich text: a string (one paragraph), or a list of paragraphs and
  `heading: ...`, `bullets: [...]` and `numbered: [...]` items. It becomes the
  HTML a rich text field holds.
- A date relative to the day the seed runs: a mapping with one of
  `days_from_today`, `days_ago`, `weeks_from_today` or `weeks_ago`.
"""

import datetime
import difflib
import functools
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"
REQUIRED = object()
DATE_OFFSETS = {
    "days_from_today": 1,
    "days_ago": -1,
    "weeks_from_today": 7,
    "weeks_ago": -7,
}
# Keys that name a record best in an error message, in order of preference.
LABEL_KEYS = ("slug", "username", "reference", "topic", "name", "title")


class ContentError(Exception):
    """A demo content file is malformed; the message names the file and the key."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """yaml.safe_load's loader (libyaml's build of it when PyYAML has one), which
    also refuses a key given twice in one mapping instead of keeping the last."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is given twice", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load(name):
    """The top of demo/content/<name>, as a Record."""
    label = f"demo/content/{name}"
    try:
        text = (CONTENT_DIR / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{label}: the file is missing") from None
    try:
        data = yaml.load(text, Loader=_Loader)  # the safe loader: plain data only
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = error.problem or error.context or str(error)
        raise ContentError(f"{label}{where}: not valid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise ContentError(f"{label}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{label}: expected keys and values, found {describe(data)}")
    return Record(data, label, "")


def file_names(folder):
    """The names of the YAML files in demo/content/<folder>, sorted."""
    return sorted(path.name for path in (CONTENT_DIR / folder).glob("*.yaml"))


def describe(value):
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys and values"
    return type(value).__name__


def choice_values(choices):
    """The stored values of a Django choices class, or of any list of values."""
    try:
        return _choice_values(choices)
    except TypeError:  # a list: not hashable, so not remembered
        return list(choices)


@functools.cache
def _choice_values(choices):
    return list(getattr(choices, "values", choices))


class Record:
    """One mapping read from a content file, which knows where it came from.

    Each method reads one key: `default` makes the key optional, a missing or
    empty key is otherwise an error. `done()` then reports any key nothing read.
    """

    def __init__(self, data, file, path):
        self.data = data
        self.file = file
        self.path = path
        self._asked = set()
        self._children = []

    def __repr__(self):
        return f"<Record {self.file}: {self.path or '(top)'}>"

    def __contains__(self, key):
        return self.data.get(key) is not None

    def names(self, choices=None):
        """The keys of this mapping; with `choices`, each must be one of those."""
        if choices is not None:
            for key in self.data:
                self._check_choice(key, choices, key)
        return list(self.data)

    def error(self, message, key=None):
        path = self.path
        if key is not None:
            path = f"{path}.{key}" if path else str(key)
        return ContentError(f"{self.file}: {path}: {message}" if path else message)

    def raw(self, key, default=REQUIRED):
        self._asked.add(key)
        value = self.data.get(key)
        if value is None:
            if default is REQUIRED:
                raise self.error("required, but missing or empty", key)
            return default
        return value

    def text(self, key, default=REQUIRED):
        value = self.raw(key, default)
        if value is not default and not isinstance(value, str):
            raise self.error(
                f"expected text, found {describe(value)}: put it in quotes", key
            )
        return value

    def number(self, key, default=REQUIRED):
        value = self.raw(key, default)
        if value is not default and (
            isinstance(value, bool) or not isinstance(value, int)
        ):
            raise self.error(f"expected a whole number, found {describe(value)}", key)
        return value

    def flag(self, key, default=False):
        value = self.raw(key, default)
        if value is not default and not isinstance(value, bool):
            raise self.error(f"expected true or false, found {describe(value)}", key)
        return value

    def _list(self, key, default):
        """The list at `key`, or a copy of `default` when there is none."""
        value = self.raw(key, default)
        if value is default:
            return list(value)
        if not isinstance(value, list):
            raise self.error(f"expected a list, found {describe(value)}", key)
        return value

    def texts(self, key, default=REQUIRED):
        """A list of strings."""
        value = self._list(key, default)
        for number, item in enumerate(value):
            if not isinstance(item, str):
                raise self.error(
                    f"expected text, found {describe(item)}", f"{key}[{number}]"
                )
        return value

    def choice(self, key, choices, default=REQUIRED):
        """One of a field's choices, written as its stored value."""
        value = self.raw(key, default)
        if value is not default:
            self._check_choice(value, choices, key)
        return value

    def choice_list(self, key, choices, default=REQUIRED):
        values = self._list(key, default)
        for number, value in enumerate(values):
            self._check_choice(value, choices, f"{key}[{number}]")
        return values

    def _check_choice(self, value, choices, key):
        allowed = choice_values(choices)
        # (true and false would otherwise pass for the numbers 1 and 0)
        if value in allowed and not isinstance(value, bool):
            return
        if len(allowed) <= 12:
            known = "one of the choices: " + ", ".join(map(repr, allowed))
        else:
            close = difflib.get_close_matches(str(value), map(str, allowed), n=1)
            known = "a known one" + (f" (did you mean {close[0]!r}?)" if close else "")
        raise self.error(f"{describe(value)} is not {known}", key)

    def rich_text(self, key, default=REQUIRED):
        """Rich text (see the module's docstring) as HTML."""
        value = self.raw(key, default)
        if value is default:
            return value
        return "".join(self.rich_text_parts(key))

    def rich_text_parts(self, key):
        """Rich text as HTML, one piece for each paragraph, heading or list."""
        value = self.raw(key)
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise self.error(
                "expected rich text: a paragraph, or a list of paragraphs, "
                f"headings and lists; found {describe(value)}",
                key,
            )
        return [
            self._rich_text_part(item, f"{key}[{number}]" if items is value else key)
            for number, item in enumerate(items)
        ]

    def _rich_text_part(self, item, key):
        if isinstance(item, str):
            return f"<p>{item}</p>"
        if isinstance(item, dict) and len(item) == 1:
            ((kind, content),) = item.items()
            if kind == "heading" and isinstance(content, str):
                return f"<h3>{content}</h3>"
            if kind in ("bullets", "numbered"):
                if isinstance(content, list) and all(
                    isinstance(entry, str) for entry in content
                ):
                    tag = "ul" if kind == "bullets" else "ol"
                    items = "".join(f"<li>{entry}</li>" for entry in content)
                    return f"<{tag}>{items}</{tag}>"
                raise self.error(f"{kind}: expected a list of text", key)
        raise self.error(
            "expected a paragraph, or one of heading:, bullets: or numbered:, "
            f"found {describe(item)}",
            key,
        )

    def index_page(self):
        """The fields every section's index page has: title, slug, intro (rich
        text) and search description."""
        return {
            "title": self.text("title"),
            "slug": self.text("slug"),
            "intro": self.rich_text("intro"),
            "search_description": self.text("search_description"),
        }

    def record(self, key, default=REQUIRED):
        """A nested mapping, as a Record."""
        value = self.raw(key, default)
        if value is default:
            return value
        if not isinstance(value, dict):
            raise self.error(f"expected keys and values, found {describe(value)}", key)
        return self._child(value, f"{self.path}.{key}" if self.path else str(key))

    def records(self, key, default=REQUIRED, unique=None):
        """A list of mappings, as Records; `unique` names a key no two may share."""
        value = self._list(key, default)
        records, seen = [], set()
        for number, item in enumerate(value):
            path = f"{self.path}.{key}" if self.path else str(key)
            path = f"{path}[{number}]"
            if not isinstance(item, dict):
                raise ContentError(
                    f"{self.file}: {path}: expected keys and values, "
                    f"found {describe(item)}"
                )
            label = next(
                (item[name] for name in LABEL_KEYS if isinstance(item.get(name), str)),
                None,
            )
            record = self._child(item, f"{path} ({label})" if label else path)
            if unique is not None:
                identifier = record.raw(unique)
                if identifier in seen:
                    raise record.error(f"{identifier!r} is used twice", unique)
                seen.add(identifier)
            records.append(record)
        return records

    def _child(self, data, path):
        child = Record(data, self.file, path)
        self._children.append(child)
        return child

    def days_from_today(self, key=None, default=REQUIRED):
        """A relative date (see the module's docstring) as days from today:
        this record's own, or the one under `key`."""
        if key is not None:
            record = self.record(key, default)
            return default if record is default else record.days_from_today()
        given = [name for name in DATE_OFFSETS if name in self]
        if len(given) != 1:
            raise self.error(
                "give the date as one of "
                + ", ".join(DATE_OFFSETS)
                + (f" (found {', '.join(given)})" if given else "")
            )
        (name,) = given
        return DATE_OFFSETS[name] * self.number(name)

    def date(self, key, today, default=REQUIRED):
        days = self.days_from_today(key, default)
        return default if days is default else today + datetime.timedelta(days=days)

    def done(self):
        """Report a key that nothing read, here or in any record read from here."""
        for key in self.data:
            if key not in self._asked:
                close = difflib.get_close_matches(str(key), self._asked, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.error(f"unknown key{hint}", key)
        for child in self._children:
            child.done()
        return self


def template(text, **values):
    """Text with {name} placeholders filled in, leaving other braces alone."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
