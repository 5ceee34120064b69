"""Trained models stored with the project; the documents training uses."""

from __future__ import annotations

from model.commands import AddSpans, Context, SetDocumentState
from model.ops import Action, Insert
from model.spans import DocState, DocumentId, Entity, Layer, Origin, Status
from storage.documents import DocumentStore, NewDocument
from storage.project import Project


def test_models_are_stored_and_pruned(project: Project) -> None:
    assert project.trained_models.latest("crf") is None
    for i in range(5):
        project.trained_models.save("crf", bytes([i]) * 1000, documents=i, characters=10 * i, info={"n": i})
    model = project.trained_models.latest("crf")
    assert model is not None and model.data == bytes([4]) * 1000 and model.info == {"n": 4}
    info = project.trained_models.latest_info("crf")
    assert info is not None and info[2] == 4
    with project.engine.connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("SELECT count(*) FROM trained_models")).scalar() == 3


def test_training_documents_prefer_gold_then_the_last_finisher(project: Project) -> None:
    with project.transaction() as s:
        ids = [
            DocumentId(i)
            for i in DocumentStore.insert_batch(
                s,
                [
                    NewDocument("a", "裴青山访问美国。", "x", {}),
                    NewDocument("b", "布林肯访问越南。", "x", {}),
                    NewDocument("c", "没有人完成这篇。", "x", {}),
                ],
            )
            if i is not None
        ]
    a, b, _ = ids
    project.annotations.apply(
        Action("import", project.annotator("lead").id, a),  # gold for a
        [Insert(a, Layer.GOLD, None, 0, 3, "PER", Status.ACCEPTED, Origin.IMPORTED)],
    )
    for name, label in (("alice", "PER"), ("bob", "ORG")):
        ctx = Context(b, project.annotator(name).id)
        AddSpans(ctx, [Entity(0, 3, label)]).do(project.annotations)
        SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
    alice_a = Context(a, project.annotator("alice").id)
    AddSpans(alice_a, [Entity(5, 7, "LOC")]).do(project.annotations)
    SetDocumentState(alice_a, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
    docs = project.trained_models.training_documents()
    assert docs == [
        ("裴青山访问美国。", [Entity(0, 3, "PER")]),  # gold wins over alice
        ("布林肯访问越南。", [Entity(0, 3, "ORG")]),
    ]  # bob finished last
    assert project.trained_models.finished_count() == 2  # c: nobody finished it, no gold
