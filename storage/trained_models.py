"""Trained suggestion models in the project database (``project.trained_models``), and the documents they
are trained on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from model.spans import DocState, Entity, Layer, Status
from storage.database import Database
from storage.orm import DocumentRow, ProgressRow, SpanRow, TrainedModelRow


@dataclass(frozen=True, slots=True)
class StoredModel:
    id: int
    kind: str
    created_at: datetime
    documents: int
    characters: int
    info: dict[str, Any]
    data: bytes


def _save_model(
    project: Database, kind: str, data: bytes, documents: int, characters: int, info: dict[str, Any]
) -> int:
    with project.transaction() as s:
        row = TrainedModelRow(kind=kind, data=data, documents=documents, characters=characters, info=info)
        s.add(row)
        s.flush()
        # keep the three newest of a kind: enough to go back, small enough for a shared database
        old = s.scalars(
            select(TrainedModelRow.id)
            .where(TrainedModelRow.kind == kind)
            .order_by(TrainedModelRow.id.desc())
            .offset(3)
        ).all()
        for model_id in old:
            s.delete(s.get(TrainedModelRow, model_id))
        return row.id


def _latest_model(project: Database, kind: str) -> StoredModel | None:
    with project.session_factory() as s:
        row = s.scalars(
            select(TrainedModelRow)
            .where(TrainedModelRow.kind == kind)
            .order_by(TrainedModelRow.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return StoredModel(
            row.id, row.kind, row.created_at, row.documents, row.characters, dict(row.info), bytes(row.data)
        )


def _stored_models(project: Database, kind: str) -> list[StoredModel]:
    """Every stored model of a kind (at most three are kept), the newest first, without their weights
    (``data`` is empty: ``model_data`` reads it)."""
    with project.session_factory() as s:
        rows = s.execute(
            select(
                TrainedModelRow.id,
                TrainedModelRow.kind,
                TrainedModelRow.created_at,
                TrainedModelRow.documents,
                TrainedModelRow.characters,
                TrainedModelRow.info,
            )
            .where(TrainedModelRow.kind == kind)
            .order_by(TrainedModelRow.id.desc())
        ).all()
        return [StoredModel(r[0], r[1], r[2], r[3], r[4], dict(r[5]), b"") for r in rows]


def _model_data(project: Database, model_id: int) -> bytes | None:
    """The serialised weights of a stored model (None if it was deleted meanwhile)."""
    with project.session_factory() as s:
        data = s.scalar(select(TrainedModelRow.data).where(TrainedModelRow.id == model_id))
        return bytes(data) if data is not None else None


def _latest_model_info(project: Database, kind: str) -> tuple[int, datetime, int] | None:
    """(id, trained at, documents) of the newest model, without loading its weights."""
    with project.session_factory() as s:
        row = s.execute(
            select(TrainedModelRow.id, TrainedModelRow.created_at, TrainedModelRow.documents)
            .where(TrainedModelRow.kind == kind)
            .order_by(TrainedModelRow.id.desc())
            .limit(1)
        ).first()
        return (row[0], row[1], row[2]) if row else None


def _finished_count(project: Database) -> int:
    """Documents somebody marked done, or that have a gold layer: what training can use."""
    with project.session_factory() as s:
        done = select(ProgressRow.document_id).where(ProgressRow.state == str(DocState.DONE))
        gold = select(SpanRow.document_id).where(SpanRow.layer == str(Layer.GOLD))
        usable = select(DocumentRow.id).where(DocumentRow.id.in_(done) | DocumentRow.id.in_(gold)).subquery()
        return s.scalar(select(func.count()).select_from(usable)) or 0


def _training_documents(project: Database, limit: int | None = None) -> list[tuple[str, list[Entity]]]:
    """Every usable document with its labels: the gold layer where one exists, otherwise the accepted spans of
    the annotator who finished it most recently. Ordered by document id (reproducible from the data)."""
    with project.session_factory() as s:
        gold_docs = set(
            s.scalars(select(SpanRow.document_id).where(SpanRow.layer == str(Layer.GOLD)).distinct())
        )
        finisher: dict[int, int] = {}
        for doc, annotator in s.execute(
            select(ProgressRow.document_id, ProgressRow.annotator_id)
            .where(ProgressRow.state == str(DocState.DONE))
            .order_by(ProgressRow.updated_at, ProgressRow.annotator_id)
        ):
            finisher[doc] = annotator  # the last one wins
        ids = sorted(gold_docs | set(finisher))
        if limit is not None:
            ids = ids[:limit]
        result: list[tuple[str, list[Entity]]] = []
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            texts = dict(
                s.execute(select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(chunk))).all()
            )
            spans: dict[int, list[Entity]] = {d: [] for d in chunk}
            rows = s.execute(
                select(
                    SpanRow.document_id,
                    SpanRow.layer,
                    SpanRow.annotator_id,
                    SpanRow.start,
                    SpanRow.end,
                    SpanRow.label,
                ).where(
                    SpanRow.document_id.in_(chunk),
                    SpanRow.status == str(Status.ACCEPTED),
                    SpanRow.layer.in_([str(Layer.GOLD), str(Layer.ANNOTATOR)]),
                )
            )
            for doc, layer, owner, a, b, label in rows:
                if (doc in gold_docs and layer == str(Layer.GOLD)) or (
                    doc not in gold_docs and layer == str(Layer.ANNOTATOR) and owner == finisher.get(doc)
                ):
                    spans[doc].append(Entity(a, b, label))
            result += [(texts[d], sorted(spans[d], key=lambda e: e.start)) for d in chunk]
        return result


class TrainedModels:
    """The CRF weights stored with the project (the three newest of each kind) and what they train on."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, kind: str, data: bytes, documents: int, characters: int, info: dict[str, Any]) -> int:
        return _save_model(self._db, kind, data, documents, characters, info)

    def latest(self, kind: str) -> StoredModel | None:
        return _latest_model(self._db, kind)

    def stored(self, kind: str) -> list[StoredModel]:
        return _stored_models(self._db, kind)

    def data(self, model_id: int) -> bytes | None:
        return _model_data(self._db, model_id)

    def latest_info(self, kind: str) -> tuple[int, datetime, int] | None:
        return _latest_model_info(self._db, kind)

    def finished_count(self) -> int:
        return _finished_count(self._db)

    def training_documents(self, limit: int | None = None) -> list[tuple[str, list[Entity]]]:
        return _training_documents(self._db, limit)
