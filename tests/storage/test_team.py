"""Assignment with overlap, blind layers, agreement from the database, review queue, gold with locking."""

from __future__ import annotations

import pytest

from model.commands import AddSpans, Context, SetDocumentState
from model.ops import ConflictError
from model.review import Resolution, align, resolve
from model.spans import DocState, DocumentId, Entity, Layer, Role
from storage.documents import DocumentStore, NewDocument
from storage.project import Project
from storage.team import TeamError


def docs(project: Project, n: int) -> list[DocumentId]:
    with project.transaction() as s:
        ids = DocumentStore.insert_batch(
            s, [NewDocument(f"t{i}", f"第{i}篇：裴青山访问美国。", "x", {}) for i in range(n)]
        )
    return [DocumentId(i) for i in ids if i is not None]


def annotate(project: Project, name: str, doc: DocumentId, *entities: Entity) -> None:
    ctx = Context(doc, project.annotator(name).id)
    if entities:
        AddSpans(ctx, list(entities)).do(project.annotations)
    SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)


def test_assignment_with_overlap_balances_and_restricts_views(project: Project) -> None:
    ids = docs(project, 10)
    summary = project.team.assign(["alice", "bob", "carol"], overlap=0.2, seed=7)
    assert (summary.documents, summary.doubly_annotated) == (10, 2)
    counts = project.team.assigned_counts()
    assert sum(counts.values()) == 12 and max(counts.values()) - min(counts.values()) <= 1
    alice = project.annotator("alice")
    mine = [e.id for e in project.document_list.page(alice.id, 0, 100)]
    assert len(mine) == counts["alice"] and set(mine) <= set(ids)
    assert project.document_list.progress(alice.id) == (0, counts["alice"])
    dave = project.annotator("dave", Role.REVIEWER)  # no assignments: sees the whole project
    assert project.document_list.count_documents(dave.id) == 10
    again = project.team.assign(["alice", "bob"], overlap=0.5)
    assert again.documents == 0  # everything is assigned already


@pytest.mark.parametrize(
    ("names", "overlap", "message"),
    [([], 0.0, "at least one"), (["a"], 0.3, "two annotators"), (["a", "b"], 1.5, "between 0 and 1")],
)
def test_assignment_refuses_bad_requests(
    project: Project, names: list[str], overlap: float, message: str
) -> None:
    with pytest.raises(TeamError, match=message):
        project.team.assign(names, overlap)


def test_agreement_from_the_database(project: Project) -> None:
    a, b = docs(project, 2)
    annotate(project, "alice", a, Entity(4, 7, "PER"), Entity(9, 11, "LOC"))
    annotate(project, "bob", a, Entity(4, 7, "PER"), Entity(9, 11, "ORG"))
    annotate(project, "alice", b, Entity(4, 7, "PER"))
    annotate(project, "bob", b)
    report = project.team.agreement()
    (pair,) = report.pairs
    assert pair.documents == 2 and (pair.exact.matched, pair.exact.only_a, pair.exact.only_b) == (1, 2, 1)
    assert report.ranked_documents()[0] == (b, 0.0)
    assert project.team.agreement(label="PER").pairs[0].exact.f1 == pytest.approx(2 / 3)
    with pytest.raises(TeamError, match="no annotator called zoe"):
        project.team.agreement(["alice", "zoe"])
    layers, lengths = project.team.load_layers(document=a)  # what opening one document for review reads
    assert layers == {
        "alice": {a: {Entity(4, 7, "PER"), Entity(9, 11, "LOC")}},
        "bob": {a: {Entity(4, 7, "PER"), Entity(9, 11, "ORG")}},
    }
    assert set(lengths) == {a}


def test_review_flow_and_optimistic_locking(project: Project) -> None:
    a, b = docs(project, 2)
    annotate(project, "alice", a, Entity(4, 7, "PER"), Entity(9, 11, "LOC"))
    annotate(project, "bob", a, Entity(4, 7, "PER"), Entity(9, 11, "ORG"))
    annotate(project, "alice", b, Entity(4, 7, "PER"))
    annotate(project, "bob", b, Entity(4, 7, "PER"))
    queue = project.reviews.queue()
    assert [(e.document_id, e.annotators) for e in queue] == [(a, ("alice", "bob")), (b, ("alice", "bob"))]
    item = project.reviews.load(a)
    alignment = align(item.layers)
    assert alignment.agreed == [Entity(4, 7, "PER")]
    (d,) = alignment.disagreements
    decision = resolve(d, Resolution.TAKE, "bob")
    carol = project.annotator("carol", Role.REVIEWER)
    other = project.reviews.load(a)  # a second reviewer opens the same document
    assert project.reviews.save_gold(item, carol.id, alignment.agreed, [decision]) == 1
    gold = project.annotations.spans(a, Layer.GOLD)
    assert [(s.start, s.end, s.label, s.origin_detail) for s in gold] == [
        (4, 7, "PER", "review: agreed"),
        (9, 11, "ORG", "review: took bob"),
    ]
    dave = project.annotator("dave", Role.REVIEWER)
    with pytest.raises(ConflictError, match="carol saved this document's gold"):
        project.reviews.save_gold(other, dave.id, [], [])
    assert len(project.annotations.spans(a, Layer.GOLD)) == 2  # untouched by the refused save
    fresh = project.reviews.load(a)
    assert fresh.version == 1 and fresh.gold == [Entity(4, 7, "PER"), Entity(9, 11, "ORG")]
    assert project.reviews.save_gold(fresh, dave.id, [Entity(4, 7, "PER")], []) == 2
    assert [e.reviewed for e in project.reviews.queue()] == [False, True]


