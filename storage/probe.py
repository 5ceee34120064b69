"""Looking at a database before opening it as a project (the window's New project… and Open project…): does
it answer, does it hold a newstag project, how many documents. Nothing is created or written: a SQLite file
that does not exist stays absent, one that exists is opened read-only."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from model.faults import FaultKind
from storage.db import DatabaseError, parse_url

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5

# The English of the messages (``gui/database_messages.py`` marks the same for translation).
CANNOT_CONNECT = "cannot connect to {where}: {detail}"
NOT_A_FILE = "a project's SQLite database must be a file"
A_FOLDER = "{where} is a folder, not a database file"
NOT_SQLITE = "{where} is not a SQLite database ({detail})"
TEMPLATES = (CANNOT_CONNECT, NOT_A_FILE, A_FOLDER, NOT_SQLITE)


@dataclass(frozen=True, slots=True)
class DatabaseProbe:
    url: str  # without a password
    backend: str  # "sqlite" or "postgresql"
    exists: bool  # SQLite: the file exists (PostgreSQL: the server answered, always true)
    project: bool  # it holds newstag's tables
    documents: int | None  # how many, when it holds a project
    server: str  # "SQLite 3.40.1", "PostgreSQL 15.4"


def public_url(url: str) -> str:
    """``url`` without its password (what newstag remembers and shows; ~/.pgpass keeps passwords)."""
    parsed = parse_url(url)
    return parsed.set(password=None).render_as_string(hide_password=False) if parsed.password else url


def probe_database(url: str) -> DatabaseProbe:
    """What is at ``url``. DatabaseError, worded for a person, when it is not a database newstag can use or
    the server does not answer."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _probe_sqlite(Path(parsed.database or "").expanduser(), public_url(url))
    engine = create_engine(
        parsed.set(drivername="postgresql+psycopg") if parsed.drivername == "postgresql" else parsed,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar() or "")
            found = conn.execute(
                text("SELECT to_regclass('documents'), to_regclass('alembic_version')")
            ).one()
            project = found[0] is not None and found[1] is not None
            documents = conn.execute(text("SELECT count(*) FROM documents")).scalar() if project else None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        detail = reason[0] if reason else type(exc).__name__
        raise DatabaseError.of(FaultKind.CANNOT_CONNECT, CANNOT_CONNECT, public_url(url), detail) from exc
    finally:
        engine.dispose()
    return DatabaseProbe(
        public_url(url),
        "postgresql",
        True,
        project,
        None if documents is None else int(documents),
        f"PostgreSQL {version.split()[0] if version else ''}".strip(),
    )


def _probe_sqlite(path: Path, url: str) -> DatabaseProbe:
    server = f"SQLite {sqlite3.sqlite_version}"
    if not str(path) or str(path) == ":memory:":
        raise DatabaseError.of(FaultKind.NOT_A_DATABASE, NOT_A_FILE, str(path))
    if path.is_dir():
        raise DatabaseError.of(FaultKind.NOT_A_DATABASE, A_FOLDER, str(path), file=True)
    if not path.exists():
        return DatabaseProbe(url, "sqlite", False, False, None, server)
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            names = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name IN ('documents', 'alembic_version')"
                )
            }
            project = names == {"documents", "alembic_version"}
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0] if project else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if path.stat().st_size == 0:  # an empty file: SQLite reads it as an empty database
            return DatabaseProbe(url, "sqlite", True, False, None, server)
        raise DatabaseError.of(FaultKind.NOT_A_DATABASE, NOT_SQLITE, str(path), str(exc), file=True) from exc
    return DatabaseProbe(url, "sqlite", True, project, documents, server)
