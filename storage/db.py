"""Opening a database: engine settings per backend, schema migrations on open, refusal of newer schemas."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Self

from platformdirs import user_data_dir
from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.util import asbool

from model.faults import LOCK_WAIT_S, Fault, FaultKind
from storage.answers import IN_DOUBT, LANDED, LOST_NOT_SAVED, long_work
from storage.lock_holders import HOLDERS
from storage.pg_engine import pg_engine

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


SQLITE_IMMEDIATE = "newstag_sqlite_immediate"  # execution option: begin the SQLite transaction IMMEDIATE


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says why, for a person. ``fault`` (when set) tells
    the same apart for a program: its kind, where, the driver's words, and the template of the message."""

    def __init__(self, message: str, fault: Fault | None = None) -> None:
        super().__init__(message)
        self.fault = fault

    @classmethod
    def of(
        cls,
        kind: FaultKind,
        template: str,
        where: str,
        detail: str = "",
        file: bool = False,
        holder: str = "",
    ) -> Self:
        fault = Fault(kind, where, detail, template, file, holder)
        return cls(fault.render(), fault)

    @property
    def kind(self) -> FaultKind | None:
        return self.fault.kind if self.fault else None


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer newstag; it is left untouched."""


class DatabaseCorrupt(DatabaseError):
    """The SQLite file is damaged: newstag refuses to write to it."""


def _where(url: URL) -> tuple[str, bool]:
    """Where the database is (the SQLite file, else the URL without its password); whether it is a file."""
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database, True
    return url.render_as_string(hide_password=True), False


# The English of every message with a fault (``gui/database_messages.py`` marks the same for translation).
DAMAGED = (
    "{place} is damaged ({detail}); newstag will not use it. Restore your latest backup "
    "(`newstag backup --out FILE` makes one of a sound database), or salvage what you can with "
    "sqlite3's `.recover` command."
)
UNAVAILABLE = "{place} is unavailable ({detail})"
TOO_NEW = (
    "the database {where} was written by a newer version of newstag (schema revision {detail}); it has "
    "not been changed. Upgrade newstag to open it."
)
CANNOT_OPEN = "cannot open the database {where}: {detail}"
CHECK_FAILED = "the integrity check of {where} failed ({detail})"
MOVED = (
    "{place} was deleted, moved or replaced while newstag had it open ({detail}); nothing more is "
    "written to it. Open the project again from where its file is now"
)
URL_HELP = "use sqlite:///FILE or postgresql+psycopg://[USER@]HOST[:PORT]/DATABASE"
NOT_A_URL = "{where!r} is not a database URL; " + URL_HELP
NOT_OUR_BACKEND = "newstag keeps its projects in SQLite or PostgreSQL, not {detail}; " + URL_HELP


def damaged(url: URL, detail: str) -> DatabaseCorrupt:
    where, file = _where(url)
    return DatabaseCorrupt.of(FaultKind.DAMAGED, DAMAGED, where, detail, file)


# What a driver's message means for a person, by a fragment of SQLite's (or PostgreSQL's) wording.
_CORRUPTION = ("malformed", "not a database", "database corruption", "corrupt")
_WRITE = "{place} cannot be written: "
_REASONS = (
    (
        "database or disk is full",
        FaultKind.FULL,
        _WRITE + "the disk is full (or the database reached its size limit) ({detail})",
    ),
    ("could not extend file", FaultKind.FULL, _WRITE + "the disk is full ({detail})"),
    ("no space left on device", FaultKind.FULL, _WRITE + "the disk is full ({detail})"),
    (
        "readonly database",
        FaultKind.READ_ONLY,
        _WRITE + "it is read-only (check the file's permissions, or the disk it is on) ({detail})",
    ),
    ("read-only transaction", FaultKind.READ_ONLY, _WRITE + "it is read-only ({detail})"),
    ("database is locked", FaultKind.LOCKED, _WRITE + "it is locked by another program ({detail})"),
    (
        "due to lock timeout",
        FaultKind.LOCKED,
        "{place} is busy: another session has held a lock newstag needs for more than {seconds} seconds "
        "({detail})",
    ),
    (
        "unable to open database file",
        FaultKind.CANNOT_OPEN,
        _WRITE + "the file cannot be opened (check the folder and its permissions) ({detail})",
    ),
    ("disk i/o error", FaultKind.IO, _WRITE + "the disk reported an input/output error ({detail})"),
    (
        "no answer from the server",  # ``storage.answers.NO_ANSWER``
        FaultKind.UNAVAILABLE,
        "{place} stopped answering ({detail}): the server may be frozen, or the network to it down",
    ),
)
# A lock waited for in vain, and the server names the sessions that hold locks in the database for longer
# than the wait (``storage.lock_holders``): a frozen peer's, most often, to end or to ask after
LOCKED_BY = (
    "{place} is busy: another session has held a lock newstag needs for more than {seconds} seconds "
    "({detail}); holding locks for longer (pid, program, user@address, state, since): {holder}"
)
TEMPLATES = (
    DAMAGED,
    LOCKED_BY,
    UNAVAILABLE,
    TOO_NEW,
    CANNOT_OPEN,
    CHECK_FAILED,
    MOVED,
    LOST_NOT_SAVED,
    LANDED,
    IN_DOUBT,
    NOT_A_URL,
    NOT_OUR_BACKEND,
    *dict.fromkeys(template for _, _, template in _REASONS),
)


def database_error(exc: BaseException, url: URL) -> DatabaseError | None:
    """The DatabaseError, worded for a person, that a driver error means, or None when it is not about the
    database as a whole (a constraint, a bug): the caller re-raises those."""
    if isinstance(exc, DatabaseError):
        return exc
    text = str(getattr(exc, "orig", None) or exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    lowered = first.lower()
    if url.get_backend_name() == "sqlite" and any(k in lowered for k in _CORRUPTION):
        return damaged(url, first)
    where, file = _where(url)
    for fragment, kind, template in _REASONS:
        if fragment in lowered:
            holder = getattr(getattr(exc, "orig", None) or exc, HOLDERS, "")
            if kind is FaultKind.LOCKED and holder:
                return DatabaseError.of(kind, LOCKED_BY, where, first, file, holder)
            return DatabaseError.of(kind, template, where, first, file)
    if isinstance(exc, OperationalError) or getattr(exc, "connection_invalidated", False):
        return DatabaseError.of(FaultKind.UNAVAILABLE, UNAVAILABLE, where, first, file)
    return None


def quick_check(engine: Engine) -> None:
    """``PRAGMA quick_check`` on a SQLite file (a no-op elsewhere); DatabaseCorrupt if it finds damage."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return
    try:
        with engine.connect() as conn:
            found = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check(5)")]
    except SADatabaseError as exc:
        raise database_error(exc, engine.url) or damaged(engine.url, str(exc.orig)) from exc
    if found != ["ok"]:
        raise damaged(engine.url, "; ".join(found))


