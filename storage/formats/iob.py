"""spaCy's ``.iob`` input, what ``spacy convert`` reads with its ``iob`` converter: one sentence a line,
its tokens separated by whitespace, each ``word|TAG`` or ``word|POS|TAG`` (as the line's first token), the
tags IOB, IOB2 or BILUO (``L-``/``U-`` read as ``E-``/``S-``), BIOES or BMES. A line starting
``-DOCSTART-`` parts documents, as in CoNLL.

The words are joined into text as ``--join`` joins CoNLL tokens: with ``auto``, Chinese characters and words
without a space (spaCy's converter puts a space after every token, ``李 强 在 北 京``, which no Chinese news
text holds), a space between two Latin words, and a text of Latin words with spaces; ``--join space`` gives
the text spaCy makes. Documents are one a line unless ``--sentences-per-document`` or ``-DOCSTART-`` groups
them; the lines of a document are joined by a newline. The file is read twice: first to check every token and
learn the tag scheme and the join, then to make the documents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from model.reasons import Reason, said
from model.reasons import ReasonKind as K
from model.spans import Entity
from model.tagging import (
    Scheme,
    TagSequenceError,
    detect_scheme,
    iob1_begins,
    split_tag,
    tags_to_entities,
)
from model.text import first_line_title
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.conll import gaps_between, joined
from storage.formats.conll_layout import auto_join
from storage.formats.options import Grouping, Join, ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom

DOCSTART = "-DOCSTART-"
_PARTS = {2: "word|TAG", 3: "word|POS|TAG"}
_UNTYPED = frozenset("BIESMLU")
_SEVERAL, _SEVERAL_TOKENS = 3, 4  # the lines, or tokens, a file not named .iob shows at least
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def iob_token(token: str, untyped: bool = False) -> tuple[str, str] | None:
    """``word|TAG`` or ``word|POS|TAG`` → ``(word, TAG)``; None for a token of another shape or whose last
    part is no tag (with ``untyped``, one without a type, ``B``, is taken for one: a file of them is told
    from others by its shape, and refused by the reader naming it)."""
    parts = token.split("|")
    if len(parts) not in (2, 3) or not parts[0]:
        return None
    if untyped and parts[-1] in _UNTYPED:
        return parts[0], parts[-1]
    try:
        split_tag(parts[-1])
    except TagSequenceError:
        return None
    return parts[0], parts[-1]


def looks_like_iob(head: str, suffix: str, cut: bool = False) -> bool:
    """Most of the first lines that hold tokens hold only ``word|TAG`` (or ``word|POS|TAG``) tokens. A file
    not named ``.iob`` must show more: its first line whole, every tag typed (``B-PER``: ``A|B`` and
    ``尺码|M`` are a table's rows or text), and several lines or tokens (one ``联系方式|E-mail`` is text).
    ``cut``: the head ends inside its last line (a first line longer than the head), whose last token,
    perhaps cut (``强|``), is left out."""
    stripped = (line.lstrip(BOM) for line in head.split("\n"))
    lines = [line.split() for line in stripped if line.strip() and not line.startswith(DOCSTART)][:50]
    if cut and lines:
        lines[-1] = lines[-1][:-1]
        lines = [tokens for tokens in lines if tokens]
    named = suffix.lower() == ".iob"
    if not lines:
        return False
    whole = [all(iob_token(t, untyped=named) is not None for t in tokens) for tokens in lines]
    if not named and not (whole[0] and (len(lines) >= _SEVERAL or sum(map(len, lines)) >= _SEVERAL_TOKENS)):
        return False
    return sum(whole) >= 0.9 * len(lines)


class IobReader:
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        self.path, self.options, self.info = path, options, info
        self.source = source or TextFile.open(path)
        self.scheme = Scheme.BIO
        self.join = "none"
        self.docstart = False

    def _lines(self, say: bool = False) -> Iterator[tuple[int, list[str]]]:
        """Each line's number and tokens; a byte-order mark at a line's start is a second file's (said in
        a note where ``say``: the first of the two passes)."""
        for number, line in self.source.lines():
            if line.startswith(BOM):
                line = line.lstrip(BOM)
                if say:  # a second file joined to the first
                    self.info.notes.append(said(K.NOTE_BOM_SECOND, line=number))
            if BOM in line:
                raise inner_bom(self.path, number)
            if tokens := line.split():
                yield number, tokens

    def _analyse(self) -> None:
        """First pass: every token ``word|TAG`` of the file's width, the tag scheme, the join."""
        tags: set[str] = set()
        widths: set[int] = set()
        cjk = latin = 0
        multi = False
        inside: dict[str, int] = {}  # the line of the first I- tag and of the first M- tag
        for number, tokens in self._lines(say=True):
            if tokens[0].startswith(DOCSTART):
                self.docstart = True
                continue
            width = len(tokens[0].split("|"))  # as spaCy reads it: the line's first token says
            for token in tokens:
                parts = token.split("|")
                if len(parts) != width or iob_token(token) is None:
                    raise ImportFormatError.of(self.path, K.IOB_TOKEN, number, token=token, first=tokens[0])
                widths.add(width)
                word = parts[0]
                tags.add(parts[-1])
                if parts[-1][:2] in ("I-", "M-") and parts[-1][0] not in inside:
                    inside[parts[-1][0]] = number
                multi = multi or len(word) > 1
                if _CJK.search(word):
                    cjk += 1
                elif _LATIN.search(word):
                    latin += 1
        if len(inside) == 2:  # BMES has no I-, the others no M-: said as CoNLL says it
            why = Reason.of(K.MIXED_SCHEMES, inside=inside["I"], middle=inside["M"])
            raise ImportFormatError(self.path, why, max(inside.values()))
        self.scheme = detect_scheme(tags)
        join = self.options.join
        self.join = (
            "space" if join is Join.SPACE else "none" if join is Join.NONE else auto_join(cjk, latin, multi)
        )
        self.info.scheme = str(self.scheme)
        self.info.variant = said(K.VARIANT_IOB, parts=" or ".join(_PARTS[w] for w in sorted(widths)))

    def documents(self) -> Iterator[ParsedDocument]:
        info, options = self.info, self.options
        info.format, info.encoding = "iob", self.source.encoding
        self._analyse()
        by_docstart = options.grouping is Grouping.DOCSTART or (
            options.grouping is Grouping.AUTO and self.docstart
        )
        per_doc = options.sentences_per_document or (0 if by_docstart else 1)
        repaired: list[int] = []
        iob1 = self.scheme is Scheme.BIO  # every B- tag so far follows one of its type
        unclosed: list[int] = []
        group: list[tuple[int, str, list[Entity]]] = []
        for number, tokens in self._lines():
            if tokens[0].startswith(DOCSTART):
                if group and by_docstart:
                    yield self._build(group)
                    group = []
                continue
            words = [token.split("|", 1)[0] for token in tokens]
            tags = [token.rsplit("|", 1)[1] for token in tokens]
            found: list[int] = []
            closes: list[int] = []
            try:
                spans = tags_to_entities(tags, self.scheme, options.policy, found, closes)
            except TagSequenceError as exc:
                why = Reason.of(K.IN_SCHEME, problem=exc.refusal, scheme=self.scheme.upper())
                raise ImportFormatError(self.path, why, number) from None
            repaired.extend(number for _ in found)
            iob1 = iob1 and iob1_begins(tags)
            unclosed.extend(number for _ in closes)
            text, starts = joined(words, gaps_between(words, self.join))
            entities = [
                Entity(starts[e.start], starts[e.end - 1] + len(words[e.end - 1]), e.label) for e in spans
            ]
            group.append((number, text, entities))
            if per_doc and len(group) >= per_doc:
                yield self._build(group)
                group = []
        if group:
            yield self._build(group)
        if repaired:  # IOB1 (spaCy reads it) is a tagging of its own, said in a note
            iob1 = iob1 and len(repaired) > 1  # one I- start is a slip as likely as a convention
            said_as = (info.notes, K.NOTE_IOB1) if iob1 else (info.warnings, K.WARN_REPAIRED)
            said_as[0].append(said(said_as[1], count=len(repaired), line=repaired[0]))
        if unclosed:
            scheme = self.scheme.upper()
            info.warnings.append(said(K.WARN_UNCLOSED, count=len(unclosed), scheme=scheme, line=unclosed[0]))

    def _build(self, group: list[tuple[int, str, list[Entity]]]) -> ParsedDocument:
        """The lines of ``group`` as one document, joined by a newline."""
        entities: list[Entity] = []
        offset = 0
        for _, text, spans in group:
            entities.extend(Entity(offset + e.start, offset + e.end, e.label) for e in spans)
            offset += len(text) + 1
        text = "\n".join(text for _, text, _ in group)
        line = group[0][0]
        return ParsedDocument(
            title=first_line_title(text, limit=40),
            text=text,
            source=f"{self.path}:{line}",
            meta={"format": "iob", "encoding": self.source.encoding, "sentences": len(group)},
            entities=entities,
            line=line,
        )
