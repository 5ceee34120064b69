"""Annotation reads and writes: the ``model.ops.AnnotationStore`` of a project, and what the window asks.

Every ``apply`` is one transaction: the span changes, the progress row and one event-log row together.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from model.ops import (
    NOT_SAVED,
    Action,
    Change,
    ConflictError,
    Delete,
    Insert,
    LabelGone,
    Op,
    SetState,
    StoreUnavailable,
    Update,
)
from model.spans import AnnotatorId, DocState, DocumentId, Entity, Layer, Origin, Span, SpanId, Status
from model.text import find_all
from model.view import annotator_view
from storage.answers import Ticket, answering, commit_landed, commit_lost, ticket, transaction_landed
from storage.database import Database
from storage.db import DatabaseError, database_error
from storage.documents import DocumentStore
from storage.orm import DocumentRow, EventRow, ProgressRow, SpanRow
from storage.span_rows import check_bounds, insert_spans, labels_gone

logger = logging.getLogger(__name__)

# what a command may change in place: an annotator's edit of a machine's span also makes it the annotator's
# (origin, detail and score; ``model.commands.ReplaceSpan``)
EDITABLE = {"start", "end", "label", "status", "origin", "origin_detail", "score"}


def to_span(row: SpanRow) -> Span:
    return Span(
        id=SpanId(row.id),
        document_id=DocumentId(row.document_id),
        start=row.start,
        end=row.end,
        label=row.label,
        layer=Layer(row.layer),
        status=Status(row.status),
        origin=Origin(row.origin),
        annotator_id=AnnotatorId(row.annotator_id) if row.annotator_id is not None else None,
        origin_detail=row.origin_detail,
        score=row.score,
        version=row.version,
    )


SPAN_COLUMNS = (
    SpanRow.id,
    SpanRow.document_id,
    SpanRow.start,
    SpanRow.end,
    SpanRow.label,
    SpanRow.layer,
    SpanRow.status,
    SpanRow.origin,
    SpanRow.annotator_id,
    SpanRow.origin_detail,
    SpanRow.score,
    SpanRow.version,
)
_LAYERS = {str(m): m for m in Layer}
_STATUSES = {str(m): m for m in Status}
_ORIGINS = {str(m): m for m in Origin}


def span_from_columns(r: tuple) -> Span:  # type: ignore[type-arg]
    """A ``Span`` from a row of ``SPAN_COLUMNS`` (the fast path of ``to_span``)."""
    return Span(
        SpanId(r[0]),
        DocumentId(r[1]),
        r[2],
        r[3],
        r[4],
        _LAYERS[r[5]],
        _STATUSES[r[6]],
        _ORIGINS[r[7]],
        AnnotatorId(r[8]) if r[8] is not None else None,
        r[9],
        r[10],
        r[11],
    )


class Annotations:
    """This annotator's decisions (``project.annotations``): the store the undoable commands write to."""

    def __init__(self, db: Database) -> None:
        self._project = db

    # -- writes -------------------------------------------------------------------------------------

    def apply(self, action: Action, ops: Sequence[Op]) -> Change:
        """Within ``ANSWER_WAIT_S`` for each answer of a PostgreSQL server (``storage.answers``): a frozen
        server or a silent network refuses the action (UNAVAILABLE) instead of freezing the window."""
        with answering():
            return self._apply(action, ops)

    def _apply(self, action: Action, ops: Sequence[Op]) -> Change:
        logged: list[Ticket | None] = []  # the transaction's ticket, once all but the COMMIT is sent
        try:
            with self._project.transaction(look_up=False) as s:
                # two windows (of one annotator, or of two) writing to one document take turns, so the
                # second sees what the first did: no decision or suggestion is stored twice
                locked = {op.document_id for op in ops if isinstance(op, Insert)}
                DocumentStore.lock(s, locked | ({action.document_id} if action.document_id else set()))
                change = self._apply_all(s, ops)
                # the annotator's own work puts a document in progress for them; suggestions offered to
                # others (label across the corpus) do not
                touched = {
                    op.document_id
                    for op in ops
                    if isinstance(op, Insert) and op.layer is not Layer.SUGGESTION
                }
                if action.document_id is not None:
                    touched.add(action.document_id)
                states = list(change.states)
                if not any(isinstance(op, SetState) for op in ops):
                    for doc_id in sorted(touched):
                        row = _touch_progress(s, doc_id, action.annotator_id)
                        if action.undo and doc_id == action.document_id:
                            _untouch_progress(s, row)
                        states.append((doc_id, action.annotator_id, DocState(row.state)))
                event = {
                    "at": datetime.now(UTC),
                    "annotator_id": action.annotator_id,
                    "document_id": action.document_id,
                    "action": action.name[:32],
                    "payload": action.payload,
                }
                s.execute(insert(EventRow), event)
                s.flush()
                done = Change(change.inserted, change.updated, change.deleted, tuple(states))
                logged.append(ticket(s))  # all sent but the COMMIT, which leaving the block sends
            return done
        except StaleDataError as exc:
            raise ConflictError("someone else changed this span first; reload the document") from exc
        except IntegrityError as exc:
            if gone := self._labels_gone(ops):  # the label set changed under the window (a lead's rename)
                raise LabelGone(gone) from exc
            raise
        except DatabaseError as exc:  # refused before it began: the database is damaged
            raise StoreUnavailable(NOT_SAVED.format(exc), exc.fault) from exc
        except DBAPIError as exc:
            problem = database_error(exc, self._project.engine.url)
            if problem is None:
                raise
            # (on PostgreSQL the transaction's id tells whether it landed, once its COMMIT came to an end)
            if not (logged and logged[0] and exc.connection_invalidated):
                raise StoreUnavailable(NOT_SAVED.format(problem), problem.fault) from exc
            lost = problem.fault.detail if problem.fault else str(exc)
        # the COMMIT was sent and its answer lost: the action may have been saved; ask on a new connection
        # rather than say it was not, or save it a second time
        assert logged[0] is not None
        landed = transaction_landed(self._project.engine, logged[0])
        if landed:
            logger.warning("the answer to %s's COMMIT was lost; it was saved", action.name)
            return replace(done, landed=commit_landed(self._project.url, lost))  # said as a note
        raise commit_lost(self._project.url, lost, landed)

    def _labels_gone(self, ops: Sequence[Op]) -> list[str]:
        """The labels ``ops`` write that the label set no longer has."""
        wanted = {op.label for op in ops if isinstance(op, Insert)} | {
            str(op.changes["label"]) for op in ops if isinstance(op, Update) and "label" in op.changes
        }
        return labels_gone(self._project.session_factory, wanted)

    def _apply_all(self, s: Session, ops: Sequence[Op]) -> Change:
        """Apply ``ops`` in order; each run of inserts and each run of deletes goes to the database as one
        statement (labelling a string across the corpus can insert thousands of suggestions at once)."""
        change = Change()
        i = 0
        while i < len(ops):
            kind = type(ops[i])
            j = i + 1
            while kind in (Insert, Delete) and j < len(ops) and type(ops[j]) is kind:
                j += 1
            if kind is Insert:
                inserts = cast(Sequence[Insert], ops[i:j])
                new = insert_spans(s, inserts)
                spans = (op.span(n) for op, n in zip(inserts, new, strict=True))
                change += Change(inserted=tuple(spans))
            elif kind is Delete:
                ids = [cast(Delete, op).span_id for op in ops[i:j]]
                for k in range(0, len(ids), 1000):
                    s.execute(delete(SpanRow).where(SpanRow.id.in_(ids[k : k + 1000])))
                change += Change(deleted=tuple(ids))
            else:
                change += self._apply_one(s, ops[i])
            i = j
        return change

    def _apply_one(self, s: Session, op: Op) -> Change:
        """An update or a state change (inserts and deletes go through ``_apply_all``)."""
        if isinstance(op, Update):
            row = s.get(SpanRow, op.span_id)
            if row is None:
                raise ConflictError(f"span {op.span_id} no longer exists; reload the document")
            unknown = set(op.changes) - EDITABLE
            if unknown:
                raise ValueError(f"cannot change {sorted(unknown)} of a span")
            for key, value in op.changes.items():
                setattr(row, key, str(value) if key in ("status", "origin") else value)
            check_bounds(s, DocumentId(row.document_id), row.start, row.end)
            s.flush()
            return Change(updated=(to_span(row),))
        if isinstance(op, SetState):
            _set_state(s, op.document_id, op.annotator_id, op.state)
            return Change(states=((op.document_id, op.annotator_id, op.state),))
        raise TypeError(f"unknown op {op!r}")

    def add_time(self, document_id: DocumentId, annotator_id: AnnotatorId, seconds: float) -> None:
        """Add time spent on a document (the window calls this when the annotator moves on or idles)."""
        if seconds <= 0:
            return
        # bounded as an action is: the window's timer saves it, and a frozen server would freeze the window
        sent: list[Ticket | None] = []
        with answering():
            try:
                with self._project.transaction(look_up=False) as s:
                    row = _progress_row(s, document_id, annotator_id)  # reading is not working on it
                    row.seconds_spent += seconds
                    s.flush()
                    sent.append(ticket(s))
            except DBAPIError as exc:
                if not (sent and sent[0] and exc.connection_invalidated):
                    raise  # not saved: the tracker keeps the seconds and tries again
                # the COMMIT's answer was lost: trying again could count the seconds twice
                landed = transaction_landed(self._project.engine, sent[0])
                if landed is False:
                    raise
                if landed is None:
                    logger.warning(
                        "%.0f s spent on document %s may not have been saved", seconds, document_id
                    )

    # -- reads --------------------------------------------------------------------------------------

    def spans(
        self, document_id: DocumentId, layer: Layer, annotator_id: AnnotatorId | None = None
    ) -> list[Span]:
        with self._project.session_factory() as s:
            query = select(SpanRow).where(SpanRow.document_id == document_id, SpanRow.layer == str(layer))
            if annotator_id is not None:
                query = query.where(SpanRow.annotator_id == annotator_id)
            return [to_span(r) for r in s.scalars(query.order_by(SpanRow.start, SpanRow.end))]

    def suggested_entities(self, document_ids: Iterable[DocumentId]) -> dict[DocumentId, set[Entity]]:
        """The machine suggestions' entities of many documents at once (a query per thousand documents)."""
        ids = sorted(set(document_ids))
        found: dict[DocumentId, set[Entity]] = {d: set() for d in ids}
        with self._project.session_factory() as s:
            for i in range(0, len(ids), 1000):
                rows = s.execute(
                    select(SpanRow.document_id, SpanRow.start, SpanRow.end, SpanRow.label).where(
                        SpanRow.document_id.in_(ids[i : i + 1000]), SpanRow.layer == str(Layer.SUGGESTION)
                    )
                )
                for doc, start, end, label in rows:
                    found[DocumentId(doc)].add(Entity(start, end, label))
        return found

    def layers(self, document_id: DocumentId, annotator_id: AnnotatorId) -> tuple[list[Span], list[Span]]:
        """A document's machine suggestions and this annotator's own spans (rejections included), in one
        query: what ``model.view.annotator_view`` makes the view of; nobody else's work."""
        with self._project.session_factory() as s:
            rows = s.execute(
                select(*SPAN_COLUMNS).where(
                    SpanRow.document_id == document_id,
                    or_(
                        SpanRow.layer == str(Layer.SUGGESTION),
                        and_(SpanRow.layer == str(Layer.ANNOTATOR), SpanRow.annotator_id == annotator_id),
                    ),
                )
            ).all()
        spans = [span_from_columns(r) for r in rows]  # columns, not ORM objects: the window opens this often
        suggestions = [x for x in spans if x.layer is Layer.SUGGESTION]
        return suggestions, [x for x in spans if x.layer is Layer.ANNOTATOR]

    def view(
        self, document_id: DocumentId, annotator_id: AnnotatorId, show_rejected: bool = False
    ) -> list[Span]:
        """What this annotator sees: own decisions over machine suggestions; nobody else's work."""
        return annotator_view(*self.layers(document_id, annotator_id), show_rejected)

    def state(self, document_id: DocumentId, annotator_id: AnnotatorId) -> DocState:
        with self._project.session_factory() as s:
            row = s.get(ProgressRow, (document_id, annotator_id))
            return DocState(row.state) if row else DocState.NEW

    def seconds_spent(self, document_id: DocumentId, annotator_id: AnnotatorId) -> float:
        with self._project.session_factory() as s:
            row = s.get(ProgressRow, (document_id, annotator_id))
            return row.seconds_spent if row else 0.0

    def occurrences(
        self, surface: str, exclude: DocumentId | None = None, unfinished_for: AnnotatorId | None = None
    ) -> list[tuple[DocumentId, int]]:
        """(document, start) of every occurrence of ``surface`` in the corpus (optionally: in documents this
        annotator has not finished)."""
        if not surface:
            return []
        query = select(DocumentRow.id, DocumentRow.text).where(
            DocumentRow.text.contains(surface, autoescape=True)
        )
        if exclude is not None:
            query = query.where(DocumentRow.id != exclude)
        if unfinished_for is not None:
            done = select(ProgressRow.document_id).where(
                ProgressRow.annotator_id == unfinished_for, ProgressRow.state == str(DocState.DONE)
            )
            query = query.where(DocumentRow.id.not_in(done))
        found: list[tuple[DocumentId, int]] = []
        with self._project.session_factory() as s:
            for doc_id, text in s.execute(query.order_by(DocumentRow.id)):
                found += [(DocumentId(doc_id), i) for i in find_all(text, surface)]
        return found

    def replace_suggestions(self, document_id: DocumentId, spans: Iterable[Insert]) -> None:
        """Swap a document's machine suggestions for new ones (human layers untouched)."""
        with self._project.transaction() as s:
            s.execute(
                delete(SpanRow).where(
                    SpanRow.document_id == document_id, SpanRow.layer == str(Layer.SUGGESTION)
                )
            )
            inserts = list(spans)
            if inserts:
                insert_spans(s, inserts)


