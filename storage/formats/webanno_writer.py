"""Writing WebAnno TSV 3.3 as INCEpTION's ``WebannoTsv3XWriter`` writes it, one ``.tsv`` file per document,
for a project lead who hands a corpus back to INCEpTION or WebAnno (``newstag export --format webanno``)::

    #FORMAT=WebAnno TSV 3.3
    #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value


    #Text=张三在北京大学。
    1-1	0-1	张	*[1]	PER[1]
    1-2	1-2	三	*[1]	PER[1]
    1-3	2-3	在	_	_
    ...

(every row ends with a tab after its last column, as INCEpTION writes it). The layer is INCEpTION's default
named-entity layer, whose features are ``identifier`` (a knowledge-base link, never set here: ``*``) and
``value`` (the label). ``_`` is a row without an entity; ``PER[3]`` an entity over several rows, or stacked
with another on one row (``ORG[1]|LOC[2]``), the number telling them apart, as INCEpTION numbers them.
Labels are escaped as ``Escaping.escapeValue`` does (``\\ [ ] | _ -> ; * TAB LF`` after a backslash), the
``#Text=`` lines as ``Escaping.escapeText`` does (as ``storage.formats.webanno`` reads them back).

Tokens: one per Chinese character (or any other character that is not a letter or digit), as INCEpTION's
own tokenizer cuts Chinese text and as annotators select it; a run of letters and digits (``GDP``, ``2024``,
``iPhone15``) is one token, cut again wherever an entity starts or ends, so every entity begins and ends on a
token edge and no sub-token row is needed. Blank characters are no token, except where an entity begins or
ends on one (a space, U+3000): that run of blanks is a token of its own, so the span comes back exactly.
A token never holds a tab or a line break (the format has no escaping for a token): an entity that begins or
ends on one cannot be written and is reported (``SkipReason.LINE_BREAK_EDGE``).

Sentences: the text is cut as the CoNLL export cuts it (``--sentences``: by default after 。！？；… and at
line breaks; or at line breaks only; or one sentence a document), sentences an entity overlaps joined, and
each sentence runs from its first token to the next sentence's first token, so the blanks and line breaks
between sentences are in its ``#Text=`` lines and INCEpTION (and ``newstag import``) rebuild the document's
text exactly. Offsets count UTF-16 code units (Java's): 𠮷 and 😀 count 2.
The one thing not carried: blanks at the very start of a document that hold a tab or a line break (no token
can start there); they come back as spaces, every offset unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from pathlib import Path

from model.sentences import SentenceMode, blocks, split_sentences
from model.spans import Entity
from model.text import Utf16Offsets
from storage.export_types import ExportDocument, SkipReason, WriteResult
from storage.formats.file_names import RECORD, FileNames, record_text

FORMAT = "#FORMAT=WebAnno TSV 3.3"
LAYER = "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value"
SUFFIX = ".tsv"
UNSAFE = "\t\n\r"  # never inside a token: the column separator and what ends a line (Java's readLine)

_VALUE_SPECIAL = re.compile(r"\\|\[|\]|\||_|->|;|\*|\t|\n")
_VALUE_ESCAPED = {"\t": "\\t", "\n": "\\n"}
_TEXT_NAMED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f", "\b": "\\b"}
_TEXT_SPECIAL = re.compile(r"[\\\t\n\r\f\b\x00-\x07\x0e-\x1f]")


def escape_value(value: str) -> str:
    """A label as INCEpTION's ``Escaping.escapeValue`` writes it."""
    return _VALUE_SPECIAL.sub(lambda m: _VALUE_ESCAPED.get(m.group(), "\\" + m.group()), value)


def escape_text(line: str) -> str:
    """One line of a sentence as ``Escaping.escapeText`` writes it after ``#Text=``."""
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_NAMED.get(m.group(), "\\" + m.group()), line)


def _is_word(ch: str) -> bool:
    """A letter or digit that runs on with its neighbours into one token (not a Chinese character)."""
    return ch.isalnum() and unicodedata.east_asian_width(ch) not in ("W", "F")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")  # a combining mark stays with its base character


def unwritable(text: str, entity: Entity) -> bool:
    """Whether ``entity`` begins or ends on a tab or a line break, where no token can begin or end."""
    return text[entity.start] in UNSAFE or text[entity.end - 1] in UNSAFE


def tokens(text: str, entities: list[Entity]) -> list[tuple[int, int]]:
    """The document's tokens, ``[start, end)`` in code points, in text order: see the module's docstring."""
    starts = {e.start for e in entities} | {0}
    ends = {e.end for e in entities}
    cuts = starts | ends
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        j = i + 1
        if ch.isspace():
            safe = ch not in UNSAFE
            while safe and j < n and j not in cuts and text[j].isspace() and text[j] not in UNSAFE:
                j += 1
            if safe and (i in starts or j in ends):
                out.append((i, j))
            i = j
            continue
        while j < n and j not in cuts and (_is_mark(text[j]) or (_is_word(ch) and _is_word(text[j]))):
            j += 1
        out.append((i, j))
        i = j
    return out


