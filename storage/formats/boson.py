"""BosonNLP's NER corpus as released (``BosonNLP_NER_6C.txt``, 2,000 news texts): one text a line, its names
marked inline as ``{{person_name:施宇翔}}``, ``{{location:…}}``, ``{{org_name:…}}``, ``{{company_name:…}}``,
``{{product_name:…}}`` and ``{{time:…}}`` (its six types, kept as the labels).

The released file's habits: one text a line, so a paragraph break inside a text can only be written as the
two characters ``\\n``; such a pair (no news text holds a backslash and an ``n``) is read as a line break and
counted in the notes. Some names have a space after the colon (``{{person_name: 施宇翔}}``, as a corpus built
from this file quotes it, COIG's NER tasks): the space is the markup's, not the name's, and is left out of the
text, counted. Anything else that does not read as this markup (a ``{{`` never closed on its line, one inside
another, a ``}}`` that closes nothing, a type not among the six, a name with no text) is refused by its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from model.reasons import Reason, said
from model.reasons import ReasonKind as K
from model.spans import Entity
from model.text import first_line_title
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.options import ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom

TYPES = ("person_name", "location", "org_name", "company_name", "product_name", "time")
_NAME = re.compile(r"\{\{(?:" + "|".join(TYPES) + r"):[^{}]*\}\}")
ESCAPED_BREAK = "\\n"


def looks_like_boson(head: str) -> bool:
    """Most of the first lines that hold text hold a BosonNLP name (a text may have none)."""
    lines = [line for line in head.split("\n") if line.strip()][:50]
    return bool(lines) and sum(1 for line in lines if _NAME.search(line)) >= 0.5 * len(lines)


class BosonReader:
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        self.path, self.options, self.info = path, options, info
        self.source = source or TextFile.open(path)
        self.breaks = 0
        self.spaced = 0

    def fail(self, line: int, kind: K, **params: object) -> ImportFormatError:
        return ImportFormatError(self.path, Reason.of(kind, **params), line)

    def documents(self) -> Iterator[ParsedDocument]:
        info = self.info
        info.format, info.encoding = "boson", self.source.encoding
        info.variant = said(K.VARIANT_BOSON)
        for number, line in self.source.lines():
            if line.startswith(BOM):
                line = line.lstrip(BOM)
            if BOM in line:
                raise inner_bom(self.path, number)
            if not line.strip():
                continue
            text, entities = self._line(number, line)
            yield ParsedDocument(
                title=first_line_title(text),
                text=text,
                source=f"{self.path}:{number}",
                meta={"format": "boson", "encoding": self.source.encoding},
                entities=entities,
                line=number,
            )
        if self.breaks:
            info.notes.append(said(K.NOTE_BOSON_BREAKS, count=self.breaks))
        if self.spaced:
            info.notes.append(said(K.NOTE_BOSON_SPACES, count=self.spaced))

    def _text(self, piece: str) -> str:
        self.breaks += piece.count(ESCAPED_BREAK)
        return piece.replace(ESCAPED_BREAK, "\n")

    def _line(self, number: int, line: str) -> tuple[str, list[Entity]]:
        parts: list[str] = []
        entities: list[Entity] = []
        length = pos = 0
        while True:
            opening, closing = line.find("{{", pos), line.find("}}", pos)
            if closing != -1 and (opening == -1 or closing < opening):
                raise self.fail(number, K.BOSON_STRAY_CLOSE, row=line[max(0, closing - 20) : closing + 2])
            if opening == -1:
                parts.append(self._text(line[pos:]))
                break
            parts.append(self._text(line[pos:opening]))
            length += len(parts[-1])
            closing = line.find("}}", opening + 2)
            if closing == -1:
                raise self.fail(number, K.BOSON_UNCLOSED, row=line[opening : opening + 40])
            inner = line[opening + 2 : closing]
            if "{{" in inner:
                raise self.fail(number, K.BOSON_NESTED, row=line[opening : closing + 2])
            kind, colon, name = inner.partition(":")
            if not colon or kind not in TYPES:
                raise self.fail(number, K.BOSON_BAD_TYPE, row=line[opening : closing + 2])
            if name != name.strip():
                self.spaced += 1
            name = self._text(name.strip())
            if not name:
                raise self.fail(number, K.BOSON_EMPTY, row=line[opening : closing + 2])
            entities.append(Entity(length, length + len(name), kind))
            parts.append(name)
            length += len(name)
            pos = closing + 2
        return "".join(parts), entities
