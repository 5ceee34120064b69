"""Run inside a network namespace of its own (``unshare --net``, ``tests/storage/test_pg_dead_network.py``):
a PostgreSQL cluster of its own (``tests/private_pg.py``) on that namespace's loopback, a project on it, and
then the loopback taken down (``ip link set lo down``): every packet either way is dropped and neither side
hears a word, as when a cable, a VPN or a host's network goes. Nothing outside the namespace is touched.

Prints one JSON line: how long the connection the pool holds idle took to be found dead (its socket given
up by the kernel), and whether, the network back, the next action was saved and how long it took."""

from __future__ import annotations

import json
import select
import subprocess
import time

from model.commands import AddSpans, Context
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
            with project.engine.connect() as conn:  # the connection the pool keeps, idle from now on
                socket = conn.connection.dbapi_connection.pgconn.socket  # type: ignore[union-attr]
            _loopback("down")
            started = time.monotonic()
            readable, _, _ = select.select([socket], [], [], 60)  # the kernel gives the socket up: readable
            found_dead = time.monotonic() - started if readable else None
            _loopback("up")
            started = time.monotonic()
            try:
                AddSpans(Context(doc, me.id), [Entity(2, 4, "LOC")]).do(project.annotations)
                saved = True
            except Exception as exc:  # said in the output, not raised: the test reads it
                saved = repr(exc)
            next_action = time.monotonic() - started
            spans = len(project.annotations.spans(doc, Layer.ANNOTATOR, me.id))
        finally:
            project.close()
    print(json.dumps({"found_dead": found_dead, "saved": saved, "next_action": next_action, "spans": spans}))


if __name__ == "__main__":
    main()
