"""Run inside a network namespace of its own (``unshare --net``, ``tests/storage/test_pg_dead_network.py``):
a PostgreSQL cluster of its own (``tests/private_pg.py``) on that namespace's loopback, a project on it, and
then the loopback taken down (``ip link set lo down``): every packet either way is dropped and neither side
hears a word, as when a cable, a VPN or a host's network goes. Nothing outside the namespace is touched.

Prints one JSON line: how long the connection the pool holds idle took to be found dead (its socket given
up by the kernel), whether, the network back (two seconds after the answer bound), the next action was saved
and how long it took, and whether the server still has the idle connection's backend, and the backend of
an action cut off in its transaction."""

from __future__ import annotations

import json
import select
import subprocess
import time
from typing import Any

import psycopg
from sqlalchemy import text

from model.commands import AddSpans, Context
from model.faults import ANSWER_WAIT_S
from model.spans import Entity, Layer
from storage.project import Project
from tests.gui.conftest import add_documents
from tests.private_pg import private_cluster


def _loopback(state: str) -> None:
    subprocess.run(["ip", "link", "set", "lo", state], check=True)


def main() -> None:
    _loopback("up")
    with private_cluster() as cluster:
        project = Project.open(cluster.url)
        try:
            (doc,) = add_documents(project, ["北京欢迎你"])
            me = project.annotator("ann")
            AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(project.annotations)
            # a window's action in the middle of its transaction, holding its document's row lock, the
            # network gone as the server answers (the client's acknowledgement of it delayed: never sent);
            # checked out first, so that the connection below is another, left idle in the pool (returned
            # before, the pool handed the same connection to the action: the idle case was never played)
            acting = project.engine.connect()
            busy = acting.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
            with project.engine.connect() as conn:  # the connection the pool keeps, idle from now on
                idle: Any = conn.connection.dbapi_connection
                socket, pid = idle.pgconn.socket, idle.info.backend_pid
            time.sleep(1)  # idle: every answer delivered and acknowledged
            acting.begin()
            acting.execute(text("SELECT id FROM documents WHERE id = :id FOR UPDATE"), {"id": doc})
            _loopback("down")
            cut = time.monotonic()
            readable, _, _ = select.select([socket], [], [], 60)  # the kernel gives the socket up: readable
            found_dead = time.monotonic() - cut if readable else None
            time.sleep(max(0.0, cut + ANSWER_WAIT_S + 2 - time.monotonic()))  # the server's side, too
            # asked on the cluster's Unix socket, which the network's loss does not reach
            with psycopg.connect(
                host=str(cluster.folder), port=cluster.port, user="newstag", dbname="postgres"
            ) as local:
                left, busy_left = (
                    local.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (p,)).fetchone()[0]  # type: ignore[index]
                    for p in (pid, busy)
                )
            _loopback("up")
            started = time.monotonic()
            try:
                AddSpans(Context(doc, me.id), [Entity(2, 4, "LOC")]).do(project.annotations)
                saved = True
            except Exception as exc:  # said in the output, not raised: the test reads it
                saved = repr(exc)
            next_action = time.monotonic() - started
            spans = len(project.annotations.spans(doc, Layer.ANNOTATOR, me.id))
            acting.invalidate()
        finally:
            project.close()
    print(
        json.dumps(
            {
                "two_backends": pid != busy,
                "found_dead": found_dead,
                "saved": saved,
                "next_action": next_action,
                "spans": spans,
                "backend_left": left,
                "busy_backend_left": busy_left,
            }
        )
    )


if __name__ == "__main__":
    main()
