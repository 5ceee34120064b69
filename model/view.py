"""What one annotator sees of a document: their own decisions over the machine's suggestions."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from model.ops import Change
from model.spans import AnnotatorId, DocumentId, Layer, Span, Status


def annotator_view(
    suggestions: Iterable[Span], own: Iterable[Span], show_rejected: bool = False
) -> list[Span]:
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


@dataclass(frozen=True, slots=True)
class Layers:
    """What the window holds of one document for one annotator: the machine suggestions and the annotator's
    own spans (rejections included). A saved action's ``Change`` updates it without reading the database."""

    document_id: DocumentId
    annotator_id: AnnotatorId
    suggestions: tuple[Span, ...] = ()
    own: tuple[Span, ...] = ()

    def view(self, show_rejected: bool = False) -> list[Span]:
        return annotator_view(self.suggestions, self.own, show_rejected)

    def apply(self, change: Change) -> Layers:
        deleted = set(change.deleted)
        updated = {s.id: s for s in change.updated}

        def after(spans: Iterable[Span], layer: Layer) -> tuple[Span, ...]:
            # an insert the store found stored already comes back with that row's id (an own decision made
            # twice) or with none (a suggestion stored twice): nothing new to add then
            new = {
                s.id: s
                for s in change.inserted
                if s.id is not None
                and s.document_id == self.document_id
                and s.layer is layer
                and (layer is Layer.SUGGESTION or s.annotator_id == self.annotator_id)
            }
            kept = [updated.get(s.id, s) for s in spans if s.id not in deleted and s.id not in new]
            return tuple(kept + list(new.values()))

        return Layers(
            self.document_id,
            self.annotator_id,
            after(self.suggestions, Layer.SUGGESTION),
            after(self.own, Layer.ANNOTATOR),
        )
