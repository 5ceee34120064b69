"""OntoNotes 4.0/5.0 name annotation, the released ``.name`` files (LDC2011T03, LDC2013T19)::

    <DOC DOCNO="bc/cctv/00/cctv_0000">
    <ENAMEX TYPE="GPE">中国</ENAMEX> 的 <ENAMEX TYPE="ORG" E_OFF="1">亚太 经济 暨 合作 会议</ENAMEX> …
    </DOC>

One sentence a line, its words (the treebank's tokens) separated by single spaces; a name is an ``ENAMEX``
whose ``TYPE`` is one of OntoNotes' 18 types (PERSON, NORP, FAC, ORG, GPE, LOC, …, CARDINAL), kept as the
label: they are the ``ontonotes`` label preset's names. The words of a document are joined as ``--join auto``
joins CoNLL words (Chinese without a space, a space between two Latin words; a document of Latin words with
spaces), its sentences by a newline, and the offsets follow the joined text. A name whose edge falls inside a
word carries ``S_OFF``/``E_OFF`` (the OntoNotes DB tool's start and end character offsets): it starts
``S_OFF`` characters into its first word and ends ``E_OFF`` characters before the end of its last one, which
is read so and said in a warning, since the converters that make CoNLL-2012 out of these files widen such
names to whole words.

Anything else that looks like markup (an ``ENAMEX`` inside another, one not closed on its line, a
``</ENAMEX>`` that closes nothing, an attribute OntoNotes does not write, a ``<DOC>`` not closed) is refused
by its line: a name cannot be guessed from broken markup. Each ``<DOC>`` is read whole (a document is a few
hundred lines)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from model.reasons import Reason, said
from model.reasons import ReasonKind as K
from model.spans import Entity
from model.text import first_line_title
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.conll import gaps_between, joined
from storage.formats.conll_layout import _CJK, _LATIN, auto_join
from storage.formats.options import Join, ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom

DOC_OPEN = re.compile(r'^<DOC\s+DOCNO="([^"]*)">\s*$')
DOC_CLOSE = "</DOC>"
_PIECE = re.compile(r"(<[^<>]*>)|(\s+)|([^<\s]+|<)")
_ENAMEX = re.compile(r'^<ENAMEX((?:\s+[A-Z_]+="[^"]*")*)\s*>$')
_ATTRIBUTE = re.compile(r'([A-Z_]+)="([^"]*)"')
_OFFSET = re.compile(r"^\d+$")
ATTRIBUTES = ("TYPE", "S_OFF", "E_OFF")

# (first word, characters into it where the name starts, last word, characters into it where it ends, label)
_Name = tuple[int, int, int, int, str]


def looks_like_ontonotes(head: str) -> bool:
    """The file starts with an OntoNotes ``<DOC DOCNO="…">`` line."""
    first = head.lstrip(BOM).lstrip().split("\n", 1)[0]
    return DOC_OPEN.match(first.rstrip()) is not None


class OntoNotesReader:
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        self.path, self.options, self.info = path, options, info
        self.source = source or TextFile.open(path)
        self.offset_lines: list[int] = []  # lines of names with S_OFF/E_OFF

    def fail(self, line: int, kind: K, **params: object) -> ImportFormatError:
        return ImportFormatError(self.path, Reason.of(kind, **params), line)

    def documents(self) -> Iterator[ParsedDocument]:
        info = self.info
        info.format, info.encoding = "ontonotes", self.source.encoding
        info.variant = said(K.VARIANT_ONTONOTES)
        docno: str | None = None
        start = 0
        sentences: list[tuple[int, list[str], list[_Name]]] = []
        joins: set[str] = set()
        for number, line in self.source.lines():
            if line.startswith(BOM):
                line = line.lstrip(BOM)
            if BOM in line:
                raise inner_bom(self.path, number)
            stripped = line.strip()
            if not stripped:
                continue
            if (opened := DOC_OPEN.match(stripped)) is not None:
                if docno is not None:
                    raise self.fail(number, K.ONTONOTES_DOC_OPEN, first=start)
                docno, start, sentences = opened.group(1), number, []
            elif stripped == DOC_CLOSE:
                if docno is None:
                    raise self.fail(number, K.ONTONOTES_DOC_STRAY)
                if sentences:
                    yield self._document(docno, start, sentences, joins)
                docno = None
            elif docno is None:
                raise self.fail(number, K.ONTONOTES_OUTSIDE, row=stripped)
            else:
                sentences.append((number, *self._sentence(number, stripped)))
        if docno is not None:
            raise self.fail(start, K.ONTONOTES_DOC_OPEN, first=start)
        for join in sorted(joins):
            info.notes.append(said(K.NOTE_JOIN_SPACE if join == "space" else K.NOTE_JOIN_PAIRS))
        if lines := self.offset_lines:
            info.warnings.append(said(K.WARN_ONTONOTES_OFFSETS, count=len(lines), line=lines[0]))

    def _sentence(self, number: int, line: str) -> tuple[list[str], list[_Name]]:
        """The words of one line and its names, as word indexes and characters into the words."""
        words: list[str] = []
        names: list[_Name] = []
        in_word = False  # the last piece was text: a tag now falls inside (or at the end of) that word
        opened: tuple[int, int, str, int, int] | None = None  # word, characters in, label, S_OFF, E_OFF
        for tag, space, text in _PIECE.findall(line):
            if text:
                if not in_word:
                    words.append("")
                words[-1] += text
                in_word = True
            elif space:
                in_word = False
            elif tag == "</ENAMEX>":
                if opened is None:
                    raise self.fail(number, K.ONTONOTES_STRAY_CLOSE)
                if not words or (not in_word and len(words) - 1 < opened[0]):
                    raise self.fail(number, K.ONTONOTES_EMPTY, label=opened[2])
                first, into, label, s_off, e_off = opened
                names.append(self._name(number, words, first, into + s_off, len(words[-1]) - e_off, label))
                opened = None
            else:
                if opened is not None:
                    raise self.fail(number, K.ONTONOTES_NESTED, tag=tag)
                label, s_off, e_off = self._attributes(number, tag)
                opened = (
                    (len(words) - 1, len(words[-1]), label, s_off, e_off)
                    if in_word
                    else (
                        len(words),
                        0,
                        label,
                        s_off,
                        e_off,
                    )
                )
        if opened is not None:
            raise self.fail(number, K.ONTONOTES_UNCLOSED, label=opened[2])
        return words, names

    def _attributes(self, number: int, tag: str) -> tuple[str, int, int]:
        match = _ENAMEX.match(tag)
        attributes = dict(_ATTRIBUTE.findall(match.group(1))) if match else {}
        if match is None or "TYPE" not in attributes or set(attributes) - set(ATTRIBUTES):
            raise self.fail(number, K.ONTONOTES_BAD_TAG, tag=tag)
        for name in ("S_OFF", "E_OFF"):
            if name in attributes and not _OFFSET.match(attributes[name]):
                raise self.fail(number, K.ONTONOTES_BAD_TAG, tag=tag)
        s_off, e_off = int(attributes.get("S_OFF", 0)), int(attributes.get("E_OFF", 0))
        if s_off or e_off:
            self.offset_lines.append(number)
        return attributes["TYPE"], s_off, e_off

    def _name(self, number: int, words: list[str], first: int, into: int, end: int, label: str) -> _Name:
        last = len(words) - 1
        if not (0 <= into < len(words[first]) and 0 < end <= len(words[last])) or (
            first == last and into >= end
        ):
            raise self.fail(number, K.ONTONOTES_EMPTY, label=label)
        return first, into, last, end, label

    def _document(
        self, docno: str, start: int, sentences: list[tuple[int, list[str], list[_Name]]], joins: set[str]
    ) -> ParsedDocument:
        join = self.options.join
        if join is Join.AUTO:
            words = [w for _, ws, _ in sentences for w in ws]
            latin = sum(1 for w in words if not _CJK.search(w) and _LATIN.search(w))
            cjk = sum(1 for w in words if _CJK.search(w))
            mode = auto_join(cjk, latin, any(len(w) > 1 for w in words))
        else:
            mode = "space" if join is Join.SPACE else "none"
        if mode != "none":
            joins.add(mode)
        parts: list[str] = []
        entities: list[Entity] = []
        offset = 0
        for _, words, names in sentences:
            if parts:
                parts.append("\n")
                offset += 1
            line, starts = joined(words, gaps_between(words, mode))
            parts.append(line)
            entities.extend(
                Entity(offset + starts[a] + into, offset + starts[b] + end, label)
                for a, into, b, end, label in names
            )
            offset += len(line)
        text = "".join(parts)
        return ParsedDocument(
            title=first_line_title(text),
            text=text,
            source=f"{self.path}:{start}",
            meta={"format": "ontonotes", "encoding": self.source.encoding, "docno": docno},
            entities=entities,
            line=start,
        )
