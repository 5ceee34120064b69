"""Annotation commands against a real database: do, undo, redo, the event log, progress, blind layers."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from model.commands import (
    AcceptSpans,
    AddSpans,
    Context,
    RejectSpan,
    ReplaceSpan,
    SetDocumentState,
    SuggestElsewhere,
)
from model.ops import Insert
from model.spans import DocState, DocumentId, Entity, Layer, OffsetError, Origin, Span, Status
from storage.documents import DocumentStore, NewDocument
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.conftest import add_documents

TEXT = "越南外交部部长裴青山与美国国务卿安东尼·布林肯举行会谈。裴青山强调合作。"


def setup_doc(project: Project, body: str = TEXT) -> DocumentId:
    with project.transaction() as s:
        (doc_id,) = DocumentStore.insert_batch(s, [NewDocument("t", body, "test", {})])
    assert doc_id is not None
    return DocumentId(doc_id)


def suggest(project: Project, doc: DocumentId, *entities: Entity) -> None:
    project.annotations.replace_suggestions(
        doc,
        [
            Insert(
                doc,
                Layer.SUGGESTION,
                None,
                e.start,
                e.end,
                e.label,
                Status.SUGGESTED,
                Origin.JIEBA,
                None,
                0.5,
            )
            for e in entities
        ],
    )


def view(
    project: Project, doc: DocumentId, ctx: Context, rejected: bool = False
) -> list[tuple[str, str, str]]:
    return [
        (TEXT[s.start : s.end], s.label, s.status.value)
        for s in project.annotations.view(doc, ctx.annotator_id, rejected)
    ]


def events(project: Project) -> list[str]:
    with project.engine.connect() as conn:
        return list(conn.execute(text("SELECT action FROM events ORDER BY id")).scalars())


@pytest.fixture
def setup(project: Project) -> tuple[Project, DocumentId, Context]:
    doc = setup_doc(project)
    suggest(
        project, doc, Entity(0, 2, "LOC"), Entity(2, 5, "ORG"), Entity(7, 10, "PER"), Entity(11, 13, "LOC")
    )
    alice = project.annotator("alice")
    return project, doc, Context(doc, alice.id)


def test_accept_reject_and_undo(setup: tuple[Project, DocumentId, Context]) -> None:
    project, doc, ctx = setup
    spans = project.annotations.view(doc, ctx.annotator_id)
    accept = AcceptSpans(ctx, [spans[2]])
    accept.do(project.annotations)
    reject = RejectSpan(ctx, spans[0])
    reject.do(project.annotations)
    assert view(project, doc, ctx) == [
        ("外交部", "ORG", "suggested"),
        ("裴青山", "PER", "accepted"),
        ("美国", "LOC", "suggested"),
    ]
    assert ("越南", "LOC", "rejected") in view(project, doc, ctx, rejected=True)
    own = project.annotations.spans(doc, Layer.ANNOTATOR, ctx.annotator_id)
    assert [(s.start, s.end, s.status, s.origin) for s in own] == [
        (0, 2, Status.REJECTED, Origin.JIEBA),
        (7, 10, Status.ACCEPTED, Origin.JIEBA),
    ]
    assert project.annotations.state(doc, ctx.annotator_id) is DocState.IN_PROGRESS
    reject.undo(project.annotations)
    accept.undo(project.annotations)
    assert [s for _, _, s in view(project, doc, ctx)] == ["suggested"] * 4
    assert project.annotations.spans(doc, Layer.ANNOTATOR, ctx.annotator_id) == []
    accept.do(project.annotations)  # redo
    assert ("裴青山", "PER", "accepted") in view(project, doc, ctx)
    assert events(project) == ["accept", "reject", "undo reject", "undo accept", "accept"]


def test_annotators_are_blind_to_each_other(setup: tuple[Project, DocumentId, Context]) -> None:
    project, doc, alice = setup
    bob = Context(doc, project.annotator("bob").id)
    AcceptSpans(alice, project.annotations.view(doc, alice.annotator_id)).do(project.annotations)
    assert [s for _, _, s in view(project, doc, bob)] == ["suggested"] * 4
    assert [s for _, _, s in view(project, doc, alice)] == ["accepted"] * 4


def test_relabel_resize_and_new_span_replacing_overlaps(setup: tuple[Project, DocumentId, Context]) -> None:
    project, doc, ctx = setup
    spans = project.annotations.view(doc, ctx.annotator_id)
    ReplaceSpan(ctx, spans[0], Entity(0, 2, "ORG"), name="relabel").do(project.annotations)
    assert view(project, doc, ctx)[0] == ("越南", "ORG", "accepted")
    own = project.annotations.spans(doc, Layer.ANNOTATOR, ctx.annotator_id)[0]
    grow = ReplaceSpan(ctx, own, Entity(0, 5, "ORG"), name="resize")
    grow.do(project.annotations)
    # the grown own span now covers 外交部 too: that suggestion disappears from the view
    assert view(project, doc, ctx)[:2] == [("越南外交部", "ORG", "accepted"), ("裴青山", "PER", "suggested")]
    add = AddSpans(ctx, [Entity(0, 7, "ORG")], overlapped=project.annotations.view(doc, ctx.annotator_id))
    add.do(project.annotations)
    assert view(project, doc, ctx)[0] == ("越南外交部部长", "ORG", "accepted")
    assert ("越南外交部", "ORG", "rejected") in view(project, doc, ctx, rejected=True)
    add.undo(project.annotations)
    grow.undo(project.annotations)
    assert view(project, doc, ctx)[:2] == [("越南", "ORG", "accepted"), ("外交部", "ORG", "suggested")]


def test_state_and_time(setup: tuple[Project, DocumentId, Context]) -> None:
    project, doc, ctx = setup
    done = SetDocumentState(ctx, DocState.DONE, DocState.NEW)
    done.do(project.annotations)
    assert project.annotations.state(doc, ctx.annotator_id) is DocState.DONE
    assert project.document_list.progress(ctx.annotator_id) == (1, 1)
    done.undo(project.annotations)
    assert project.annotations.state(doc, ctx.annotator_id) is DocState.NEW
    project.annotations.add_time(doc, ctx.annotator_id, 12.5)
    project.annotations.add_time(doc, ctx.annotator_id, 2.5)
    assert project.annotations.seconds_spent(doc, ctx.annotator_id) == pytest.approx(15.0)


def test_out_of_range_span_is_refused_and_nothing_saved(setup: tuple[Project, DocumentId, Context]) -> None:
    project, _doc, ctx = setup
    before = snapshot(project)
    with pytest.raises(OffsetError):
        AddSpans(ctx, [Entity(0, 2, "LOC"), Entity(30, len(TEXT) + 1, "PER")]).do(project.annotations)
    assert snapshot(project) == before


def test_document_list_pages_states_and_search(project: Project) -> None:
    ids = [setup_doc(project, f"第{i}篇：{'北京' if i % 2 else '上海'}新闻") for i in range(7)]
    alice = project.annotator("alice")
    suggest(project, ids[1], Entity(4, 6, "LOC"))
    SetDocumentState(Context(ids[0], alice.id), DocState.DONE, DocState.NEW).do(project.annotations)
    page = project.document_list.page(alice.id, 0, 3)
    assert [(e.id, e.state, e.open_suggestions) for e in page] == [
        (ids[0], DocState.DONE, None),  # no suggestion stored: not suggested yet, not "none left"
        (ids[1], DocState.NEW, 1),
        (ids[2], DocState.NEW, None),
    ]
    assert [e.id for e in project.document_list.page(alice.id, 3, 10)] == ids[3:]
    assert project.document_list.count_documents(alice.id, DocState.NEW) == 6
    assert [e.id for e in project.document_list.page(alice.id, 0, 10, search="北京")] == ids[1::2]
    assert project.document_list.count_documents(alice.id, search="100%") == 0
    assert project.document_list.next_document(alice.id, ids[0]) == ids[1]
    assert project.document_list.next_document(alice.id, ids[6]) == ids[1]  # wraps, skips the done one
    assert project.document_list.next_document(alice.id, ids[1], backwards=True) == ids[6]
    # in the list's filter (search 北京: the odd ones), as Ctrl+PgDown / Ctrl+Return move
    assert project.document_list.next_document(alice.id, ids[1], False, search="北京") == ids[3]
    assert project.document_list.next_document(alice.id, ids[1], False, True, search="北京") == ids[5]
    assert project.document_list.next_document(alice.id, ids[2], state=DocState.DONE) is None
    assert project.document_list.next_document(alice.id, ids[2], False, state=DocState.DONE) == ids[0]
    assert project.document_list.position(alice.id, ids[3], search="北京") == 2
    assert project.document_list.position(alice.id, ids[2], search="北京") == 0


def test_occurrences_and_suggest_elsewhere(project: Project) -> None:
    a = setup_doc(project, "裴青山会见布林肯。")
    b = setup_doc(project, "布林肯说，布林肯来了")
    alice = project.annotator("alice")
    found = project.annotations.occurrences("布林肯", exclude=a)
    assert found == [(b, 0), (b, 5)]
    cmd = SuggestElsewhere(Context(a, alice.id), [(d, Entity(i, i + 3, "PER")) for d, i in found])
    cmd.do(project.annotations)
    assert [(s.start, s.origin) for s in project.annotations.view(b, alice.id)] == [
        (0, Origin.PROPAGATED),
        (5, Origin.PROPAGATED),
    ]
    cmd.undo(project.annotations)
    assert project.annotations.view(b, alice.id) == []


def test_own_view_spans_carry_ids(setup: tuple[Project, DocumentId, Context]) -> None:
    project, doc, ctx = setup
    spans = project.annotations.view(doc, ctx.annotator_id)
    assert all(isinstance(s, Span) and s.id is not None for s in spans)


def test_offering_a_suggestion_that_is_there_already_stores_nothing_and_undoes_nothing(
    project: Project,
) -> None:
    a = setup_doc(project, "裴青山会见布林肯。")
    b = setup_doc(project, "布林肯说，布林肯来了")
    suggest(project, b, Entity(0, 3, "PER"))  # the engine's, found meanwhile by another window
    alice = project.annotator("alice")
    cmd = SuggestElsewhere(
        Context(a, alice.id), [(b, Entity(0, 3, "PER")), (b, Entity(5, 8, "PER")), (b, Entity(5, 8, "PER"))]
    )
    cmd.do(project.annotations)
    assert sorted((s.start, s.origin) for s in project.annotations.spans(b, Layer.SUGGESTION)) == [
        (0, Origin.JIEBA),
        (5, Origin.PROPAGATED),
    ]
    cmd.undo(project.annotations)
    left = project.annotations.spans(b, Layer.SUGGESTION)
    assert [(s.start, s.origin) for s in left] == [(0, Origin.JIEBA)]


def test_a_decision_made_twice_is_stored_once_and_undone_once(
    setup: tuple[Project, DocumentId, Context],
) -> None:
    project, doc, ctx = setup
    suggestion = project.annotations.view(doc, ctx.annotator_id)[0]
    first, second = RejectSpan(ctx, suggestion), RejectSpan(ctx, suggestion)  # two windows, one annotator
    first.do(project.annotations)
    second.do(project.annotations)
    own = project.annotations.spans(doc, Layer.ANNOTATOR, ctx.annotator_id)
    assert [(s.start, s.status) for s in own] == [(0, Status.REJECTED)]
    assert first.inserted == second.inserted
    second.undo(project.annotations)
    assert project.annotations.spans(doc, Layer.ANNOTATOR, ctx.annotator_id) == []
    first.undo(project.annotations)  # its row is gone already: nothing left to undo, and no error
    assert project.annotations.spans(doc, Layer.ANNOTATOR, ctx.annotator_id) == []


def test_the_next_document_whose_title_starts_so(project: Project) -> None:
    """Typing in the window's list (gui/title_jump.py): the next title that starts with what was typed, in
    any letter case, wrapping around; % and _ are letters, not patterns."""
    titles = ["2026年展望", "12月报道", "2026年回顾", "Xinhua 快讯", "100%_达标", "1000 项"]
    ids = add_documents(project, titles)
    alice = project.annotator("alice")
    listing = project.document_list
    assert listing.next_document(alice.id, ids[0], False, titled="2026") == ids[2]
    assert listing.next_document(alice.id, ids[2], False, titled="2026") == ids[0]  # wraps around
    assert listing.next_document(alice.id, None, False, titled="12月") == ids[1]
    assert listing.next_document(alice.id, None, False, titled="xin") == ids[3]
    assert listing.next_document(alice.id, None, False, titled="100%_") == ids[4]
    assert listing.next_document(alice.id, None, False, titled="10_0") is None
    assert listing.next_document(alice.id, ids[1], False, titled="12") is None  # only the one open
