"""Writing CoNLL: one ``token<SEP>tag`` line per character (or per jieba word), a blank line after every
sentence, optional ``-DOCSTART-`` lines between documents. BIO (IOB2), BIOES (IOBES) or BMES tags.

Whitespace policy: a CoNLL line cannot carry a whitespace token (readers split on it, or drop the line),
so every *blank* character -- any character for which ``str.isspace()`` is true (ASCII space, tab, line
breaks, U+3000, no-break spaces, U+2028...), any other control character, and U+FEFF -- is either
skipped (``SKIP``, the default) or written as a placeholder token (``PLACEHOLDER``, one character by
default, ``␣``, so that offsets keep their meaning). Entities keep their tags over the characters that
are written; an entity made only of blank characters cannot be written and is reported.

No sentence ever cuts an entity: sentences an entity overlaps are written as one (``model.sentences``).
"""

from __future__ import annotations

import bisect
import enum
import itertools
import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.reasons import Reason
from model.reasons import ReasonKind as K
from model.sentences import SentenceMode, blocks, split_sentences
from model.spans import Entity
from model.tagging import Scheme, entities_to_tags
from storage.export_types import ExportDocument, ExportOptionError, OutputFile, SkipReason, WriteResult

logger = logging.getLogger(__name__)


class Level(enum.StrEnum):
    CHAR = "char"
    WORD = "word"  # jieba words, split further wherever an entity starts or ends


class WhitespacePolicy(enum.StrEnum):
    SKIP = "skip"
    PLACEHOLDER = "placeholder"


class DocSeparator(enum.StrEnum):
    DOCSTART = "docstart"  # a "-DOCSTART-<SEP>O" line and a blank line before every document
    BLANK = "blank"  # an extra blank line between documents
    NONE = "none"  # nothing: documents follow each other like sentences


DEFAULT_PLACEHOLDER = "\u2423"  # ␣ OPEN BOX
DOCSTART = "-DOCSTART-"
_BLANK = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ufeff]")


def is_blank(char: str) -> bool:
    """The characters the whitespace policy applies to (see the module docstring)."""
    return _BLANK.match(char) is not None


@dataclass(frozen=True, slots=True)
class ConllOptions:
    level: Level = Level.CHAR
    scheme: Scheme = Scheme.BIO
    separator: str = "\t"
    sentences: SentenceMode = SentenceMode.PUNCTUATION
    whitespace: WhitespacePolicy = WhitespacePolicy.SKIP
    placeholder: str = DEFAULT_PLACEHOLDER
    doc_separator: DocSeparator = DocSeparator.DOCSTART

    def check(self) -> None:
        if not self.separator or "\n" in self.separator or "\r" in self.separator:
            raise ExportOptionError("the column separator must be a non-empty string without line breaks")
        if self.whitespace is WhitespacePolicy.PLACEHOLDER:
            if not self.placeholder or any(is_blank(c) for c in self.placeholder):
                raise ExportOptionError(
                    f"the whitespace placeholder {self.placeholder!r} must be visible "
                    "characters (no spaces, tabs or line breaks)"
                )
            if len(self.placeholder) != 1:  # it stands for one blank character of the text
                raise ExportOptionError(
                    f"the whitespace placeholder {self.placeholder!r} must be one character, so that the "
                    "offsets of what is imported again keep their meaning"
                )
            if self.separator in self.placeholder:
                raise ExportOptionError("the whitespace placeholder must not contain the column separator")

    @property
    def suffix(self) -> str:
        return f".{self.scheme.value}"


def check_label(label: str, separator: str) -> None:
    """A tag must survive being split off its line: no blank characters, no separator."""
    if any(is_blank(c) for c in label) or separator in label:
        raise ExportOptionError(Reason.of(K.EXPORT_NOT_A_TAG, label=label, separator=separator))


class _Jieba:
    """A private ``jieba.Tokenizer`` (never jieba's global one), created on first use, shared by threads."""

    _lock = threading.Lock()
    _tokenizer: Any = None

    @classmethod
    def cut(cls, text: str) -> list[str]:
        with cls._lock:
            if cls._tokenizer is None:
                import jieba

                from model.suggest.tokenizer import initialize_jieba

                jieba.setLogLevel(logging.WARNING)  # as the other jieba users in newstag do
                tokenizer = jieba.Tokenizer()
                initialize_jieba(tokenizer)
                cls._tokenizer = tokenizer
        return list(cls._tokenizer.cut(text, HMM=True))


