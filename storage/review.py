"""Review: the queue of documents two or more annotators finished, loading them for adjudication, and saving
the gold layer with optimistic locking (a second reviewer's save over the first is refused, never silent)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from model.agreement import pair_score
from model.ops import ConflictError, Insert, LabelGone
from model.review import Decision
from model.roles import Permission, check
from model.spans import Annotator, AnnotatorId, DocumentId, Entity, Layer, Origin, Role, Status
from storage.database import Database
from storage.orm import AnnotatorRow, DocumentRow, EventRow, ReviewRow, SpanRow
from storage.span_rows import insert_spans, labels_gone
from storage.team import Team

REVIEW_NOTE = "review: "  # a gold span's origin_detail: what the review that wrote it decided


@dataclass(frozen=True, slots=True)
class QueueEntry:
    document_id: DocumentId
    title: str
    annotators: tuple[str, ...]
    agreement: float  # mean pairwise exact span F1
    reviewed: bool


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A document as a reviewer opens it: the text, every finished annotator's spans, the current gold, and
    the version the save must still find."""

    document_id: DocumentId
    text: str
    layers: dict[str, list[Entity]]
    gold: list[Entity]
    version: int  # 0: never reviewed
    gold_why: dict[Entity, str] = field(default_factory=dict)  # what the review that wrote it decided


def _review_queue(project: Database) -> list[QueueEntry]:
    """Documents finished by two or more annotators, worst agreement first; reviewed ones last."""
    layers, _ = Team(project).load_layers()
    by_doc: dict[int, dict[str, set[Entity]]] = {}
    for name, docs in layers.items():
        for doc, entities in docs.items():
            by_doc.setdefault(doc, {})[name] = entities
    candidates = {doc: anns for doc, anns in by_doc.items() if len(anns) >= 2}
    if not candidates:
        return []
    with project.session_factory() as s:
        titles = dict(
            s.execute(select(DocumentRow.id, DocumentRow.title).where(DocumentRow.id.in_(candidates))).all()
        )
        reviewed = set(s.scalars(select(ReviewRow.document_id).where(ReviewRow.state == "done")))
    entries = []
    for doc, anns in candidates.items():
        names = sorted(anns)
        scores = [pair_score(anns[a], anns[b]).f1 for i, a in enumerate(names) for b in names[i + 1 :]]
        entries.append(
            QueueEntry(DocumentId(doc), titles[doc], tuple(names), sum(scores) / len(scores), doc in reviewed)
        )
    return sorted(entries, key=lambda e: (e.reviewed, e.agreement, e.document_id))


def _load_review(project: Database, document_id: DocumentId) -> ReviewItem:
    layers, _ = Team(project).load_layers(document=document_id)
    per = {
        name: sorted(docs[document_id], key=lambda e: (e.start, e.end))
        for name, docs in layers.items()
        if document_id in docs
    }
    with project.session_factory() as s:
        text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
        if text is None:
            raise KeyError(f"no document {document_id}")
        rows = s.execute(
            select(SpanRow.start, SpanRow.end, SpanRow.label, SpanRow.origin_detail)
            .where(
                SpanRow.document_id == document_id,
                SpanRow.layer == str(Layer.GOLD),
                SpanRow.status == str(Status.ACCEPTED),
            )
            .order_by(SpanRow.start)
        ).all()
        gold = [Entity(a, b, label) for a, b, label, _ in rows]
        why = {
            Entity(a, b, label): detail.removeprefix(REVIEW_NOTE)
            for a, b, label, detail in rows
            if detail is not None and detail.startswith(REVIEW_NOTE)
        }
        version = s.scalar(select(ReviewRow.version).where(ReviewRow.document_id == document_id)) or 0
    return ReviewItem(document_id, text, per, gold, version, why)


def _check_reviewer(s: Session, reviewer: AnnotatorId) -> None:
    people = [
        Annotator(AnnotatorId(i), name, Role(role))
        for i, name, role in s.execute(select(AnnotatorRow.id, AnnotatorRow.name, AnnotatorRow.role))
    ]
    check(next((p for p in people if p.id == reviewer), None), Permission.REVIEW, people)


