"""WebAnno TSV 3.x, as INCEpTION and WebAnno 3 export a document (``#FORMAT=WebAnno TSV 3.3``; 3.0 to 3.2
are read too)::

    #FORMAT=WebAnno TSV 3.3
    #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value


    #Text=张三在北京大学。
    1-1	0-2	张三	*	PER
    1-2	2-3	在	_	_
    1-3	3-5	北京	*[1]|*[2]	ORG[1]|LOC[2]
    1-4	5-7	大学	*[1]	ORG[1]

One file is one document. Its text is rebuilt as INCEpTION rebuilds it (``Tsv3XDeserializer``): every
``#Text=`` line, unescaped (3.2 and 3.3: ``\\t``, ``\\n``, ``\\r``, ``\\f``, ``\\b``, ``\\\\`` and a backslash
before another control character; 3.0 and 3.1: Java escapes), ends with a line break; a sentence starts at the
offset of its first token, so the line break before it is dropped where the offsets say the two sentences
touch, and spaces fill a gap they leave. The last line break is the format's and is not kept. Offsets count
UTF-16 code units (Java's) and are turned into code points here; every token and sub-token row must cover its
own token in that text, so a file whose offsets were counted otherwise is refused by its line.

Entities come from the named-entity layer, its ``value`` column (or the span layer and feature
``ReadOptions.webanno_layer``/``webanno_feature`` name; without a named-entity layer, a single custom layer
with one feature: ``webanno_layers``): ``_`` none, ``PER`` one entity over the row's token, ``PER[3]`` one
entity over every row that carries id 3 (from the first one's start to the furthest end), ``ORG[1]|LOC[2]``
entities stacked on one token, values unescaped (``\\|``, ``\\_``, ``\\[``, ``\\\\`` before ``|``, …).
The other layers (parts of speech, lemmas, chains, relations, custom layers) are left out and named in a
note. Zero-width annotations (INCEpTION allows them) cannot be spans: they are skipped, with a warning
counting them and naming the first line. Refused by line: a header without a layer to read, a row with
fewer columns than the header declares, offsets outside the text or not covering the row's token, a named
entity without a value (``*``), one id with two labels, a sentence that starts before the one above ends.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from model.labels import label_reason
from model.reasons import ReasonKind as K
from model.reasons import said
from model.spans import Entity
from model.text import Utf16Offsets, first_line_title, utf16_length
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.file_names import title_from_path
from storage.formats.options import ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom
from storage.formats.webanno_layers import Layer, choose

MAGIC = "#FORMAT=WebAnno TSV"
MAX_GAP = 1_000_000  # UTF-16 units of spaces between two sentences, at most: beyond, an offset is damaged
_FORMAT = re.compile(r"^#FORMAT=WebAnno TSV 3\.(\d+)\s*$")
_LAYER = re.compile(r"^#T_(SP|CH|RL)=")
_UNIT_ID = re.compile(r"^\d+-\d+(\.\d+)?$")
_OFFSETS = re.compile(r"^(\d+)-(\d+)$")
_STACKED = re.compile(r"((?:\\.|[^\\|])*)(?:\||$)")  # one value of a stack, its escapes kept whole
_IDENT = re.compile(r"^((?:\\.|[^\\])*?)\[(\d+)\]$")  # PER[3]; a\\[3] is the value a\ with id 3
_VALUE_ESCAPE = re.compile(r"\\(\\|\[|\]|\||_|->|;|t|n|\*)")
_VALUE_UNESCAPED = {"t": "\t", "n": "\n"}
_TEXT_ESCAPE = re.compile(r"\\([\\tnfrb]|[\x00-\x07\x0e-\x1f])")
_TEXT_UNESCAPED = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b", "\\": "\\"}
_JAVA_ESCAPE = re.compile(r"\\(u+[0-9A-Fa-f]{4}|[0-3][0-7]{0,2}|[4-7][0-7]?|[btnfr\"'\\])")


def looks_like_webanno(head: str) -> bool:
    return head.lstrip(BOM).startswith(MAGIC)


def unescape_text(text: str, minor: int) -> str:
    """A ``#Text=`` line as INCEpTION's ``Escaping.unescapeText`` reads it."""
    if minor >= 2:
        return _TEXT_ESCAPE.sub(lambda m: _TEXT_UNESCAPED.get(m.group(1), m.group(1)), text)

    def java(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] == "u":
            return chr(int(code.lstrip("u"), 16))
        if code[0].isdigit():
            return chr(int(code, 8))
        return _TEXT_UNESCAPED.get(code, code)

    return _JAVA_ESCAPE.sub(java, text)


