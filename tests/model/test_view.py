from __future__ import annotations

from model.spans import DocumentId, Layer, Origin, Span, SpanId, Status
from model.view import annotator_view, open_suggestions


def span(i: int, start: int, end: int, label: str, layer: Layer, status: Status) -> Span:
    return Span(SpanId(i), DocumentId(1), start, end, label, layer, status, Origin.JIEBA)


def test_view_rules() -> None:
    sug = [
        span(1, 0, 2, "LOC", Layer.SUGGESTION, Status.SUGGESTED),
        span(2, 2, 5, "ORG", Layer.SUGGESTION, Status.SUGGESTED),
        span(3, 7, 10, "PER", Layer.SUGGESTION, Status.SUGGESTED),
        span(4, 20, 22, "LOC", Layer.SUGGESTION, Status.SUGGESTED),
    ]
    own = [
        span(5, 1, 4, "ORG", Layer.ANNOTATOR, Status.ACCEPTED),  # overlaps 1 and 2: both hidden
        span(6, 7, 10, "PER", Layer.ANNOTATOR, Status.REJECTED),  # rejects 3 exactly
        span(7, 20, 22, "ORG", Layer.ANNOTATOR, Status.REJECTED),
    ]  # other label: 4 stays
    assert [s.id for s in annotator_view(sug, own)] == [5, 4]
    assert [s.id for s in annotator_view(sug, own, show_rejected=True)] == [5, 6, 4, 7]
    assert [s.id for s in open_suggestions(annotator_view(sug, own))] == [4]
    assert [s.id for s in annotator_view(sug, [])] == [1, 2, 3, 4]
