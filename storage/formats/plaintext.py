"""Plain-text articles: one article per file, the first non-empty line is the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from model.reasons import ReasonKind as K
from model.text import first_line_title, line_ending_kind, normalise_newlines
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.decoding import read_text_file


def read_txt(path: Path, info: ReadInfo | None = None) -> Iterator[ParsedDocument]:
    raw, encoding = read_text_file(path)
    if info is not None:
        info.format, info.encoding = "txt", encoding
    text, _ = normalise_newlines(raw)
    if not text.strip():
        raise ImportFormatError.of(path, K.EMPTY_ARTICLE)
    if "\ufeff" in text:
        raise ImportFormatError.of(path, K.INNER_BOM_TEXT, text.count("\n", 0, text.index("\ufeff")) + 1)
    yield ParsedDocument(
        title=first_line_title(text),
        text=text,
        source=str(path),
        meta={"format": "txt", "encoding": str(encoding), "line_endings": line_ending_kind(raw)},
    )