def test_a_name_longer_than_the_column_is_refused_on_every_database(project: Project) -> None:
    lead = project.team.add("li", Role.LEAD)
    with pytest.raises(TeamError, match=r"is 201 characters long \(at most 200\)") as caught:
        project.team.add("x" * 201, Role.ANNOTATOR, by=lead.id)  # PostgreSQL's varchar(200) failed here
    assert caught.value.refusal is not None
    with pytest.raises(TeamError, match="at most 200"):
        project.annotator("y" * 300)  # the window under a name that long
    assert [a.name for a in project.team.annotators()] == ["li"]
    assert project.team.add("z" * 200, Role.ANNOTATOR, by=lead.id).name == "z" * 200


def test_a_name_with_a_comma_is_refused_since_lists_of_names_split_at_commas(project: Project) -> None:
    lead = project.team.add("li", Role.LEAD)
    with pytest.raises(TeamError, match="has a comma") as caught:
        project.team.add("Wang, Fang", Role.ANNOTATOR, by=lead.id)  # assign --annotators could never name her
    assert caught.value.refusal is not None
    with pytest.raises(TeamError, match="has a comma"):
        project.annotator("zhao,qian")  # the window under such a name
    with pytest.raises(TeamError, match="has a comma"):
        project.team.add(
            "王芳，张伟", Role.ANNOTATOR, by=lead.id
        )  # a Chinese input method's comma splits too
    assert [a.name for a in project.team.annotators()] == ["li"]


def test_stats_show_each_annotators_share_next_to_their_progress(project: Project) -> None:
    """`newstag stats` listed only people who had opened a document, with what they did: a lead could not see
    that bob had 5 documents waiting and had not started, nor how far alice was through hers."""
    ids = docs(project, 10)
    for name in ("lead", "alice", "bob"):
        project.annotator(name)
    project.team.assign(["alice", "bob"], seed=1)
    mine = [e.id for e in project.document_list.page(project.annotator("alice").id, 0, 100)]
    annotate(project, "alice", mine[0])
    annotate(project, "lead", ids[0])  # unassigned work counts as it did
    lines = project.stats().render().splitlines()
    at = lines.index("progress per annotator (done / in progress / time spent):")
    shown = {line.split()[0]: line for line in lines[at + 1 :]}
    assert shown["alice"].split()[1:3] == ["1", "done"] and shown["alice"].endswith("(of 5 assigned)")
    assert shown["bob"].split()[1:3] == ["0", "done"] and shown["bob"].endswith("(of 5 assigned)")
    assert "assigned" not in shown["lead"]


def test_assigning_all_again_never_gives_someone_a_document_twice(project: Project) -> None:
    """`newstag assign --all` over documents handed out before stopped on a duplicate key (an unexpected
    error, nothing assigned) as soon as it drew someone who had the document already. It gives each
    document to people who do not have it yet."""
    ids = docs(project, 12)
    for name in ("alice", "bob", "carol"):
        project.annotator(name)
    project.team.assign(["alice", "bob"], seed=3)
    before = project.team.assigned_counts()
    again = project.team.assign(["alice", "bob", "carol"], only_unassigned=False, seed=3)
    assert again.documents == 12 and again.doubly_annotated == 0
    after = project.team.assigned_counts()
    assert sum(after.values()) == sum(before.values()) + 12
    assert after["carol"] >= 4  # the newcomer gets a share, the load balanced over what is new
    lacking = len(ids) - after["alice"]
    assert project.team.assign(["alice"], only_unassigned=False).documents == lacking  # what she lacked
    assert project.team.assigned_counts()["alice"] == len(ids)
    assert project.team.assign(["alice"], only_unassigned=False).documents == 0  # nothing left for her
