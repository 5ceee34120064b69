"""CoNLL: one token per line, a blank line between sentences, optional ``-DOCSTART-`` lines between documents.

Rows hold a token and a tag, and often more: CoNLL-2003 ``token POS chunk TAG``, Label Studio's ``token -X- _
TAG``, CoNLL-U/CoNLL-X's ten columns. The token is the first column (CoNLL-U: FORM) and the tag the last,
unless ``Columns`` says otherwise; every row must have the same number of columns. Columns are separated by
tabs, or by spaces where a row has no tab. BIO (IOB2), BIOES (IOBES) and BMES are detected from the tags; tags
without a type (``B``, ``I``, ``O``) get one configurable label.

The file is read twice, a block at a time: first to check every row and learn the layout (columns, scheme, the
Weibo NER ``char+digit`` tokens, characters or words), then to make the documents.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import accumulate, pairwise
from pathlib import Path

from model.reasons import Reason, said
from model.reasons import ReasonKind as K
from model.spans import Entity
from model.tagging import IPolicy, Scheme, TagSequenceError, iob1_begins, tags_to_entities
from model.text import first_line_title
from storage.formats import ParsedDocument, ReadInfo
from storage.formats.options import Grouping, Join, ReadOptions
from storage.formats.source import BOM, TextFile

__all__ = ["ConllReader", "Grouping", "read_conll"]

from storage.formats.conll_layout import (
    _TRAILING_SPACE,
    _WHITE_LINE,
    TITLE_LIMIT,
    UNTYPED,
    Layout,
    LayoutAnalysis,
    _Boundary,
    _is_blank,
    _pair_join,
    _Sentence,
    _special,
    is_comment,
    misc_tag,
)


class ConllReader(LayoutAnalysis):
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        if options.sentences_per_document is not None and options.sentences_per_document < 1:
            raise ValueError("sentences_per_document must be at least 1")
        self.path = path
        self.options = options
        self.info = info
        self.source = source or TextFile.open(path)
        self.layout = Layout()
        self._has_docstart = False

    def _sentences(self) -> Iterator[_Sentence | _Boundary]:
        layout = self.layout
        width, tok, tag = layout.width, layout.token, layout.tag
        joiner = {"tab": "\t", "space": " "}.get(layout.separator)
        fast = joiner is not None and not layout.conllu and not layout.rstrip
        specials = layout.specials  # -DOCSTART- or byte-order marks: pieces that hold one go row by row
        tabs = joiner == "\t"
        carry = ""
        carry_line = 0
        for base, block in self.source.blocks():
            if layout.blank_spaces:
                block = _WHITE_LINE.sub("", block)
            if carry:  # the sentence that the previous block ended in
                block, base = carry + "\n" + block, carry_line
            pieces = block.split("\n\n")
            # the last piece may go on in the next block, unless the block ends in a blank line
            carry, carry_line = ("", 0) if block.endswith("\n") else (pieces.pop(), 0)
            line = base
            for piece in pieces:
                if piece.startswith("\n"):
                    stripped = piece.lstrip("\n")
                    line += len(piece) - len(stripped)
                    piece = stripped
                if not piece:
                    line += 2
                    continue
                rows = piece.count("\n") + 1
                if fast and not piece.endswith("\n") and not (specials and _special(piece)):
                    parts = piece.replace("\n", "\t").split("\t") if tabs else piece.split()
                    if len(parts) == width * rows:
                        yield self._sentence(line, parts[tok::width], parts[tag::width])
                        line += rows + 1
                        continue
                yield from self._rows(line, piece, joiner, width, tok, tag)
                line += rows + 1
            if carry:
                carry_line = line
                if carry.startswith("\n"):
                    stripped = carry.lstrip("\n")
                    carry_line += len(carry) - len(stripped)
                    carry = stripped
        if carry:
            yield from self._rows(carry_line, carry, joiner, width, tok, tag)

    def _rows(
        self, first: int, piece: str, joiner: str | None, width: int, tok: int, tag: int
    ) -> Iterator[_Sentence | _Boundary]:
        layout = self.layout
        piece = piece.rstrip("\n")
        if layout.rstrip:
            piece = _TRAILING_SPACE.sub("", piece)
        if joiner is not None and not layout.specials and not layout.conllu:  # CoNLL-U: SpaceAfter, MISC
            parts = piece.replace("\n", "\t").split("\t") if joiner == "\t" else piece.split()
            if len(parts) == width * (piece.count("\n") + 1):
                yield self._sentence(first, parts[tok::width], parts[tag::width])
                return
        yield from self._slow_rows(first, piece.split("\n"), tok, tag)

    def _slow_rows(self, first: int, rows: list[str], tok: int, tag: int) -> Iterator[_Sentence | _Boundary]:
        """Row by row: -DOCSTART-, byte-order marks, CoNLL-U comments and multiword rows, mixed separators."""
        layout = self.layout
        tokens: list[str] = []
        tags: list[str] = []
        numbers: list[int] = []
        space_after: list[bool] = []
        for number, row in enumerate(rows, start=first):
            if row.startswith(BOM):
                if tokens:
                    yield self._sentence(numbers[0], tokens, tags, numbers, space_after)
                    tokens, tags, numbers, space_after = [], [], [], []
                yield _Boundary(docstart=False)
                row = row.lstrip(BOM)
                if _is_blank(row):
                    continue
            if row.startswith("-DOCSTART-"):
                if tokens:
                    yield self._sentence(numbers[0], tokens, tags, numbers, space_after)
                    tokens, tags, numbers, space_after = [], [], [], []
                yield _Boundary(docstart=True)
                continue
            if layout.conllu and row.startswith("#"):
                continue
            if is_comment(row):
                layout.comment_rows += 1
                continue
            cols = self._split(row)
            if len(cols) != layout.width:  # checked by the first pass; kept as a guard
                raise self.fail(Reason.of(K.COLUMN_COUNT_AGAIN, count=len(cols), width=layout.width), number)
            if layout.conllu:
                if not cols[0].isdigit():
                    layout.skipped_rows += 1
                    continue
                space_after.append("SpaceAfter=No" not in cols[9].split("|") if layout.spaces_known else True)
            tokens.append(cols[tok])
            tags.append(cols[tag])
            numbers.append(number)
        if tokens:
            yield self._sentence(numbers[0], tokens, tags, numbers, space_after)

    def _sentence(
        self,
        first: int,
        tokens: list[str],
        tags: list[str],
        numbers: list[int] | None = None,
        space_after: list[bool] | None = None,
    ) -> _Sentence:
        layout = self.layout
        if numbers is None and not layout.weibo and not layout.untyped and layout.misc_key is None:
            return _Sentence(first, tokens, tags)
        if layout.weibo:
            tokens = [t[0] for t in tokens]
        if layout.misc_key is not None:
            key = layout.misc_key
            tags = [misc_tag(t, key) or "" for t in tags]  # every row has one: the first pass checked
        if layout.untyped:
            label = self.options.untyped_label
            tags = [f"{t}-{label}" if t in UNTYPED else t for t in tags]
        if numbers is not None and numbers[-1] - numbers[0] == len(numbers) - 1:
            numbers = None
        return _Sentence(first, tokens, tags, numbers, space_after if layout.spaces_known else None)

    def _text(self, sentence: _Sentence) -> tuple[str, list[int] | None]:
        """The sentence's text and each token's start (None: tokens are characters, starts are indexes)."""
        tokens = sentence.tokens
        join = self.layout.join
        if sentence.space_after is not None and self.options.join is Join.AUTO:
            return joined(tokens, [" " if s else "" for s in sentence.space_after[:-1]])
        if join == "none" and self.layout.single_chars:
            return "".join(tokens), None
        return joined(tokens, gaps_between(tokens, join))

    def documents(self) -> Iterator[ParsedDocument]:
        """Documents by -DOCSTART- (``grouping``), one per sentence, or ``sentences_per_document`` consecutive
        sentences (within each -DOCSTART- section). Sentences of one document are joined by a newline."""
        self.analyse()
        options = self.options
        by_docstart = options.grouping is Grouping.DOCSTART or (
            options.grouping is Grouping.AUTO and self._has_docstart
        )
        per_doc = options.sentences_per_document or (0 if by_docstart else 1)
        repaired: list[int] = []
        self._unclosed: list[int] = []  # lines of BIOES/BMES entities no E- tag closes
        self._iob1 = self.layout.scheme is Scheme.BIO  # every B- tag so far follows one of its type
        group: list[_Sentence] = []
        if per_doc == 1:
            yield from self._one_per_sentence(repaired)
        for item in [] if per_doc == 1 else self._sentences():
            if isinstance(item, _Boundary):
                if group:
                    yield self._build(group, repaired)
                    group = []
                continue
            group.append(item)
            if per_doc and len(group) >= per_doc:
                yield self._build(group, repaired)
                group = []
        if group:
            yield self._build(group, repaired)
        if self.layout.comment_rows:
            self.info.notes.append(said(K.NOTE_COMMENTS, count=self.layout.comment_rows))
        if self.layout.skipped_rows:
            self.info.notes.append(said(K.NOTE_MULTIWORD, count=self.layout.skipped_rows))
        if repaired:  # IOB1 is a tagging of its own, said in a note; elsewhere such tags are a fault
            iob1 = self._iob1 and len(repaired) > 1  # one I- start is a slip as likely as a convention
            said_as = (self.info.notes, K.NOTE_IOB1) if iob1 else (self.info.warnings, K.WARN_REPAIRED)
            said_as[0].append(said(said_as[1], count=len(repaired), line=repaired[0]))
        if unclosed := self._unclosed:
            scheme = self.layout.scheme.upper()
            self.info.warnings.append(
                said(K.WARN_UNCLOSED, count=len(unclosed), scheme=scheme, line=unclosed[0])
            )

    def _decode(self, sentence: _Sentence, repaired: list[int]) -> list[Entity]:
        """The sentence's entities over its tokens; inside tags read as starts go to ``repaired``."""
        scheme = self.layout.scheme
        found: list[int] = []
        unclosed: list[int] = []
        try:
            entities = tags_to_entities(sentence.tags, scheme, self.options.policy, found, unclosed)
        except TagSequenceError as exc:
            why = Reason.of(K.IN_SCHEME, problem=exc.refusal, scheme=scheme.upper())
            raise self.fail(why, self._line(sentence, exc.index)) from None
        if found:
            repaired.extend(self._line(sentence, i) for i in found)
        if self._iob1 and not iob1_begins(sentence.tags):
            self._iob1 = False
        if unclosed:
            self._unclosed.extend(self._line(sentence, i) for i in unclosed)
        return entities

    def _one_per_sentence(self, repaired: list[int]) -> Iterator[ParsedDocument]:
        """``_build`` for one sentence a document, the common case, without its loop."""
        scheme = self.layout.scheme
        path, encoding = self.path, self.source.encoding
        for sentence in self._sentences():
            if isinstance(sentence, _Boundary):
                continue
            text, starts = self._text(sentence)
            entities = self._decode(sentence, repaired)
            if starts is not None and entities:
                tokens = sentence.tokens
                entities = [
                    Entity(starts[e.start], starts[e.end - 1] + len(tokens[e.end - 1]), e.label)
                    for e in entities
                ]
            first = sentence.first_line
            title = text.strip()  # a sentence is one line
            if len(title) > TITLE_LIMIT:
                title = title[: TITLE_LIMIT - 1] + "…"
            yield ParsedDocument(
                title=title,
                text=text,
                source=f"{path}:{first}",
                meta={"format": "conll", "encoding": encoding, "scheme": scheme.value, "sentences": 1},
                entities=entities,
                line=first,
            )

    def _build(self, sentences: list[_Sentence], repaired: list[int]) -> ParsedDocument:
        parts: list[str] = []
        entities: list[Entity] = []
        offset = 0
        scheme = self.layout.scheme
        for sentence in sentences:
            if parts:
                parts.append("\n")
                offset += 1
            text, starts = self._text(sentence)
            decoded = self._decode(sentence, repaired)
            if starts is None and not offset:
                entities.extend(decoded)
            elif starts is None:
                entities.extend(Entity(offset + e.start, offset + e.end, e.label) for e in decoded)
            else:
                ends = [s + len(t) for s, t in zip(starts, sentence.tokens, strict=True)]
                entities.extend(
                    Entity(offset + starts[e.start], offset + ends[e.end - 1], e.label) for e in decoded
                )
            parts.append(text)
            offset += len(text)
        body = parts[0] if len(parts) == 1 else "".join(parts)
        first = sentences[0].first_line
        return ParsedDocument(
            title=first_line_title(body, limit=TITLE_LIMIT),
            text=body,
            source=f"{self.path}:{first}",
            meta={
                "format": "conll",
                "encoding": self.source.encoding,
                "scheme": str(scheme),
                "sentences": len(sentences),
            },
            entities=entities,
            line=first,
        )

    @staticmethod
    def _line(sentence: _Sentence, index: int) -> int:
        if sentence.lines is not None and 0 <= index < len(sentence.lines):
            return sentence.lines[index]
        return sentence.first_line + index


