"""``word/tag`` corpora: People's Daily 1998 and the original MSRA release, one paragraph a line::

    19980101-01-001-002/m  中共中央/nt  总书记/n  、/w  国家/n  主席/n  江/nr  泽民/nr
    [中央/n  人民/n  广播/vn  电台/n]nt  …

Entities come from the tags (``nr`` person, ``ns`` place, ``nt`` organisation; ``ReadOptions.tag_map`` says
which tags are which label) and from ``[…]tag`` brackets, which make one entity of the words inside (an entity
inside a bracket is part of the bracket's, so only the outer one is kept, as flat NER needs). People's
Daily writes a Chinese name as surname and given name (``江/nr 泽民/nr``): adjacent ``nr`` words are one
person there. A People's Daily line starts with its id (``19980101-01-001-002/m``): it is not text, and the
paragraphs of one article (the id's first three parts) form one document. Other files: one document per line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from model.reasons import ReasonKind as K
from model.reasons import said
from model.spans import Entity
from model.text import first_line_title
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.conll import gaps_between, joined
from storage.formats.options import ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom

_TAG = re.compile(r"^[A-Za-z]+\d*$")
_PD_ID = re.compile(r"^(\d{8}-\d{2}-\d{3})-\d{3}/m$")
_CLOSE = re.compile(r"\]/?([A-Za-z]+\d*)$")  # ]nt (1998, MSRA), ]/nz (2014)
_PINYIN = re.compile(r"\{[^{}]*\}$")
# ICTCLAS (ICTPOS 3.0) sub-tags of the name tags, as People's Daily 2014 writes them: read with their family's
# label unless the tag map names the sub-tag itself
FAMILIES = {
    **dict.fromkeys(("nr1", "nr2", "nrj", "nrf"), "nr"),  # surname, given name, Japanese, transliterated
    "nsf": "ns",  # transliterated place
    **dict.fromkeys(
        ("ntc", "ntcf", "ntcb", "ntch", "nto", "ntu", "nts", "nth"), "nt"
    ),  # companies … hospitals
}
_ICTCLAS_ONLY = frozenset(FAMILIES) | {
    "ude1",
    "ude2",
    "ude3",
    "vshi",
    "vyou",
    "wkz",
    "wky",
    "wyz",
    "wyy",
    "mq",
}


def parse_token(token: str) -> tuple[bool, str, str, str | None] | None:
    """``(opens a bracket, word, tag, the bracket's tag if it closes one)``, or None if not ``word/tag``."""
    opens = False
    closes = None
    if token.startswith("[") and "/" in token[1:] and not token[1:].startswith("/"):
        opens, token = True, token[1:]
    if (m := _CLOSE.search(token)) is not None and "/" in token[: m.start()]:
        closes, token = m.group(1), token[: m.start()]
    token = _PINYIN.sub("", token)
    word, slash, tag = token.rpartition("/")
    if not slash or not word or not _TAG.match(tag):
        return None
    return opens, word, tag, closes


@dataclass(slots=True)
class _Paragraph:
    line: int
    words: list[str] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # word indexes, end exclusive


class WordTagReader:
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        self.path, self.options, self.info = path, options, info
        self.source = source or TextFile.open(path)
        self.tag_map = {k.lower(): v for k, v in options.tag_map.items()}
        self.nested = self.merged = 0
        self.subtags: Counter[str] = Counter()  # sub-tags read with their family's label
        self.ictclas = False  # a tag or a ]/tag only ICTCLAS (People's Daily 2014) writes

    def _label(self, tag: str) -> str | None:
        tag = tag.lower()
        self.ictclas = self.ictclas or tag in _ICTCLAS_ONLY
        if tag in self.tag_map or tag not in FAMILIES:
            return self.tag_map.get(tag)
        label = self.tag_map.get(FAMILIES[tag])
        if label is not None:
            self.subtags[tag] += 1
        return label

    def _paragraph(self, number: int, tokens: list[str], people_daily: bool) -> _Paragraph:
        par = _Paragraph(number)
        bracket: int | None = None
        bracket_entities = 0
        previous = ""
        for token in tokens:
            parsed = parse_token(token)
            if parsed is None:
                raise ImportFormatError.of(self.path, K.NOT_WORD_TAG, number, token=token)
            opens, word, tag, closes = parsed
            if opens:
                if bracket is not None:
                    raise ImportFormatError.of(self.path, K.NESTED_BRACKET, number, token=token)
                bracket, bracket_entities = len(par.words), len(par.entities)
            index = len(par.words)
            par.words.append(word)
            label = self._label(tag)
            name_part = (people_daily and tag.lower() == "nr") or (tag.lower(), previous) == ("nr2", "nr1")
            previous = tag.lower()
            if label is not None:
                last = par.entities[-1] if par.entities else None
                if (
                    name_part
                    and last is not None
                    and last[1] == index
                    and last[2] == label
                    and (bracket is None or last[0] >= bracket)
                ):
                    par.entities[-1] = (last[0], index + 1, label)
                    self.merged += 1
                else:
                    par.entities.append((index, index + 1, label))
            if closes is not None:
                if bracket is None:
                    raise ImportFormatError.of(self.path, K.STRAY_CLOSE, number, tag=closes, token=token)
                self.ictclas = self.ictclas or "]/" in token
                outer = self._label(closes)
                if outer is not None:
                    self.nested += len(par.entities) - bracket_entities
                    del par.entities[bracket_entities:]
                    par.entities.append((bracket, index + 1, outer))
                bracket = None
        if bracket is not None:
            raise ImportFormatError.of(self.path, K.UNCLOSED_BRACKET, number)
        return par

    def _build(self, article: str | None, paragraphs: list[_Paragraph]) -> ParsedDocument:
        parts: list[str] = []
        entities: list[Entity] = []
        offset = 0
        for par in paragraphs:
            if parts:
                parts.append("\n")
                offset += 1
            line, starts = joined(par.words, gaps_between(par.words, "pairs"))
            entities.extend(
                Entity(offset + starts[a], offset + starts[b - 1] + len(par.words[b - 1]), label)
                for a, b, label in par.entities
            )
            parts.append(line)
            offset += len(line)
        text = "".join(parts)
        meta = {"format": "wordtag", "encoding": self.source.encoding, "paragraphs": len(paragraphs)}
        if article is not None:
            meta["id"] = article
        return ParsedDocument(
            title=first_line_title(text, limit=40),
            text=text,
            source=f"{self.path}:{paragraphs[0].line}",
            meta=meta,
            entities=entities,
            line=paragraphs[0].line,
        )

    def documents(self) -> Iterator[ParsedDocument]:
        info = self.info
        info.format, info.encoding = "wordtag", self.source.encoding
        people_daily: bool | None = None
        per_doc = self.options.sentences_per_document
        article: str | None = None
        group: list[_Paragraph] = []
        for number, line in self.source.lines():
            if line.startswith(BOM):
                line = line.lstrip(BOM)
                info.notes.append(said(K.NOTE_BOM_SECOND, line=number))
            if BOM in line:
                raise inner_bom(self.path, number)
            tokens = line.split()
            if not tokens:
                continue
            ident = _PD_ID.match(tokens[0])
            if people_daily is None:
                people_daily = ident is not None
            key = None
            if people_daily:
                if ident is None:
                    raise ImportFormatError.of(self.path, K.PD_NO_ID, number, token=tokens[0])
                key, tokens = ident.group(1), tokens[1:]
            par = self._paragraph(number, tokens, bool(people_daily))
            if not par.words:
                continue
            if group and (
                (people_daily and not per_doc and key != article)
                or (per_doc and len(group) >= per_doc)
                or (not people_daily and not per_doc)
            ):
                yield self._build(article, group)
                group = []
            article = key
            group.append(par)
        if group:
            yield self._build(article, group)
        mapping = ", ".join(f"{tag}={label}" for tag, label in self.tag_map.items())
        variant = K.VARIANT_PEOPLES_DAILY_2014 if self.ictclas else K.VARIANT_WORDTAG
        info.variant = said(K.VARIANT_PEOPLES_DAILY if people_daily else variant)
        info.notes.append(said(K.NOTE_TAG_MAP, mapping=mapping))
        if self.subtags:
            subtags = ", ".join(f"{t}={FAMILIES[t]} ({n})" for t, n in sorted(self.subtags.items()))
            info.notes.append(said(K.NOTE_SUBTAGS, subtags=subtags))
        if self.merged:
            info.notes.append(said(K.NOTE_NAMES_MERGED, count=self.merged))
        if self.nested:
            info.notes.append(said(K.NOTE_NESTED, count=self.nested))
