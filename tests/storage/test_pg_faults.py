"""PostgreSQL faults under an open project: another session holding a lock an action needs. The action is
refused after a bounded wait, as SQLite's ``database is locked`` is, never held until the lock goes (the
window frozen) and never reported done."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from sqlalchemy import make_url

from model.commands import AddSpans, Context
from model.faults import FaultKind
from model.ops import StoreUnavailable
from model.spans import Entity
from storage.db import LOCK_WAIT_MS
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
    with psycopg.connect(_libpq(url)) as locker:
        locker.execute("LOCK TABLE spans IN ACCESS EXCLUSIVE MODE")  # as a lead might in psql
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
    assert str(caught.value).endswith(
        "is busy: another session has held a lock newstag needs for more than 5 seconds "
        "(canceling statement due to lock timeout); your action was not saved"
    )
    assert snapshot(pg_project) == before
    AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(pg_project.annotations)  # the lock gone: saved
    assert len(snapshot(pg_project)["spans"]) == 1
