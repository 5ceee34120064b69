"""The document list (``project.document_list``): pages of an annotator's documents with their state and open
suggestions, counts, progress, and which document comes next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from model.spans import AnnotatorId, DocState, DocumentId, Layer, Span
from model.view import annotator_view, open_suggestions
from storage.annotations import to_span
from storage.database import Database
from storage.orm import AssignmentRow, DocumentRow, EventRow, ProgressRow, SpanRow


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """One row of the document list."""

    id: DocumentId
    title: str
    state: DocState
    open_suggestions: int | None  # None: not suggested yet (no suggestion stored for it)


class DocumentList:
    def __init__(self, db: Database) -> None:
        self._project = db

    def progress(self, annotator_id: AnnotatorId) -> tuple[int, int]:
        """(documents done by this annotator, documents this annotator has to do: the assigned ones if the
        lead assigned any, else the whole project)."""
        return (self.count_documents(annotator_id, DocState.DONE), self.count_documents(annotator_id))

    def _list_query(self, annotator_id: AnnotatorId, state: DocState | None, search: str, *columns):  # type: ignore[no-untyped-def]
        """The documents in the list's filter: (id, title, state), or the ``columns`` asked for."""
        state_col = _state_col()
        query = select(*(columns or (DocumentRow.id, DocumentRow.title, state_col))).outerjoin(
            ProgressRow,
            and_(ProgressRow.document_id == DocumentRow.id, ProgressRow.annotator_id == annotator_id),
        )
        query = _only_assigned(query, annotator_id)
        if state is not None:
            query = query.where(state_col == str(state))
        if search:
            query = query.where(
                or_(
                    DocumentRow.title.contains(search, autoescape=True),
                    DocumentRow.text.contains(search, autoescape=True),
                )
            )
        return query

    def count_documents(
        self,
        annotator_id: AnnotatorId,
        state: DocState | None = None,
        search: str = "",
        up_to: DocumentId | None = None,
    ) -> int:
        """Documents in the list's filter (with ``up_to``: those up to and including that id)."""
        with self._project.session_factory() as s:
            query = self._list_query(annotator_id, state, search)
            if up_to is not None:
                query = query.where(DocumentRow.id <= up_to)
            sub = query.subquery()
            return s.scalar(select(func.count()).select_from(sub)) or 0

    def page(
        self,
        annotator_id: AnnotatorId,
        offset: int,
        limit: int,
        state: DocState | None = None,
        search: str = "",
        ranking: Sequence[DocumentId] = (),
    ) -> list[DocumentEntry]:
        """One page of the document list, with open-suggestion counts: the ``ranking``'s documents first in
        its order (``project.ordering``), then the others in document order."""
        order = [_list_order(ranking), DocumentRow.id] if ranking else [DocumentRow.id]  # type: ignore[list-item]
        with self._project.session_factory() as s:
            rows = s.execute(
                self._list_query(annotator_id, state, search).order_by(*order).offset(offset).limit(limit)
            ).all()
            counts = self._open_counts(s, [r[0] for r in rows], annotator_id)
        return [DocumentEntry(DocumentId(i), t, DocState(st), counts.get(i)) for i, t, st in rows]

    def _open_counts(self, s: Session, ids: list[int], annotator_id: AnnotatorId) -> dict[int, int]:
        """Open suggestions of the documents that have been suggested (have a suggestion stored); a document
        missing from the answer has not been suggested yet (opening it asks the engine)."""
        if not ids:
            return {}
        rows = s.scalars(
            select(SpanRow).where(
                SpanRow.document_id.in_(ids),
                or_(
                    SpanRow.layer == str(Layer.SUGGESTION),
                    and_(SpanRow.layer == str(Layer.ANNOTATOR), SpanRow.annotator_id == annotator_id),
                ),
            )
        ).all()
        by_doc: dict[int, list[Span]] = {}
        for r in rows:
            by_doc.setdefault(r.document_id, []).append(to_span(r))
        return {
            doc: len(
                open_suggestions(
                    annotator_view(
                        [x for x in spans if x.layer is Layer.SUGGESTION],
                        [x for x in spans if x.layer is Layer.ANNOTATOR],
                    )
                )
            )
            for doc, spans in by_doc.items()
            if any(x.layer is Layer.SUGGESTION for x in spans)
        }

    def entries(self, annotator_id: AnnotatorId, ids: Sequence[DocumentId]) -> list[DocumentEntry]:
        """The document-list rows of these documents (to refresh them after a change)."""
        if not ids:
            return []
        with self._project.session_factory() as s:
            query = self._list_query(annotator_id, None, "").where(DocumentRow.id.in_(list(ids)))
            rows = s.execute(query).all()
            counts = self._open_counts(s, [r[0] for r in rows], annotator_id)
        return [DocumentEntry(DocumentId(i), t, DocState(st), counts.get(i)) for i, t, st in rows]

    def next_document(
        self,
        annotator_id: AnnotatorId,
        after: DocumentId | None,
        unfinished: bool = True,
        backwards: bool = False,
        ranking: Sequence[DocumentId] = (),
        state: DocState | None = None,
        search: str = "",
        titled: str = "",
    ) -> DocumentId | None:
        """The next (or previous) document after ``after`` in the list as the window shows it: within its
        filter (``state``, ``search``), in its order (the ``ranking``'s documents first, then document order),
        only unfinished ones if asked, only those whose title starts with ``titled`` (any letter case) if
        given; wraps around. With a ``ranking`` (``project.ordering``), the next unfinished document is the
        first unfinished one of the list, the most uncertain."""
        query = self._list_query(annotator_id, state, search, DocumentRow.id)
        if titled:
            query = query.where(DocumentRow.title.istartswith(titled, autoescape=True))
        if unfinished:
            query = query.where(_state_col() != str(DocState.DONE))
        key = _list_order(ranking)
        order = [DocumentRow.id.desc()] if backwards else [DocumentRow.id]
        if ranking:
            order.insert(0, key.desc() if backwards else key)
        with self._project.session_factory() as s:
            if after is not None and not (ranking and unfinished and not backwards):
                here = _place(ranking, after)
                if backwards:
                    cond = or_(key < here, and_(key == here, DocumentRow.id < after))
                else:
                    cond = or_(key > here, and_(key == here, DocumentRow.id > after))
                found = s.scalar(query.where(cond).order_by(*order).limit(1))
                if found is not None:
                    return DocumentId(found)
            found = s.scalar(query.where(DocumentRow.id != (after or -1)).order_by(*order).limit(1))
            return DocumentId(found) if found is not None else None

    def last_worked_on(self, annotator_id: AnnotatorId) -> DocumentId | None:
        """The document of the annotator's last action, if it is still in progress for them and in their
        list: where they were when the window closed (or was killed) mid-article. None otherwise."""
        with self._project.session_factory() as s:
            last = s.scalar(
                select(EventRow.document_id)
                .where(EventRow.annotator_id == annotator_id, EventRow.document_id.is_not(None))
                .order_by(EventRow.id.desc())
                .limit(1)
            )
            if last is None:
                return None
            query = self._list_query(annotator_id, DocState.IN_PROGRESS, "", DocumentRow.id)
            found = s.scalar(query.where(DocumentRow.id == last))
            return DocumentId(found) if found is not None else None

    def position(
        self,
        annotator_id: AnnotatorId,
        document_id: DocumentId,
        state: DocState | None = None,
        search: str = "",
        ranking: Sequence[DocumentId] = (),
    ) -> int:
        """The document's place (from 1) in the filtered list, in list order; 0 if the filter leaves it
        out."""
        key, here = _list_order(ranking), _place(ranking, document_id)
        with self._project.session_factory() as s:
            query = self._list_query(annotator_id, state, search, DocumentRow.id)
            if s.scalar(query.where(DocumentRow.id == document_id)) is None:
                return 0
            before = query.where(or_(key < here, and_(key == here, DocumentRow.id <= document_id)))
            return s.scalar(select(func.count()).select_from(before.subquery())) or 0


def _state_col():  # type: ignore[no-untyped-def]
    """A document's state for the annotator of the query's outer join (no row yet: new)."""
    return func.coalesce(ProgressRow.state, str(DocState.NEW))


def _list_order(ranking: Sequence[DocumentId]):  # type: ignore[no-untyped-def]
    """The list's first sort key: the place in the ``ranking`` (the others after it); a constant without
    one, which a query then leaves out of its order."""
    if not ranking:
        return literal(0)
    return case({int(d): k for k, d in enumerate(ranking)}, value=DocumentRow.id, else_=len(ranking))


def _place(ranking: Sequence[DocumentId], document_id: DocumentId) -> int:
    """``document_id``'s value of ``_list_order``."""
    if not ranking:
        return 0
    return next((k for k, d in enumerate(ranking) if d == document_id), len(ranking))


def _only_assigned(query, annotator_id: AnnotatorId):  # type: ignore[no-untyped-def]
    """Annotators to whom the lead assigned documents see only those; others see the whole project."""
    mine = select(AssignmentRow.document_id).where(AssignmentRow.annotator_id == annotator_id)
    return query.where(or_(~mine.exists(), DocumentRow.id.in_(mine)))
