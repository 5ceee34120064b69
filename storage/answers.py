"""A PostgreSQL server that stops answering (frozen, or a network gone quiet): the wait for each answer is
bounded, and an action whose COMMIT was sent but whose answer never came is looked up again, on a new
connection, before anyone is told whether it was saved.

The bound is the client's: a frozen server's kernel still acknowledges what it is sent, and answers TCP
keepalives, so only a clock on this side notices that nothing comes back. It is on every statement of every
connection (a read the window waits on as much as an action: ``ANSWER_WAIT_S``); long work (an import, an
export, training, a migration) takes ``long_work``'s longer one, which ends it with the same refusal rather
than never. A clock cannot tell a frozen server from a slow statement: when the bound passes, the server is
asked on a new connection (``still_working``); answering that the statement is still running, it is waited
for another bound, and so on; only a server that does not answer the new connection either is refused."""

from __future__ import annotations

import functools
import inspect
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from model.faults import ANSWER_WAIT_S, LONG_WAIT_S, Fault, FaultKind
from model.ops import NOT_SAVED, StoreUnavailable

logger = logging.getLogger(__name__)

_bound: ContextVar[float | None] = ContextVar("newstag_answer_wait", default=None)

# The driver's words when the bound expires (``storage.db`` words the fault from them)
NO_ANSWER = "no answer from the server in {seconds:g} seconds"

# An action whose COMMIT was sent and whose answer was lost (``commit_lost``): asked again, the server
# does not have it (then ``model.ops.NOT_SAVED``), or it cannot be asked (no NOT_SAVED: it may have been)
LOST_NOT_SAVED = (
    "the connection to {place} was lost as the action was being committed ({detail}); asked again, the "
    "server does not have it"
)
# ... or it has it: saved, and said so as a note (``commit_landed``)
LANDED = (
    "the connection to {place} was lost as the action was being committed ({detail}); asked again, the "
    "server has it"
)
IN_DOUBT = (
    "the connection to {place} was lost as the action was being committed ({detail}), and the server cannot "
    "be asked whether it was saved: open the document again once the server answers to see whether it was"
)


@contextmanager
def answering(seconds: float | None = None) -> Iterator[None]:
    """Within the block (this thread), a PostgreSQL statement, its COMMIT included, that gets no answer in
    ``seconds`` (``ANSWER_WAIT_S``, read as the block begins) fails with OperationalError (``NO_ANSWER``),
    its connection closed and not reused. Outside any block the bound is ``ANSWER_WAIT_S`` too (read as each
    statement waits)."""
    token = _bound.set(ANSWER_WAIT_S if seconds is None else seconds)
    try:
        yield
    finally:
        _bound.reset(token)


@contextmanager
def long_work() -> Iterator[None]:
    """``answering`` with ``LONG_WAIT_S``: for work off the window's thread whose statements may rightly take
    longer than a person waits for a key (an import's batch, an export's reads, a model's save, a
    migration), still ended by a server that never answers. A bound already longer is kept."""
    with answering(max(LONG_WAIT_S, _bound.get() or 0)):
        yield


P = ParamSpec("P")
R = TypeVar("R")


