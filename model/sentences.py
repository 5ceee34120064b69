"""Sentence splitting for export, and the blocks an exporter writes: sentences, merged where an entity
would otherwise be cut in two.

Pure Python. Offsets are code points, ranges half-open ``[start, end)``; line breaks never belong to a
sentence (they are the gaps between sentences).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence

from model.spans import Entity


class SentenceMode(enum.StrEnum):
    # after 。！？；… (and ! ? ;) with the closing quotes and brackets that follow, and at line breaks
    PUNCTUATION = "punctuation"
    LINES = "lines"  # at line breaks, nothing else: one line of the document is one sentence
    DOCUMENT = "document"  # the whole document is one sentence (line breaks included)


TERMINATORS = "。！？；…!?;"
CLOSERS = "”’\"'」』）)]］】》〉〕｝}›»"

# One sentence: anything up to a run of terminators and the closers that follow it, or up to a line break.
_PUNCTUATION_SENTENCE = re.compile(
    f"[^\n{re.escape(TERMINATORS)}]*(?:[{re.escape(TERMINATORS)}]+[{re.escape(CLOSERS)}]*|(?=\n)|$)"
)
_LINE = re.compile("[^\n]+")


def split_sentences(text: str, mode: SentenceMode = SentenceMode.PUNCTUATION) -> list[tuple[int, int]]:
    """Non-empty, non-overlapping sentence ranges in text order. Line breaks between sentences (and empty
    lines) are in no range, except in ``DOCUMENT`` mode, whose one range is the whole text."""
    if not text:
        return []
    if mode is SentenceMode.DOCUMENT:
        return [(0, len(text))]
    pattern = _LINE if mode is SentenceMode.LINES else _PUNCTUATION_SENTENCE
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def blocks(sentences: Sequence[tuple[int, int]], entities: Iterable[Entity]) -> list[tuple[int, int]]:
    """The ranges to write: each sentence, except that sentences an entity overlaps are merged into one
    block (gaps included), so that no entity is ever cut. An entity that lies in a gap (say, on a line
    break) gets a block of its own, merged with any sentence it touches. ``entities`` need not be sorted."""
    intervals = sorted([*sentences, *((e.start, e.end) for e in entities)])
    merged: list[tuple[int, int]] = []
    for start, end in intervals:
        if merged and start < merged[-1][1]:
            last_start, last_end = merged[-1]
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged
