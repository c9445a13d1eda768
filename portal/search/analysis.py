"""Text analysis for the Whoosh backend: analyzers, care synonyms, value encoding.

Everything here is pickled into the index's table of contents by Whoosh, so it
must stay importable at this path.
"""

import datetime
import decimal
import struct
import uuid

from django.db import models
from django.utils import timezone

from whoosh import analysis, fields, formats
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

#: Words that mean the same thing to people searching care guidance. Each group is
#: expanded at query time, after stemming, so "medicine" also finds "medication"
#: (Porter stems them differently) and "EMI" finds "dementia".
CARE_SYNONYMS = [
    ["medicine", "medicines", "medication", "medications", "meds"],
    ["dementia", "emi", "alzheimers", "alzheimer"],
    ["fall", "falls", "faller", "fallers"],
    ["safeguarding", "safeguard", "abuse"],
    ["hoist", "hoisting", "hoists"],
    ["incontinence", "continence"],
    ["bedsore", "bedsores", "pressure"],
    ["nutrition", "malnutrition"],
    ["infection", "ipc"],
    ["carer", "carers", "caregiver", "caregivers"],
]

#: Ordinary English words that carry no meaning in a search.
STOP_WORDS = frozenset(analysis.STOP_WORDS) | {"s"}

# Latin letters with accents fold to plain ones so "resume" finds "résumé".
_FOLD = analysis.CharsetFilter(accent_map)


def text_analyzer():
    """Words, lower-cased, accent-folded, stop words dropped, Porter-stemmed."""
    return (
        analysis.RegexTokenizer()
        | analysis.LowercaseFilter()
        | _FOLD
        | analysis.StopFilter(stoplist=STOP_WORDS, minsize=1)
        | analysis.StemFilter(stemfn=porter_stem, cachesize=50000)
    )


def plain_analyzer():
    """Words, lower-cased and accent-folded, nothing dropped: for autocomplete."""
    return analysis.RegexTokenizer() | analysis.LowercaseFilter() | _FOLD


#: Edge n-grams are kept up to this length; longer query words are cut to it.
AUTOCOMPLETE_MAX_GRAM = 15


def autocomplete_analyzer():
    """Edge n-grams of each word (2 to 15 letters) for prefix matching."""
    return plain_analyzer() | analysis.NgramFilter(
        minsize=2, maxsize=AUTOCOMPLETE_MAX_GRAM, at="start"
    )


class FilterValues(fields.FieldType):
    """A field holding zero or more pre-encoded filter values per document.

    Values are indexed verbatim (see ``encode_value``), without frequencies or
    positions, so exact, range and prefix lookups are plain term lookups.
    """

    def __init__(self):
        self.format = formats.Existence(field_boost=1.0)
        self.analyzer = analysis.IDTokenizer()
        self.scorable = False
        self.stored = False
        self.unique = False
        self.vector = None
        self.sortable_typecode = None

    def index(self, value, **kwargs):
        values = value if isinstance(value, (list, tuple)) else [value]
        for text in sorted(set(values)):
            yield text.encode("utf-8"), 1, 1.0, b""


class CompactPositions(formats.Positions):
    """Word positions stored as variable-length integers.

    Whoosh's ``Positions`` pickles each posting's position list, which made up
    most of the index; varints take a third of the space and decode faster.
    """

    def encode(self, poslist):
        numbers = [len(poslist)]
        base = 0
        for position in poslist:
            numbers.append(position - base)
            base = position
        if max(numbers) < 0x80:
            # The usual case: every number fits one varint byte as it is.
            return bytes(numbers)
        out = bytearray()
        for number in numbers:
            _put_varint(out, number)
        return bytes(out)

    def decode_positions(self, valuestring):
        numbers = _read_varints(valuestring)
        positions = []
        position = 0
        for delta in numbers[1:]:
            position += delta
            positions.append(position)
        return positions

    def decode_frequency(self, valuestring):
        return _read_varints(valuestring, 1)[0]


def _put_varint(out, number):
    while number > 0x7F:
        out.append((number & 0x7F) | 0x80)
        number >>= 7
    out.append(number)


def _read_varints(data, limit=None):
    numbers = []
    number = shift = 0
    for byte in data:
        number |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        numbers.append(number)
        if limit is not None and len(numbers) >= limit:
            break
        number = shift = 0
    return numbers


_TOKEN_PATTERN = analysis.tokenizers.default_pattern
_ACCENT_MAP = accent_map
_stems = {}


def index_terms(text):
    """(stem, position) of each word of ``text``, exactly as ``text_analyzer()``
    produces them, in one pass rather than a chain of per-token generators
    (indexing spends most of its time here)."""
    stops = STOP_WORDS
    stems = _stems
    found = []
    position = None
    for number, match in enumerate(_TOKEN_PATTERN.finditer(text)):
        word = match.group(0).lower()
        if not word.isascii():
            word = word.translate(_ACCENT_MAP)
        if not word or word in stops:
            continue
        # StopFilter renumbers the words that remain from the first one kept.
        position = number if position is None else position + 1
        stem = stems.get(word)
        if stem is None:
            stem = porter_stem(word)
            if len(stems) < 100_000:
                stems[word] = stem
        found.append((stem, position))
    return found


