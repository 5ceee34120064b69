"""The primitive changes an annotation action makes. A store applies a list of them in one transaction,
together with one event-log row, so an action is saved whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from model.spans import AnnotatorId, DocState, DocumentId, Layer, Origin, SpanId, Status


@dataclass(frozen=True, slots=True)
class Insert:
    document_id: DocumentId
    layer: Layer
    annotator_id: AnnotatorId | None
    start: int
    end: int
    label: str
    status: Status
    origin: Origin
    origin_detail: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Update:
    """Change some of a span's start, end, label, status."""

    span_id: SpanId
    changes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Delete:
    span_id: SpanId


@dataclass(frozen=True, slots=True)
class SetState:
    document_id: DocumentId
    annotator_id: AnnotatorId
    state: DocState


Op = Insert | Update | Delete | SetState


@dataclass(frozen=True, slots=True)
class Action:
    """Who does what where: the context of one saved action (it becomes the event-log row)."""

    name: str
    annotator_id: AnnotatorId
    document_id: DocumentId | None
    payload: dict[str, Any] = field(default_factory=dict)


class StoreUnavailable(Exception):
    """The database could not save the action (locked, gone, refused). Nothing of the action was saved."""


class ConflictError(Exception):
    """Someone else changed the span first (optimistic locking). Nothing of the action was saved."""


class AnnotationStore(Protocol):
    def apply(self, action: Action, ops: Sequence[Op]) -> list[SpanId | None]:
        """Apply ``ops`` and log ``action`` in one transaction; return the new id for each Insert (else None).
        Raises StoreUnavailable or ConflictError with nothing saved."""
        ...