def _sentences(
    text: str, units: list[tuple[int, int]], entities: list[Entity], mode: SentenceMode
) -> list[list[int]]:
    """The tokens (their indexes) of each sentence: cut as the CoNLL export cuts, never inside an entity."""
    ranges = blocks(split_sentences(text, mode), entities)
    groups: list[list[int]] = []
    block, current = 0, -1
    for k, (start, _) in enumerate(units):
        while block < len(ranges) and start >= ranges[block][1]:
            block += 1
        inside = block < len(ranges) and start >= ranges[block][0]
        if not groups or (inside and block != current):
            groups.append([])
            current = block if inside else current
        groups[-1].append(k)
    return groups


def _stacks(units: list[tuple[int, int]], entities: list[Entity]) -> tuple[list[list[int]], dict[int, int]]:
    """For each token, the entities on it (indexes into ``entities``, in the order INCEpTION adds them),
    and the number of each entity that needs one (it spans several tokens or shares one with another)."""
    on: list[list[int]] = [[] for _ in units]
    numbers: dict[int, int] = {}

    def number(k: int) -> None:
        numbers.setdefault(k, len(numbers) + 1)

    starts = [u[0] for u in units]
    for k, entity in enumerate(entities):
        first = bisect_left(starts, entity.start)
        last = first
        while last + 1 < len(units) and units[last + 1][1] <= entity.end:
            last += 1
        assert units[first][0] == entity.start and units[last][1] == entity.end, "tokens cut at entity edges"
        for t in range(first, last + 1):
            if on[t]:
                for other in on[t]:
                    number(other)
                number(k)
            on[t].append(k)
        if last > first:
            number(k)
    return on, numbers


def render(
    text: str, entities: list[Entity], mode: SentenceMode = SentenceMode.PUNCTUATION
) -> tuple[str, int]:
    """The file for one document whose ``entities`` can all be written, and its number of sentences (0, and
    no file worth writing, when the text has no token)."""
    ordered = sorted(entities, key=lambda e: (e.start, -e.end, e.label))
    units = tokens(text, ordered)
    if not units:
        return "", 0
    u16 = Utf16Offsets(text).to_utf16
    on, numbers = _stacks(units, ordered)
    groups = _sentences(text, units, ordered, mode)
    lines = [FORMAT, LAYER, "", ""]
    for s, group in enumerate(groups, start=1):
        begin = units[group[0]][0]
        end = units[groups[s][0]][0] if s < len(groups) else len(text)
        lines.extend("#Text=" + escape_text(line) for line in text[begin:end].split("\n"))
        for position, k in enumerate(group, start=1):
            a, b = units[k]
            marks = [f"[{numbers[e]}]" if e in numbers else "" for e in on[k]]
            ident = "|".join("*" + mark for mark in marks) or "_"
            labels = [escape_value(ordered[e].label) + mark for e, mark in zip(on[k], marks, strict=True)]
            value = "|".join(labels) or "_"
            lines.append(f"{s}-{position}\t{u16(a)}-{u16(b)}\t{text[a:b]}\t{ident}\t{value}\t")
        lines.append("")
    return "\n".join(lines), len(groups)


class WebAnnoWriter:
    """Writes each document as ``TITLE.tsv`` into a folder (the export's temporary one), its title made safe
    and unique (``storage.formats.file_names``: INCEpTION names a document by its file). It creates files
    only, never overwrites one, and ``abort`` removes only its own."""

    def __init__(self, folder: Path, sentences: SentenceMode = SentenceMode.PUNCTUATION) -> None:
        self.folder, self.sentences = folder, sentences
        folder.mkdir(parents=True, exist_ok=True)
        self._written: list[Path] = []
        self._names = FileNames()
        self._order: list[tuple[str, str]] = []  # (stem, title) of each document written, in order

    def write(self, doc: ExportDocument) -> WriteResult:
        result = WriteResult()
        kept: list[Entity] = []
        for entity in doc.entities:
            if not doc.text[entity.start : entity.end].strip():
                result.skipped.append((SkipReason.WHITESPACE_ONLY, entity))
            elif unwritable(doc.text, entity):
                result.skipped.append((SkipReason.LINE_BREAK_EDGE, entity))
            else:
                kept.append(entity)
        content, result.sentences = render(doc.text, kept, self.sentences)
        if not result.sentences:
            return result
        result.written = kept
        stem = self._names.name(doc.title, doc.id)
        self._create(self.folder / f"{stem}{SUFFIX}", content)
        self._order.append((stem, doc.title))
        return result

    def _create(self, path: Path, content: str) -> None:
        with path.open("x", encoding="utf-8", newline="") as f:
            self._written.append(path)
            f.write(content)

    def close(self) -> None:
        if self._order:
            self._create(self.folder / RECORD, record_text(self._order))
        self._written.clear()

    def abort(self) -> None:
        for path in self._written:
            path.unlink(missing_ok=True)
        self._written.clear()
