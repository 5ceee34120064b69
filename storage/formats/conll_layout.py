"""CoNLL's first pass: every row checked and the layout learned (columns, tag scheme, characters or words,
the Weibo NER ``char+digit`` tokens), before ``storage.formats.conll`` reads the documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from model.labels import label_reason
from model.reasons import Reason, Said, said
from model.reasons import ReasonKind as K
from model.tagging import Scheme, TagSequenceError, detect_scheme, split_tag
from storage.formats import ImportFormatError, ReadInfo
from storage.formats.options import Columns, Join, ReadOptions
from storage.formats.source import BOM, TextFile, inner_bom

UNTYPED = frozenset("BIESMLU")
TITLE_LIMIT = 40  # characters of a document's first line that make its title
SEPARATORS = {"tab": K.SEPARATOR_TAB, "space": K.SEPARATOR_SPACE, "mixed": K.SEPARATOR_MIXED}
SEEN_LIMIT = 200_000  # distinct rows remembered by the first pass, at most
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_EDGE = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
MAX_COLUMNS = 100  # a row with more is no CoNLL row (CoNLL-U has 10 columns, CoNLL-2003 4)
_CONLLU_ID = re.compile(r"^\d+([-.]\d+)?$")
_WHITE_LINE = re.compile(r"^[^\S\n]+$", re.MULTILINE)
_TAG_LIKE = re.compile(r"^(O|[BIESMU](-\S+)?|\S+-[BIESMU])$")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)
MISC = 9  # CoNLL-U's tenth column
# MISC keys real corpora keep their entity tags under: classla and the Slovenian SSJ treebank "NER=B-PER",
# Stanza "ner=S-PERSON", NorNE "name=B-GPE_LOC" (what spaCy's conllu converter reads), "NE=" and "Entity=";
# CorefUD's "Entity=(e1-person-1" brackets are coreference, not tags, and are not taken for them
MISC_KEYS = ("ner", "ne", "name", "entity")


def misc_tag(misc: str, key: str) -> str | None:
    """The value of ``key`` in a MISC column (``SpaceAfter=No|NER=B-PER``), None where it has none."""
    for item in misc.split("|"):
        name, sep, value = item.partition("=")
        if sep and name == key:
            return value
    return None


def _is_blank(line: str) -> bool:
    return not line or line.isspace()


def _special(piece: str) -> bool:
    return piece.startswith(("-DOCSTART-", BOM)) or "\n-DOCSTART-" in piece or BOM in piece


def _pair_join(a: str, b: str) -> bool:
    """A space between two adjacent tokens of Chinese text: only between two Latin words (``New York``)."""
    return (len(a) > 1 or len(b) > 1) and bool(_LATIN_EDGE.match(a[-1])) and bool(_LATIN_EDGE.match(b[0]))


def auto_join(cjk: int, latin: int, multi: bool) -> str:
    """``--join auto`` over words of which ``cjk`` hold hanzi and ``latin`` Latin letters: a space between
    words of a Latin text, between two Latin words of a Chinese one, none between characters."""
    return "space" if latin > cjk else "pairs" if multi else "none"


@dataclass(slots=True)
class Layout:
    """What the first pass learned about the file."""

    width: int = 0
    token: int = 0
    tag: int = 1
    separator: str = ""  # "tab", "space" or "mixed"
    conllu: bool = False
    scheme: Scheme = Scheme.BIO
    misc_key: str | None = None  # CoNLL-U: the MISC key the tags are under (NER=B-PER)

    @property
    def spaces_known(self) -> bool:
        """CoNLL-U whose MISC column (the 10th) is there and not the tag, or holds it under a key:
        SpaceAfter=No says where the spaces are. A 10-column file with bare tags in that column says nothing
        about them."""
        misc_free = self.tag != MISC or self.misc_key is not None
        return self.conllu and self.width > MISC and self.token != MISC and misc_free

    untyped: bool = False
    weibo: bool = False
    join: str = "none"  # "none", "space" or "pairs" (a space only between two Latin words)
    single_chars: bool = True
    rstrip: bool = False  # some rows end in whitespace
    blank_spaces: bool = False  # some blank lines hold whitespace
    specials: bool = False  # -DOCSTART-, byte-order marks or CoNLL-U comments and multiword rows
    boms: list[int] = field(default_factory=list)
    skipped_rows: int = 0
    comment_rows: int = 0  # comment lines (# …) passed over outside CoNLL-U


def is_comment(line: str) -> bool:
    """A comment (``# sent_id = 1``, ``# text = …``, as CoNLL-U and some BIO files have), not a row whose
    token starts with ``#``: such a row has a tab (as newstag's own export writes it) or is a token and one
    tag-like field."""
    if not line.startswith("#") or "\t" in line:
        return False
    fields = line.split()
    return not (len(fields) == 2 and _TAG_LIKE.match(fields[1]) is not None)


@dataclass(slots=True)
class _Stats:
    width_line: int = 0
    typed: int = 0  # line of the first typed / untyped tag
    untyped: int = 0
    inside: dict[str, int] = field(default_factory=dict)  # "I"/"M" -> first line
    tags: set[str] = field(default_factory=set)
    weibo: bool = True  # every token so far a character and its position in its word (0, 1, 2 …)
    weibo_seen: bool = False  # … with a character that is not a digit
    weibo_words: bool = False  # … and a word of more than one character (a position above 0)
    cjk: int = 0
    latin: int = 0
    multi: bool = False


@dataclass(slots=True)
class _Sentence:
    first_line: int
    tokens: list[str]
    tags: list[str]
    lines: list[int] | None = None  # per token, where rows were skipped; else first_line + index
    space_after: list[bool] | None = None  # CoNLL-U SpaceAfter


class _Boundary:
    """A document boundary in the stream of sentences: -DOCSTART-, or the byte-order mark of a joined file."""

    def __init__(self, docstart: bool) -> None:
        self.docstart = docstart


class LayoutAnalysis:
    """The first pass over a CoNLL file, the base of ``ConllReader``."""

    path: Path
    options: ReadOptions
    info: ReadInfo
    source: TextFile
    layout: Layout
    _has_docstart: bool

    def fail(self, message: Reason, line: int | None) -> ImportFormatError:
        return ImportFormatError(self.path, message, line)

    # -- first pass: every row checked, the layout learned --------------------------------------------

    def _split(self, row: str) -> list[str]:
        """The columns of ``row``, split at most ``MAX_COLUMNS`` times: a 50 MB line of words is not split
        into millions of columns before it is refused (``too_wide``)."""
        return row.split("\t", MAX_COLUMNS) if "\t" in row else row.split(None, MAX_COLUMNS)

    def _first_data_row(self) -> tuple[int, str] | None:
        for number, line in self.source.lines():
            stripped = line.lstrip(BOM)
            if _is_blank(stripped) or stripped.startswith("-DOCSTART-") or is_comment(stripped):
                continue
            return number, stripped.rstrip()
        return None

    def analyse(self) -> Layout:
        layout = self.layout
        info = self.info
        info.format, info.encoding = "conll", self.source.encoding
        first = self._first_data_row()
        if first is None:
            raise self.fail(Reason.of(K.NO_ROWS), None)
        first_line, first_row = first
        cols = self._split(first_row)
        if len(cols) > MAX_COLUMNS:
            raise self.fail(Reason.of(K.TOO_MANY_COLUMNS, most=MAX_COLUMNS), first_line)
        layout.width = len(cols)
        layout.conllu = "\t" in first_row and len(cols) >= 6 and _CONLLU_ID.match(cols[0]) is not None
        columns = self.options.columns or (Columns(2, -1) if layout.conllu else Columns())
        if columns.width is not None and columns.width != layout.width:
            raise self.fail(
                Reason.of(K.COLUMNS_NAMED, named=columns.width, width=layout.width, row=first_row), first_line
            )
        try:
            layout.token, layout.tag = columns.resolve(layout.width)
        except ValueError:
            if layout.width < 2:
                raise self.fail(Reason.of(K.NO_TAG_COLUMN, row=first_row), first_line) from None
            unfit = Reason.of(
                K.COLUMNS_UNFIT, token=columns.token, tag=columns.tag, width=layout.width, row=first_row
            )
            raise self.fail(unfit, first_line) from None
        if layout.conllu and layout.tag == MISC and layout.width == MISC + 1:
            layout.misc_key = self._misc_key()
        stats = _Stats(width_line=first_line)
        separators: set[str] = set()
        seen: set[str] = set()  # rows checked in earlier blocks (a corpus repeats most of its rows)
        for base, block in self.source.blocks():
            lines = block.split("\n")
            fresh = set(lines) - seen
            self._analyse_block(base, lines, fresh, stats, separators)
            if len(seen) > SEEN_LIMIT:
                seen.clear()
            seen |= fresh if BOM not in block else {line for line in fresh if BOM not in line}
        if stats.typed and stats.untyped:
            raise self.fail(
                Reason.of(K.MIXED_TYPED, typed=stats.typed, untyped=stats.untyped),
                max(stats.typed, stats.untyped),
            )
        layout.untyped = bool(stats.untyped)
        layout.separator = "mixed" if len(separators) > 1 else next(iter(separators), "tab")
        tags = {f"{t}-{self.options.untyped_label}" if t in UNTYPED else t for t in stats.tags}
        layout.scheme = detect_scheme(tags)
        layout.weibo = stats.weibo and stats.weibo_seen and stats.weibo_words
        self._resolve_join(stats)
        info.scheme = str(layout.scheme)
        info.columns = columns.describe(layout.width)
        info.variant = self._variant()
        if layout.misc_key:
            info.notes.append(said(K.NOTE_MISC_TAGS, key=layout.misc_key))
        if layout.weibo:
            info.notes.append(said(K.NOTE_WEIBO))
        if layout.untyped:
            info.notes.append(said(K.NOTE_UNTYPED, label=self.options.untyped_label))
        if layout.join == "space":
            info.notes.append(said(K.NOTE_JOIN_SPACE))
        elif layout.join == "pairs":
            info.notes.append(said(K.NOTE_JOIN_PAIRS))
        for line in layout.boms:
            info.notes.append(said(K.NOTE_BOM_DOCUMENT, line=line))
        return layout

    def _misc_key(self) -> str | None:
        """The key of the first MISC item in the file's first rows whose name is one of ``MISC_KEYS`` (in any
        case) and whose value is a tag; None where there is none (the column is then read as bare tags)."""
        for line in self.source.head().split("\n"):
            cols = line.split("\t")
            if len(cols) != MISC + 1 or not cols[0].isdigit():
                continue
            for item in cols[MISC].split("|"):
                name, sep, value = item.partition("=")
                if sep and name.lower() in MISC_KEYS and self._is_tag(value):
                    return name
        return None

    @staticmethod
    def _is_tag(value: str) -> bool:
        if value in UNTYPED or value == "O":
            return True
        try:
            split_tag(value)
        except TagSequenceError:
            return False
        return True

    def _variant(self) -> Said:
        layout = self.layout
        if layout.conllu:
            return said(K.VARIANT_CONLLU, width=layout.width)
        if layout.weibo:
            return said(K.VARIANT_WEIBO)
        level = Reason.of(K.LEVEL_CHARACTERS if layout.single_chars else K.LEVEL_WORDS)
        return said(
            K.VARIANT_CONLL,
            width=layout.width,
            separator=Reason.of(SEPARATORS[layout.separator]),
            level=level,
        )

    def _analyse_block(
        self, base: int, lines: list[str], distinct: set[str], stats: _Stats, separators: set[str]
    ) -> None:
        layout = self.layout
        errors: list[tuple[int, Reason | None]] = []  # None: a byte-order mark inside a line

        def error(row: str, message: Reason | None) -> None:
            errors.append((lines.index(row), message))

        for raw in distinct:
            line = raw
            if line.startswith(BOM):
                layout.specials = True
                at = base + lines.index(raw)
                if at > 1 and at not in layout.boms:
                    layout.boms.append(at)
                line = line.lstrip(BOM)
            if BOM in line:
                error(raw, None)
                continue
            if _is_blank(line):
                layout.blank_spaces = layout.blank_spaces or bool(line)
                continue
            if line.startswith("-DOCSTART-"):
                layout.specials = self._has_docstart = True
                continue
            if (layout.conllu and line.startswith("#")) or is_comment(line):
                layout.specials = True
                continue
            row = line.rstrip()
            if row != line:
                layout.rstrip = True
            cols = self._split(row)
            separators.add("tab" if "\t" in row else "space")
            if len(cols) > MAX_COLUMNS:
                error(raw, Reason.of(K.TOO_MANY_COLUMNS, most=MAX_COLUMNS))
                continue
            if len(cols) != layout.width:
                error(
                    raw,
                    Reason.of(
                        K.COLUMN_COUNT, count=len(cols), width=layout.width, first=stats.width_line, row=row
                    ),
                )
                continue
            if layout.conllu and not cols[0].isdigit():
                layout.specials = (
                    True  # a multiword token (1-2) or an empty node (1.1): not a word of the text
                )
                continue
            token, tag = cols[layout.token], cols[layout.tag]
            if layout.misc_key is not None:
                found = misc_tag(tag, layout.misc_key)
                if found is None:
                    error(raw, Reason.of(K.MISC_NO_TAG, key=layout.misc_key, misc=tag))
                    continue
                tag = found
            if not token:
                error(raw, Reason.of(K.EMPTY_TOKEN, row=row))
                continue
            if token.strip() and token != token.strip():
                error(raw, Reason.of(K.TOKEN_EDGE_SPACE, token=token, row=row))  # "EU \tB-ORG": padding
                continue
            if tag not in stats.tags:
                message = self._check_tag(tag, stats, base + lines.index(raw))
                if message:
                    error(raw, message)
                    continue
                stats.tags.add(tag)
            if stats.weibo:
                if len(token) >= 2 and token[1:].isascii() and token[1:].isdigit():
                    stats.weibo_seen = stats.weibo_seen or not token[0].isdigit()
                    stats.weibo_words = stats.weibo_words or int(token[1:]) > 0
                else:
                    stats.weibo = False
            if len(token) > 1:
                stats.multi = True
            if _CJK.search(token):
                stats.cjk += 1
            elif _LATIN.search(token):
                stats.latin += 1
        if errors:
            index, message = min(errors, key=lambda e: (e[0], e[1] is not None, str(e[1])))
            if message is None:
                raise inner_bom(self.path, base + index)
            raise self.fail(message, base + index)
        if "I" in stats.inside and "M" in stats.inside:
            raise self.fail(
                Reason.of(K.MIXED_SCHEMES, inside=stats.inside["I"], middle=stats.inside["M"]),
                max(stats.inside.values()),
            )

    def _check_tag(self, tag: str, stats: _Stats, line: int) -> Reason | None:
        """None if ``tag`` is a tag (recording what kind), else the reason it is not."""
        if tag in UNTYPED:
            stats.untyped = stats.untyped or line
            prefix = "E" if tag == "L" else "S" if tag == "U" else tag
        else:
            try:
                prefix, label = split_tag(tag)
            except TagSequenceError:
                return Reason.of(K.NOT_A_TAG, tag=tag)
            if label is not None:
                if (problem := label_reason(label)) is not None:
                    return problem
                stats.typed = stats.typed or line
        if prefix in ("I", "M"):
            stats.inside.setdefault(prefix, line)
        return None

    def _resolve_join(self, stats: _Stats) -> None:
        layout = self.layout
        multi = stats.multi and not (stats.weibo and stats.weibo_seen and stats.weibo_words)
        layout.single_chars = not multi
        join = self.options.join
        if join is Join.SPACE:
            layout.join = "space"
        elif join is Join.NONE or not multi or layout.spaces_known:
            layout.join = "none"  # CoNLL-U: SpaceAfter=No says where the spaces are
        else:
            layout.join = auto_join(stats.cjk, stats.latin, multi)

    # -- second pass: sentences, then documents --------------------------------------------------------
