"""Writing span rows: the one place that turns ``model.ops.Insert``s into rows, after one bounds check (every
span must fit the document it points into: the database checks ``0 <= start < end``, not the text length)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from model.ops import Insert
from model.spans import DocumentId, Layer, OffsetError, SpanId
from storage.orm import DocumentRow, LabelRow, SpanRow, utcnow

# document, layer, annotator, start, end, label, status
_Key = tuple[int, str, int | None, int, int, str, str]


def _key(op: Insert) -> _Key:
    return (op.document_id, str(op.layer), op.annotator_id, op.start, op.end, op.label, str(op.status))


def _twins(s: Session, ops: Sequence[Insert]) -> dict[_Key, int]:
    """Rows already stored that these inserts would repeat: the same decision of the same annotator (one
    annotator in two windows accepting or rejecting the same suggestion), or the same suggestion."""
    wanted = [op for op in ops if op.layer in (Layer.ANNOTATOR, Layer.SUGGESTION)]
    if not wanted:
        return {}
    docs = sorted({op.document_id for op in wanted})
    layers = sorted({str(op.layer) for op in wanted})
    found: dict[_Key, int] = {}
    for k in range(0, len(docs), 1000):
        rows = s.execute(
            select(
                SpanRow.document_id,
                SpanRow.layer,
                SpanRow.annotator_id,
                SpanRow.start,
                SpanRow.end,
                SpanRow.label,
                SpanRow.status,
                SpanRow.id,
            ).where(SpanRow.document_id.in_(docs[k : k + 1000]), SpanRow.layer.in_(layers))
        )
        for doc, layer, annotator, start, end, label, status, span_id in rows:
            found.setdefault((doc, layer, annotator, start, end, label, status), span_id)
    return found


def insert_spans(
    s: Session,
    ops: Sequence[Insert],
    lengths: Mapping[int, int] | None = None,
    returning: bool = True,
    skip_stored: bool = False,
) -> list[SpanId | None]:
    """Insert spans in one statement, after checking that every one fits its document (``lengths``: the
    documents' lengths when the caller knows them, else they are read).

    With ``returning`` (an annotation action), one entry per insert in order: the new row's id; an insert
    that would repeat a stored row or an earlier insert of the same call (``_twins``; gold spans excepted) is
    not made: an own decision gets the stored row's id (so undoing it undoes that decision), a suggestion
    None (an undo leaves the stored one alone). Without it (bulk writes) nothing is returned, and
    ``skip_stored`` leaves out suggestions the database holds already (one per span and label)."""
    if not ops:
        return []
    known = dict(lengths or {})
    missing = sorted({op.document_id for op in ops} - set(known))
    for k in range(0, len(missing), 1000):
        rows = s.execute(
            select(DocumentRow.id, func.length(DocumentRow.text)).where(
                DocumentRow.id.in_(missing[k : k + 1000])
            )
        )
        known.update((doc, length) for doc, length in rows)
    for op in ops:
        require_fit(op.document_id, op.start, op.end, known.get(op.document_id))
    if not returning:
        _insert(s, [_values(op) for op in ops], skip_stored)
        return []
    twins = _twins(s, ops)
    values: list[dict[str, object]] = []
    batch: dict[_Key, int] = {}  # key -> its row's index in values
    plan: list[tuple[str, int]] = []  # ("new", index in values) | ("stored", span id) | ("none", 0)
    for op in ops:
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
        values.append(_values(op))
    new: list[int] = []
    if values:
        new = list(s.scalars(insert(SpanRow).returning(SpanRow.id, sort_by_parameter_order=True), values))
    return [
        SpanId(new[value]) if kind == "new" else SpanId(value) if kind == "stored" else None
        for kind, value in plan
    ]


def _values(op: Insert) -> dict[str, object]:
    now = utcnow()
    return {
        "document_id": op.document_id,
        "layer": str(op.layer),
        "annotator_id": op.annotator_id,
        "start": op.start,
        "end": op.end,
        "label": op.label,
        "status": str(op.status),
        "origin": str(op.origin),
        "origin_detail": op.origin_detail,
        "score": op.score,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def _insert(s: Session, rows: list[dict[str, object]], skip_stored: bool) -> None:
    if not rows:
        return
    if not skip_stored:
        s.execute(insert(SpanRow), rows)
        return
    from sqlalchemy.dialects import postgresql, sqlite

    if s.get_bind().dialect.name == "postgresql":
        s.execute(postgresql.insert(SpanRow).on_conflict_do_nothing(), rows)
    else:
        s.execute(sqlite.insert(SpanRow).on_conflict_do_nothing(), rows)


def check_bounds(s: Session, document_id: DocumentId, start: int, end: int) -> None:
    length = s.scalar(select(func.length(DocumentRow.text)).where(DocumentRow.id == document_id))
    require_fit(document_id, start, end, length)


def require_fit(document_id: DocumentId, start: int, end: int, length: int | None) -> None:
    """``length`` is the document's (None: there is no such document)."""
    if length is None:
        raise ValueError(f"no document {document_id}")
    if not (0 <= start < end <= length):
        raise OffsetError(start, end, length, document_id)


def labels_gone(sessions: sessionmaker[Session], wanted: Iterable[str]) -> list[str]:
    """Which of ``wanted`` the label set no longer has, read in a new session: a write refused by the spans'
    foreign key after a lead renamed, merged or removed a label the window still showed. [] when the label
    set cannot be read either (the refusal is then something else, or unknown)."""
    wanted = set(wanted)
    try:
        with sessions() as s:
            known = set(s.scalars(select(LabelRow.name).where(LabelRow.name.in_(wanted))))
    except DBAPIError:
        return []
    return sorted(wanted - known)
