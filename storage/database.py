"""One open database: the engine, a session per unit of work, and the transaction every write goes through.

The managers in ``storage/`` take a ``Database``; ``storage.project.Project`` is one, with the managers hung
off it. Nothing here knows a manager, so no storage module needs to import the facade.
"""

from __future__ import annotations

import enum
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from model.faults import FaultKind
from storage.answers import Ticket, answered_in_all, ticket, transaction_landed
from storage.db import (
    CHECK_FAILED,
    MOVED,
    SQLITE_IMMEDIATE,
    DatabaseError,
    database_error,
    opened_as_uri,
    quick_check,
    sqlite_path,
)

logger = logging.getLogger(__name__)

# Units of work (``Database.transaction``) this thread has seen committed (``committed_here``)
_committed: ContextVar[int] = ContextVar("newstag_committed", default=0)
IN_DOUBT_MARK = "newstag_commit_in_doubt"


def committed_here() -> int:
    """How many units of work this thread has committed: a dialog tells a write saved before a read that
    failed from a write that failed."""
    return _committed.get()


def commit_in_doubt(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or what it was raised from) is a COMMIT whose answer was lost, and the server could
    not be asked whether it landed: the write may have been saved."""
    while exc is not None:
        if getattr(exc, IN_DOUBT_MARK, False):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class IntegrityCheck(enum.Enum):
    """When ``Project.open`` runs SQLite's ``PRAGMA quick_check``: before it returns (the commands), or in a
    background thread while the window comes up, every write waiting until it passed."""

    NOW = "now"
    BACKGROUND = "background"


def _identity(path: str) -> tuple[int, int]:
    found = os.stat(path)
    return found.st_dev, found.st_ino


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self._checked = threading.Event()
        self._checked.set()
        self._damage: DatabaseError | None = None
        # a file opened as a URI (``mode=ro``) is left as it is: new connections open it as SQLAlchemy does
        path = None if opened_as_uri(engine.url) else sqlite_path(engine.url)
        self._file = None if path is None else str(path)
        self._identity: tuple[int, int] | None = None  # the file opened, told apart from one put in its place
        if self._file is not None:
            try:
                self._identity = _identity(self._file)
            except OSError:
                logger.warning("cannot stat the database file %s", self._file)
            else:
                event.listen(engine, "do_connect", self._open_the_same_file)
        # A connection of our own to the file opened (from the first write on), kept for when that file is
        # moved or replaced (``_let_go``): a new connection would open whatever is under the name by then.
        self._anchor: Any = None
        self._anchor_lock = threading.Lock()

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

    def problem(self, exc: BaseException) -> DatabaseError | None:
        """What ``exc``, raised by a read or a write here, means for the database as a whole, worded for a
        person (the server went away, a lock, a moved file); None when it is something else (a bug)."""
        return database_error(exc, self.engine.url) if isinstance(exc, (DBAPIError, DatabaseError)) else None

    @contextmanager
    def transaction(self, look_up: bool = True) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception. Refused (DatabaseError) in a
        database the integrity check found damaged. A PostgreSQL COMMIT whose answer was lost is looked up
        on a new connection (unless ``look_up`` is False: the caller does): landed, the unit is done; not
        landed, the fault is raised; the server cannot tell, it is raised marked ``commit_in_doubt``. Each
        unit done counts in ``committed_here``."""
        if (damage := self.integrity_problem()) is not None:
            raise damage
        self._check_same_file()
        sent: list[Ticket | None] = []  # the transaction's ticket, once all but the COMMIT is sent
        try:
            with self.session_factory.begin() as session:
                if self.engine.dialect.name == "sqlite":
                    session.connection(execution_options={SQLITE_IMMEDIATE: True})
                yield session
                session.flush()
                if look_up:
                    sent.append(ticket(session))
        except DBAPIError as exc:
            if not (sent and sent[0] is not None and exc.connection_invalidated):
                raise
            landed = transaction_landed(self.engine, sent[0])
            if not landed:
                if landed is None:
                    setattr(exc, IN_DOUBT_MARK, True)
                raise
            logger.warning("the answer to a COMMIT was lost (%s); asked again, the server has it", exc.orig)
        _committed.set(_committed.get() + 1)

    @contextmanager
    def reading_back(self) -> Iterator[None]:
        """A read right after a write was saved (a dialog's table read again): on a PostgreSQL server that
        stopped answering it is refused within ``ANSWER_WAIT_S`` in all, the probe of the server included
        (``answers.answered_in_all``), so that the write is said saved, the read failed, within the bound."""
        with answered_in_all():
            yield

    def _check_same_file(self) -> None:
        """DatabaseError if the SQLite file is no longer where it was opened: deleted (writes would go to a
        file nobody can reach, lost when newstag exits), moved (a new connection would make an empty file at
        the old name), or replaced by another file (writes would go to the one the user replaced)."""
        if self._file is None or self._identity is None:
            return
        if (detail := self._gone()) is None:
            self._hold_on()
            return
        self._let_go()
        raise DatabaseError.of(FaultKind.MOVED, MOVED, str(self._file), detail, file=True)

    def _gone(self) -> str | None:
        """Why the file under the name opened is no longer the one opened (None: it still is)."""
        assert self._file is not None
        try:
            now = _identity(self._file)
        except OSError as exc:
            return exc.strerror or type(exc).__name__
        return None if now == self._identity else "another file is there now"

    def _open_the_same_file(
        self, _dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]
    ) -> None:
        """Every new connection (a read's too) opens the file opened, and never makes one: SQLite makes an
        empty database at a name with no file, so a read after the file was moved (switching documents, the
        entity panel) left an empty file under the user's old name. A file that is gone or replaced is
        refused as a write is (``MOVED``); one that goes between the look and the open fails to open
        (``mode=rw``)."""
        assert self._file is not None
        if (detail := self._gone()) is not None:
            raise DatabaseError.of(FaultKind.MOVED, MOVED, str(self._file), detail, file=True)
        cargs[:] = [Path(self._file).absolute().as_uri() + "?mode=rw"]
        cparams["uri"] = True

    def _hold_on(self) -> None:
        with self._anchor_lock:
            if self._anchor is not None:
                return
            try:
                self._anchor = self.engine.raw_connection()
                self._anchor.detach()
            except Exception as exc:  # the write that follows says what is wrong
                logger.info("no connection of our own to %s: %s", self._file, exc)
                self._anchor = None

    def _let_go(self) -> None:
        """The file was moved or replaced: fold the write-ahead log into the file it belongs to (through our
        own connection to it) and empty it. SQLite does not when the file has moved, so a file moved without
        its ``-wal`` lacked the last actions, and one put in its place was read with our log as its own."""
        with self._anchor_lock:
            if self._anchor is not None:
                try:
                    self._anchor.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                except Exception as exc:  # a full disk, a busy reader: the log stays, said in the log
                    logger.warning("cannot fold the write-ahead log into %s: %s", self._file, exc)
        self.engine.dispose()

    def close(self) -> None:
        self.engine.dispose()
        with self._anchor_lock:
            anchor, self._anchor = self._anchor, None
        if anchor is not None:
            anchor.close()