def _save_gold(
    project: Database,
    item: ReviewItem,
    reviewer: AnnotatorId,
    agreed: Sequence[Entity],
    decisions: Sequence[Decision],
) -> int:
    """Replace the document's gold layer with the agreed spans plus every decision's spans, in one
    transaction, if nobody saved this document's review since ``item`` was loaded. Returns the new version.
    Raises ConflictError (naming who saved first) otherwise, and RoleRefused (``model.roles``) when
    ``reviewer`` is not a reviewer or the lead; nothing is written then."""
    entities = [(e, "agreed") for e in agreed] + [(e, d.describe()) for d in decisions for e in d.entities]
    labels = {e.label for e, _ in entities}
    ordered = sorted(entities, key=lambda x: (x[0].start, x[0].end))
    for (a, _), (b, _) in itertools.pairwise(ordered):
        if a.overlaps(b):
            raise ValueError(f"gold spans overlap: {a} and {b}")
    try:
        with project.transaction() as s:
            _check_reviewer(s, reviewer)
            length = s.scalar(select(func.length(DocumentRow.text)).where(DocumentRow.id == item.document_id))
            row = s.scalars(
                select(ReviewRow).where(ReviewRow.document_id == item.document_id).with_for_update()
            ).first()
            if row is None:
                if item.version != 0:
                    raise ConflictError("this document's review was removed meanwhile; reload it")
                row = ReviewRow(document_id=item.document_id, reviewer_id=reviewer, state="done", version=1)
                s.add(row)
            else:
                if row.version != item.version:
                    who = s.scalar(select(AnnotatorRow.name).where(AnnotatorRow.id == row.reviewer_id))
                    raise ConflictError(
                        f"{who or 'another reviewer'} saved this document's gold at "
                        f"{row.updated_at:%H:%M:%S} after you opened it; reload to see their "
                        "decisions (yours were not saved)"
                    )
                row.reviewer_id = reviewer
                row.state = "done"
                row.updated_at = datetime.now(UTC)
            s.flush()
            s.execute(
                delete(SpanRow).where(
                    SpanRow.document_id == item.document_id, SpanRow.layer == str(Layer.GOLD)
                )
            )
            now = datetime.now(UTC)
            gold = [
                Insert(
                    item.document_id,
                    Layer.GOLD,
                    None,
                    e.start,
                    e.end,
                    e.label,
                    Status.ACCEPTED,
                    Origin.HUMAN,
                    f"{REVIEW_NOTE}{why}"[:100],
                )
                for e, why in entities
            ]
            insert_spans(s, gold, {item.document_id: length or 0}, returning=False)
            s.execute(
                insert(EventRow),
                [
                    {
                        "at": now,
                        "annotator_id": reviewer,
                        "document_id": item.document_id,
                        "action": "review",
                        "payload": {
                            "agreed": len(agreed),
                            "decisions": [
                                {
                                    "resolution": str(d.resolution),
                                    "source": d.source,
                                    "spans": [[e.start, e.end, e.label] for e in d.entities],
                                }
                                for d in decisions
                            ],
                        },
                    }
                ],
            )
            return row.version
    except (StaleDataError, IntegrityError) as exc:
        # a label a lead renamed, merged or removed since the review was loaded: not another reviewer's save
        if isinstance(exc, IntegrityError) and (gone := labels_gone(project.session_factory, labels)):
            raise LabelGone(gone) from exc
        raise ConflictError(
            "another reviewer saved this document at the same moment; reload it "
            "(your decisions were not saved)"
        ) from exc


class Reviews:
    """Adjudication (``project.reviews``): the queue, a document as the reviewer sees it, the gold layer."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def queue(self) -> list[QueueEntry]:
        return _review_queue(self._db)

    def load(self, document_id: DocumentId) -> ReviewItem:
        return _load_review(self._db, document_id)

    def save_gold(
        self, item: ReviewItem, reviewer: AnnotatorId, agreed: Sequence[Entity], decisions: Sequence[Decision]
    ) -> int:
        return _save_gold(self._db, item, reviewer, agreed, decisions)