class StemmedPositions(CompactPositions):
    """Positions of the words ``text_analyzer()`` finds, computed by
    ``index_terms`` (the field's analyzer still serves queries)."""

    def word_values(self, value, analyzer, **kwargs):
        field_boost = self.field_boost
        positions = {}
        for stem, position in index_terms(value):
            positions.setdefault(stem, []).append(position)
        for word, poslist in positions.items():
            yield word, len(poslist), len(poslist) * field_boost, self.encode(poslist)


def positional_text(analyzer):
    """A TEXT field (with the text analyzer) whose positions, for phrase queries,
    are stored compactly."""
    field = fields.TEXT(analyzer=analyzer, phrase=True)
    field.format = StemmedPositions(field_boost=1.0)
    return field


def build_schema():
    """The one schema every indexed model shares.

    ``title`` and ``f__<field>`` hold the text of each top-level search field
    (analysed once, with positions for phrases), serving default searches and
    ones restricted with ``fields=[...]``; text of related objects goes to
    ``content``, or ``content_b<boost>`` for a non-default boost; ``ac__<field>``
    holds edge n-grams for autocomplete and ``flt__<field>`` the encoded filter
    values.
    """
    text = text_analyzer()
    schema = fields.Schema(
        doc_id=fields.ID(stored=True, unique=True),
        doc_pk=fields.STORED(),
        ctype=fields.KEYWORD(lowercase=False, commas=True, scorable=False),
        title=positional_text(text),
        content=positional_text(text),
    )
    schema.add("content_b*", positional_text(text), glob=True)
    schema.add("f__*", positional_text(text), glob=True)
    schema.add(
        "ac__*",
        fields.TEXT(analyzer=autocomplete_analyzer(), phrase=False),
        glob=True,
    )
    schema.add("flt__*", FilterValues(), glob=True)
    return schema


def _synonym_map():
    analyzer = text_analyzer()
    mapping = {}
    for group in CARE_SYNONYMS:
        stems = {token.text for word in group for token in analyzer(word)}
        for stem in stems:
            mapping.setdefault(stem, set()).update(stems)
    return {stem: frozenset(stems) for stem, stems in mapping.items()}


SYNONYMS = _synonym_map()


def expand_synonyms(stem):
    """Every stem that means the same as ``stem`` (itself included)."""
    return SYNONYMS.get(stem, frozenset((stem,)))


# Filter values -----------------------------------------------------------------
#
# Every filter value becomes one string whose first letter names its type and
# whose remainder sorts in the same order as the value, so exact, range and
# prefix lookups are term lookups and ordering is string ordering.

NULL = "n"
_INT_OFFSET = 1 << 63


def encode_value(value):
    """Encode one Python value as an order-preserving index term."""
    if value is None:
        return NULL
    if isinstance(value, models.Model):
        value = value.pk
    if isinstance(value, bool):
        return "b1" if value else "b0"
    if isinstance(value, int):
        clamped = max(-_INT_OFFSET, min(_INT_OFFSET - 1, value))
        return "i" + format(clamped + _INT_OFFSET, "016x")
    if isinstance(value, (float, decimal.Decimal)):
        bits = struct.unpack(">Q", struct.pack(">d", float(value)))[0]
        # Flip so that negative numbers sort before positive ones.
        bits = bits ^ 0xFFFFFFFFFFFFFFFF if bits >> 63 else bits | (1 << 63)
        return "f" + format(bits, "016x")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC).replace(tzinfo=None)
        return "t" + value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(value, datetime.date):
        return "d" + value.isoformat()
    if isinstance(value, datetime.time):
        return "h" + value.replace(tzinfo=None).strftime("%H:%M:%S.%f")
    if isinstance(value, uuid.UUID):
        return "u" + str(value)
    return "s" + str(value)


def decode_value(term):
    """Turn an index term made by ``encode_value`` back into a Python value."""
    kind, rest = term[:1], term[1:]
    if kind == NULL:
        return None
    if kind == "b":
        return rest == "1"
    if kind == "i":
        return int(rest, 16) - _INT_OFFSET
    if kind == "f":
        bits = int(rest, 16)
        bits = bits ^ (1 << 63) if bits >> 63 else bits ^ 0xFFFFFFFFFFFFFFFF
        return struct.unpack(">d", struct.pack(">Q", bits))[0]
    if kind == "t":
        value = datetime.datetime.strptime(rest, "%Y-%m-%dT%H:%M:%S.%f")
        return value.replace(tzinfo=datetime.UTC)
    if kind == "d":
        return datetime.date.fromisoformat(rest)
    if kind == "h":
        return datetime.time.fromisoformat(rest)
    if kind == "u":
        return uuid.UUID(rest)
    return rest
