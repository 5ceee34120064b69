"""JSON Lines in doccano's shape: ``{"text": ..., "label": [[start, end, "LABEL"], ...]}``.

Also accepted: ``"labels"``, ``"entities"`` or ``"spans"`` for the list, and items as objects with
``start``/``end`` (or doccano's ``start_offset``/``end_offset``) and ``label``. Offsets are code points.
Every other key goes to the document's metadata.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from model.spans import Entity
from model.text import first_line_title, line_ending_kind, normalise_newlines
from storage.formats import ImportFormatError, ParsedDocument
from storage.formats.decoding import read_text_file

SPAN_KEYS = ("label", "labels", "entities", "spans")


def _entity(item: Any, text: str, fail: Any) -> Entity:
    if isinstance(item, list | tuple):
        if len(item) < 3:
            fail(f"a span must be [start, end, label], got {item!r}")
        start, end, label = item[0], item[1], item[2]
        surface = None
    elif isinstance(item, dict):
        start = item.get("start", item.get("start_offset"))
        end = item.get("end", item.get("end_offset"))
        label = item.get("label")
        surface = item.get("text")
    else:
        fail(f"a span must be a list or an object, got {item!r}")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        fail(f"span offsets must be integers, got {start!r} and {end!r}")
    if not isinstance(label, str) or not label.strip():
        fail(f"span [{start}, {end}] has no label")
    if not (0 <= start < end <= len(text)):
        fail(f"span [{start}, {end}, {label!r}] is out of range for a text of {len(text)} characters")
    if surface is not None and text[start:end] != surface:
        fail(f"span [{start}, {end}] covers {text[start:end]!r}, but the file says {surface!r}")
    return Entity(start, end, label.strip())


def read_jsonl(path: Path) -> Iterator[ParsedDocument]:
    raw_file, encoding = read_text_file(path)
    for number, line in enumerate(raw_file.split("\n"), start=1):
        if not line.strip():
            continue

        def fail(message: str, number: int = number) -> None:
            raise ImportFormatError(path, message, number)

        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ImportFormatError(path, f"is not valid JSON ({exc.msg}, column {exc.colno})",
                                    number) from None
        if not isinstance(obj, dict):
            fail("each line must be a JSON object with a \"text\" key")
        raw = obj.get("text")
        if not isinstance(raw, str):
            fail("has no \"text\" string")
        if not raw.strip():
            fail("has an empty \"text\"")
        key = next((k for k in SPAN_KEYS if k in obj), None)
        items = obj.get(key, []) if key else []
        if not isinstance(items, list):
            fail(f"\"{key}\" must be a list of spans")
        entities = [_entity(item, raw, fail) for item in items]
        text, mapper = normalise_newlines(raw)
        if text is not raw:
            entities = [Entity(mapper(e.start), mapper(e.end), e.label) for e in entities]
        meta = {k: v for k, v in obj.items() if k not in ("text", key)}
        title = meta.pop("title", None)
        meta.update(format="jsonl", encoding=encoding, line_endings=line_ending_kind(raw))
        yield ParsedDocument(
            title=str(title) if title else first_line_title(text),
            text=text,
            source=f"{path}:{number}",
            meta=meta,
            entities=entities,
        )
