"""A PostgreSQL server that freezes (a proxy of the test's own in front of the shared server,
``tests/pg_proxy.py``), met by a read the window waits on or by a write other than an annotation action: each
is refused after a bounded wait, with the fault the windows word (the server named, "stopped answering" or
"unavailable"), and works again once the server answers, the project not reopened. They waited for good: only
an annotation action's wait was bounded. Long work (an import) waits longer, and still ends."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import storage.answers
from model.faults import FaultKind
from model.spans import DocumentId, Entity, Label, Role
from storage.project import Project
from storage.types import MODEL_KIND
from tests.conftest import snapshot
from tests.gui.conftest import add_documents
from tests.pg_proxy import BOUND, PROBE, Proxy
from tests.storage.test_training import finish_corpus

pytestmark = pytest.mark.postgres


@pytest.fixture
def frozen_url(proxy: Proxy, pg_database: str) -> str:
    return proxy.url(pg_database)


def _setup(project: Project) -> DocumentId:
    (doc,) = add_documents(project, ["北京欢迎你"])
    project.annotator("li", Role.LEAD)
    project.annotator("ann")
    return doc


_n = itertools.count()  # a new name each time

# What the window waits on: (what, call on the proxied project, what the call changes once saved)
READS: dict[str, Callable[[Project, DocumentId], object]] = {
    "open an article": lambda p, doc: p.documents.get(doc),
    "the document list's page": lambda p, doc: p.document_list.page(p.team.find("ann").id, 0, 50),  # type: ignore[union-attr]
    "the progress": lambda p, doc: p.document_list.progress(p.team.find("ann").id),  # type: ignore[union-attr]
    "the overview's figures": lambda p, doc: p.stats(),
}
WRITES: dict[str, Callable[[Project, DocumentId], object]] = {
    "edit a label": lambda p, doc: p.labels.edit("PER", colour="#123456"),
    "add a label": lambda p, doc: p.labels.add(Label(f"EVT{next(_n)}", "#654321")),
    "add a person": lambda p, doc: p.team.add(f"wang{next(_n)}", Role.REVIEWER),
    "assign documents": lambda p, doc: p.team.assign(["ann"]),
    "save a review": lambda p, doc: p.reviews.save_gold(
        p.reviews.load(doc),
        p.team.find("li").id,  # type: ignore[union-attr]
        [Entity(0, 2, "LOC")],
        [],
    ),
    "save a trained model": lambda p, doc: p.trained_models.save(MODEL_KIND, b"weights", 1, 5, {}),
    "save a setting": lambda p, doc: p.settings.set("view", {"order": "uncertainty"}),
}


def _frozen(proxied: Project, proxy: Proxy, call: Callable[[], object], bound: float) -> Exception:
    """``call`` on a server that freezes as it begins: the exception it was refused with, in time."""
    proxy.freeze()
    started = time.monotonic()
    with pytest.raises(Exception) as caught:
        call()
    waited = time.monotonic() - started
    assert waited < bound, waited
    proxy.thaw()
    return caught.value


def _said(proxied: Project, exc: Exception, port: int) -> str:
    problem = proxied.problem(exc)
    assert problem is not None, repr(exc)  # a fault the windows word, not a bug's traceback
    assert problem.kind is FaultKind.UNAVAILABLE
    said = str(problem)
    assert f"the database postgresql+psycopg://postgres@127.0.0.1:{port}/" in said, said
    return said


@pytest.mark.parametrize("what", [*READS, *WRITES])
def test_a_read_or_write_on_a_frozen_server_is_refused_in_bounded_time_then_works(
    pg_project: Project, proxy: Proxy, frozen_url: str, what: str
) -> None:
    doc = _setup(pg_project)
    proxied = Project.open(frozen_url)
    try:
        run = {**READS, **WRITES}[what]
        run(proxied, doc)  # a first time: the pool holds a connection that was answering
        before = snapshot(pg_project)
        exc = _frozen(
            proxied, proxy, lambda: run(proxied, doc), BOUND + PROBE + 1
        )  # the new connection's wait, not the engine's on top
        said = _said(proxied, exc, proxy.port)
        assert "stopped answering (no answer from the server in 1 seconds)" in said, said
        after = snapshot(pg_project)
        assert after == before  # nothing was done
        run(proxied, doc)  # the server answers again: the same works, the project not reopened
    finally:
        proxied.close()


def test_an_import_on_a_frozen_server_waits_the_long_bound_then_says_what_was_not_done(
    pg_project: Project, proxy: Proxy, frozen_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    long_s = 3
    monkeypatch.setattr(storage.answers, "LONG_WAIT_S", long_s)
    source = tmp_path / "news.txt"
    source.write_text("北京欢迎你。\n\n上海欢迎你。\n", encoding="utf-8")
    proxied = Project.open(frozen_url)
    try:
        proxied.documents.count()  # the pool holds a connection that was answering
        proxy.freeze_at(b"INSERT INTO documents")  # the server freezes in the middle of the import
        started = time.monotonic()
        report = proxied.importer.import_file(source)
        waited = time.monotonic() - started
        assert long_s + PROBE <= waited < long_s + PROBE + 2, waited  # the long bound, not the window's
        assert report.error is not None and report.imported == 0
        said = str(report.error)
        assert "stopped answering (no answer from the server in 3 seconds)" in said, said
        assert f"@127.0.0.1:{proxy.port}/" in said
        proxy.thaw()
        assert pg_project.documents.count() == 0
        again = proxied.importer.import_file(source)  # tried again: imported
        assert again.error is None and again.imported == pg_project.documents.count() > 0
    finally:
        proxied.close()


def test_training_on_a_server_that_freezes_at_the_models_save_ends_after_the_long_bound(
    pg_project: Project, proxy: Proxy, frozen_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_s = 3
    monkeypatch.setattr(storage.answers, "LONG_WAIT_S", long_s)
    finish_corpus(pg_project, 4)
    proxied = Project.open(frozen_url)
    try:
        proxy.freeze_at(b"INSERT INTO trained_models")  # read every document, trained, then the save freezes
        started = time.monotonic()
        with pytest.raises(Exception) as caught:
            proxied.training.train_project_model(iterations=5)
        waited = time.monotonic() - started
        assert waited >= long_s, waited  # the long bound, not the window's
        said = _said(proxied, caught.value, proxy.port)
        assert "stopped answering (no answer from the server in 3 seconds)" in said, said
        proxy.thaw()
        assert pg_project.trained_models.latest(MODEL_KIND) is None
    finally:
        proxied.close()
