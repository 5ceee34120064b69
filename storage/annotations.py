"""Annotation reads and writes: the ``model.ops.AnnotationStore`` of a project, and what the window asks.

Every ``apply`` is one transaction: the span changes, the progress row and one event-log row together.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast

from sqlalchemy import and_, case, delete, func, insert, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from model.ops import Action, ConflictError, Delete, Insert, Op, SetState, StoreUnavailable, Update
from model.spans import (
    AnnotatorId,
    DocState,
    DocumentId,
    Entity,
    Layer,
    OffsetError,
    Origin,
    Span,
    SpanId,
    Status,
)
from model.view import annotator_view, open_suggestions
from storage.db import DatabaseError, database_error
from storage.documents import DocumentStore
from storage.orm import AssignmentRow, DocumentRow, EventRow, ProgressRow, SpanRow, utcnow

if TYPE_CHECKING:
    from storage.project import Project

logger = logging.getLogger(__name__)

EDITABLE = {"start", "end", "label", "status"}


def to_span(row: SpanRow) -> Span:
    return Span(
        id=SpanId(row.id), document_id=DocumentId(row.document_id), start=row.start, end=row.end,
        label=row.label, layer=Layer(row.layer), status=Status(row.status), origin=Origin(row.origin),
        annotator_id=AnnotatorId(row.annotator_id) if row.annotator_id is not None else None,
        origin_detail=row.origin_detail, score=row.score, version=row.version,
    )


SPAN_COLUMNS = (SpanRow.id, SpanRow.document_id, SpanRow.start, SpanRow.end, SpanRow.label, SpanRow.layer,
                SpanRow.status, SpanRow.origin, SpanRow.annotator_id, SpanRow.origin_detail, SpanRow.score,
                SpanRow.version)
_LAYERS = {str(m): m for m in Layer}
_STATUSES = {str(m): m for m in Status}
_ORIGINS = {str(m): m for m in Origin}


def span_from_columns(r: tuple) -> Span:  # type: ignore[type-arg]
    """A ``Span`` from a row of ``SPAN_COLUMNS`` (the fast path of ``to_span``)."""
    return Span(SpanId(r[0]), DocumentId(r[1]), r[2], r[3], r[4], _LAYERS[r[5]], _STATUSES[r[6]],
                _ORIGINS[r[7]], AnnotatorId(r[8]) if r[8] is not None else None, r[9], r[10], r[11])


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """One row of the document list."""

    id: DocumentId
    title: str
    state: DocState
    open_suggestions: int


class Annotations:
    def __init__(self, project: Project) -> None:
        self._project = project

    # -- writes -------------------------------------------------------------------------------------

    def apply(self, action: Action, ops: Sequence[Op]) -> list[SpanId | None]:
        try:
            with self._project.transaction() as s:
                # two windows (of one annotator, or of two) writing to one document take turns, so the
                # second sees what the first did: no decision or suggestion is stored twice
                locked = {op.document_id for op in ops if isinstance(op, Insert)}
                DocumentStore.lock(s, locked | ({action.document_id} if action.document_id else set()))
                results = self._apply_all(s, ops)
                # the annotator's own work puts a document in progress for them; suggestions offered to
                # others (label across the corpus) do not
                touched = {op.document_id for op in ops
                           if isinstance(op, Insert) and op.layer is not Layer.SUGGESTION}
                if action.document_id is not None:
                    touched.add(action.document_id)
                if not any(isinstance(op, SetState) for op in ops):
                    for doc_id in touched:
                        _touch_progress(s, doc_id, action.annotator_id)
                s.execute(insert(EventRow), [{
                    "at": datetime.now(UTC), "annotator_id": action.annotator_id,
                    "document_id": action.document_id, "action": action.name[:32], "payload": action.payload,
                }])
                return results
        except StaleDataError as exc:
            raise ConflictError("someone else changed this span first; reload the document") from exc
        except IntegrityError:
            raise
        except DatabaseError as exc:  # refused before it began: the database is damaged
            raise StoreUnavailable(f"{exc}; your action was not saved") from exc
        except DBAPIError as exc:
            problem = database_error(exc, self._project.engine.url)
            if problem is None:
                raise
            raise StoreUnavailable(f"{problem}; your action was not saved") from exc

    def _apply_all(self, s: Session, ops: Sequence[Op]) -> list[SpanId | None]:
        """Apply ``ops`` in order; each run of inserts and each run of deletes goes to the database as one
        statement (labelling a string across the corpus can insert thousands of suggestions at once)."""
        results: list[SpanId | None] = []
        i = 0
        while i < len(ops):
            kind = type(ops[i])
            j = i + 1
            while kind in (Insert, Delete) and j < len(ops) and type(ops[j]) is kind:
                j += 1
            if kind is Insert:
                results += _insert_many(s, cast(Sequence[Insert], ops[i:j]))
            elif kind is Delete:
                ids = [cast(Delete, op).span_id for op in ops[i:j]]
                for k in range(0, len(ids), 1000):
                    s.execute(delete(SpanRow).where(SpanRow.id.in_(ids[k : k + 1000])))
                results += [None] * (j - i)
            else:
                results.append(self._apply_one(s, ops[i]))
            i = j
        return results

    def _apply_one(self, s: Session, op: Op) -> SpanId | None:
        """An update or a state change (inserts and deletes go through ``_apply_all``)."""
        if isinstance(op, Update):
            row = s.get(SpanRow, op.span_id)
            if row is None:
                raise ConflictError(f"span {op.span_id} no longer exists; reload the document")
            unknown = set(op.changes) - EDITABLE
            if unknown:
                raise ValueError(f"cannot change {sorted(unknown)} of a span")
            for key, value in op.changes.items():
                setattr(row, key, str(value) if key == "status" else value)
            _check_bounds(s, DocumentId(row.document_id), row.start, row.end)
            s.flush()
            return None
        if isinstance(op, SetState):
            _set_state(s, op.document_id, op.annotator_id, op.state)
            return None
        raise TypeError(f"unknown op {op!r}")

    def add_time(self, document_id: DocumentId, annotator_id: AnnotatorId, seconds: float) -> None:
        """Add time spent on a document (the window calls this when the annotator moves on or idles)."""
        if seconds <= 0:
            return
        with self._project.transaction() as s:
            row = _touch_progress(s, document_id, annotator_id)
            row.seconds_spent += seconds

    # -- reads --------------------------------------------------------------------------------------

    def spans(self, document_id: DocumentId, layer: Layer,
              annotator_id: AnnotatorId | None = None) -> list[Span]:
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
                rows = s.execute(select(SpanRow.document_id, SpanRow.start, SpanRow.end, SpanRow.label)
                                 .where(SpanRow.document_id.in_(ids[i : i + 1000]),
                                        SpanRow.layer == str(Layer.SUGGESTION)))
                for doc, start, end, label in rows:
                    found[DocumentId(doc)].add(Entity(start, end, label))
        return found

    def view(self, document_id: DocumentId, annotator_id: AnnotatorId,
             show_rejected: bool = False) -> list[Span]:
        """What this annotator sees: own decisions over machine suggestions; nobody else's work."""
        with self._project.session_factory() as s:
            rows = s.execute(
                select(*SPAN_COLUMNS).where(
                    SpanRow.document_id == document_id,
                    or_(SpanRow.layer == str(Layer.SUGGESTION),
                        and_(SpanRow.layer == str(Layer.ANNOTATOR), SpanRow.annotator_id == annotator_id)),
                )
            ).all()
        spans = [span_from_columns(r) for r in rows]  # columns, not ORM objects: the window opens this often
        return annotator_view(
            [x for x in spans if x.layer is Layer.SUGGESTION],
            [x for x in spans if x.layer is Layer.ANNOTATOR],
            show_rejected,
        )

    def state(self, document_id: DocumentId, annotator_id: AnnotatorId) -> DocState:
        with self._project.session_factory() as s:
            row = s.get(ProgressRow, (document_id, annotator_id))
            return DocState(row.state) if row else DocState.NEW

    def seconds_spent(self, document_id: DocumentId, annotator_id: AnnotatorId) -> float:
        with self._project.session_factory() as s:
            row = s.get(ProgressRow, (document_id, annotator_id))
            return row.seconds_spent if row else 0.0

    def progress(self, annotator_id: AnnotatorId) -> tuple[int, int]:
        """(documents done by this annotator, documents this annotator has to do: the assigned ones if the
        lead assigned any, else the whole project)."""
        return (self.count_documents(annotator_id, DocState.DONE), self.count_documents(annotator_id))

    def _list_query(self, annotator_id: AnnotatorId, state: DocState | None, search: str):  # type: ignore[no-untyped-def]
        state_col = func.coalesce(ProgressRow.state, str(DocState.NEW))
        query = select(DocumentRow.id, DocumentRow.title, state_col).outerjoin(
            ProgressRow,
            and_(ProgressRow.document_id == DocumentRow.id, ProgressRow.annotator_id == annotator_id),
        )
        query = _only_assigned(query, annotator_id)
        if state is not None:
            query = query.where(state_col == str(state))
        if search:
            query = query.where(or_(DocumentRow.title.contains(search, autoescape=True),
                                    DocumentRow.text.contains(search, autoescape=True)))
        return query

    def count_documents(self, annotator_id: AnnotatorId, state: DocState | None = None,
                        search: str = "", up_to: DocumentId | None = None) -> int:
        """Documents in the list's filter (with ``up_to``: those up to and including that id)."""
        with self._project.session_factory() as s:
            query = self._list_query(annotator_id, state, search)
            if up_to is not None:
                query = query.where(DocumentRow.id <= up_to)
            sub = query.subquery()
            return s.scalar(select(func.count()).select_from(sub)) or 0

    def page(self, annotator_id: AnnotatorId, offset: int, limit: int, state: DocState | None = None,
             search: str = "", ranking: Sequence[DocumentId] = ()) -> list[DocumentEntry]:
        """One page of the document list, with open-suggestion counts: the ``ranking``'s documents first in
        its order (``storage.ordering``), then the others in document order."""
        order = [DocumentRow.id]
        if ranking:
            position = case({int(d): k for k, d in enumerate(ranking)}, value=DocumentRow.id,
                            else_=len(ranking))
            order.insert(0, position)  # type: ignore[arg-type]
        with self._project.session_factory() as s:
            rows = s.execute(
                self._list_query(annotator_id, state, search)
                .order_by(*order).offset(offset).limit(limit)
            ).all()
            counts = self._open_counts(s, [r[0] for r in rows], annotator_id)
        return [DocumentEntry(DocumentId(i), t, DocState(st), counts.get(i, 0)) for i, t, st in rows]

    def _open_counts(self, s: Session, ids: list[int], annotator_id: AnnotatorId) -> dict[int, int]:
        if not ids:
            return {}
        rows = s.scalars(select(SpanRow).where(
            SpanRow.document_id.in_(ids),
            or_(SpanRow.layer == str(Layer.SUGGESTION),
                and_(SpanRow.layer == str(Layer.ANNOTATOR), SpanRow.annotator_id == annotator_id)),
        )).all()
        by_doc: dict[int, list[Span]] = {}
        for r in rows:
            by_doc.setdefault(r.document_id, []).append(to_span(r))
        return {
            doc: len(open_suggestions(annotator_view([x for x in spans if x.layer is Layer.SUGGESTION],
                                                     [x for x in spans if x.layer is Layer.ANNOTATOR])))
            for doc, spans in by_doc.items()
        }

    def entries(self, annotator_id: AnnotatorId, ids: Sequence[DocumentId]) -> list[DocumentEntry]:
        """The document-list rows of these documents (to refresh them after a change)."""
        if not ids:
            return []
        with self._project.session_factory() as s:
            query = self._list_query(annotator_id, None, "").where(DocumentRow.id.in_(list(ids)))
            rows = s.execute(query).all()
            counts = self._open_counts(s, [r[0] for r in rows], annotator_id)
        return [DocumentEntry(DocumentId(i), t, DocState(st), counts.get(i, 0)) for i, t, st in rows]

    def next_document(self, annotator_id: AnnotatorId, after: DocumentId | None, unfinished: bool = True,
                      backwards: bool = False, ranking: Sequence[DocumentId] = ()) -> DocumentId | None:
        """The next (or previous) document after ``after``, only unfinished ones if asked; wraps around. With
        a ``ranking`` (``storage.ordering``), the next unfinished document is its first unfinished one."""
        if ranking and unfinished and not backwards:
            state_col = func.coalesce(ProgressRow.state, str(DocState.NEW))
            candidates = _only_assigned(select(DocumentRow.id).outerjoin(
                ProgressRow,
                and_(ProgressRow.document_id == DocumentRow.id, ProgressRow.annotator_id == annotator_id),
            ), annotator_id).where(state_col != str(DocState.DONE),
                                   DocumentRow.id.in_([int(d) for d in ranking]))
            with self._project.session_factory() as s:
                open_ids = set(s.scalars(candidates))
            for doc_id in ranking:
                if doc_id in open_ids and doc_id != after:
                    return doc_id
        state_col = func.coalesce(ProgressRow.state, str(DocState.NEW))
        query = select(DocumentRow.id).outerjoin(
            ProgressRow,
            and_(ProgressRow.document_id == DocumentRow.id, ProgressRow.annotator_id == annotator_id),
        )
        query = _only_assigned(query, annotator_id)
        if unfinished:
            query = query.where(state_col != str(DocState.DONE))
        order = DocumentRow.id.desc() if backwards else DocumentRow.id
        with self._project.session_factory() as s:
            if after is not None:
                cond = DocumentRow.id < after if backwards else DocumentRow.id > after
                found = s.scalar(query.where(cond).order_by(order).limit(1))
                if found is not None:
                    return DocumentId(found)
            found = s.scalar(query.where(DocumentRow.id != (after or -1)).order_by(order).limit(1))
            return DocumentId(found) if found is not None else None

    def occurrences(self, surface: str, exclude: DocumentId | None = None,
                    unfinished_for: AnnotatorId | None = None) -> list[tuple[DocumentId, int]]:
        """(document, start) of every occurrence of ``surface`` in the corpus (optionally: in documents this
        annotator has not finished)."""
        if not surface:
            return []
        query = select(DocumentRow.id, DocumentRow.text).where(
            DocumentRow.text.contains(surface, autoescape=True))
        if exclude is not None:
            query = query.where(DocumentRow.id != exclude)
        if unfinished_for is not None:
            done = select(ProgressRow.document_id).where(
                ProgressRow.annotator_id == unfinished_for, ProgressRow.state == str(DocState.DONE))
            query = query.where(DocumentRow.id.not_in(done))
        found: list[tuple[DocumentId, int]] = []
        with self._project.session_factory() as s:
            for doc_id, text in s.execute(query.order_by(DocumentRow.id)):
                found += [(DocumentId(doc_id), i) for i in find_all(text, surface)]
        return found

    def replace_suggestions(self, document_id: DocumentId, spans: Iterable[Insert]) -> None:
        """Swap a document's machine suggestions for new ones (human layers untouched)."""
        with self._project.transaction() as s:
            s.execute(delete(SpanRow).where(SpanRow.document_id == document_id,
                                            SpanRow.layer == str(Layer.SUGGESTION)))
            inserts = list(spans)
            if inserts:
                _insert_many(s, inserts)


