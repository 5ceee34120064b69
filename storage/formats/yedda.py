"""YEDDA's annotated files (``jiesutd/YEDDA``, ``X.txt.ann``): the raw text with each entity written inline,
``[@text#Label*]`` for one the annotator marked and ``[$text#Label*]`` for one YEDDA recommended (matched from
the annotator's earlier marks) and nobody confirmed::

    我 觉得 [@你们#Person*] 啊 ， [@美国#Location*] 的 [$华莱士#Person*] ，

YEDDA has no escaping: an entity is what its own pattern finds (``\\[[@$].*?#.*?\\*\\](?!#)``), its text up to
the last ``#``, its label from there to ``*]``; the rest of the line is text, kept as it is (a segmented file
keeps its spaces). One file is one document, its lines joined by a line break (the last line break of the
file is not part of the text). Recommended entities are imported like the others, as YEDDA's own export
(``.anns``) keeps them, and said in a warning with their count. Refused by line: a ``[@`` or ``[$`` that does
not open an entity (YEDDA would show it as text, but it is almost surely a broken mark), an entity inside
another (``[@[@北京#Location*]大学#Organization*]``, YEDDA's nested marks), an entity without text or label.

YEDDA's export (``X.txt.anns``: ``word tag`` a line, BMES or BIO, a blank line between the lines of the
file) is CoNLL, read by ``conll.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from model.reasons import ReasonKind as K
from model.reasons import said
from model.spans import Entity
from model.text import first_line_title
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.options import ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom

ENTITY = re.compile(r"\[[@$].*?#.*?\*\](?!#)")  # YEDDA.py: goldAndrecomRe
_MARK = re.compile(r"\[[@$]")
_BRAT_LINE = re.compile(r"^[TRENAM#*]\d*\t")


def entity_spans(line: str) -> Iterator[tuple[int, int]]:
    """Where ``ENTITY`` matches in ``line`` (one line: no line break), found in time linear in its length.
    The pattern itself backtracks: on a line with many ``[@`` and ``#`` and no ``*]`` (a Weibo repost chain)
    it takes cubic time. A match from a ``[@`` runs to its first ``#`` and on to the first ``*]`` after it
    that no ``#`` follows; where a ``[@`` has none, no later one has either, and the scan stops."""
    pos = 0
    while (mark := _MARK.search(line, pos)) is not None:
        hash_at = line.find("#", mark.end())
        if hash_at < 0:
            return
        close = line.find("*]", hash_at + 1)
        while close >= 0 and line.startswith("#", close + 2):
            close = line.find("*]", close + 2)
        if close < 0:
            return
        yield mark.start(), close + 2
        pos = close + 2


def has_entity(line: str) -> bool:
    return next(entity_spans(line), None) is not None


def marks_yedda_entity(lines: Iterable[tuple[int, str]]) -> bool:
    """A YEDDA entity on any of ``lines`` (read one by one: a file of any size in flat memory)."""
    return first_entity_line(lines) is not None


def first_entity_line(lines: Iterable[tuple[int, str]]) -> int | None:
    """The number of the first of ``lines`` with a YEDDA entity on it, None where none has one."""
    return next((number for number, line in lines if has_entity(line)), None)


def yedda_head(head: str) -> bool | None:
    """True where a YEDDA entity is among the first lines and no line of brat standoff (``T1\tPER 0 2\t…``)
    is; False where a brat line is in the head (and no YEDDA entity without one among the first lines);
    None where neither is (a YEDDA file whose first mark comes later)."""
    lines = [line for line in head.split("\n") if line.strip()]
    brat = [bool(_BRAT_LINE.match(line)) for line in lines]
    first = lines[:200]
    if any(has_entity(line) for line in first) and not any(brat[: len(first)]):
        return True
    return False if any(brat) else None


def looks_like_yedda(head: str) -> bool:
    """A YEDDA entity somewhere in the first lines, and no line of brat standoff (``T1\tPER 0 2\t…``)."""
    return yedda_head(head) is True


class YeddaReader:
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        self.path, self.options, self.info = path, options, info
        self.source = source or TextFile.open(path)
        self.recommended = 0
        self.first_recommended: int | None = None

    def fail(self, line: int, kind: K, **params: object) -> ImportFormatError:
        return ImportFormatError.of(self.path, kind, line, **params)

    def documents(self) -> Iterator[ParsedDocument]:
        info = self.info
        info.format, info.encoding = "yedda", self.source.encoding
        info.variant = said(K.VARIANT_YEDDA)
        parts: list[str] = []
        entities: list[Entity] = []
        length = 0
        first: int | None = None
        for number, line in self.source.lines():
            if number == 1:
                line = line.lstrip(BOM)
            if BOM in line:
                raise inner_bom(self.path, number)
            if parts:
                parts.append("\n")
                length += 1
            text, found = self._line(number, line)
            entities.extend(Entity(length + a, length + b, label) for a, b, label in found)
            if first is None and text.strip():
                first = number
            parts.append(text)
            length += len(text)
        if self.recommended:
            info.warnings.append(
                said(K.WARN_YEDDA_RECOMMENDED, count=self.recommended, line=self.first_recommended)
            )
        text = "".join(parts)
        if not text.strip():
            return
        yield ParsedDocument(
            title=first_line_title(text),
            text=text,
            source=str(self.path),
            meta={"format": "yedda", "encoding": self.source.encoding},
            entities=entities,
            line=first,
        )

    def _line(self, number: int, line: str) -> tuple[str, list[tuple[int, int, str]]]:
        """One line's text without the marks, and its entities as offsets into that text."""
        parts: list[str] = []
        found: list[tuple[int, int, str]] = []
        length = pos = 0
        for start, end in entity_spans(line):
            between = line[pos:start]
            if (stray := _MARK.search(between)) is not None:
                raise self.fail(number, K.YEDDA_BROKEN, mark=stray.group(), row=line[pos + stray.start() :])
            parts.append(between)
            length += len(between)
            mark = line[start:end]
            name, _, label = mark[2:-2].rpartition("#")
            if _MARK.search(name):
                raise self.fail(number, K.YEDDA_NESTED, row=mark)
            if not name or not label.strip():
                raise self.fail(number, K.YEDDA_EMPTY, row=mark)
            if mark[1] == "$":
                self.recommended += 1
                if self.first_recommended is None:
                    self.first_recommended = number
            found.append((length, length + len(name), label))
            parts.append(name)
            length += len(name)
            pos = end
        rest = line[pos:]
        if (stray := _MARK.search(rest)) is not None:
            raise self.fail(number, K.YEDDA_BROKEN, mark=stray.group(), row=rest[stray.start() :])
        parts.append(rest)
        return "".join(parts), found
