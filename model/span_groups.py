"""The spans of an article grouped by string and label (裴青山 PER ×12), as the entity panel lists them and
as a whole group is accepted or rejected."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from model.spans import Span


@dataclass(frozen=True, slots=True)
class SpanGroup:
    text: str
    label: str
    members: tuple[int, ...]  # indices into the spans grouped, in text order


def group_spans(text: str, spans: Sequence[Span]) -> list[SpanGroup]:
    """One group per (string, label), in the order of each group's first span."""
    members: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(spans):
        members.setdefault((text[s.start : s.end], s.label), []).append(i)
    return [SpanGroup(surface, label, tuple(ids)) for (surface, label), ids in members.items()]


def group_of(text: str, spans: Sequence[Span], span: Span) -> list[Span]:
    """The spans with ``span``'s string and label (itself included), in text order."""
    surface = text[span.start : span.end]
    return [
        s
        for s in spans
        if s.label == span.label and s.end - s.start == len(surface) and text[s.start : s.end] == surface
    ]