def _progress_row(s: Session, document_id: DocumentId, annotator_id: AnnotatorId) -> ProgressRow:
    row = s.get(ProgressRow, (document_id, annotator_id))
    if row is None:
        row = ProgressRow(
            document_id=document_id, annotator_id=annotator_id, state=str(DocState.NEW), seconds_spent=0.0
        )
        s.add(row)
    return row


def _touch_progress(s: Session, document_id: DocumentId, annotator_id: AnnotatorId) -> ProgressRow:
    """The first action on a document puts it in progress for the annotator (opening it does not)."""
    row = _progress_row(s, document_id, annotator_id)
    if row.state == str(DocState.NEW):
        row.state = str(DocState.IN_PROGRESS)
    return row


def _untouch_progress(s: Session, row: ProgressRow) -> None:
    """After an undo: a document in progress in which nothing of the annotator's remains (no decision of
    theirs, rejections included) is new again, as it was before their first action."""
    if row.state != str(DocState.IN_PROGRESS):
        return
    left = s.execute(
        select(SpanRow.id)
        .where(
            SpanRow.document_id == row.document_id,
            SpanRow.layer == str(Layer.ANNOTATOR),
            SpanRow.annotator_id == row.annotator_id,
        )
        .limit(1)
    ).first()
    if left is None:
        row.state = str(DocState.NEW)


def _set_state(s: Session, document_id: DocumentId, annotator_id: AnnotatorId, state: DocState) -> None:
    row = _touch_progress(s, document_id, annotator_id)
    row.state = str(state)
