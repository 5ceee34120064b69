"""The document order setting, the stored uncertainty ranking, and the list and "next" following it."""

from __future__ import annotations

import pytest

from model.commands import Context, SetDocumentState
from model.spans import DocState, DocumentId
from storage.ordering import ORDER_KEY
from storage.project import Project
from tests.gui.conftest import add_documents


class StubService:
    model_id = 7

    def __init__(self, doubt: dict[int, float] | None) -> None:
        self.doubt = doubt

    def uncertainties(self, texts: dict[DocumentId, str]) -> dict[DocumentId, float] | None:
        if self.doubt is None:
            return None
        return {doc: self.doubt.get(doc, 0.0) for doc in texts}


def test_the_ranking_orders_the_list_and_the_next_unfinished_document(project: Project) -> None:
    ids = add_documents(project, [f"第{i}篇\n正文{i}" for i in range(5)])
    alice = project.annotator("alice")
    SetDocumentState(Context(ids[3], alice.id), DocState.DONE, DocState.NEW).do(project.annotations)
    assert project.ordering.document_order() == "sequential" and project.ordering.listing_order() == []
    assert project.ordering.refresh_ranking(StubService({ids[3]: 0.99, ids[1]: 0.4, ids[4]: 0.6})) == 4
    assert project.ordering.ranking() == [ids[4], ids[1], ids[0], ids[2]]  # finished documents are not ranked
    assert project.ordering.listing_order() == []  # the project still reads in document order
    project.ordering.set_document_order("uncertainty")
    order = project.ordering.listing_order()
    page = project.document_list.page(alice.id, 0, 10, ranking=order)
    assert [e.id for e in page] == [ids[4], ids[1], ids[0], ids[2], ids[3]]
    assert [e.id for e in project.document_list.page(alice.id, 1, 2, ranking=order)] == [ids[1], ids[0]]
    assert project.document_list.next_document(alice.id, ids[4], ranking=order) == ids[1]
    assert project.document_list.next_document(alice.id, None, ranking=order) == ids[4]
    # Ctrl+PgDown follows the list's order too: after 0 comes 2 (4, 1, 0, 2, 3), and before 4 the last, 3
    assert project.document_list.next_document(alice.id, ids[0], unfinished=False, ranking=order) == ids[2]
    assert project.document_list.next_document(alice.id, ids[4], False, True, order) == ids[3]
    assert project.document_list.next_document(alice.id, ids[4], False, True, order, DocState.NEW) == ids[2]
    assert [project.document_list.position(alice.id, d, ranking=order) for d in ids] == [3, 2, 4, 5, 1]
    assert project.document_list.position(alice.id, ids[3], DocState.NEW, ranking=order) == 0


def test_without_a_model_nothing_is_ranked_and_unknown_orders_are_refused(project: Project) -> None:
    add_documents(project, ["一篇\n正文"])
    assert project.ordering.refresh_ranking(StubService(None)) == 0  # type: ignore[arg-type]
    assert project.ordering.ranking() == []
    with pytest.raises(ValueError, match="document order"):
        project.ordering.set_document_order("random")
    project.settings.set(ORDER_KEY, {"order": "nonsense"})
    assert project.ordering.document_order() == "sequential"
