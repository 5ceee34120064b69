"""SQLAlchemy 2.0 typed declarative models. The schema holds every invariant the database can hold."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(1000))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LabelRow(Base):
    """A label of the project. Its name follows ``model.labels``; migration 0004 makes the database enforce
    that (a CHECK constraint on PostgreSQL, triggers on SQLite: keep them if this table is ever rebuilt)."""

    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    colour: Mapped[str] = mapped_column(String(16))
    hotkey: Mapped[str | None] = mapped_column(String(8), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(500), default="")


class AnnotatorRow(Base):
    __tablename__ = "annotators"
    __table_args__ = (CheckConstraint("role IN ('annotator', 'reviewer', 'lead')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="annotator")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SpanRow(Base):
    """One span in one layer. ``layer`` says whose it is; only the annotator layer names an annotator."""

    __tablename__ = "spans"
    __table_args__ = (
        CheckConstraint("start >= 0", name="start_nonnegative"),
        CheckConstraint('start < "end"', name="start_before_end"),
        CheckConstraint("layer IN ('suggestion', 'annotator', 'gold')", name="layer"),
        CheckConstraint("status IN ('suggested', 'accepted', 'rejected')", name="status"),
        CheckConstraint(
            "origin IN ('jieba', 'rule', 'dictionary', 'propagated', 'model', 'human', 'imported')",
            name="origin",
        ),
        CheckConstraint(
            "(layer = 'annotator') = (annotator_id IS NOT NULL)", name="annotator_iff_annotator_layer"
        ),
        CheckConstraint("(layer = 'suggestion') = (status = 'suggested')", name="suggested_iff_suggestion"),
        Index("ix_spans_document_layer", "document_id", "layer", "annotator_id"),
        # one machine suggestion per (span, label) in a document, however many windows store them at once
        Index(
            "uq_spans_suggestion",
            "document_id",
            "start",
            "end",
            "label",
            unique=True,
            sqlite_where=text("layer = 'suggestion'"),
            postgresql_where=text("layer = 'suggestion'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    layer: Mapped[str] = mapped_column(String(16))
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(ForeignKey("labels.name", onupdate="CASCADE"))
    origin: Mapped[str] = mapped_column(String(16))
    origin_detail: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}


class ProgressRow(Base):
    """Where one annotator stands on one document."""

    __tablename__ = "progress"
    __table_args__ = (
        CheckConstraint("state IN ('new', 'in_progress', 'done')", name="state"),
        CheckConstraint("seconds_spent >= 0", name="seconds_nonnegative"),
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    state: Mapped[str] = mapped_column(String(16), default="new")
    seconds_spent: Mapped[float] = mapped_column(Float, default=0.0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class EventRow(Base):
    """The append-only audit trail of annotation actions (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "events"
    # an annotator's latest event at once (``DocumentList.last_worked_on``), not a walk down the whole log
    __table_args__ = (Index("ix_events_annotator_id_id", "annotator_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SettingRow(Base):
    """Project-wide settings and small blobs (e.g. the project dictionary), keyed by name."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AssignmentRow(Base):
    """A document handed to an annotator by the project lead. Annotators with assignments see only those."""

    __tablename__ = "assignments"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    assigned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReviewRow(Base):
    """The adjudication of one document. ``version`` guards against two reviewers saving over each other."""

    __tablename__ = "reviews"
    __table_args__ = (CheckConstraint("state IN ('open', 'done')", name="state"),)

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("annotators.id"))
    state: Mapped[str] = mapped_column(String(16), default="open")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}


class TrainedModelRow(Base):
    """A trained suggestion model, stored with the project so every annotator of a shared database gets it."""

    __tablename__ = "trained_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    documents: Mapped[int] = mapped_column(Integer)
    characters: Mapped[int] = mapped_column(Integer)
    info: Mapped[dict[str, Any]] = mapped_column(default=dict)
    data: Mapped[bytes] = mapped_column(LargeBinary)
