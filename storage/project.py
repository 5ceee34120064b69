"""The project facade: one open database, with managers for documents, labels, annotators and settings.

Open it with ``Project.open(url)``; nothing happens at import time. One session per unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from model.labels import check_label_name
from model.spans import DEFAULT_LABELS, Annotator, AnnotatorId, Label, Role
from storage.annotations import Annotations
from storage.db import SQLITE_IMMEDIATE, create_db_engine, default_url, migrate
from storage.documents import DocumentStore
from storage.orm import AnnotatorRow, LabelRow, SettingRow

logger = logging.getLogger(__name__)

# Colours for labels that arrive from imported files and are not in the label set yet.
EXTRA_COLOURS = ("#d9a21b", "#1b9fa8", "#c2418f", "#6b8e23", "#8b5a2b", "#4b6cb7", "#b7414b")


class Project:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self.documents = DocumentStore(self)
        self.annotations = Annotations(self)

    @classmethod
    def open(cls, url: str | None = None) -> Project:
        """Open (creating and migrating as needed) the database at ``url`` (default: the user's SQLite)."""
        engine = create_db_engine(url or default_url())
        try:
            migrate(engine)
            project = cls(engine)
            project._ensure_labels()
        except BaseException:
            engine.dispose()
            raise
        return project

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception."""
        with self.session_factory.begin() as session:
            if self.engine.dialect.name == "sqlite":
                session.connection(execution_options={SQLITE_IMMEDIATE: True})
            yield session

    # -- labels -------------------------------------------------------------------------------------

    def _ensure_labels(self) -> None:
        with self.transaction() as s:
            if s.scalar(select(func.count()).select_from(LabelRow)):
                return
            s.add_all(LabelRow(**_label_fields(label)) for label in DEFAULT_LABELS)

    def labels(self) -> list[Label]:
        with self.session_factory() as s:
            rows = s.scalars(select(LabelRow).order_by(LabelRow.position, LabelRow.name))
            return [
                Label(r.name, r.colour, r.hotkey, r.position, r.description) for r in rows
            ]

    def set_labels(self, labels: list[Label]) -> None:
        """Replace the label set's definitions (colour, hotkey, order); labels in use are kept."""
        for label in labels:
            check_label_name(label.name)
        with self.transaction() as s:
            existing = {r.name: r for r in s.scalars(select(LabelRow))}
            for row in existing.values():
                row.hotkey = None
            s.flush()
            for label in labels:
                row = existing.get(label.name) or LabelRow(name=label.name)
                for key, value in _label_fields(label).items():
                    setattr(row, key, value)
                s.add(row)

    def ensure_labels_in(self, session: Session, names: set[str]) -> list[str]:
        """Add labels met in imported data that the label set lacks; returns the names added. A name that
        cannot be a label (``model.labels``) raises LabelError."""
        known = set(session.scalars(select(LabelRow.name)))
        missing = sorted(names - known)
        for name in missing:
            check_label_name(name)
        position = session.scalar(select(func.coalesce(func.max(LabelRow.position), -1))) or 0
        for i, name in enumerate(missing, start=1):
            session.add(
                LabelRow(
                    name=name,
                    colour=EXTRA_COLOURS[(len(known) + i) % len(EXTRA_COLOURS)],
                    hotkey=None,
                    position=position + i,
                    description="added by import",
                )
            )
        if missing:
            session.flush()
        return missing

    # -- annotators ---------------------------------------------------------------------------------

    def annotator(self, name: str, role: Role = Role.ANNOTATOR) -> Annotator:
        """The annotator called ``name``, created on first use."""
        name = name.strip()
        if not name:
            raise ValueError("an annotator needs a name")
        with self.transaction() as s:
            row = s.scalar(select(AnnotatorRow).where(AnnotatorRow.name == name))
            if row is None:
                row = AnnotatorRow(name=name, role=str(role))
                s.add(row)
                s.flush()
            return Annotator(AnnotatorId(row.id), row.name, Role(row.role))

    def annotators(self) -> list[Annotator]:
        with self.session_factory() as s:
            rows = s.scalars(select(AnnotatorRow).order_by(AnnotatorRow.name))
            return [Annotator(AnnotatorId(r.id), r.name, Role(r.role)) for r in rows]

    # -- settings -----------------------------------------------------------------------------------

    def setting(self, key: str, default: dict[str, Any] | None = None) -> dict[str, Any]:
        with self.session_factory() as s:
            row = s.get(SettingRow, key)
            return dict(row.value) if row else dict(default or {})

    def set_setting(self, key: str, value: dict[str, Any]) -> None:
        with self.transaction() as s:
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=value))
            else:
                row.value = value


def _label_fields(label: Label) -> dict[str, Any]:
    return {
        "name": label.name,
        "colour": label.colour,
        "hotkey": label.hotkey,
        "position": label.position,
        "description": label.description,
    }
