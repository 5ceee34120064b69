"""JSON documents: JSON Lines (one object a line) and JSON arrays (Label Studio's exports), in the shapes the
tools people use write:

- doccano: ``{"text": ..., "label": [[start, end, "LABEL"], ...]}``; also ``"labels"``, ``"entities"`` or
  ``"spans"``, items as objects with ``start``/``end`` (or ``start_offset``/``end_offset``) and ``label``;
  doccano 1.6 and older: ``"data"`` instead of ``"text"``.
- CLUENER 2020: ``{"text": ..., "label": {"TYPE": {"mention": [[start, end_inclusive], ...]}}}``.
- Label Studio JSON: a task ``{"data": {"text": ...}, "annotations": [{"result": [{"value": {"start",
  "end", "text", "labels"}}]}]}``; JSON-MIN: ``{"text": ..., "<from_name>": [{"start", "end", "text",
  "labels"}]}``. A config that names the text otherwise (``value="$sentence"``): the field the spans' own
  text is found in.

Offsets count code points or UTF-16 code units (doccano's front end counts UTF-16; Label Studio counted UTF-16
in its 2021 releases and counts code points now, as its own emoji tests pin): where spans carry their text the
unit is detected per document; ``OffsetUnit`` chooses it otherwise. Every other
key goes to the document's metadata.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from model.reasons import Reason, said
from model.reasons import ReasonKind as K
from model.spans import newlines_normalised
from model.text import first_line_title, line_ending_kind
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo, prodigy, unit_reason
from storage.formats.json_decoding import DECODER as _DECODER
from storage.formats.json_decoding import refusal as _refusal
from storage.formats.json_offsets import SpanUnits
from storage.formats.json_shapes import LS_SKIP as _LS_SKIP
from storage.formats.json_shapes import SPAN_KEYS, RawSpan, spacy_pair
from storage.formats.json_shapes import Fail as _Fail
from storage.formats.json_shapes import cluener_spans as _cluener_spans
from storage.formats.json_shapes import doccano_span as _doccano_span
from storage.formats.json_shapes import hypertext_labels as _hypertext_labels
from storage.formats.json_shapes import is_min_list as _is_min_list
from storage.formats.json_shapes import label_studio_results as _label_studio_results
from storage.formats.json_shapes import min_spans as _min_spans
from storage.formats.options import OffsetUnit, ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom


class JsonReader:
    """JSON Lines (``array=False``) or a JSON array of objects (``array=True``)."""

    def __init__(
        self,
        path: Path,
        options: ReadOptions,
        info: ReadInfo,
        source: TextFile | None = None,
        array: bool = False,
    ) -> None:
        self.path, self.options, self.info, self.array = path, options, info, array
        self.source = source or TextFile.open(path)
        self.shapes: Counter[str] = Counter()
        self.ignored: Counter[K] = Counter()  # what was left out (a PART_ kind): how many
        self.categories: list[tuple[int, str, str]] = []  # labels of whole documents: (line, key, example)
        self.units = SpanUnits(options.offsets, info)
        self.text_field: str | None = None  # Label Studio: the field earlier records showed is the text

    def documents(self) -> Iterator[ParsedDocument]:
        self.info.format = "json" if self.array else "jsonl"
        self.info.encoding = self.source.encoding
        if self.options.offsets is not OffsetUnit.AUTO:
            self.info.notes.append(said(K.NOTE_OFFSETS_OPTION, unit=unit_reason(self.options.offsets)))
        yield from (self._array() if self.array else self._lines())
        self.info.variant = ", ".join(
            f"{shape}" if len(self.shapes) == 1 else f"{shape} ({n})"
            for shape, n in self.shapes.most_common()
        )
        if self.categories:
            (line, key, example), count = self.categories[0], len(self.categories)
            self.info.notes.append(
                said(K.NOTE_JSON_CATEGORIES, count=count, key=key, line=line, example=example[:40])
            )
        for what, n in self.ignored.items():
            self.info.notes.append(said(K.NOTE_NOT_IMPORTED, count=n, what=Reason.of(what)))
        self.units.warn()

    def _decode(
        self, text: str, at: int, first: int, line: Callable[[], int] | None = None
    ) -> tuple[Any, int]:
        """The JSON value at ``at`` of ``text`` (whose first line is line ``first`` of the file) and where it
        ends. An object that names a key twice is refused at ``line()`` (default: ``first``), since which of
        its values was meant cannot be known (Python keeps the last one, other readers the first)."""
        try:
            return _DECODER.raw_decode(text, at)
        except json.JSONDecodeError as exc:
            raise ImportFormatError.of(
                self.path, K.BAD_JSON, first + exc.lineno - 1, problem=exc.msg, column=exc.colno
            ) from None
        except (RecursionError, ValueError) as exc:  # the hooks' refusals, too deep, too many digits
            where = first if line is None else line()
            raise ImportFormatError(self.path, _refusal(exc), where) from None

    def _lines(self) -> Iterator[ParsedDocument]:
        """One object a line. A first line that is not one JSON value, or is an array (broken or not), is a
        JSON file given as JSON Lines (``--format jsonl`` for a ``.json`` export): the refusal names the
        format it looks like."""
        seen = False
        for number, line in self.source.lines():
            if line.startswith(BOM):
                if number > 1:
                    self.info.notes.append(said(K.NOTE_BOM_JOINED, line=number))
                line = line.lstrip(BOM)
            if BOM in line:
                raise inner_bom(self.path, number)
            if not line.strip():
                continue
            start = len(line) - len(line.lstrip())
            try:
                obj, end = self._decode(line, start, number)
            except ImportFormatError:
                # "[" or "{" that goes on: one value over lines; a "[": an array, well-formed or not (a
                # broken one is a JSON file's error, which --format json then reports where it is)
                if not seen and (line[start] == "[" or _unfinished(line, start)):
                    raise ImportFormatError.of(self.path, K.JSON_NOT_LINES, number) from None
                raise
            if not seen and isinstance(obj, list) and spacy_pair(obj) is None:  # an array on one line
                raise ImportFormatError.of(self.path, K.JSON_NOT_LINES, number)
            seen = True
            if line[end:].strip():
                raise ImportFormatError.of(
                    self.path, K.BAD_JSON, number, problem="Extra data", column=end + 1
                ) from None
            if (doc := self.document(obj, number)) is not None:
                yield doc

    def _array(self) -> Iterator[ParsedDocument]:
        text = "".join(self.source.chunks())
        if BOM in text:
            raise inner_bom(self.path, text.count("\n", 0, text.index(BOM)) + 1)
        ws = re.compile(r"\s*")
        pos = ws.match(text, 0).end()  # type: ignore[union-attr]
        line, counted = 1, 0

        def line_at(at: int) -> int:
            nonlocal line, counted
            line += text.count("\n", counted, at)
            counted = at
            return line

        def decode(at: int) -> tuple[Any, int]:
            return self._decode(text, at, 1, lambda: line_at(at))

        def finish(at: int) -> None:
            """Nothing but whitespace may follow the one JSON value of the file."""
            at = ws.match(text, at).end()  # type: ignore[union-attr]
            if at < len(text):
                raise ImportFormatError.of(self.path, K.JSON_TRAILING, line_at(at))

        if not text.startswith("[", pos):  # one object, not an array
            obj, end = decode(pos)
            if (doc := self.document(obj, line_at(pos))) is not None:
                yield doc
            finish(end)
            return
        first = pos
        pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text.startswith("]", pos):
            finish(pos + 1)
            return
        if text.startswith('"', pos):  # an array opening with a string: one spaCy pair, not a list of them
            obj, end = decode(first)
            if (doc := self.document(obj, line_at(first))) is not None:
                yield doc
            finish(end)
            return
        while True:
            obj, end = decode(pos)
            if (doc := self.document(obj, line_at(pos))) is not None:
                yield doc
            pos = ws.match(text, end).end()  # type: ignore[union-attr]
            if text.startswith("]", pos):
                finish(pos + 1)
                break
            if not text.startswith(",", pos):
                raise ImportFormatError.of(self.path, K.JSON_SEPARATOR, line_at(pos))
            pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]

    # -- one object ------------------------------------------------------------------------------------

    def document(self, obj: Any, number: int) -> ParsedDocument | None:
        """The document of one object; None for a Prodigy task answered reject or ignore (counted)."""
        fail = _Fail(self.path, number)
        tool = "spaCy" if (pair := spacy_pair(obj)) is not None else None
        obj = pair or obj
        if not isinstance(obj, dict):
            fail(K.NOT_AN_OBJECT)
        if prodigy.is_task(obj):
            if prodigy.skipped(obj, fail, self.ignored):
                return None
            prodigy.check_tokens(obj, fail)
            obj = {k: v for k, v in obj.items() if k != "tokens"}  # they are the text's, cut in pieces
        raw, spans, meta = self._shape(obj, fail, tool)
        if not raw.strip():
            fail(K.EMPTY_TEXT)
        entities = self.units.entities(raw, spans, fail, number, codepoints=tool == "spaCy")
        text, entities = newlines_normalised(raw, entities)
        title = meta.pop("title", None)
        meta.update(
            format=self.info.format, encoding=self.source.encoding, line_endings=line_ending_kind(raw)
        )
        return ParsedDocument(
            title=str(title) if title else first_line_title(text),
            text=text,
            source=f"{self.path}:{number}",
            meta=meta,
            entities=entities,
            line=number,
        )

    def _shape(
        self, obj: dict[str, Any], fail: _Fail, tool: str | None = None
    ) -> tuple[str, list[RawSpan], dict[str, Any]]:
        """(text, spans, metadata) of one object, whichever tool wrote it."""
        data = obj.get("data")
        if isinstance(data, dict):
            return self._label_studio_task(obj, data, fail)
        if (labels := _hypertext_labels(obj)) is not None:
            fail(K.LS_HYPERTEXT, labels=labels)
        text_key = "text" if "text" in obj else "data" if isinstance(data, str) else None
        if text_key is None:  # Label Studio JSON-MIN of a project whose text is not $text (value="$sentence")
            min_key = next((k for k, v in obj.items() if _is_min_list(v)), None)
            fields = {k: v for k, v in obj.items() if isinstance(v, str)}
            text_key = self._text_field(
                fields, _min_spans(obj[min_key], fail) if min_key else [], alone=False
            )
        if text_key is None or not isinstance(obj[text_key], str):
            fail(K.NO_TEXT)
        raw: str = obj[text_key]
        tool = tool or ("Prodigy" if prodigy.is_task(obj) else None)
        key = "spans" if tool and "spans" in obj else next((k for k in SPAN_KEYS if k in obj), None)
        items = obj.get(key, []) if key else []
        min_key = key if _is_min_list(items) else None
        if key is None:
            min_key = next((k for k, v in obj.items() if _is_min_list(v)), None)
        if isinstance(items, dict) and key == "label":
            self.shapes["CLUENER"] += 1
            spans = _cluener_spans(items, fail)
        elif min_key is not None:
            self.shapes["Label Studio JSON-MIN"] += 1
            key, spans = min_key, _min_spans(obj[min_key], fail, self.ignored)
        else:
            if not isinstance(items, list):
                fail(K.SPANS_NOT_A_LIST, key=key)
            if key in ("label", "labels") and items and all(isinstance(item, str) for item in items):
                # doccano's text classification (or sequence to sequence) export: labels of the whole text
                self.shapes["doccano, labels of whole documents"] += 1
                self.categories.append((fail.line, key, "#".join(items)))
                return raw, [], {k: v for k, v in obj.items() if k != text_key}
            self.shapes[tool or ("doccano" if text_key == "text" else 'doccano 1.6 ("data")')] += 1
            spans = [_doccano_span(item, fail) for item in items]
        meta = {k: v for k, v in obj.items() if k not in (text_key, key)}
        return raw, spans, meta

    def _label_studio_task(
        self, obj: dict[str, Any], data: dict[str, Any], fail: _Fail
    ) -> tuple[str, list[RawSpan], dict[str, Any]]:
        self.shapes["Label Studio"] += 1
        for key in ("annotations", "predictions"):
            if not isinstance(found := obj.get(key) or [], list):
                fail(K.LS_NOT_A_LIST, key=key, value=found)
        annotations = [
            a for a in obj.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")
        ]
        if predictions := obj.get("predictions"):
            self.ignored[K.PART_PREDICTIONS] += len(predictions)
        results = [_label_studio_results(a.get("result", []), fail, self.ignored) for a in annotations]
        distinct = {tuple(sorted(r)) for r in results}
        if len(distinct) > 1:
            fail(K.LS_DIFFERING, task=obj.get("id", "?"), count=len(annotations))
        texts = {k: v for k, v in data.items() if isinstance(v, str)}
        text_key = "text" if "text" in texts else self._text_field(texts, results[0] if results else [])
        if text_key is None:
            fail(K.LS_TEXT_FIELD, fields=list(texts))
        meta: dict[str, Any] = {
            k: v for k, v in obj.items() if k not in _LS_SKIP and not isinstance(v, dict | list)
        }
        meta.update({k: v for k, v in data.items() if k != text_key})
        return data[text_key], results[0] if results else [], meta

    def _text_field(self, fields: dict[str, str], spans: list[RawSpan], alone: bool = True) -> str | None:
        """Which string field of a Label Studio record is the text where none is called "text" (a project
        whose config reads ``value="$sentence"``): the only one (``alone``); else the one where every span's
        own text is found at its offsets (code points or UTF-16); else the one earlier records showed."""
        if alone and len(fields) == 1:
            return next(iter(fields))
        if spans and all(surface is not None for *_, surface in spans):
            fitting = [key for key, raw in fields.items() if self.units.surfaces_fit(raw, spans)]
            if len(fitting) == 1:
                self.text_field = fitting[0]
                return fitting[0]
        return self.text_field if self.text_field in fields else None


def _unfinished(line: str, start: int) -> bool:
    """Whether ``line`` starts an array or an object that goes on after it: JSON broken only by the line's
    end (a bad value inside a line is that line's error)."""
    if line[start] not in "[{":
        return False
    try:
        _DECODER.raw_decode(line, start)
    except json.JSONDecodeError as exc:
        return exc.pos >= len(line.rstrip())
    except (RecursionError, ValueError):
        return False
    return False


def read_jsonl(path: Path, options: ReadOptions | None = None) -> Iterator[ParsedDocument]:
    yield from JsonReader(path, options or ReadOptions(), ReadInfo()).documents()
