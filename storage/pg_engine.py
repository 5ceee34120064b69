"""The engine of a PostgreSQL database, with the bounds newstag relies on: to connect, to wait for a lock, to
notice a server the network no longer reaches, and (``storage.answers``) to wait for an action's answers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

from storage import answers

# TCP settings of a PostgreSQL connection (libpq's), for a server the network no longer reaches (a cable, a
# VPN, a host gone): the kernel probes a connection quiet for 5 s every 2 s and gives it up after 3 probes
# unanswered (about 11 s), and gives up data the server has not acknowledged after 10 s. A URL that sets one
# of them keeps its own. A server that is reached but frozen still acknowledges: ``storage.answers`` bounds
# the wait of an action for its answer (``model.faults.ANSWER_WAIT_S``).
TCP_SETTINGS = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


def pg_engine(url: URL, connect_wait_s: int, lock_wait_ms: int) -> Engine:
    """The engine of the PostgreSQL database at ``url`` (psycopg's driver). pre-ping: a connection the server
    dropped (restarted, or pg_terminate_backend) is replaced before use. A bounded connect: a server that
    takes the connection and never answers (frozen, a host gone behind a router) refuses the action after
    ``connect_wait_s`` instead of freezing the window for minutes or for good."""
    wanted: dict[str, Any] = {"connect_timeout": connect_wait_s, **TCP_SETTINGS}
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={key: value for key, value in wanted.items() if key not in url.query},
    )
    event.listen(engine, "do_connect", answers.connect)  # an action's wait for an answer is bounded

    def lock_wait(dbapi_connection: Any, _record: Any) -> None:
        """A statement waits at most ``lock_wait_ms`` for a lock (a row another session is writing, a ``LOCK
        TABLE`` held in psql), as SQLite's ``busy_timeout``: without it an action waited as long as the lock
        was held, the window frozen, and then reported it done."""
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            dbapi_connection.execute(f"SET lock_timeout = {lock_wait_ms}")
        finally:
            dbapi_connection.autocommit = autocommit

    event.listen(engine, "connect", lock_wait)
    return engine
