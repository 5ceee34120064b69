"""Who holds the lock an action waited for in vain, as far as PostgreSQL can tell: when a statement is
refused for its lock wait (``lock_timeout``), the server is asked, on a new connection, which other sessions
of the database have been in a transaction for longer than that wait while holding more than a read's lock;
their pid, program (``application_name``: newstag names itself with the user and the machine), user and
address, state and the time their transaction began are noted on the error, which ``storage.db`` words (a
frozen peer, idle in a transaction for minutes, is named, so that whoever runs the server can end it). The
wait is over by then, so the server can no longer say exactly which lock (``pg_blocking_pids``); sessions
that held locks all through it are the ones that can have held it."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from model.faults import LOCK_WAIT_S
from storage import answers

logger = logging.getLogger(__name__)

HOLDERS = "newstag_lock_holders"  # the attribute of the driver's error that holds them (a str)
LOCK_NOT_AVAILABLE = "55P03"  # "canceling statement due to lock timeout"
SHOWN = 3  # sessions named at most, the oldest first

_HOLDING = """
SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.state, a.xact_start
FROM pg_stat_activity a
WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.pid <> %(ours)s
  AND a.xact_start < now() - make_interval(secs => %(wait)s)
  AND EXISTS (
    SELECT 1 FROM pg_locks l
    WHERE l.pid = a.pid AND l.granted AND l.mode <> 'AccessShareLock' AND l.locktype <> 'virtualxid'
  )
ORDER BY a.xact_start
LIMIT %(shown)s
"""


def note_holders(context: Any) -> None:
    """``handle_error``: on a statement refused for its lock wait, note who holds locks (``HOLDERS``)."""
    error = context.original_exception
    if getattr(error, "sqlstate", None) != LOCK_NOT_AVAILABLE or context.connection is None:
        return
    try:
        conn = context.connection.connection.dbapi_connection
    except Exception:  # the connection is gone already: nothing to ask with
        return
    made = getattr(conn, "newstag_connect", None)
    if made is None:
        return
    backend = getattr(conn, "newstag_backend", None)
    holders = holding(made, backend[0] if backend else 0)
    if holders:
        setattr(error, HOLDERS, holders)


def holding(made: tuple[list[Any], dict[str, Any]], ours: int) -> str:
    """The sessions (other than ``ours``) that have held locks for longer than the lock wait, asked on a new
    connection made as ``made`` says (within the answer bound); "" when none, or when the server cannot be
    asked."""
    import psycopg

    cargs, cparams = made
    wait = answers.probe_wait(answers.wait_bound())
    try:
        with answers.answering(wait):
            probe = answers.connection_class().connect(
                *cargs, **{**cparams, "connect_timeout": wait, "autocommit": True}
            )
            try:
                rows = probe.execute(
                    _HOLDING, {"ours": ours, "wait": LOCK_WAIT_S, "shown": SHOWN}, prepare=False
                ).fetchall()
            finally:
                probe.close()
    except psycopg.Error as exc:
        logger.warning("cannot ask who holds the lock: %s", exc)
        return ""
    said = "; ".join(
        f"{pid} ({program or '?'}, {user}@{address or 'local'}, {state}, {since(started)})"
        for pid, program, user, address, state, started in rows
    )
    if said:
        logger.warning("a lock waited for in vain; holding locks for longer: %s", said)
    return said


def since(started: datetime, now: datetime | None = None) -> str:
    """When a session's transaction began, in local time: the time of day, with the date before it when that
    is not today (a peer frozen since yesterday's 10:00 read as if it had been this morning's)."""
    local = started.astimezone()
    today = (now or datetime.now(local.tzinfo)).astimezone(local.tzinfo).date()
    return local.strftime("%H:%M:%S" if local.date() == today else "%Y-%m-%d %H:%M:%S")
