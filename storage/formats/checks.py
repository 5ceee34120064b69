"""The last check a parsed document passes before it meets the database (or a suggestion run): whatever the
reader, its strings must be storable on every backend and its labels must be labels.

Refused, naming the file and the line: a span outside its text or covering nothing (each reader checks its own
offsets; this is the net under them); a lone surrogate (a JSON ``"\\ud800"``), which no UTF-8 database can
store; a NUL character, which SQLite would store and PostgreSQL refuses (refused on both, so a file imports
the same everywhere); a label that breaks the rule of ``model.labels``. A file that yields no document at all
(empty, or only whitespace) is refused too. Over-long titles and sources are shortened to their columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from model.labels import label_reason
from model.reasons import Reason
from model.reasons import ReasonKind as K
from model.spans import Entity
from storage.formats import ImportFormatError, ParsedDocument

TITLE_LENGTH = 500  # the columns' sizes (storage.orm)
SOURCE_LENGTH = 1000

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _reason(ch: str, part: K) -> Reason:
    if ch == "\x00":
        return Reason.of(K.NUL_IN, part=Reason.of(part))
    return Reason.of(K.LONE_SURROGATE, part=Reason.of(part), code=ord(ch))


def _first_line(doc: ParsedDocument, path: Path) -> int | None:
    """The line a document starts on, when its source names one (``path:N``)."""
    prefix, _, number = doc.source.rpartition(":")
    return int(number) if prefix == str(path) and number.isdigit() else None


def _line_of(doc: ParsedDocument, path: Path, offset: int | None) -> int | None:
    start = _first_line(doc, path)
    if start is not None:
        return start
    if offset is not None and doc.meta.get("format") in ("txt", "brat", "yedda"):
        return doc.text.count("\n", 0, offset) + 1  # the whole file is the text, a line of it a line
    return None


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _range_reason(entity: Entity, length: int) -> Reason | None:
    where = {"start": entity.start, "end": entity.end, "label": entity.label}
    if not (entity.start >= 0 and entity.end <= length):
        return Reason.of(K.SPAN_OUT_OF_RANGE, length=length, **where)
    if entity.start >= entity.end:
        return Reason.of(K.SPAN_EMPTY, **where)
    return None


def check_document(doc: ParsedDocument, path: Path) -> ParsedDocument:
    """``doc`` if it can be stored (title and source shortened to fit); ImportFormatError otherwise."""
    if (found := _UNSTORABLE.search(doc.text)) is not None:
        raise ImportFormatError(path, _reason(found.group(), K.PART_TEXT), _line_of(doc, path, found.start()))
    for what, value in (
        (K.PART_TITLE, doc.title),
        (K.PART_METADATA, list(_strings(doc.meta))),
        (K.PART_FILE_NAME, doc.source),
    ):
        for string in _strings(value):
            if (found := _UNSTORABLE.search(string)) is not None:
                raise ImportFormatError(path, _reason(found.group(), what), _line_of(doc, path, None))
    for entity in doc.entities:
        if (problem := label_reason(entity.label)) is not None:
            raise ImportFormatError(path, problem, _line_of(doc, path, entity.start))
        if (problem := _range_reason(entity, len(doc.text))) is not None:
            # every reader checks its own offsets; this is the net under them all, so that a reader's slip is
            # a refusal by line, never a span the database refuses in the middle of a run (or stores wrong)
            raise ImportFormatError(path, problem, _line_of(doc, path, min(entity.start, len(doc.text))))
    if len(doc.title) > TITLE_LENGTH:
        doc.title = doc.title[: TITLE_LENGTH - 1] + "…"
    if len(doc.source) > SOURCE_LENGTH:
        doc.source = "…" + doc.source[-(SOURCE_LENGTH - 1) :]
    return doc


def checked(documents: Iterable[ParsedDocument], path: Path) -> Iterator[ParsedDocument]:
    """The documents of one file, each checked; a file with none is refused."""
    empty = True
    for doc in documents:
        empty = False
        yield check_document(doc, path)
    if empty:
        raise ImportFormatError.of(path, K.NO_DOCUMENT)
