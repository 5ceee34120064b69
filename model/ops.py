"""The primitive changes an annotation action makes. A store applies a list of them in one transaction,
together with one event-log row, so an action is saved whole or not at all, and reports what it changed as a
``Change``: the spans as they are now stored and the progress it left, so that whoever shows them can follow
without reading the database again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from model.faults import Fault, FaultKind
from model.spans import AnnotatorId, DocState, DocumentId, Layer, Origin, Span, SpanId, Status


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

    def span(self, span_id: SpanId | None) -> Span:
        """The span this insert creates, as stored under ``span_id``."""
        return Span(
            span_id,
            self.document_id,
            self.start,
            self.end,
            self.label,
            self.layer,
            self.status,
            self.origin,
            self.annotator_id,
            self.origin_detail,
            self.score,
        )


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
    undo: bool = (
        False  # it takes an earlier action back (the store then checks what of the annotator's is left)
    )


@dataclass(frozen=True, slots=True)
class Change:
    """What one saved action changed: spans inserted and updated (as now stored, ids and versions included),
    span ids deleted, and the progress state of every (document, annotator) the action touched."""

    inserted: tuple[Span, ...] = ()
    updated: tuple[Span, ...] = ()
    deleted: tuple[SpanId, ...] = ()
    states: tuple[tuple[DocumentId, AnnotatorId, DocState], ...] = ()
    # saved, though the answer to its COMMIT was lost: the server, asked again, has it (FaultKind.LANDED)
    landed: Fault | None = None

    @property
    def documents(self) -> frozenset[DocumentId]:
        """The documents whose spans or progress changed."""
        return frozenset(
            {s.document_id for s in (*self.inserted, *self.updated)} | {d for d, _, _ in self.states}
        )

    def __add__(self, other: Change) -> Change:
        return Change(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.deleted + other.deleted,
            self.states + other.states,
            self.landed or other.landed,
        )

    def state_of(self, document_id: DocumentId, annotator_id: AnnotatorId) -> DocState | None:
        """The progress state the action left for this document and annotator (None: not touched)."""
        found = None
        for d, a, state in self.states:
            if d == document_id and a == annotator_id:
                found = state
        return found


class StoreUnavailable(Exception):
    """The database could not save the action (locked, gone, refused). Nothing of the action was saved,
    unless ``kind`` is IN_DOUBT: the COMMIT was sent, its answer lost, and the server could not be asked
    whether it landed (the message says so; it does not end with ``NOT_SAVED``). ``fault`` (when known) is
    what went wrong, told apart for a program; the message is its English followed by ``NOT_SAVED``."""

    def __init__(self, message: str, fault: Fault | None = None) -> None:
        super().__init__(message)
        self.fault = fault

    @property
    def kind(self) -> FaultKind | None:
        return self.fault.kind if self.fault else None


NOT_SAVED = "{0}; your action was not saved"


class ConflictError(Exception):
    """Someone else changed the span first (optimistic locking). Nothing of the action was saved."""


class LabelGone(ConflictError):
    """A label the action writes is no longer in the project's label set: a lead renamed, merged or removed
    it after the window read the set (another window, another machine, ``newstag labels``). Nothing of the
    action was saved; ``labels`` names them."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)
        names = ", ".join(self.labels)
        super().__init__(
            f"the label {names} is no longer in the project (renamed, merged or removed meanwhile); read the "
            "labels again"
            if len(self.labels) == 1
            else f"the labels {names} are no longer in the project (renamed, merged or removed meanwhile); "
            "read the labels again"
        )


class AnnotationStore(Protocol):
    def apply(self, action: Action, ops: Sequence[Op]) -> Change:
        """Apply ``ops`` and log ``action`` in one transaction; ``Change.inserted`` holds the new span of each
        Insert, in order. Raises StoreUnavailable or ConflictError with nothing saved."""
        ...
