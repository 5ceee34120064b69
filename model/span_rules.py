"""The window's small decisions about spans, without Qt: which suggestion comes next, what a new span
overlaps, how a selection is trimmed or snapped to words, which other occurrences to label."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from model.spans import Entity, Span, Status
from model.text import find_all


def next_suggestion(
    spans: Sequence[Span],
    after: int,
    wrap: bool = True,
    backwards: bool = False,
    statuses: Collection[Status] = (Status.SUGGESTED,),
) -> int:
    """Index of the first open suggestion (a span of one of ``statuses``) starting after offset ``after``
    (before it, ``backwards``); wraps around if asked; -1 if there is none."""
    order = range(len(spans) - 1, -1, -1) if backwards else range(len(spans))
    candidates = [i for i in order if spans[i].status in statuses]
    for i in candidates:
        if (spans[i].start < after) if backwards else (spans[i].start > after):
            return i
    return candidates[0] if candidates and wrap else -1


def overlapping(spans: Sequence[Span], entity: Entity, besides: Span | None = None) -> list[Span]:
    """The visible, not rejected spans that ``entity`` overlaps (other than ``besides``)."""
    return [
        s
        for s in spans
        if s.status is not Status.REJECTED
        and s is not besides
        and s.start < entity.end
        and entity.start < s.end
    ]


# What str.splitlines breaks at, and what the article shows as a new line: a span never holds one.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def holds_line_break(text: str, start: int, end: int) -> bool:
    return any(c in LINE_BREAKS for c in text[start:end])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the white space at its ends (start == end if nothing else is left)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap(bounds: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` out to the word boundaries around it."""
    new_start = max((a for a, _ in bounds if a <= start), default=start)
    new_end = min((b for _, b in bounds if b >= end), default=end)
    return new_start, new_end


def word_at(bounds: Sequence[tuple[int, int]], text: str, offset: int) -> tuple[int, int] | None:
    """The word of ``bounds`` (jieba's, as offsets into ``text``) that holds the character at ``offset``, cut
    at a line break; None on white space or a line break, or where no word holds it."""
    if not 0 <= offset < len(text) or text[offset].isspace():
        return None
    start, end = next(((a, b) for a, b in bounds if a <= offset < b), (offset, offset + 1))
    while start < offset and any(c in LINE_BREAKS for c in text[start:offset]):
        start += 1
    end = next((k for k in range(offset + 1, end) if text[k] in LINE_BREAKS), end)
    start, end = trim(text, start, end)
    return (start, end) if start < end else None


def plan_occurrences(
    text: str, span: Span, spans: Sequence[Span]
) -> tuple[list[Span], list[Entity], list[Entity]]:
    """For every other occurrence of ``span``'s text: the suggestions that already say the same (to accept),
    the new spans to add, and the occurrences left alone because they lie inside a longer open suggestion
    (美国 inside 美国国务院 ORG: labelling it would replace that suggestion by a part of it, unseen).
    Occurrences overlapping an own accepted span are left alone too."""
    own = [s for s in spans if s.status is Status.ACCEPTED]
    open_ = [s for s in spans if s.status is Status.SUGGESTED]
    suggested = {s.entity: s for s in open_}
    to_accept: list[Span] = []
    to_add: list[Entity] = []
    inside: list[Entity] = []
    for start in find_all(text, text[span.start : span.end]):
        entity = Entity(start, start + span.end - span.start, span.label)
        if start == span.start or any(o.start < entity.end and entity.start < o.end for o in own):
            continue
        if entity in suggested:
            to_accept.append(suggested[entity])
        elif any(
            o.start <= entity.start and entity.end <= o.end and o.end - o.start > entity.end - entity.start
            for o in open_
        ):
            inside.append(entity)
        else:
            to_add.append(entity)
    return to_accept, to_add, inside


def refocus(spans: Sequence[Span], keep: tuple[int, int] | None, advance_from: int | None) -> int:
    """Which span to focus after the spans changed: the one at ``keep`` (start, end; a decided one before a
    rejected one), else the first open suggestion at or after ``advance_from`` (wrapping), else none."""
    focused = -1
    if keep is not None:
        same = [i for i, s in enumerate(spans) if (s.start, s.end) == keep]
        focused = next((i for i in same if spans[i].status is not Status.REJECTED), same[0] if same else -1)
    if focused < 0 and advance_from is not None:
        focused = next_suggestion(spans, advance_from - 1, wrap=True)
    return focused


def next_focus(spans: Sequence[Span], focused: int, length: int, backwards: bool = False) -> int:
    """Tab (Shift+Tab): the next (previous) open suggestion after the focused span, wrapping; when none is
    open, simply the next (previous) span. ``length`` is the text's. A rejected span among ``spans`` (they
    are there when the annotator shows them, to restore some) is a stop as a suggestion is, so Return can
    restore it without the mouse."""
    current = spans[focused] if 0 <= focused < len(spans) else None
    after = current.start if current else (length + 1 if backwards else -1)
    index = next_suggestion(spans, after, backwards=backwards, statuses=(Status.SUGGESTED, Status.REJECTED))
    if index < 0 and spans:  # nothing open: walk through every span
        step = -1 if backwards else 1
        index = (focused + step) % len(spans) if focused >= 0 else (0 if step > 0 else -1)
        index %= len(spans)
    return index
