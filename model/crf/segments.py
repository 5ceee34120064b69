"""Cut a document into the short pieces the CRF tags: sentences (after 。！？；… and at line breaks), each at
most ``MAX_SEGMENT`` characters (longer ones are cut after the last comma-like mark before the limit, else at
the limit). Offsets are code points into the document, half-open; line breaks belong to no segment.
"""

from __future__ import annotations

from collections.abc import Iterable

from model.sentences import SentenceMode, blocks, split_sentences
from model.spans import Entity

MAX_SEGMENT = 200
_SOFT_BREAKS = frozenset("，、,：:；; \t\u3000")


def _cap(start: int, end: int, text: str, limit: int) -> list[tuple[int, int]]:
    out = []
    while end - start > limit:
        cut = start + limit
        for k in range(start + limit - 1, start + limit // 2, -1):
            if text[k] in _SOFT_BREAKS:
                cut = k + 1
                break
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def segments(text: str, entities: Iterable[Entity] = (), limit: int = MAX_SEGMENT) -> list[tuple[int, int]]:
    """Segment ranges in text order. No range is cut inside one of ``entities`` (used for training data,
    where a cut entity would teach nonsense); such merged ranges may exceed ``limit``. Ranges holding only
    whitespace are left out."""
    pieces = [
        piece
        for start, end in split_sentences(text, SentenceMode.PUNCTUATION)
        for piece in _cap(start, end, text, limit)
    ]
    entities = list(entities)
    if entities:
        pieces = blocks(pieces, entities)
    return [(s, e) for s, e in pieces if text[s:e].strip()]
