"""Two windows opening the same documents at once, in two real processes, on the real PostgreSQL server and
on SQLite: every document's suggestions are stored once, and one annotator in two windows rejecting or
accepting the same suggestion leaves one decision, not two."""

from __future__ import annotations

import multiprocessing
import time
from typing import Any

import pytest
from sqlalchemy import text

from model.commands import AcceptSpans, Context, RejectSpan
from model.spans import DocumentId, Layer, Origin
from model.suggest import Suggestion
from storage.documents import DocumentStore, NewDocument
from storage.project import Project
from storage.suggestions import SuggestionService

DOCUMENTS = 10
BODY = "裴青山在北京会见布林肯，" * 16  # 16 × 3 = 48 suggestions a document


class SlowEngine:
    """Suggests every 裴青山 (PER), 北京 (LOC) and 布林肯 (PER), slowly enough that two windows asking for the
    same document both find it without suggestions and both compute them."""

    def suggest(self, text: str) -> list[Suggestion]:
        time.sleep(0.15)
        found = []
        for surface, label in (("裴青山", "PER"), ("北京", "LOC"), ("布林肯", "PER")):
            i = text.find(surface)
            while i >= 0:
                found.append(Suggestion(i, i + len(surface), label, Origin.RULE, None, 0.9))
                i = text.find(surface, i + 1)
        return found

    def suggest_many(self, texts: list[str]) -> list[list[Suggestion]]:
        return [self.suggest(text) for text in texts]

    def warm_up(self) -> None:
        pass


def _open_documents(url: str, doc_ids: list[int], barrier: Any) -> int:
    """What a window does on opening a document: ``ensure`` its suggestions (in its worker thread)."""
    project = Project.open(url)
    service = SuggestionService(project, SlowEngine())  # type: ignore[arg-type]
    stored = 0
    for doc in doc_ids:
        barrier.wait()  # both windows open the same document at the same moment
        stored += service.ensure(DocumentId(doc))
    project.close()
    return stored


def _decide(url: str, doc: int, annotator: str, accept: bool, barrier: Any) -> int:
    """One annotator's window: take each open suggestion of ``doc`` (read before the other window acts)."""
    project = Project.open(url)
    me = project.annotator(annotator)
    suggestions = project.annotations.spans(DocumentId(doc), Layer.SUGGESTION)
    for span in suggestions:
        barrier.wait()
        command = AcceptSpans if accept else RejectSpan
        command(Context(DocumentId(doc), me.id), [span] if accept else span).do(  # type: ignore[arg-type]
            project.annotations
        )
    project.close()
    return len(suggestions)


def _url(project: Project) -> str:
    return project.engine.url.render_as_string(hide_password=False)


def _counts(project: Project, query: str) -> dict[Any, int]:
    with project.engine.connect() as conn:
        return {row[0]: row[1] for row in conn.execute(text(query))}


def test_two_windows_opening_the_same_documents_store_their_suggestions_once(project: Project) -> None:
    with project.transaction() as s:
        new = [NewDocument(f"d{i}", f"{i}{BODY}", "t", {}) for i in range(DOCUMENTS)]
        ids = DocumentStore.insert_batch(s, new)
    docs = [i for i in ids if i is not None]
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Manager().Barrier(2)
    with ctx.Pool(2) as pool:
        runs = [pool.apply_async(_open_documents, (_url(project), docs, barrier)) for _ in range(2)]
        stored = [run.get(timeout=300) for run in runs]
    per_document = _counts(
        project, "SELECT document_id, count(*) FROM spans WHERE layer = 'suggestion' GROUP BY document_id"
    )
    assert per_document == dict.fromkeys(docs, 48)  # not 96
    assert sum(stored) == DOCUMENTS  # each document was stored by exactly one of the two windows
    alice = project.annotator("alice")
    entries = project.document_list.entries(alice.id, [DocumentId(d) for d in docs])
    assert {e.open_suggestions for e in entries} == {48}


@pytest.mark.parametrize("accept", [False, True], ids=["reject", "accept"])
def test_one_annotator_in_two_windows_decides_each_suggestion_once(project: Project, accept: bool) -> None:
    with project.transaction() as s:
        (doc,) = DocumentStore.insert_batch(s, [NewDocument("d", BODY, "t", {})])
    assert doc is not None
    SuggestionService(project, SlowEngine()).ensure(DocumentId(doc))  # type: ignore[arg-type]
    project.annotator("alice")
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Manager().Barrier(2)
    with ctx.Pool(2) as pool:
        runs = [pool.apply_async(_decide, (_url(project), doc, "alice", accept, barrier)) for _ in range(2)]
        assert [run.get(timeout=300) for run in runs] == [48, 48]
    status = "accepted" if accept else "rejected"
    rows = _counts(
        project,
        "SELECT start || ':' || \"end\" || ':' || label, count(*) FROM spans "
        f"WHERE layer = 'annotator' AND status = '{status}' GROUP BY 1",
    )
    assert len(rows) == 48 and set(rows.values()) == {1}
    assert _counts(project, "SELECT action, count(*) FROM events GROUP BY action") == {
        "accept" if accept else "reject": 96
    }  # both windows' actions are logged; the decision is stored once
