"""Real concurrency on the real PostgreSQL server: processes annotating at once lose and corrupt nothing;
two reviewers saving the same document: one wins, the other gets a conflict, never a silent overwrite."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from sqlalchemy import text

from model.commands import AddSpans, Context, RejectSpan, SetDocumentState
from model.ops import ConflictError
from model.spans import DocState, DocumentId, Entity, Layer, Role
from storage.documents import DocumentStore, NewDocument
from storage.project import Project

pytestmark = pytest.mark.postgres

ACTIONS = 1200  # per process: each is its own transaction with its own event row
BODY = "裴青山访问美国，会见布林肯。" * 30  # long enough for a fresh span start per action


def _annotate(url: str, name: str, doc_ids: list[int], barrier: Any) -> int:
    project = Project.open(url)
    me = project.annotator(name)
    barrier.wait()
    done = 0
    for i in range(ACTIONS):
        doc = DocumentId(doc_ids[i % len(doc_ids)])
        ctx = Context(doc, me.id)
        start = i // len(doc_ids)
        add = AddSpans(ctx, [Entity(start, start + 3, "PER")])
        add.do(project.annotations)
        if i % 3 == 0:  # some actions are undone: those spans must vanish
            add.undo(project.annotations)
        elif i % 3 == 1:
            own = [s for s in project.annotations.spans(doc, Layer.ANNOTATOR, me.id) if s.start == start]
            RejectSpan(ctx, own[-1]).do(project.annotations)
        done += 1
    project.close()
    return done


@pytest.mark.slow
def test_two_processes_annotating_lose_nothing(pg_project: Project, pg_database: str) -> None:
    with pg_project.transaction() as s:
        ids = DocumentStore.insert_batch(s, [NewDocument(f"d{i}", f"{i}{BODY}", "x", {}) for i in range(6)])
    shared, alice_only, bob_only = ids[:2], ids[2:4], ids[4:6]
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Manager().Barrier(2)
    with ctx.Pool(2) as pool:
        results = [
            pool.apply_async(_annotate, (pg_database, "alice", shared + alice_only, barrier)),
            pool.apply_async(_annotate, (pg_database, "bob", shared + bob_only, barrier)),
        ]
        assert [r.get(timeout=300) for r in results] == [ACTIONS, ACTIONS]
    with pg_project.engine.connect() as conn:
        per_action = dict(conn.execute(text("SELECT action, count(*) FROM events GROUP BY action")).all())
        spans = dict(
            conn.execute(
                text(
                    "SELECT a.name || ':' || s.status, count(*) FROM spans s "
                    "JOIN annotators a ON a.id = s.annotator_id GROUP BY 1"
                )
            ).all()
        )
        bob_in_alice_docs = conn.execute(
            text(
                "SELECT count(*) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
                "WHERE a.name = 'bob' AND s.document_id = ANY(:ids)"
            ),
            {"ids": alice_only},
        ).scalar()
    added, undone, rejected = ACTIONS, len(range(0, ACTIONS, 3)), len(range(1, ACTIONS, 3))
    assert per_action == {"add": 2 * added, "undo add": 2 * undone, "reject": 2 * rejected}
    kept = added - undone
    assert spans == {
        "alice:accepted": kept - rejected,
        "alice:rejected": rejected,
        "bob:accepted": kept - rejected,
        "bob:rejected": rejected,
    }
    assert bob_in_alice_docs == 0


def _review(url: str, reviewer: str, doc: int, barrier: Any) -> str:
    project = Project.open(url)
    me = project.annotator(reviewer, Role.REVIEWER)
    item = project.reviews.load(DocumentId(doc))
    barrier.wait()  # both have loaded the same version before either saves
    try:
        project.reviews.save_gold(item, me.id, [Entity(0, 3, "PER" if reviewer == "r1" else "LOC")], [])
        return "saved"
    except ConflictError as exc:
        return f"conflict: {exc}"
    finally:
        project.close()


@pytest.mark.parametrize("round_", range(2))
def test_two_reviewers_same_document_one_conflict(pg_project: Project, pg_database: str, round_: int) -> None:
    with pg_project.transaction() as s:
        (doc,) = DocumentStore.insert_batch(s, [NewDocument("d", BODY + str(round_), "x", {})])
    assert doc is not None
    for name in ("a1", "a2"):
        ctx = Context(DocumentId(doc), pg_project.annotator(name).id)
        SetDocumentState(ctx, DocState.DONE, DocState.NEW).do(pg_project.annotations)
    ctx_ = multiprocessing.get_context("spawn")
    barrier = ctx_.Manager().Barrier(2)
    with ctx_.Pool(2) as pool:
        outcomes = [pool.apply_async(_review, (pg_database, r, doc, barrier)) for r in ("r1", "r2")]
        results = sorted(o.get(timeout=120) for o in outcomes)
    assert results[1] == "saved" and results[0].startswith("conflict: ")
    gold = pg_project.annotations.spans(DocumentId(doc), Layer.GOLD)
    assert len(gold) == 1
    with pg_project.engine.connect() as conn:
        query = text("SELECT version FROM reviews WHERE document_id = :d")
        assert conn.execute(query, {"d": doc}).scalar() == 1