def database_url(value: str) -> str:
    """What ``--db`` (or ``$NEWSTAG_DB``) names, as a URL: a value without a scheme (``corpus.db``,
    ``~/news/a.db``, ``C:\\news\\a.db``) is the path of a SQLite file, made absolute."""
    return value if "://" in value or value.startswith("sqlite:") else sqlite_url(value)


def sqlite_url(path: Path | str) -> str:
    """The URL of the SQLite file at ``path`` (``~`` expanded, made absolute). A ``%`` or ``?`` in the path is
    percent-encoded: in a URL they begin an escape or the query, so ``what?.db`` named the file ``what``."""
    where = str(Path(path).expanduser().absolute()).replace("%", "%25").replace("?", "%3F")
    return f"sqlite:///{where}"


def default_url() -> str:
    """``$NEWSTAG_DB`` if set, else a SQLite file in the user's data directory."""
    if env := os.environ.get("NEWSTAG_DB"):
        return database_url(env)
    folder = Path(user_data_dir("newstag", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return sqlite_url(folder / "newstag.db")


# How long an action waits for a lock another program (SQLite) or session (PostgreSQL) holds before it is
# refused with a LOCKED fault: the window never freezes for longer, and never reports the action done.
LOCK_WAIT_MS = LOCK_WAIT_S * 1000
# How long a new PostgreSQL connection may take, per attempt (libpq's connect_timeout; with the default
# sslmode it tries twice, with SSL and without: about 10 s in all)
CONNECT_WAIT_S = 5
SYNCHRONOUS = ("FULL", "NORMAL")  # the first is the default


def sqlite_synchronous() -> str:
    """SQLite's ``synchronous`` setting: FULL by default (a committed action survives a power cut, not only a
    crash; README "Durability"), NORMAL if ``$NEWSTAG_SQLITE_SYNCHRONOUS`` says so."""
    wanted = os.environ.get("NEWSTAG_SQLITE_SYNCHRONOUS", SYNCHRONOUS[0]).strip().upper()
    if wanted not in SYNCHRONOUS:
        raise DatabaseError(
            f"NEWSTAG_SQLITE_SYNCHRONOUS must be one of {', '.join(SYNCHRONOUS)}, not {wanted!r}"
        )
    return wanted


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA synchronous={sqlite_synchronous()}")
    cursor.execute(f"PRAGMA busy_timeout={LOCK_WAIT_MS}")
    cursor.close()


def parse_url(url: str) -> URL:
    """``url`` parsed; DatabaseError if it is not the URL of a database newstag can use."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError.of(FaultKind.BAD_URL, NOT_A_URL, url) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        where = parsed.render_as_string(hide_password=True)
        raise DatabaseError.of(FaultKind.BAD_URL, NOT_OUR_BACKEND, where, repr(parsed.get_backend_name()))
    return parsed


def opened_as_uri(url: URL) -> bool:
    """Whether a SQLite URL names its file as a URI (``sqlite:///file:PATH?mode=ro&uri=true``): ``uri`` read
    as SQLAlchemy's pysqlite dialect reads it (``asbool``: true, yes, on, t, y, 1)."""
    value = url.query.get("uri")
    if value is None:
        return False
    try:
        return asbool(value if isinstance(value, str) else value[-1])
    except ValueError:  # the dialect refuses the URL before it opens anything
        return False


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite URL, as SQLite opens it; None for another backend or a database in memory. A URI
    (``uri=true``) names it after ``file:`` (and an authority: ``file:///path``, ``file://localhost/path``);
    without ``uri=true``, ``file:x`` is a file of that name. A plain path's ``~`` is the home folder, as
    ``create_db_engine`` opens it."""
    parsed = parse_url(url) if isinstance(url, str) else url
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or database in (None, "", ":memory:"):
        return None
    if not opened_as_uri(parsed):
        return Path(database).expanduser()
    if not database.startswith("file:"):  # SQLite reads a name without file: as a plain path
        return Path(database)
    database = database[len("file:") :].split("?", 1)[0]
    if database.startswith("//"):
        _, slash, path = database[2:].partition("/")
        database = slash + path
    if database in ("", ":memory:") or str(parsed.query.get("mode", "")) == "memory":
        return None
    return Path(database)


def create_db_engine(url: str) -> Engine:
    """An engine with the settings newstag relies on (WAL and foreign keys for SQLite). DatabaseError for a
    URL that is not one of a database newstag can use."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not opened_as_uri(parsed):  # file:…?mode=ro: no path
            # ``sqlite:///~/news/a.db``: the home folder's, as the probe and the messages say (SQLite took
            # the ``~`` literally, under the working folder, after the folder was made in the home folder)
            parsed = parsed.set(database=str(Path(database).expanduser()))
            Path(parsed.database or "").parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": LOCK_WAIT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy own transactions (pysqlite's legacy implicit BEGIN is off with this pair).
        event.listen(engine, "connect", lambda c, _r: setattr(c, "isolation_level", None))
        # A unit of work that writes begins IMMEDIATE (``Project.transaction``): it takes the write lock up
        # front and waits for another writer (busy_timeout) instead of failing with "database is locked"
        # when it upgrades from reading after someone else committed.
        event.listen(
            engine,
            "begin",
            lambda conn: conn.exec_driver_sql(
                "BEGIN IMMEDIATE" if conn.get_execution_options().get(SQLITE_IMMEDIATE) else "BEGIN"
            ),
        )
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return pg_engine(parsed, CONNECT_WAIT_S, LOCK_WAIT_MS)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config  # alembic loads in ~0.3 s: only when a migration may be needed

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


def _head_from_files() -> str | None:
    """The head revision read straight from the migration files, without importing alembic (None if the files
    are not the simple one-parent kind this parser knows; alembic then decides)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = {key: value.strip("'\"") for key, value in _REVISION_LINE.findall(text)}
        if "revision" not in found or not re.fullmatch(r"\w+", found["revision"]):
            return None
        revisions.add(found["revision"])
        parent = found.get("down_revision", "None")
        if parent != "None":
            if not re.fullmatch(r"\w+", parent):
                return None
            parents.add(parent)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _current_revisions(engine: Engine) -> tuple[str, ...] | None:
    try:
        with engine.connect() as conn:
            return tuple(row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version"))
    except (OperationalError, ProgrammingError):
        return None


def migrate(engine: Engine) -> None:
    """Bring the schema to this version's head; refuse a schema this version does not know."""
    head = _head_from_files()
    if head is not None and _current_revisions(engine) == (head,):
        return  # up to date: the common case, decided without loading alembic
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_heads()
    except (OperationalError, ProgrammingError) as exc:
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseError.of(FaultKind.CANNOT_OPEN, CANNOT_OPEN, where, str(exc.orig)) from exc
    unknown = [rev for rev in current if rev not in known]
    if unknown:
        where = engine.url.render_as_string(hide_password=True)
        raise SchemaTooNewError.of(FaultKind.TOO_NEW, TOO_NEW, where, ", ".join(unknown))
    if tuple(current) != (script.get_current_head(),):
        logger.info("migrating %s from %s", engine.url, current or "an empty database")
        with long_work():  # a migration may rewrite a large table; the look at the revision above may not
            command.upgrade(alembic_config(engine), "head")
