"""The statement each PostgreSQL transaction begins with (its lock wait, the backend that runs it:
``storage.pg_engine.transaction_begun``) getting no answer, played by the test's proxy
(``tests/pg_proxy.py``). Run on the driver's connection, outside SQLAlchemy's handling of errors, its
failure came out as psycopg's own OperationalError: no StoreUnavailable, ``problem()`` None (a traceback to
the user); and the lookup of a COMMIT whose answer was lost, which begins a transaction too, let it escape."""

from __future__ import annotations

from typing import Any

import pytest

import storage.annotations as annotations_module
from model.commands import AddSpans, Context
from model.faults import FaultKind
from model.ops import StoreUnavailable
from model.spans import Entity
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.conftest import add_documents
from tests.pg_proxy import Proxy

pytestmark = pytest.mark.postgres
BEGIN = b"set_config('lock_timeout'"


def test_an_action_whose_first_statement_gets_no_answer_is_refused_as_unavailable(
    proxied: Project, proxy: Proxy, pg_project: Project
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    me = proxied.annotator("ann")
    before = snapshot(pg_project)
    proxy.freeze_at(BEGIN)
    try:
        with pytest.raises(StoreUnavailable) as caught:
            AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(proxied.annotations)
    finally:
        proxy.thaw()
    assert caught.value.kind is FaultKind.UNAVAILABLE
    assert snapshot(pg_project) == before


def test_a_lost_commits_lookup_whose_first_statement_gets_no_answer_leaves_the_action_in_doubt(
    proxied: Project, proxy: Proxy, pg_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    me = proxied.annotator("ann")
    real = annotations_module.transaction_landed

    def landed(*args: Any) -> bool | None:
        proxy.thaw()
        proxy.freeze_at(BEGIN)  # the server answers the lookup's connect, then freezes
        return real(*args)

    monkeypatch.setattr(annotations_module, "transaction_landed", landed)
    proxy.at_commit("forward")  # committed, the answer lost
    try:
        with pytest.raises(StoreUnavailable) as caught:
            AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(proxied.annotations)
    finally:
        proxy.thaw()
    assert caught.value.kind is FaultKind.IN_DOUBT