def split_stack(column: str) -> list[str]:
    """``ORG[1]|LOC[2]`` as its values; an escaped ``\\|`` or a value ending in ``\\\\`` does not split."""
    return [m.group(1) for m in _STACKED.finditer(column) if m.end() > m.start()] or [""]


def unescape_value(value: str) -> str:
    """A feature value as ``Escaping.unescapeValue`` reads it."""
    return _VALUE_ESCAPE.sub(lambda m: _VALUE_UNESCAPED.get(m.group(1), m.group(1)), value)


@dataclass(slots=True)
class _Span:
    line: int
    begin: int  # UTF-16 code units
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class _Unit:
    line: int
    begin: int
    end: int
    token: str


class WebAnnoReader:
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        self.path, self.options, self.info = path, options, info
        self.source = source or TextFile.open(path)
        self.minor = 3
        self.width = 0  # columns the header declares, after id, offsets and token
        self.value_column = -1
        self.others: list[str] = []

    def fail(self, line: int, kind: K, **params: object) -> ImportFormatError:
        return ImportFormatError.of(self.path, kind, line, **params)

    def _header(self, lines: Iterator[tuple[int, str]]) -> tuple[int, str] | None:
        """Read ``#FORMAT=`` and the layer lines; the first line after them (None at the end of the file)."""
        number, first = next(lines, (1, ""))
        first = first.lstrip(BOM)
        if (m := _FORMAT.match(first)) is None:
            raise self.fail(number, K.WEBANNO_VERSION, row=first)
        self.minor = int(m.group(1))
        layers: list[Layer] = []
        after: tuple[int, str] | None = None
        for number, line in lines:
            if (layer := _LAYER.match(line)) is None:
                after = number, line
                break
            name, *features = [f for f in line[layer.end() :].split("|") if f]
            layers.append(Layer(layer.group(1), name, tuple(features), self.width, number))
            self.width += layers[-1].width()
        choice = choose(self.path, layers, self.options, after[0] if after else number)
        self.value_column = choice.column
        self.others = [layer.short for layer in layers if layer is not choice.layer]
        if choice.guessed:
            self.info.notes.append(
                said(K.NOTE_WEBANNO_CUSTOM, layer=choice.layer.name, feature=choice.feature)
            )
        return after

    def documents(self) -> Iterator[ParsedDocument]:
        info = self.info
        info.format, info.encoding = "webanno", self.source.encoding
        lines = iter(self.source.lines())
        first = self._header(lines)
        body = [first] if first is not None else []
        parts: list[str] = []  # the document's text so far
        length = 0  # its length in UTF-16 code units
        pending: list[str] = []  # the #Text= lines of the sentence being read, each with its line break
        state = "between"  # between sentences, "header" (its #Text= lines), "tokens"
        units: list[_Unit] = []
        spans: list[_Span] = []
        by_id: dict[str, _Span] = {}
        sentences, number, line = 0, 0, ""
        for number, line in itertools.chain(body, lines):
            if BOM in line:
                raise inner_bom(self.path, number)
            if not line.strip():
                if state == "header":
                    raise self.fail(number, K.WEBANNO_MISPLACED, row=line)
                state = "between"
                continue
            if line.startswith("#"):
                if state == "tokens" or not line.startswith(("#Text=", "#Sentence.id=")):
                    raise self.fail(number, K.WEBANNO_MISPLACED, row=line)
                if line.startswith("#Text="):
                    pending.append(unescape_text(line[len("#Text=") :], self.minor) + "\n")
                state = "header"
                continue
            fields = line.split("\t")
            unit_id, offsets = fields[0], _OFFSETS.match(fields[1]) if len(fields) > 1 else None
            if len(fields) < 3 + self.width or not _UNIT_ID.match(unit_id) or offsets is None:
                raise self.fail(number, K.WEBANNO_ROW, columns=self.width, row=line)
            begin, end = int(offsets.group(1)), int(offsets.group(2))
            if state == "between" or (state == "header" and not pending):
                raise self.fail(number, K.WEBANNO_NO_TEXT, row=line)
            if state == "header":
                if "." in unit_id:
                    raise self.fail(number, K.WEBANNO_MISPLACED, row=line)
                if length > begin and parts and parts[-1].endswith("\n"):
                    parts[-1], length = parts[-1][:-1], length - 1
                if length > begin:
                    raise self.fail(number, K.WEBANNO_OVERLAP, begin=begin, end=length)
                if begin - length > MAX_GAP:  # a damaged offset, not spaces to fill the text with
                    raise self.fail(
                        number, K.WEBANNO_OFFSETS, begin=begin, end=end, token=fields[2], found=""
                    )
                if length < begin:
                    parts.append(" " * (begin - length))
                    length = begin
                sentence = "".join(pending)
                parts.append(sentence)
                length += utf16_length(sentence)
                pending, state = [], "tokens"
                sentences += 1
            units.append(_Unit(number, begin, end, fields[2]))
            self._values(number, fields[3 + self.value_column], begin, end, spans, by_id)
        if state == "header":
            raise self.fail(number, K.WEBANNO_MISPLACED, row=line)
        if parts and parts[-1].endswith("\n"):
            parts[-1] = parts[-1][:-1]
        text = "".join(parts)
        entities = self._entities(text, units, spans)
        info.variant = said(K.VARIANT_WEBANNO, version=f"3.{self.minor}")
        if self.others:
            info.notes.append(said(K.NOTE_WEBANNO_LAYERS, layers=", ".join(self.others)))
        if not text.strip():
            return
        info.offset_units["utf16"] += 1
        yield ParsedDocument(
            title=title_from_path(self.path, first_line_title(text), inception=True),
            text=text,
            source=str(self.path),
            meta={"format": "webanno", "encoding": self.source.encoding, "sentences": sentences},
            entities=entities,
            line=units[0].line if units else None,
        )

    def _values(
        self, number: int, column: str, begin: int, end: int, spans: list[_Span], by_id: dict[str, _Span]
    ) -> None:
        """The named entities of one row's value column, added to ``spans`` (or widening one of ``by_id``)."""
        if column == "_":
            return
        for raw in split_stack(column):
            value, ident = raw, None
            if m := _IDENT.match(raw):
                value, ident = m.group(1), m.group(2)
            elif raw.endswith("]") and "[" in raw and not raw.endswith("\\]"):
                raise self.fail(number, K.WEBANNO_ROW, columns=self.width, row=column)
            if value in ("*", ""):
                raise self.fail(number, K.WEBANNO_UNLABELLED, value=raw)
            label = unescape_value(value)
            if (problem := label_reason(label)) is not None:  # here, where its line is known
                raise ImportFormatError(self.path, problem, number)
            known = by_id.get(ident) if ident is not None else None
            if known is None:
                span = _Span(number, begin, end, label)
                spans.append(span)
                if ident is not None:
                    by_id[ident] = span
                continue
            if known.label != label:
                raise self.fail(
                    number, K.WEBANNO_ID_LABELS, ident=ident, first=label, second=known.label, at=known.line
                )
            known.begin, known.end = min(known.begin, begin), max(known.end, end)

    def _entities(self, text: str, units: list[_Unit], spans: list[_Span]) -> list[Entity]:
        """Every row's offsets checked against its token, then the spans in code points."""
        at = Utf16Offsets(text)
        points: dict[int, int] = {}  # every row's UTF-16 offsets in code points
        for unit in units:
            start, stop = at.to_codepoints(unit.begin), at.to_codepoints(unit.end)
            found = text[start:stop] if start is not None and stop is not None else None
            if found is None or start is None or stop is None or start > stop or found != unit.token:
                raise self.fail(
                    unit.line,
                    K.WEBANNO_OFFSETS,
                    begin=unit.begin,
                    end=unit.end,
                    token=unit.token,
                    found=_around(text, at, unit.begin, unit.end),
                )
            points[unit.begin], points[unit.end] = start, stop
        if empty := [span for span in spans if span.begin >= span.end]:
            self.info.warnings.append(said(K.WARN_WEBANNO_ZERO_WIDTH, count=len(empty), line=empty[0].line))
        # a span begins where one of its rows begins and ends where one ends (``_values``)
        entities = [
            Entity(points[span.begin], points[span.end], span.label)
            for span in spans
            if span.begin < span.end
        ]
        return entities


def _around(text: str, at: Utf16Offsets, begin: int, end: int) -> str:
    """What the text holds near UTF-16 offsets that do not land on a token (for the refusal)."""
    lo = next((p for p in range(min(begin, at.utf16_length), -1, -1) if at.to_codepoints(p) is not None), 0)
    hi = next((p for p in range(end, at.utf16_length + 1) if at.to_codepoints(p) is not None), None)
    start = at.to_codepoints(lo) or 0
    stop = at.to_codepoints(hi) if hi is not None else len(text)
    return text[start : stop if stop is not None else len(text)]
