"""Assignment with overlap, blind layers, agreement from the database, review queue, gold with locking."""

from __future__ import annotations

import pytest

from model.commands import AddSpans, Context, SetDocumentState
from model.ops import ConflictError
from model.review import Resolution, align, resolve
from model.spans import DocState, DocumentId, Entity, Layer
from storage.documents import DocumentStore, NewDocument
from storage.project import Project
from storage.review import load_review, review_queue, save_gold
from storage.team import TeamError, assign, assigned_counts, load_layers, project_agreement


def docs(project: Project, n: int) -> list[DocumentId]:
    with project.transaction() as s:
        ids = DocumentStore.insert_batch(s, [NewDocument(f"t{i}", f"第{i}篇：裴青山访问美国。", "x", {})
                                             for i in range(n)])
    return [DocumentId(i) for i in ids if i is not None]


def annotate(project: Project, name: str, doc: DocumentId, *entities: Entity) -> None:
    ctx = Context(doc, project.annotator(name).id)
    if entities:
        AddSpans(ctx, list(entities)).do(project.annotations)
    SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)


def test_assignment_with_overlap_balances_and_restricts_views(project: Project) -> None:
    ids = docs(project, 10)
    summary = assign(project, ["alice", "bob", "carol"], overlap=0.2, seed=7)
    assert (summary.documents, summary.doubly_annotated) == (10, 2)
    counts = assigned_counts(project)
    assert sum(counts.values()) == 12 and max(counts.values()) - min(counts.values()) <= 1
    alice = project.annotator("alice")
    mine = [e.id for e in project.annotations.page(alice.id, 0, 100)]
    assert len(mine) == counts["alice"] and set(mine) <= set(ids)
    assert project.annotations.progress(alice.id) == (0, counts["alice"])
    dave = project.annotator("dave")  # no assignments: sees the whole project
    assert project.annotations.count_documents(dave.id) == 10
    again = assign(project, ["alice", "bob"], overlap=0.5)
    assert again.documents == 0  # everything is assigned already


@pytest.mark.parametrize(("names", "overlap", "message"), [
    ([], 0.0, "at least one"), (["a"], 0.3, "two annotators"), (["a", "b"], 1.5, "between 0 and 1")])
def test_assignment_refuses_bad_requests(project: Project, names: list[str], overlap: float,
                                         message: str) -> None:
    with pytest.raises(TeamError, match=message):
        assign(project, names, overlap)


def test_agreement_from_the_database(project: Project) -> None:
    a, b = docs(project, 2)
    annotate(project, "alice", a, Entity(4, 7, "PER"), Entity(9, 11, "LOC"))
    annotate(project, "bob", a, Entity(4, 7, "PER"), Entity(9, 11, "ORG"))
    annotate(project, "alice", b, Entity(4, 7, "PER"))
    annotate(project, "bob", b)
    report = project_agreement(project)
    (pair,) = report.pairs
    assert pair.documents == 2 and (pair.exact.matched, pair.exact.only_a, pair.exact.only_b) == (1, 2, 1)
    assert report.ranked_documents()[0] == (b, 0.0)
    assert project_agreement(project, label="PER").pairs[0].exact.f1 == pytest.approx(2 / 3)
    with pytest.raises(TeamError, match="no annotator called zoe"):
        project_agreement(project, ["alice", "zoe"])
    layers, lengths = load_layers(project, document=a)  # what opening one document for review reads
    assert layers == {"alice": {a: {Entity(4, 7, "PER"), Entity(9, 11, "LOC")}},
                      "bob": {a: {Entity(4, 7, "PER"), Entity(9, 11, "ORG")}}}
    assert set(lengths) == {a}


def test_review_flow_and_optimistic_locking(project: Project) -> None:
    a, b = docs(project, 2)
    annotate(project, "alice", a, Entity(4, 7, "PER"), Entity(9, 11, "LOC"))
    annotate(project, "bob", a, Entity(4, 7, "PER"), Entity(9, 11, "ORG"))
    annotate(project, "alice", b, Entity(4, 7, "PER"))
    annotate(project, "bob", b, Entity(4, 7, "PER"))
    queue = review_queue(project)
    assert [(e.document_id, e.annotators) for e in queue] == [(a, ("alice", "bob")), (b, ("alice", "bob"))]
    item = load_review(project, a)
    alignment = align(item.layers)
    assert alignment.agreed == [Entity(4, 7, "PER")]
    (d,) = alignment.disagreements
    decision = resolve(d, Resolution.TAKE, "bob")
    carol = project.annotator("carol")
    other = load_review(project, a)  # a second reviewer opens the same document
    assert save_gold(project, item, carol.id, alignment.agreed, [decision]) == 1
    gold = project.annotations.spans(a, Layer.GOLD)
    assert [(s.start, s.end, s.label, s.origin_detail) for s in gold] == [
        (4, 7, "PER", "review: agreed"), (9, 11, "ORG", "review: took bob")]
    dave = project.annotator("dave")
    with pytest.raises(ConflictError, match="carol saved this document's gold"):
        save_gold(project, other, dave.id, [], [])
    assert len(project.annotations.spans(a, Layer.GOLD)) == 2  # untouched by the refused save
    fresh = load_review(project, a)
    assert fresh.version == 1 and fresh.gold == [Entity(4, 7, "PER"), Entity(9, 11, "ORG")]
    assert save_gold(project, fresh, dave.id, [Entity(4, 7, "PER")], []) == 2
    assert [e.reviewed for e in review_queue(project)] == [False, True]
