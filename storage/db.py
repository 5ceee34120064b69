"""Opening a database: engine settings per backend, schema migrations on open, refusal of newer schemas."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says why, for a person."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer newstag; it is left untouched."""


def default_url() -> str:
    """``$NEWSTAG_DB`` if set, else a SQLite file in the user's data directory."""
    if env := os.environ.get("NEWSTAG_DB"):
        return env
    folder = Path(user_data_dir("newstag", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'newstag.db'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    """An engine with the settings newstag relies on (WAL and foreign keys for SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy own transactions (pysqlite's legacy implicit BEGIN is off with this pair).
        event.listen(engine, "connect", lambda c, _r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def migrate(engine: Engine) -> None:
    """Bring the schema to this version's head; refuse a schema this version does not know."""
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_heads()
    except (OperationalError, ProgrammingError) as exc:
        raise DatabaseError(f"cannot open the database {engine.url!r}: {exc.orig}") from exc
    unknown = [rev for rev in current if rev not in known]
    if unknown:
        raise SchemaTooNewError(
            f"the database {engine.url.render_as_string(hide_password=True)} was written by a newer version "
            f"of newstag (schema revision {', '.join(unknown)}); it has not been changed. "
            "Upgrade newstag to open it."
        )
    if tuple(current) != (script.get_current_head(),):
        logger.info("migrating %s from %s", engine.url, current or "an empty database")
        command.upgrade(alembic_config(engine), "head")
