"""How many documents the suggestion service reads under one hold of its engine."""

from __future__ import annotations

from model.spans import DocumentId

# Documents suggested under one hold of the engine (the pretrained tagger reads them together): up to this
# many characters (a tenth of a second or two), so that the window's own request waits no longer than that
SUGGEST_AT_ONCE = 20_000


def by_length(ids: list[DocumentId], texts: dict[DocumentId, str], most: int) -> list[list[DocumentId]]:
    """``ids`` in order, in runs of at most ``most`` characters (a longer document alone)."""
    runs: list[list[DocumentId]] = []
    size = most
    for doc_id in ids:
        if size + len(texts[doc_id]) > most:
            runs.append([])
            size = 0
        runs[-1].append(doc_id)
        size += len(texts[doc_id])
    return runs