def _only_assigned(query, annotator_id: AnnotatorId):  # type: ignore[no-untyped-def]
    """Annotators to whom the lead assigned documents see only those; others see the whole project."""
    mine = select(AssignmentRow.document_id).where(AssignmentRow.annotator_id == annotator_id)
    return query.where(or_(~mine.exists(), DocumentRow.id.in_(mine)))


def find_all(text: str, surface: str) -> list[int]:
    """Start offsets of every non-overlapping occurrence of ``surface`` in ``text``."""
    found, i = [], text.find(surface)
    while i >= 0:
        found.append(i)
        i = text.find(surface, i + len(surface))
    return found


# document, layer, annotator, start, end, label, status
_Key = tuple[int, str, int | None, int, int, str, str]


def _key(op: Insert) -> _Key:
    return (op.document_id, str(op.layer), op.annotator_id, op.start, op.end, op.label, str(op.status))


def _twins(s: Session, ops: Sequence[Insert]) -> dict[_Key, int]:
    """Rows already stored that these inserts would repeat: the same decision of the same annotator (one
    annotator in two windows accepting or rejecting the same suggestion), or the same suggestion. Keys of
    suggestions leave out annotator, status and origin: one suggestion per span and label."""
    wanted = [op for op in ops if op.layer in (Layer.ANNOTATOR, Layer.SUGGESTION)]
    if not wanted:
        return {}
    docs = sorted({op.document_id for op in wanted})
    layers = sorted({str(op.layer) for op in wanted})
    found: dict[_Key, int] = {}
    for k in range(0, len(docs), 1000):
        rows = s.execute(select(SpanRow.document_id, SpanRow.layer, SpanRow.annotator_id, SpanRow.start,
                                SpanRow.end, SpanRow.label, SpanRow.status, SpanRow.id)
                         .where(SpanRow.document_id.in_(docs[k : k + 1000]), SpanRow.layer.in_(layers)))
        for doc, layer, annotator, start, end, label, status, span_id in rows:
            found.setdefault((doc, layer, annotator, start, end, label, status), span_id)
    return found


