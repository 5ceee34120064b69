"""Documents: immutable text with its provenance. Inserted in batches; read as ``model.spans.Document``."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from model.spans import Document, DocumentId
from storage.database import Database
from storage.orm import DocumentRow


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewDocument:
    title: str
    text: str
    source: str
    meta: dict[str, Any]


def to_document(row: DocumentRow) -> Document:
    return Document(
        id=DocumentId(row.id),
        title=row.title,
        text=row.text,
        source=row.source,
        content_hash=row.content_hash,
        meta=dict(row.meta or {}),
        imported_at=row.imported_at,
    )


class DocumentStore:
    def __init__(self, db: Database) -> None:
        self._project = db

    def get(self, document_id: int) -> Document:
        with self._project.session_factory() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise KeyError(f"no document {document_id}")
            return to_document(row)

    def texts(self, ids: Sequence[int], chunk: int = 1000) -> Iterator[tuple[DocumentId, str]]:
        """(id, text) of the given documents, read in chunks (in id order within each chunk)."""
        with self._project.session_factory() as s:
            for start in range(0, len(ids), chunk):
                part = ids[start : start + chunk]
                rows = s.execute(
                    select(DocumentRow.id, DocumentRow.text)
                    .where(DocumentRow.id.in_(part))
                    .order_by(DocumentRow.id)
                )
                yield from ((DocumentId(i), t) for i, t in rows)

    def titles(self, ids: Collection[int]) -> dict[int, str]:
        """Titles of the given documents, without reading their text."""
        with self._project.session_factory() as s:
            rows = s.execute(select(DocumentRow.id, DocumentRow.title).where(DocumentRow.id.in_(list(ids))))
            return {i: t for i, t in rows}

    def count(self) -> int:
        with self._project.session_factory() as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def ids(self) -> list[DocumentId]:
        with self._project.session_factory() as s:
            return [DocumentId(i) for i in s.scalars(select(DocumentRow.id).order_by(DocumentRow.id))]

    def all(self) -> list[Document]:
        with self._project.session_factory() as s:
            return [to_document(r) for r in s.scalars(select(DocumentRow).order_by(DocumentRow.id))]

    @staticmethod
    def lock(session: Session, ids: Collection[int]) -> None:
        """Hold these documents' rows until the caller's transaction ends, so that two writers to the same
        document (two windows storing its suggestions, one annotator in two windows) take turns, the second
        seeing what the first committed. PostgreSQL: ``FOR NO KEY UPDATE``, in id order (no deadlock between
        lockers; span inserts, which only take a key-share lock, are not held up). SQLite needs nothing: a
        writing transaction holds the whole file (``Project.transaction`` begins IMMEDIATE)."""
        if session.get_bind().dialect.name != "postgresql" or not ids:
            return
        ordered = sorted(set(ids))
        for start in range(0, len(ordered), 1000):
            session.execute(
                select(DocumentRow.id)
                .where(DocumentRow.id.in_(ordered[start : start + 1000]))
                .order_by(DocumentRow.id)
                .with_for_update(key_share=True)
            ).all()

    @staticmethod
    def insert_batch(session: Session, docs: Sequence[NewDocument]) -> list[int | None]:
        """Insert the documents whose text is not stored yet, inside the caller's transaction.
        Returns, per input document, its new id, or None where it was a duplicate."""
        hashes = [content_hash(d.text) for d in docs]
        existing = set(
            session.scalars(select(DocumentRow.content_hash).where(DocumentRow.content_hash.in_(set(hashes))))
        )
        fresh: list[dict[str, Any]] = []
        positions: list[int] = []
        for i, (doc, digest) in enumerate(zip(docs, hashes, strict=True)):
            if digest in existing:
                continue
            existing.add(digest)  # a second copy inside the same batch is a duplicate too
            positions.append(i)
            fresh.append(
                {
                    "title": doc.title[:500],
                    "text": doc.text,
                    "source": doc.source[:1000],
                    "content_hash": digest,
                    "meta": doc.meta,
                }
            )
        ids: list[int | None] = [None] * len(docs)
        if fresh:
            result = session.execute(
                insert(DocumentRow).returning(DocumentRow.id, sort_by_parameter_order=True), fresh
            )
            for position, new_id in zip(positions, result.scalars(), strict=True):
                ids[position] = new_id
        return ids
