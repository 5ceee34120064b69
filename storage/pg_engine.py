"""The engine of a PostgreSQL database, with the bounds newstag relies on: to connect, to wait for a lock, to
notice a server the network no longer reaches, and (``storage.answers``) to wait for an action's answers."""

from __future__ import annotations

import configparser
import getpass
import logging
import os
import socket
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event

from storage import answers
from storage.lock_holders import note_holders

logger = logging.getLogger(__name__)

# TCP settings of a PostgreSQL connection (libpq's), for a server the network no longer reaches (a cable, a
# VPN, a host gone), idle in the pool or not: the kernel probes a connection quiet for 3 s every 2 s and gives
# it up after 3 probes unanswered, and gives up data the server has not acknowledged after 9 s: within the
# answer bound (``model.faults.ANSWER_WAIT_S``, 10 s) either way (5 s, 2 s, 3 and 10 s took 11 s). A URL
# that sets one of them keeps its own. A server that is reached but frozen still acknowledges:
# ``storage.answers`` bounds the wait of an action for its answer.
TCP_SETTINGS = {
    "keepalives": 1,
    "keepalives_idle": 3,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 9_000,
}


# The same for the server's side of the connection, set in each transaction (SET LOCAL) and, the TCP ones,
# for the session too: a client the network no longer reaches is given up after about 9 s, so its backend,
# idle in a transaction or idle in the pool, lets go of its locks and its connection slot
# (``tcp_user_timeout`` when its last answer went unacknowledged, which keepalives wait for); and a statement
# running for a client gone is stopped (PostgreSQL 14 and later). The lock wait is never set for the
# session: a pooler shares it
SERVER_SETTINGS = {
    "tcp_keepalives_idle": "3",
    "tcp_keepalives_interval": "2",
    "tcp_keepalives_count": "3",
    "tcp_user_timeout": "9000",
    "client_connection_check_interval": "2000",
}
# libpq's environment variables for the settings above: one set in the environment is kept
ENVIRONMENT = {"connect_timeout": "PGCONNECT_TIMEOUT", "application_name": "PGAPPNAME"}
# Servers on which a client connection's transactions were seen on different backends (a pooler in
# transaction mode: pgbouncer's ``pool_mode = transaction``), said once each
_pooled: set[tuple[str, str, str]] = set()


def application_name() -> str:
    """How newstag's sessions name themselves to the server (``pg_stat_activity.application_name``): newstag,
    the user and the machine, so that a lock one of them holds can be told whose it is."""
    try:
        user = getpass.getuser()
    except Exception:  # no name for this user id
        user = "?"
    return f"newstag {user}@{socket.gethostname()}"[:63]  # the server keeps 63 bytes


def transaction_begun(conn: Connection, lock_wait_ms: int) -> None:
    """At the start of every transaction, in one statement: its lock wait (a statement waits at most
    ``lock_wait_ms`` for a lock, as SQLite's ``busy_timeout``: without it an action waited as long as the lock
    was held, the window frozen), the server's side settings the
    server accepted (``SERVER_SETTINGS``), all ``SET LOCAL``, and the backend that runs it (``still_working``
    watches it, ``orphaned`` notes it). A pooler in transaction mode hands each transaction to whichever
    server connection is free, so a session's ``SET lock_timeout`` (made on the one the connection first
    had) did not reach the one that runs it (an action then waited on a frozen peer's row lock until the
    5-minute ceiling), and stayed on the shared server connection for other programs; the probe watched a
    backend that may be serving another client (it refused a slow statement as the server's that stopped
    answering, and the backend, noted as given up, was ended by the next connection: another client's
    transaction). Run through SQLAlchemy's connection, as any statement: a failure (a frozen server, a
    dropped connection) is an error SQLAlchemy knows, which the ``handle_error`` listeners see and the
    action turns into ``StoreUnavailable`` (run on the driver's connection, it came out as psycopg's own
    error, a traceback to the user)."""
    dbapi_connection: Any = conn.connection.dbapi_connection
    settings: dict[str, str] = getattr(dbapi_connection, "newstag_settings", {})
    row = conn.exec_driver_sql(
        "SELECT set_config('lock_timeout', %s, true), "
        + "".join("set_config(%s, %s, true), " for _ in settings)
        + "pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()",
        (f"{lock_wait_ms}ms", *(part for item in settings.items() for part in item)),
    ).first()
    before = getattr(dbapi_connection, "newstag_backend", None)
    if row is None:
        return
    backend = (row[-2], row[-1])
    if before is not None and tuple(before) != backend:
        server = answers._server(dbapi_connection)
        if server not in _pooled:
            _pooled.add(server)
            logger.warning(
                "transactions of one connection run on different backends (%s, then %s): a pooler in "
                "transaction mode; each transaction sets its own lock wait and keepalive settings and is "
                "watched on its own backend, but the server's keepalives watch the pooler, not this "
                "program (the pooler's own timeouts apply)",
                before[0],
                backend[0],
            )
    dbapi_connection.newstag_backend = backend