def taking_long(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run under ``long_work``."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with long_work():
            return function(*args, **kwargs)

    return run


def bound_in_all(seconds: float) -> int:
    """The longest wait for an answer whose refusal of a frozen server, the probe on a new connection
    included (``probe_wait``), comes within ``seconds``: 6 for 10 (6 + 3 s). No less than a second (a bound
    too short for the probe's own 2 s keeps them)."""
    bound = math.floor(seconds)
    while bound > 1 and bound + probe_wait(bound) > seconds:
        bound -= 1
    return max(1, bound)


@contextmanager
def answered_in_all() -> Iterator[None]:
    """``answering`` such that a frozen server is refused within ``ANSWER_WAIT_S`` in all, its probe
    included (``bound_in_all``): for a read right after a write was saved, whose failure is said as "saved,
    but could not be read afterwards". A slow statement on a server that answers is still waited for."""
    with answering(bound_in_all(ANSWER_WAIT_S)):
        yield


def wait_bound() -> float:
    """The bound in force in this thread: ``answering``'s, else ``ANSWER_WAIT_S``."""
    bound = _bound.get()
    return ANSWER_WAIT_S if bound is None else bound


@functools.cache
def connection_class() -> Any:
    """psycopg's Connection, with the wait for each answer bounded (``wait_bound``). A psycopg without the
    (private) bounded wait, older than 3.3.6, is logged as an error: the bound does nothing."""
    import psycopg
    from psycopg import errors

    timed_out = getattr(errors, "_WaitTimeout", None)
    if timed_out is None or "timeout" not in inspect.signature(psycopg.Connection.wait).parameters:
        logger.error(UNBOUNDED, psycopg.__version__)

    class AnsweringConnection(psycopg.Connection):  # type: ignore[type-arg]
        def wait(self, gen: Any, *args: Any, **kwargs: Any) -> Any:
            if timed_out is None or kwargs.get("timeout") is not None or len(args) > 1:
                return super().wait(gen, *args, **kwargs)
            waited = 0.0
            while True:
                bound = wait_bound()
                try:
                    # resumed after a bound, the generator is sent None: nothing ready, it waits again
                    return super().wait(gen, *args, **{**kwargs, "timeout": bound})
                except timed_out:
                    waited += bound
                    # a slow statement on a server that answers: another bound, and ask again; but not for
                    # good (a runaway statement, a backend stuck on hung storage): LONG_WAIT_S in all, and
                    # long work four of its bounds
                    ceiling = LONG_WAIT_S if bound < LONG_WAIT_S else 4 * bound
                    if still_working(self, bound) and waited < ceiling:
                        continue
                    bound = waited
                    # the protocol is halfway through a message: the connection cannot be used again; its
                    # backend, which may still hold a transaction's locks, is ended from the next connection
                    orphaned(self)
                    self.close()
                    raise errors.OperationalError(NO_ANSWER.format(seconds=bound)) from None

    return AnsweringConnection


def silent_ping(context: Any) -> None:
    """``handle_error``: a pooled connection whose ping (pre-ping, as it is taken from the pool) got no answer
    in time is not replaced by a new one: the server is frozen (a connection the network dropped fails its
    ping at once, TCP keepalives having closed it), and the new connection's own wait (``connect_timeout``)
    came on top of the ping's, the window waiting 15 s and told the server was "unavailable (connection
    timeout expired)" rather than that it stopped answering. The next action connects anew."""
    if context.is_pre_ping and str(context.original_exception).startswith(NO_ANSWER.split("{")[0]):
        context.is_disconnect = False


UNBOUNDED = (
    "psycopg %s has no bounded wait (Connection.wait(timeout=), errors._WaitTimeout; psycopg >= 3.3.6): "
    "an action waits for a frozen PostgreSQL server for good"
)


def connect(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
    """``do_connect``: a new PostgreSQL connection of the class above (which keeps how it was made, for
    ``still_working``'s new connection)."""
    conn = connection_class().connect(*cargs, **cparams)
    conn.newstag_connect = (list(cargs), dict(cparams))
    return conn


def probe_wait(bound: float) -> int:
    """How long ``still_working`` waits for a new connection, then for its answer: half the bound, no less
    than libpq's shortest connect_timeout (2 s)."""
    return max(2, math.ceil(bound / 2))


def still_working(conn: Any, bound: float) -> bool:
    """After ``bound`` with no answer on ``conn``: whether the server answers a new connection (made as
    ``conn`` was, waiting ``probe_wait``) and says ``conn``'s backend is still running a statement
    (``active``): a slow statement on a healthy server (a label renamed over millions of spans), which is
    waited for. False when the server does not answer (frozen), or the backend is not working for us (the
    line to it went silent): the statement is refused."""
    backend = getattr(conn, "newstag_backend", None)
    made = getattr(conn, "newstag_connect", None)
    if backend is None or made is None:  # a connection of our own look (no backend noted): not asked
        return False
    import psycopg

    cargs, cparams = made
    wait = probe_wait(bound)
    try:
        with answering(wait):
            probe = connection_class().connect(
                *cargs, **{**cparams, "connect_timeout": wait, "autocommit": True}
            )
            try:
                row = probe.execute(
                    "SELECT state, wait_event FROM pg_stat_activity WHERE pid = %s AND backend_start = %s",
                    tuple(backend),
                ).fetchone()
            finally:
                probe.close()
    except psycopg.Error as exc:
        # the server answered, with a refusal (too many clients …): a refusal at connect carries no sqlstate,
        # only the server's own "FATAL:" in libpq's message
        if getattr(exc, "sqlstate", None) or "FATAL:" in str(exc):
            logger.warning("no answer in %g s; the server answers a new connection with: %s", bound, exc)
            return True
        logger.warning("no answer in %g s, nor on a new connection: %s", bound, str(exc).strip())
        return False
    # a COMMIT waiting for a synchronous standby that is gone (SyncRep) waits for good: not working for us
    working = row is not None and row[0] == "active" and row[1] != "SyncRep"
    logger.warning(
        "no answer in %g s; the server answers, and backend %s is %s",
        bound,
        backend[0],
        "still running the statement: waiting another bound" if working else (row[0] if row else "gone"),
    )
    return working


# Backends whose connection this process gave up (no answer in time): (host, port, dbname) -> {(pid,
# backend_start)}. A network that went silent never delivers our Terminate: such a backend stays "idle in
# transaction", holding its document's row lock for hours, and every retry on the document is refused as
# locked. The next connection to the same database ends it (``end_orphans``).
_orphans: dict[tuple[str, str, str], set[tuple[int, Any]]] = {}
_orphans_lock = threading.Lock()


def _server(conn: Any) -> tuple[str, str, str]:
    return (conn.info.host, str(conn.info.port), conn.info.dbname)


def identify(conn: Any) -> None:
    """On connect: note the backend's pid and start (``orphaned`` needs them once no answer comes)."""
    conn.newstag_backend = conn.execute(
        "SELECT pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()"
    ).fetchone()


def orphaned(conn: Any) -> None:
    backend = getattr(conn, "newstag_backend", None)
    if backend is not None:
        with _orphans_lock:
            _orphans.setdefault(_server(conn), set()).add(tuple(backend))


def end_orphans(conn: Any) -> None:
    """On connect (autocommit): end the backends of this database given up by this process that sit idle in
    a transaction (no client will ever finish it); forget those that are gone."""
    import psycopg

    with _orphans_lock:
        pending = set(_orphans.get(_server(conn), ()))
    for pid, started in pending:
        try:
            row = conn.execute(
                "SELECT state FROM pg_stat_activity WHERE pid = %s AND backend_start = %s", (pid, started)
            ).fetchone()
            if row is not None and row[0] == "active":
                continue  # running a statement (a COMMIT, perhaps): ``transaction_landed`` waits for it
            if row is not None and row[0].startswith("idle in transaction"):
                logger.warning("ending backend %s, left %s by a connection given up", pid, row[0])
                # it lets go of its locks as it exits, within the lock wait of the statement that needs them;
                # checked and ended in one statement, so a pid reused meanwhile is never ended, and a backend
                # merely idle (holding no lock: a pooler may have handed it to another client) is left alone
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = %s"
                    " AND backend_start = %s AND state LIKE 'idle in transaction%%'",
                    (pid, started),
                )
        except psycopg.Error as exc:  # not allowed (another role's backend): its locks go with TCP keepalives
            logger.warning("cannot end backend %s: %s", pid, exc)
            if conn.closed:
                raise
        with _orphans_lock:
            _orphans.get(_server(conn), set()).discard((pid, started))


# A transaction's id and status (PostgreSQL 13 and later; the older names before, deprecated since)
_XACT = {
    True: ("pg_current_xact_id_if_assigned()", "SELECT pg_xact_status(CAST(:xid AS xid8))"),
    False: ("txid_current_if_assigned()", "SELECT txid_status(CAST(:xid AS bigint))"),
}


def _modern(dialect: Any) -> bool:
    return tuple(dialect.server_version_info or (13,)) >= (13,)


@dataclass(frozen=True, slots=True)
class Ticket:
    """What identifies a PostgreSQL transaction once its connection is gone: its id and its backend."""

    xid: str
    pid: int
    backend_start: Any


def ticket(s: Session) -> Ticket | None:
    """The ticket of the session's transaction (read just before its COMMIT), None on SQLite and for a
    transaction that wrote nothing (no id assigned: nothing to look up; asking for an id would make one, and
    fails on a read-only standby)."""
    if s.get_bind().dialect.name == "sqlite":
        return None
    xid, pid, started = s.execute(
        text(
            f"SELECT {_XACT[_modern(s.get_bind().dialect)][0]}::text, pid, backend_start "
            "FROM pg_stat_activity WHERE pid = pg_backend_pid()"
        )
    ).one()
    return None if xid is None else Ticket(xid, pid, started)


def transaction_landed(engine: Engine, sent: Ticket, wait_s: float | None = None) -> bool | None:
    """Whether the transaction of ``sent``, whose COMMIT's answer was lost, was committed: asked on a new
    connection (``pg_xact_status``). A COMMIT still running (a slow server: it may land after the bound) is
    waited for up to ``wait_s`` (``ANSWER_WAIT_S``), then its backend is ended and the server asked again:
    committed or aborted, the answer is final. None when the server cannot be asked, or cannot tell."""
    deadline = time.monotonic() + (wait_bound() if wait_s is None else wait_s)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            gone = False  # its backend has exited: the status it left is final
            ended_at: float | None = None  # when its backend was told to end
            while True:
                status = conn.execute(text(_XACT[_modern(engine.dialect)][1]), {"xid": sent.xid}).scalar()
                if status == "committed":
                    return True
                if status == "aborted":
                    return False
                if status != "in progress" or gone:
                    break
                gone = not conn.execute(
                    text("SELECT 1 FROM pg_stat_activity WHERE pid = :pid AND backend_start = :started"),
                    {"pid": sent.pid, "started": sent.backend_start},
                ).first()
                now = time.monotonic()
                if gone:
                    continue
                if ended_at is None and now >= deadline:
                    logger.warning("ending backend %s, whose COMMIT has not come to an end", sent.pid)
                    conn.execute(  # checked and ended in one statement: a pid reused meanwhile is not ours
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            " WHERE pid = :pid AND backend_start = :started"
                        ),
                        {"pid": sent.pid, "started": sent.backend_start},
                    )
                    ended_at = now
                elif ended_at is not None and now >= ended_at + 5:
                    break  # it does not end
                time.sleep(0.05)
    except DBAPIError as exc:
        logger.warning("cannot find out whether transaction %s was saved: %s", sent.xid, exc)
        return None
    logger.warning("the server cannot tell whether transaction %s was saved (%s)", sent.xid, status)
    return None


def commit_landed(where: str, detail: str) -> Fault:
    """The note of an action whose COMMIT's answer was lost (``detail``) but that the server has."""
    return Fault(FaultKind.LANDED, where, detail, LANDED)


def commit_lost(where: str, detail: str, landed: bool | None) -> StoreUnavailable:
    """The refusal of an action whose COMMIT's answer was lost (``detail``: the driver's words), by what the
    server said when asked again: it does not have it (``landed`` False), or it could not be asked (None)."""
    if landed is None:
        doubt = Fault(FaultKind.IN_DOUBT, where, detail, IN_DOUBT)
        return StoreUnavailable(doubt.render(), doubt)
    refused = Fault(FaultKind.UNAVAILABLE, where, detail, LOST_NOT_SAVED)
    return StoreUnavailable(NOT_SAVED.format(refused.render()), refused)
