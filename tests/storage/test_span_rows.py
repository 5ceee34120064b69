"""Every span row goes through one helper with one bounds check: annotations, suggestions, imports, gold."""

from __future__ import annotations

import pytest

from model.ops import Insert
from model.review import Decision
from model.spans import DocumentId, Entity, Layer, OffsetError, Origin, Role, Status
from model.suggest import Suggestion
from storage.documents import NewDocument
from storage.project import Project
from storage.span_rows import insert_spans
from storage.suggestions import SuggestionService
from tests.conftest import snapshot


def document(project: Project, text: str = "裴青山会见布林肯。") -> DocumentId:
    with project.transaction() as s:
        (doc,) = project.documents.insert_batch(s, [NewDocument("t", text, "test", {})])
    assert doc is not None
    return DocumentId(doc)


def test_a_span_past_the_end_of_its_document_is_refused(project: Project) -> None:
    doc = document(project)
    before = snapshot(project)
    with pytest.raises(OffsetError, match="does not fit document"), project.transaction() as s:
        insert_spans(s, [Insert(doc, Layer.GOLD, None, 5, 10, "PER", Status.ACCEPTED, Origin.IMPORTED)])
    with pytest.raises(OffsetError), project.transaction() as s:  # the caller's lengths are checked too
        insert_spans(
            s,
            [Insert(doc, Layer.GOLD, None, 0, 3, "PER", Status.ACCEPTED, Origin.IMPORTED)],
            {doc: 2},
            returning=False,
        )
    assert snapshot(project) == before
    with project.transaction() as s:
        ids = insert_spans(s, [Insert(doc, Layer.GOLD, None, 0, 3, "PER", Status.ACCEPTED, Origin.IMPORTED)])
    assert len(ids) == 1 and ids[0] is not None


def test_stored_suggestions_are_checked_against_their_document(project: Project) -> None:
    doc = document(project)
    before = snapshot(project)
    service = SuggestionService(project)
    with pytest.raises(OffsetError):
        service.store({doc: [Suggestion(7, 12, "PER", Origin.RULE, None, 0.9)]})
    assert snapshot(project) == before


def test_a_gold_span_past_the_end_is_refused_with_nothing_saved(project: Project) -> None:
    doc = document(project)
    item, reviewer = project.reviews.load(doc), project.annotator("rev", Role.REVIEWER).id
    before = snapshot(project)
    with pytest.raises(OffsetError):
        project.reviews.save_gold(item, reviewer, [Entity(5, 30, "PER")], list[Decision]())
    assert snapshot(project) == before
