"""The project facade: one open database, with managers for documents, labels, annotators and settings.

Open it with ``Project.open(url)``; nothing happens at import time. One session per unit of work.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from model.labels import check_label_name
from model.spans import DEFAULT_LABELS, Annotator, AnnotatorId, Label, Role
from storage.annotations import Annotations
from storage.db import (
    SQLITE_IMMEDIATE,
    DatabaseError,
    create_db_engine,
    database_error,
    default_url,
    migrate,
    quick_check,
)
from storage.documents import DocumentStore
from storage.orm import AnnotatorRow, LabelRow, SettingRow

logger = logging.getLogger(__name__)

# Colours for labels that arrive from imported files and are not in the label set yet.
EXTRA_COLOURS = ("#d9a21b", "#1b9fa8", "#c2418f", "#6b8e23", "#8b5a2b", "#4b6cb7", "#b7414b")


class IntegrityCheck(enum.Enum):
    """When ``Project.open`` runs SQLite's ``PRAGMA quick_check``: before it returns (the commands), or in a
    background thread while the window comes up, every write waiting until it passed."""

    NOW = "now"
    BACKGROUND = "background"


class Project:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self.documents = DocumentStore(self)
        self.annotations = Annotations(self)
        self._checked = threading.Event()
        self._checked.set()
        self._damage: DatabaseError | None = None

    @classmethod
    def open(cls, url: str | None = None, check: IntegrityCheck = IntegrityCheck.NOW) -> Project:
        """Open (creating and migrating as needed) the database at ``url`` (default: the user's SQLite).
        A damaged, full, read-only or unreachable database raises ``storage.db.DatabaseError`` saying so."""
        engine = create_db_engine(url or default_url())
        try:
            if check is IntegrityCheck.NOW:
                quick_check(engine)
            migrate(engine)
            project = cls(engine)
            project._ensure_labels()
            if check is IntegrityCheck.BACKGROUND:
                project._check_in_background()
        except DBAPIError as exc:
            engine.dispose()
            raise database_error(exc, engine.url) or exc from exc
        except BaseException:
            engine.dispose()
            raise
        return project

    def _check_in_background(self) -> None:
        self._checked.clear()

        def run() -> None:
            try:
                quick_check(self.engine)
            except DatabaseError as exc:
                self._damage = exc
            except Exception as exc:  # the check itself failed: say so rather than let writes hang
                logger.exception("the integrity check failed")
                self._damage = DatabaseError(f"the integrity check of {self.url} failed ({exc})")
            finally:
                self._checked.set()

        threading.Thread(target=run, name="newstag-quick-check", daemon=True).start()

    def integrity_problem(self) -> DatabaseError | None:
        """Wait for the integrity check of ``open`` (if it still runs); the damage it found, if any."""
        self._checked.wait()
        return self._damage

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
        """One unit of work: committed on success, rolled back on any exception. Refused (DatabaseError) in a
        database the integrity check found damaged."""
        if (damage := self.integrity_problem()) is not None:
            raise damage
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
        with self.session_factory() as s:  # known already: no write (and no wait for the integrity check)
            row = s.scalar(select(AnnotatorRow).where(AnnotatorRow.name == name))
            if row is not None:
                return Annotator(AnnotatorId(row.id), row.name, Role(row.role))
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
