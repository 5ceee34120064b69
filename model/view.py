"""What one annotator sees of a document: their own decisions over the machine's suggestions."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

from model.spans import Span, Status


def annotator_view(suggestions: Iterable[Span], own: Iterable[Span],
                   show_rejected: bool = False) -> list[Span]:
    """Own accepted spans; suggestions the annotator has not decided on; own rejected spans if asked.

    A suggestion is hidden when it overlaps an own accepted span (a new span replaces the suggestions it
    overlaps) or when the annotator rejected exactly it (same bounds and label).
    """
    own = list(own)
    accepted = sorted((s for s in own if s.status is Status.ACCEPTED), key=lambda s: s.start)
    rejected = [s for s in own if s.status is Status.REJECTED]
    rejected_keys = {(s.start, s.end, s.label) for s in rejected}
    starts = [a.start for a in accepted]
    max_end = list(accumulate((a.end for a in accepted), max))  # max end among accepted[:i + 1]
    visible = list(accepted)
    for suggestion in suggestions:
        if (suggestion.start, suggestion.end, suggestion.label) in rejected_keys:
            continue
        before_end = bisect.bisect_left(starts, suggestion.end)  # accepted spans starting before it ends
        if before_end and max_end[before_end - 1] > suggestion.start:
            continue
        visible.append(suggestion)
    if show_rejected:
        visible.extend(rejected)
    visible.sort(key=lambda s: (s.start, s.end, s.status is Status.REJECTED))
    return visible


def open_suggestions(view: Iterable[Span]) -> list[Span]:
    return [s for s in view if s.status is Status.SUGGESTED]
