"""The window's span decisions, without Qt."""

from __future__ import annotations

from model.span_rules import next_suggestion, overlapping, plan_occurrences, snap, trim, word_at
from model.spans import AnnotatorId, DocumentId, Entity, Layer, Origin, Span, SpanId, Status


def span(start: int, end: int, label: str = "PER", status: Status = Status.SUGGESTED) -> Span:
    layer = Layer.SUGGESTION if status is Status.SUGGESTED else Layer.ANNOTATOR
    return Span(
        SpanId(start + 1),
        DocumentId(1),
        start,
        end,
        label,
        layer,
        status,
        Origin.JIEBA,
        None if layer is Layer.SUGGESTION else AnnotatorId(1),
    )


def test_next_suggestion_skips_decided_spans_and_wraps() -> None:
    spans = [span(0, 2), span(3, 5, status=Status.ACCEPTED), span(6, 8)]
    assert next_suggestion(spans, 0) == 2
    assert next_suggestion(spans, 6) == 0
    assert next_suggestion(spans, 6, wrap=False) == -1
    assert next_suggestion(spans, 6, backwards=True) == 0
    assert next_suggestion([span(0, 2, status=Status.ACCEPTED)], -1) == -1


def test_overlapping_ignores_rejected_spans_and_the_span_itself() -> None:
    a, b, c = span(0, 4), span(3, 6, status=Status.REJECTED), span(5, 9, status=Status.ACCEPTED)
    assert overlapping([a, b, c], Entity(2, 6, "LOC")) == [a, c]
    assert overlapping([a, b, c], Entity(0, 4, "LOC"), besides=a) == []


def test_trim_and_snap() -> None:
    assert trim("  北京 ", 0, 5) == (2, 4)
    assert trim("\u3000 ", 0, 2) == (2, 2)  # full-width space is white space too
    assert snap([(0, 2), (2, 5), (5, 6)], 3, 4) == (2, 5)
    assert snap([(0, 2), (2, 5), (5, 6)], 1, 6) == (0, 6)


def test_plan_occurrences_accepts_matching_suggestions_and_leaves_own_spans_alone() -> None:
    text = "北京人在北京,北京欢迎你"
    focused = span(0, 2, "LOC")
    spans = [focused, span(4, 6, "LOC"), span(7, 9, "ORG", Status.ACCEPTED)]
    to_accept, to_add, inside = plan_occurrences(text, focused, spans)
    assert [s.entity for s in to_accept] == [Entity(4, 6, "LOC")]
    assert to_add == inside == []  # the third 北京 is inside an own accepted span
    to_accept, to_add, inside = plan_occurrences(text, focused, [focused])
    assert to_accept == inside == [] and to_add == [Entity(4, 6, "LOC"), Entity(7, 9, "LOC")]


def test_the_word_at_a_place_stops_at_a_line_break_and_is_none_on_white_space() -> None:
    text = "越南外交部\n部长 裴青山"
    bounds = [(0, 2), (2, 6), (6, 8), (9, 12)]  # a tokenizer's word may hold a line break (部\n)
    assert word_at(bounds, text, 3) == (2, 5)  # 外交部, not 外交部\n
    assert word_at(bounds, text, 6) == (6, 8)
    assert word_at(bounds, text, 10) == (9, 12)
    assert word_at([(4, 7)], text, 6) == (6, 7)  # 部\n部 from before the break: only what is after it
    assert word_at(bounds, text, 5) is None and word_at(bounds, text, 8) is None  # the break, the space
    assert word_at([], text, 1) == (1, 2)  # no word holds it: the character itself
    assert word_at(bounds, text, len(text)) is None