def read_conll(
    path: Path,
    grouping: Grouping = Grouping.AUTO,
    policy: IPolicy = IPolicy.REPAIR,
    warnings: list[str] | None = None,
    sentences_per_document: int | None = None,
    options: ReadOptions | None = None,
) -> Iterator[ParsedDocument]:
    """The documents of a CoNLL file (see ``ConllReader.documents``); notes and warnings go to
    ``warnings``."""
    options = options or ReadOptions(
        grouping=grouping, policy=policy, sentences_per_document=sentences_per_document
    )
    info = ReadInfo()
    yield from ConllReader(path, options, info).documents()
    if warnings is not None:
        warnings.extend(info.warnings)


def gaps_between(tokens: Sequence[str], join: str) -> list[str]:
    """What stands between each two adjacent ``tokens`` joined as ``join`` says (``"none"``, ``"space"``,
    ``"pairs"``: a space only between two Latin words); CoNLL, word/tag and OntoNotes words alike."""
    if join == "space":
        return [" "] * (len(tokens) - 1)
    if join == "pairs":
        return [" " if _pair_join(a, b) else "" for a, b in pairwise(tokens)]
    return [""] * (len(tokens) - 1)


def joined(tokens: Sequence[str], gaps: Sequence[str]) -> tuple[str, list[int]]:
    """``tokens`` with ``gaps`` between them, and where each token starts in that text."""
    text = "".join(t + g for t, g in zip(tokens, [*gaps, ""], strict=True))
    return text, list(
        accumulate((len(t) + len(g) for t, g in zip(tokens[:-1], gaps, strict=True)), initial=0)
    )