def kept_settings(url: URL) -> set[str]:
    """The connection settings the user set, which newstag's do not override: in the URL, in the
    environment, or in the pg_service.conf section the URL (or PGSERVICE) names; all of them when the
    section cannot be read."""
    kept = {key for key in url.query} | {key for key, var in ENVIRONMENT.items() if os.environ.get(var)}
    service = url.query.get("service") or os.environ.get("PGSERVICE")
    if isinstance(service, tuple):
        service = service[-1]
    if not service:
        return kept
    files = [os.environ.get("PGSERVICEFILE") or str(Path.home() / ".pg_service.conf")]
    if sysconf := os.environ.get("PGSYSCONFDIR"):
        files.append(str(Path(sysconf) / "pg_service.conf"))
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(files, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        logger.warning("cannot read the service %s (%s): its connection settings are kept", service, exc)
        return kept | {"connect_timeout", *TCP_SETTINGS}
    if not parser.has_section(service):  # a system-wide file elsewhere, perhaps: keep what it may set
        return kept | {"connect_timeout", *TCP_SETTINGS}
    return kept | set(parser[service])


def pg_engine(url: URL, connect_wait_s: int, lock_wait_ms: int) -> Engine:
    """The engine of the PostgreSQL database at ``url`` (psycopg's driver). pre-ping: a connection the server
    dropped (restarted, or pg_terminate_backend) is replaced before use. A bounded connect: a server that
    takes the connection and never answers (frozen, a host gone behind a router) refuses the action after
    ``connect_wait_s`` instead of freezing the window for minutes or for good."""
    wanted: dict[str, Any] = {
        "connect_timeout": connect_wait_s,
        **TCP_SETTINGS,
        "application_name": application_name(),
    }
    # no server-side prepared statements (psycopg prepares a query run five times): a pooler in transaction
    # mode (pgbouncer before 1.21, or without max_prepared_statements) runs the next transaction on another
    # backend, which does not have them ("prepared statement "_pg3_0" does not exist"), and newstag cannot
    # tell a pooler before its transactions move
    fixed: dict[str, Any] = {"prepare_threshold": None}
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={key: value for key, value in wanted.items() if key not in kept_settings(url)} | fixed,
    )
    event.listen(engine, "do_connect", answers.connect)  # an action's wait for an answer is bounded
    event.listen(engine, "handle_error", answers.silent_ping)  # a frozen server: no new connection's wait
    event.listen(engine, "handle_error", note_holders)  # a lock waited for in vain: who holds locks
    event.listen(engine, "begin", lambda conn: transaction_begun(conn, lock_wait_ms))

    def connected(dbapi_connection: Any, _record: Any) -> None:
        """A new connection: which of ``SERVER_SETTINGS`` the server accepts (each transaction sets them, with
        its lock wait, in ``transaction_begun``; of them only the ``tcp_keepalives_*`` are set for the session
        too: through a pooler in transaction mode a session setting stays on the shared server connection,
        seen by other programs), who it is, and backends this process gave up."""
        import psycopg

        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            accepted: dict[str, str] = {}
            for name, value in SERVER_SETTINGS.items():
                if (
                    name == "client_connection_check_interval"
                    and dbapi_connection.info.server_version < 140000
                ):
                    continue
                try:  # tried, not kept: a statement of its own, SET LOCAL, ends at once
                    dbapi_connection.execute("SELECT set_config(%s, %s, true)", (name, value), prepare=False)
                except (
                    psycopg.Error
                ) as exc:  # a server that refuses it (on Windows the check interval must be 0)
                    logger.warning("the server refuses SET %s = %s: %s", name, value, exc)
                else:
                    accepted[name] = value
            dbapi_connection.newstag_settings = accepted  # set in each transaction (transaction_begun)
            # and the keepalives for the session too: between transactions the server's own (a first probe
            # after 2 hours on Linux) kept the backend of a connection idle in the pool, its client gone with
            # the network, for hours, a connection slot each. Through a pooler they stay on the pooler's
            # server connection, whose peer is the pooler, which answers probes whatever its clients do. Not
            # tcp_user_timeout: a backend writing a big result to a client that reads it slowly (the pooler
            # passing on a zero window) would be cut off after 9 s, another program's COPY through the
            # pooler among them; only a transaction of newstag's has it (SET LOCAL), an idle connection has
            # no unacknowledged data, which is all it bounds
            for name, value in accepted.items():
                if name.startswith("tcp_keepalives_"):
                    dbapi_connection.execute("SELECT set_config(%s, %s, false)", (name, value), prepare=False)
            answers.identify(dbapi_connection)
            answers.end_orphans(dbapi_connection)  # a backend this process gave up, holding its locks
        finally:
            dbapi_connection.autocommit = autocommit

    event.listen(engine, "connect", connected)
    return engine
