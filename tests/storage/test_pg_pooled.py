"""newstag through a pooler in transaction mode (a pgbouncer of the test's own, ``tests/pg_bouncer.py``),
which runs each transaction on whichever server connection is free: a slow statement is watched on the
backend that runs it, not on the one the connection first had (refused as the server's that stopped
answering, that backend, another client's, was then ended as given up); a query run again after its
transactions moved is not looked for as a prepared statement the new backend lacks; and an action waiting on
a frozen peer's row lock is refused after the lock wait, naming the peer, the database as it was, the peer
left alone."""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import make_url, text

import storage.answers
from model.commands import AddSpans, Context
from model.faults import LOCK_WAIT_S, FaultKind
from model.ops import StoreUnavailable
from model.spans import Entity
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.conftest import add_documents
from tests.pg_bouncer import transaction_pooler
from tests.pg_proxy import BOUND

pytestmark = pytest.mark.postgres


@pytest.fixture
def pooled_url(pg_project: Project, pg_database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", BOUND)  # the probe comes after 1 s, not 10
    with transaction_pooler(pg_database) as url:
        yield url


def _libpq(url: str, name: str) -> str:
    parsed = make_url(url)
    return (
        f"host={parsed.host} port={parsed.port} user={parsed.username} dbname={parsed.database} "
        f"application_name='{name}'"
    )


def _backend(project: Project) -> int:
    with project.transaction() as s:
        return int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_slow_statement_is_watched_on_the_backend_that_runs_it(pooled_url: str) -> None:
    project = Project.open(pooled_url)
    try:
        for _ in range(8):  # the same queries, again and again (psycopg prepared them after five)
            first = _backend(project)
        # another client's transaction takes the server connection ours had: ours runs on another
        with psycopg.connect(_libpq(pooled_url, "other")) as other:
            taken = other.execute("SELECT pg_backend_pid()").fetchone()
            assert taken is not None and taken[0] == first
            started = time.monotonic()
            with project.transaction() as s:  # 2.5 s: past the bound, on a server that answers
                ran = s.execute(text("SELECT pg_backend_pid() FROM pg_sleep(2.5)")).scalar_one()
            assert ran != first
            assert time.monotonic() - started >= 2.5  # waited for, not refused after the bound
            assert _backend(project) != first
            # the other client's transaction goes on: no backend of ours was given up and ended
            assert other.execute("SELECT pg_backend_pid()").fetchone() == taken
    finally:
        project.close()


def test_an_action_on_a_frozen_peers_row_lock_is_refused_after_the_lock_wait_naming_it(
    pooled_url: str, pg_project: Project
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    project = Project.open(pooled_url)
    try:
        me = project.annotator("ann")
        _backend(project)  # the session's settings are made on the server connection it first has
        before = snapshot(pg_project)
        with psycopg.connect(_libpq(pooled_url, "newstag bob@desk-3")) as peer:
            # a peer's action: the document's row lock, taken on that same server connection, and then
            # nothing (the peer frozen, its transaction never finishing)
            peer.execute("SELECT id FROM documents WHERE id = %s FOR NO KEY UPDATE", (doc,))
            (pid,) = peer.execute("SELECT pg_backend_pid()").fetchone() or (0,)
            time.sleep(0.2)
            started = time.monotonic()
            with pytest.raises(StoreUnavailable) as caught:
                AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(project.annotations)
            waited = time.monotonic() - started
            assert caught.value.kind is FaultKind.LOCKED, caught.value
            assert LOCK_WAIT_S <= waited < LOCK_WAIT_S + 3
            said = str(caught.value)
            assert "another session has held a lock newstag needs for more than 5 seconds" in said
            assert f"{pid} (newstag bob@desk-3, " in said and ", idle in transaction, " in said, said
            assert snapshot(pg_project) == before
            # the peer is left alone: its transaction is still open
            assert peer.execute("SELECT 1").fetchone() == (1,)
        AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(project.annotations)  # gone: saved
        assert len(snapshot(pg_project)["spans"]) == 1
    finally:
        project.close()


# newstag's settings that would change another program's work: its lock wait, its check interval, and its
# tcp_user_timeout, which cut off a backend sending a big result the other program read slowly (zero
# window over 9 s). Its tcp_keepalives_* are set for the session, left out here: through a pooler they
# watch the pooler, which answers probes for newstag's connection or another program's alike
SESSION_SETTINGS = ("lock_timeout", "client_connection_check_interval", "tcp_user_timeout")


def _shown(conn: psycopg.Connection) -> dict[str, str]:
    return {name: str((conn.execute(f"SHOW {name}").fetchone() or ("?",))[0]) for name in SESSION_SETTINGS}


def test_another_program_through_the_pooler_sees_the_servers_defaults(pg_database: str) -> None:
    """newstag's lock wait and server-side keepalive settings were SET for the session on connecting: through
    a pooler in transaction mode they stayed on the shared server connection, and another program using the
    pooler ran with newstag's 5 s lock wait. They are set in each transaction now. Its 9 s tcp_user_timeout,
    set for the session later, did the same: another program's slow read of a big result was cut off."""
    with psycopg.connect(_libpq(pg_database, "direct"), autocommit=True) as direct:
        defaults = _shown(direct)
    with transaction_pooler(pg_database, pool_size=1) as url:  # one server connection, shared
        project = Project.open(url)
        try:
            with project.transaction() as s:  # newstag's own transaction has its settings
                ours = {
                    name: s.execute(text(f"SHOW {name}")).scalar_one()
                    for name in (*SESSION_SETTINGS, "tcp_keepalives_idle")
                }
            with psycopg.connect(_libpq(url, "otherapp"), autocommit=True) as other:
                seen = _shown(other)
        finally:
            project.close()
    assert ours["lock_timeout"] == f"{LOCK_WAIT_S}s" and ours["tcp_keepalives_idle"] == "3"
    assert ours["tcp_user_timeout"] == "9000"
    assert {name: ours[name] for name in SESSION_SETTINGS} != defaults  # else the test would show nothing
    assert seen == defaults
