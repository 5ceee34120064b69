"""PostgreSQL faults under an open project: another session holding a lock an action needs (the action is
refused after a bounded wait, as SQLite's ``database is locked`` is, never held until the lock goes, the
window frozen, and never reported done), and the server ending the connection in the middle of an import
(the file is refused whole)."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

import storage.db
from gui.cli import main
from model.commands import AddSpans, Context
from model.faults import FaultKind
from model.ops import StoreUnavailable
from model.spans import Entity
from storage.db import LOCK_WAIT_MS, DatabaseError
from storage.import_sink import Sink
from storage.import_types import BATCH
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.conftest import add_documents

pytestmark = pytest.mark.postgres


def _libpq(url: str) -> str:
    parsed = make_url(url)
    return f"host={parsed.host} port={parsed.port or 5432} user={parsed.username} dbname={parsed.database}"


def test_an_action_waiting_on_a_table_lock_is_refused_after_a_bounded_wait(pg_project: Project) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    me = pg_project.annotator("ann")
    before = snapshot(pg_project)
    url = pg_project.engine.url.render_as_string(hide_password=False)
    with psycopg.connect(_libpq(url) + " application_name=psql") as locker:
        locker.execute("LOCK TABLE spans IN ACCESS EXCLUSIVE MODE")  # as a lead might in psql
        (pid,) = locker.execute("SELECT pg_backend_pid()").fetchone() or (0,)
        # let go after 12 s: without a bound the action waited for it, then was saved late, not refused
        releaser = threading.Timer(12, locker.rollback)
        releaser.start()
        started = time.monotonic()
        try:
            with pytest.raises(StoreUnavailable) as caught:
                AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(pg_project.annotations)
            waited = time.monotonic() - started
        finally:
            releaser.join()
    assert LOCK_WAIT_MS / 1000 <= waited < LOCK_WAIT_MS / 1000 + 3
    assert caught.value.kind is FaultKind.LOCKED
    said = str(caught.value)
    assert "is busy: another session has held a lock newstag needs for more than 5 seconds " in said
    # the server names who holds locks for longer than the wait: the psql session, idle in its transaction
    assert re.search(
        re.escape(
            "(canceling statement due to lock timeout); holding locks for longer (pid, program, "
            f"user@address, state, since): {pid} (psql, {make_url(url).username}@127.0.0.1, "
            "idle in transaction, "
        )
        + r"\d\d:\d\d:\d\d\); your action was not saved$",
        said,
    ), said
    assert snapshot(pg_project) == before
    AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(pg_project.annotations)  # the lock gone: saved
    assert len(snapshot(pg_project)["spans"]) == 1


def test_an_import_whose_connection_dies_mid_file_leaves_the_database_as_before(
    pg_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_documents(pg_project, ["北京欢迎你"])
    before = snapshot(pg_project)
    source = tmp_path / "news.jsonl"
    source.write_text(
        "".join(f'{{"text": "第{i}篇。上海市政府发布消息。"}}\n' for i in range(3 * BATCH)), encoding="utf-8"
    )
    url = pg_project.engine.url.render_as_string(hide_password=False)
    flush = Sink.flush
    batches = []

    def flush_then_lose_the_server(sink: Sink, batch: list) -> None:  # type: ignore[type-arg]
        flush(sink, batch)
        batches.append(len(batch))
        if len(batches) == 1:  # a batch written, others to come: the server ends the connection
            with psycopg.connect(_libpq(url), autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )

    monkeypatch.setattr(Sink, "flush", flush_then_lose_the_server)
    assert main(["--db", url, "import", "--quiet", str(source)]) == 1
    said = capsys.readouterr()
    err = said.out + said.err
    assert f"FAILED   {source}: could not be stored: the database " in err
    assert "is unavailable (terminating connection due to administrator command)" in err
    assert "(nothing from this file was imported)" in err
    assert batches == [BATCH]
    assert snapshot(pg_project) == before


def test_a_server_that_never_answers_is_refused_after_a_bounded_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that takes the connection and says nothing (frozen, say): opening the project waited for
    it for good; the window's next action would have too."""
    monkeypatch.setattr(storage.db, "CONNECT_WAIT_S", 2)
    outcome: list[BaseException | None] = []

    def open_project(port: int) -> None:
        try:
            Project.open(f"postgresql+psycopg://newstag@127.0.0.1:{port}/team").close()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel completes the handshake; nobody ever reads or answers
        opener = threading.Thread(target=open_project, args=(silent.getsockname()[1],), daemon=True)
        started = time.monotonic()
        opener.start()
        opener.join(timeout=20)
        waited = time.monotonic() - started
    assert outcome, "still waiting for a server that never answers"
    assert isinstance(outcome[0], DatabaseError) and waited < 10
    assert "127.0.0.1" in str(outcome[0]) and "timeout expired" in str(outcome[0])
