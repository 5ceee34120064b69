"""Writing span rows: the one place that turns ``model.ops.Insert``s into rows, after one bounds check (every
span must fit the document it points into: the database checks ``0 <= start < end``, not the text length)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from model.ops import Insert
from model.spans import DocumentId, OffsetError, Span, SpanId
from storage.orm import DocumentRow, SpanRow, utcnow


def insert_spans(s: Session, ops: Sequence[Insert], lengths: Mapping[int, int] | None = None,
                 returning: bool = True) -> list[SpanId | None]:
    """Insert spans in one statement, after checking that every one fits its document (``lengths``: the
    documents' lengths when the caller knows them, else they are read). With ``returning``, the new ids in
    order (else an empty list: a bulk import does not need them)."""
    if not ops:
        return []
    known = dict(lengths or {})
    missing = sorted({op.document_id for op in ops} - set(known))
    for k in range(0, len(missing), 1000):
        rows = s.execute(select(DocumentRow.id, func.length(DocumentRow.text))
                         .where(DocumentRow.id.in_(missing[k : k + 1000])))
        known.update((doc, length) for doc, length in rows)
    now = utcnow()
    values = []
    for op in ops:
        require_fit(op.document_id, op.start, op.end, known.get(op.document_id))
        values.append({"document_id": op.document_id, "layer": str(op.layer),
                       "annotator_id": op.annotator_id, "start": op.start, "end": op.end, "label": op.label,
                       "status": str(op.status), "origin": str(op.origin), "origin_detail": op.origin_detail,
                       "score": op.score, "version": 1, "created_at": now, "updated_at": now})
    if not returning:
        s.execute(insert(SpanRow), values)
        return []
    ids = s.scalars(insert(SpanRow).returning(SpanRow.id, sort_by_parameter_order=True), values).all()
    return [SpanId(i) for i in ids]


def inserted_span(op: Insert, span_id: SpanId | None) -> Span:
    """The span an insert created, as stored."""
    return Span(span_id, op.document_id, op.start, op.end, op.label, op.layer, op.status, op.origin,
                op.annotator_id, op.origin_detail, op.score, 1)


def check_bounds(s: Session, document_id: DocumentId, start: int, end: int) -> None:
    length = s.scalar(select(func.length(DocumentRow.text)).where(DocumentRow.id == document_id))
    require_fit(document_id, start, end, length)


def require_fit(document_id: DocumentId, start: int, end: int, length: int | None) -> None:
    """``length`` is the document's (None: there is no such document)."""
    if length is None:
        raise ValueError(f"no document {document_id}")
    if not (0 <= start < end <= length):
        raise OffsetError(f"span [{start}, {end}) does not fit document {document_id} ({length} characters)")