def word_units(text: str, entities: list[Entity]) -> list[tuple[int, int]]:
    """jieba words of ``text``, cut again at every entity boundary and around every blank character, so
    that each entity is exactly a run of whole units and each blank character is a unit of its own."""
    cuts = {0, len(text)}
    offset = 0
    for word in _Jieba.cut(text):
        offset += len(word)
        cuts.add(offset)
    for e in entities:
        cuts.update((e.start, e.end))
    for m in _BLANK.finditer(text):
        cuts.update((m.start(), m.end()))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    return list(itertools.pairwise(points))


class ConllWriter:
    """Writes documents into one CoNLL file (see the module docstring for the layout)."""

    def __init__(self, path: Path, options: ConllOptions) -> None:
        options.check()
        self.options = options
        self._out = OutputFile(path)
        self._documents = 0
        self._labels_ok: set[str] = set()

    def write(self, doc: ExportDocument) -> WriteResult:
        result = WriteResult()
        for e in doc.entities:
            if e.label not in self._labels_ok:
                check_label(e.label, self.options.separator)
                self._labels_ok.add(e.label)
        parts: list[str] = []
        entities = sorted(doc.entities, key=lambda e: e.start)
        starts = [e.start for e in entities]
        for start, end in blocks(split_sentences(doc.text, self.options.sentences), entities):
            first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            inside = [Entity(e.start - start, e.end - start, e.label) for e in entities[first:last]]
            lines = self._block_lines(doc.text[start:end], inside, start, result)
            if lines:
                parts.append(lines)
                result.sentences += 1
        if parts:
            self._out.write(self._document_header() + "\n".join(parts) + "\n")
            self._documents += 1
        return result

    def _document_header(self) -> str:
        sep = self.options.doc_separator
        if sep is DocSeparator.DOCSTART:
            return f"{DOCSTART}{self.options.separator}O\n\n"
        if sep is DocSeparator.BLANK and self._documents:
            return "\n"
        return ""

    def _block_lines(self, text: str, entities: list[Entity], offset: int, result: WriteResult) -> str:
        """One sentence's lines, each ending in a newline; empty when nothing in it is written.
        ``entities`` are relative to ``text``, which starts at ``offset`` in its document."""
        sep, scheme = self.options.separator, self.options.scheme
        if self.options.level is Level.CHAR and _BLANK.search(text) is None:
            tags = entities_to_tags(len(text), entities, scheme)
            result.written.extend(Entity(e.start + offset, e.end + offset, e.label) for e in entities)
            return "".join([f"{c}{sep}{t}\n" for c, t in zip(text, tags, strict=True)])
        units = (
            word_units(text, entities)
            if self.options.level is Level.WORD
            else [(i, i + 1) for i in range(len(text))]
        )
        placeholder = self.options.whitespace is WhitespacePolicy.PLACEHOLDER
        tokens: list[str] = []
        unit_starts: list[int] = []
        for a, b in units:
            token = text[a:b]
            if b - a == 1 and is_blank(token):
                if not placeholder:
                    continue
                token = self.options.placeholder
            tokens.append(token)
            unit_starts.append(a)
        mapped: list[Entity] = []
        for e in entities:
            first, last = bisect.bisect_left(unit_starts, e.start), bisect.bisect_left(unit_starts, e.end)
            absolute = Entity(e.start + offset, e.end + offset, e.label)
            if first == last:
                result.skipped.append((SkipReason.WHITESPACE_ONLY, absolute))
                continue
            mapped.append(Entity(first, last, e.label))
            result.written.append(absolute)
        if not tokens:
            return ""
        tags = entities_to_tags(len(tokens), mapped, scheme)
        return "".join([f"{t}{sep}{g}\n" for t, g in zip(tokens, tags, strict=True)])

    def close(self) -> None:
        self._out.close()

    def abort(self) -> None:
        self._out.abort()
