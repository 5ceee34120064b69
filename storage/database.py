"""One open database: the engine, a session per unit of work, and the transaction every write goes through.

The managers in ``storage/`` take a ``Database``; ``storage.project.Project`` is one, with the managers hung
off it. Nothing here knows a manager, so no storage module needs to import the facade.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from model.faults import FaultKind
from storage.db import CHECK_FAILED, SQLITE_IMMEDIATE, DatabaseError, quick_check

logger = logging.getLogger(__name__)


class IntegrityCheck(enum.Enum):
    """When ``Project.open`` runs SQLite's ``PRAGMA quick_check``: before it returns (the commands), or in a
    background thread while the window comes up, every write waiting until it passed."""

    NOW = "now"
    BACKGROUND = "background"


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self._checked = threading.Event()
        self._checked.set()
        self._damage: DatabaseError | None = None

    def _check_in_background(self) -> None:
        self._checked.clear()

        def run() -> None:
            try:
                quick_check(self.engine)
            except DatabaseError as exc:
                self._damage = exc
            except Exception as exc:  # the check itself failed: say so rather than let writes hang
                logger.exception("the integrity check failed")
                self._damage = DatabaseError.of(FaultKind.CHECK_FAILED, CHECK_FAILED, self.url, str(exc))
            finally:
                self._checked.set()

        threading.Thread(target=run, name="newstag-quick-check", daemon=True).start()

    def integrity_problem(self) -> DatabaseError | None:
        """Wait for the integrity check of ``open`` (if it still runs); the damage it found, if any."""
        self._checked.wait()
        return self._damage

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

    def close(self) -> None:
        self.engine.dispose()