def _insert_many(s: Session, ops: Sequence[Insert]) -> list[SpanId | None]:
    """Insert spans in one statement (after checking that every one fits its document); their ids in order.
    An insert that would repeat a stored row, or an earlier insert of the same call (``_twins``), is not
    made: an own decision gets the stored row's id (so undoing it undoes that decision), a suggestion None
    (an undo leaves the stored one alone). Gold spans are inserted as given."""
    docs = sorted({op.document_id for op in ops})
    lengths: dict[int, int] = {}
    for k in range(0, len(docs), 1000):
        rows = s.execute(select(DocumentRow.id, func.length(DocumentRow.text))
                         .where(DocumentRow.id.in_(docs[k : k + 1000])))
        lengths.update((doc, length) for doc, length in rows)
    twins = _twins(s, ops)
    now = utcnow()
    values: list[dict[str, object]] = []
    batch: dict[_Key, int] = {}  # key -> its row's index in values
    plan: list[tuple[str, int]] = []  # ("new", index in values) | ("stored", span id) | ("none", 0)
    for op in ops:
        _require_fit(op.document_id, op.start, op.end, lengths.get(op.document_id))
        key = _key(op)
        own = op.layer is Layer.ANNOTATOR
        if op.layer is not Layer.GOLD and key in twins:
            plan.append(("stored", twins[key]) if own else ("none", 0))
            continue
        if op.layer is not Layer.GOLD and key in batch:
            plan.append(("new", batch[key]) if own else ("none", 0))
            continue
        batch[key] = len(values)
        plan.append(("new", len(values)))
        values.append({"document_id": op.document_id, "layer": str(op.layer),
                       "annotator_id": op.annotator_id, "start": op.start, "end": op.end, "label": op.label,
                       "status": str(op.status), "origin": str(op.origin), "origin_detail": op.origin_detail,
                       "score": op.score, "version": 1, "created_at": now, "updated_at": now})
    new: list[int] = []
    if values:
        new = list(s.scalars(insert(SpanRow).returning(SpanRow.id, sort_by_parameter_order=True), values))
    return [SpanId(new[value]) if kind == "new" else SpanId(value) if kind == "stored" else None
            for kind, value in plan]


def _check_bounds(s: Session, document_id: DocumentId, start: int, end: int) -> None:
    length = s.scalar(select(func.length(DocumentRow.text)).where(DocumentRow.id == document_id))
    _require_fit(document_id, start, end, length)


def _require_fit(document_id: DocumentId, start: int, end: int, length: int | None) -> None:
    """``length`` is the document's (None: there is no such document)."""
    if length is None:
        raise ValueError(f"no document {document_id}")
    if not (0 <= start < end <= length):
        raise OffsetError(f"span [{start}, {end}) does not fit document {document_id} ({length} characters)")


def _touch_progress(s: Session, document_id: DocumentId, annotator_id: AnnotatorId) -> ProgressRow:
    row = s.get(ProgressRow, (document_id, annotator_id))
    if row is None:
        row = ProgressRow(document_id=document_id, annotator_id=annotator_id, state=str(DocState.IN_PROGRESS),
                          seconds_spent=0.0)
        s.add(row)
    elif row.state == str(DocState.NEW):
        row.state = str(DocState.IN_PROGRESS)
    return row


def _set_state(s: Session, document_id: DocumentId, annotator_id: AnnotatorId, state: DocState) -> None:
    row = _touch_progress(s, document_id, annotator_id)
    row.state = str(state)


