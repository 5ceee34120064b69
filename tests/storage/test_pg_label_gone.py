"""A lead renames a label while a reviewer's review, loaded before, still has it: the gold layer's save was
refused by the spans' foreign key and said as “another reviewer saved this document at the same moment”,
which nobody had; now it names the label. And two annotators accepting the same suggestion at the same
moment, each in a window of their own: both are saved, each in their own layer, once."""

from __future__ import annotations

import threading

import pytest

from model.commands import AcceptSpans, Context, SetDocumentState
from model.ops import LabelGone
from model.spans import DocState, DocumentId, Entity, Layer, Role, Status
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.conftest import add_documents, add_suggestions

pytestmark = pytest.mark.postgres


def test_saving_gold_with_a_label_a_lead_renamed_meanwhile_names_the_label(
    pg_project: Project, pg_database: str
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    for name in ("a1", "a2"):
        ctx = Context(doc, pg_project.annotator(name).id)
        SetDocumentState(ctx, DocState.DONE, DocState.NEW).do(pg_project.annotations)
    reviewer = pg_project.annotator("r", Role.REVIEWER)
    item = pg_project.reviews.load(doc)
    with Project.open(pg_database) as lead:
        lead.labels.edit("LOC", new_name="PLACE")
    before = snapshot(pg_project)
    with pytest.raises(LabelGone) as caught:
        pg_project.reviews.save_gold(item, reviewer.id, [Entity(0, 2, "LOC")], [])
    assert caught.value.labels == ("LOC",)
    assert snapshot(pg_project) == before
    assert pg_project.reviews.save_gold(item, reviewer.id, [Entity(0, 2, "PLACE")], []) == 1


def test_two_annotators_accepting_the_same_suggestion_at_once_both_save_it_in_their_own_layer(
    pg_project: Project, pg_database: str
) -> None:
    (doc,) = add_documents(pg_project, ["北京欢迎你"])
    add_suggestions(pg_project, doc, [(0, 2, "LOC")])
    (suggestion,) = pg_project.annotations.spans(doc, Layer.SUGGESTION)
    windows = [Project.open(pg_database) for _ in range(2)]
    people = [w.annotator(name) for w, name in zip(windows, ("alice", "bob"), strict=True)]
    barrier = threading.Barrier(2)
    failed: list[BaseException] = []

    def accept(window: Project, who: int) -> None:
        barrier.wait()
        try:
            AcceptSpans(Context(DocumentId(doc), people[who].id), [suggestion]).do(window.annotations)
        except BaseException as exc:
            failed.append(exc)

    threads = [threading.Thread(target=accept, args=(w, i)) for i, w in enumerate(windows)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        for window in windows:
            window.close()
    assert failed == []
    for person in people:
        own = pg_project.annotations.spans(doc, Layer.ANNOTATOR, person.id)
        assert [(s.start, s.end, s.label, s.status) for s in own] == [(0, 2, "LOC", Status.ACCEPTED)]
