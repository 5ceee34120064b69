"""Invariants the database itself holds, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from storage.documents import DocumentStore, NewDocument
from storage.orm import EventRow, SpanRow
from storage.project import Project


def _doc(project: Project, body: str = "越南外交部部长裴青山") -> int:
    with project.transaction() as s:
        (doc_id,) = DocumentStore.insert_batch(s, [NewDocument("t", body, "test", {})])
    assert doc_id is not None
    return doc_id


def _span(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "layer": "gold",
        "annotator_id": None,
        "start": 0,
        "end": 2,
        "label": "LOC",
        "origin": "imported",
        "status": "accepted",
        "version": 1,
    }
    values.update(overrides)
    return values


@pytest.mark.parametrize(
    "bad",
    [
        {"start": -1},
        {"start": 3, "end": 3},
        {"start": 4, "end": 2},
        {"layer": "annotator"},  # the annotator layer must name its annotator
        {"layer": "suggestion", "status": "accepted"},  # suggestions are only ever 'suggested'
        {"layer": "gold", "status": "suggested"},
        {"label": "NOPE"},  # not in the label set
        {"origin": "magic"},
    ],
)
def test_span_checks(project: Project, bad: dict[str, object]) -> None:
    doc_id = _doc(project)
    with pytest.raises(IntegrityError), project.transaction() as s:
        s.execute(insert(SpanRow), [_span(document_id=doc_id, **bad)])
    with project.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM spans")).scalar() == 0


def test_a_valid_span_is_stored(project: Project) -> None:
    doc_id = _doc(project)
    with project.transaction() as s:
        s.execute(insert(SpanRow), [_span(document_id=doc_id)])
    with project.engine.connect() as conn:
        assert conn.execute(text('SELECT start, "end", label FROM spans')).one() == (0, 2, "LOC")


def test_content_hash_is_unique(project: Project) -> None:
    _doc(project)
    with project.transaction() as s:
        ids = DocumentStore.insert_batch(s, [NewDocument("again", "越南外交部部长裴青山", "other", {})])
    assert ids == [None]
    assert project.documents.count() == 1


def test_the_event_log_is_append_only(project: Project) -> None:
    with project.transaction() as s:
        s.execute(insert(EventRow), [{"action": "accept", "payload": {"x": 1}}])
    with pytest.raises(DBAPIError, match="append-only"), project.transaction() as s:
        s.execute(update(EventRow).values(action="forged"))
    with pytest.raises(DBAPIError, match="append-only"), project.transaction() as s:
        s.execute(text("DELETE FROM events"))
    with project.engine.connect() as conn:
        assert conn.execute(text("SELECT action FROM events")).scalars().all() == ["accept"]


def test_label_rename_cascades_to_spans(project: Project) -> None:
    doc_id = _doc(project)
    with project.transaction() as s:
        s.execute(insert(SpanRow), [_span(document_id=doc_id)])
    with project.transaction() as s:
        s.execute(text("UPDATE labels SET name = 'GPE' WHERE name = 'LOC'"))
    with project.engine.connect() as conn:
        assert conn.execute(text("SELECT label FROM spans")).scalar() == "GPE"


def test_one_suggestion_per_span_and_label(project: Project) -> None:
    doc_id = _doc(project)
    suggestion = _span(document_id=doc_id, layer="suggestion", status="suggested", origin="jieba")
    with project.transaction() as s:
        s.execute(insert(SpanRow), [suggestion, {**suggestion, "label": "ORG"}, {**suggestion, "end": 3}])
    with pytest.raises(IntegrityError), project.transaction() as s:
        s.execute(insert(SpanRow), [{**suggestion, "origin": "model"}])
    with project.transaction() as s:  # other layers may repeat a suggestion's span
        s.execute(insert(SpanRow), [_span(document_id=doc_id), _span(document_id=doc_id)])


def _label_row(name: str) -> dict[str, object]:
    return {"name": name, "colour": "#000000", "hotkey": None, "position": 9, "description": ""}


def test_the_database_holds_the_label_rule(project: Project) -> None:
    from model.labels import FORBIDDEN_RANGES, label_problem
    from storage.orm import LabelRow

    bad = ["", "N" * 65, *(f"A{chr(c)}B" for low, high in FORBIDDEN_RANGES for c in {low, high} if c)]
    assert all(label_problem(name) for name in bad)
    for name in bad:  # PostgreSQL's column type refuses 65 characters before the check does
        with pytest.raises(DBAPIError), project.transaction() as s:
            s.execute(insert(LabelRow), [_label_row(name)])
    with pytest.raises(IntegrityError), project.transaction() as s:
        s.execute(update(LabelRow).where(LabelRow.name == "PER").values(name="P R"))
    good = ["GPE", "人名", "N" * 64, "B-X.y_z", "\u0600AR"]  # what the rule allows, the database allows
    with project.transaction() as s:
        s.execute(insert(LabelRow), [_label_row(name) for name in good])
    assert {label.name for label in project.labels.all()} >= set(good)


def test_the_migration_constant_is_the_models() -> None:
    import importlib

    from model.labels import FORBIDDEN_RANGES, MAX_LABEL_LENGTH

    rule = importlib.import_module("storage.migrations.versions.0004_one_suggestion_per_span_label_rule")
    latest = importlib.import_module("storage.migrations.versions.0006_invisible_characters_in_labels")
    assert latest.FORBIDDEN == FORBIDDEN_RANGES and rule.MAX_LENGTH == MAX_LABEL_LENGTH
