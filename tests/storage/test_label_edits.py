"""Editing the label set on SQLite and PostgreSQL: add, edit (rename follows into spans), hotkey conflicts,
order, presets, removal refused for a label in use, merge in one transaction and its undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model.commands import AddSpans, Context
from model.label_presets import PRESET_COLOURS, PRESETS
from model.labels import LabelError
from model.spans import Entity, Label, Layer, Origin
from model.suggest.suggestion import Suggestion
from storage.label_edits import LabelInUse
from storage.orm import EventRow
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_team import docs


def names(project: Project) -> list[str]:
    return [label.name for label in project.labels.all()]


def events(project: Project, action: str) -> list[dict[str, object]]:
    with project.session_factory() as s:
        return [e.payload for e in s.scalars(select(EventRow).where(EventRow.action == action))]


def test_add_edit_order_and_refusals(project: Project) -> None:
    li = project.annotator("li").id
    added = project.labels.add(Label("EVENT", "#117733", "5", 0, "Named events"), by=li)
    assert added.position == 4 and names(project) == ["PER", "LOC", "ORG", "MISC", "EVENT"]
    before = snapshot(project)
    for bad, message in [
        (Label("NEW EVENT", "#117733"), "contains whitespace"),
        (Label("X\x07", "#117733"), "a control character"),
        (Label("X" * 65, "#117733"), "65 characters long"),
        (Label("EVENT", "#117733"), "has a label EVENT already"),
        (Label("FAC", "red"), "#rrggbb"),
        (Label("FAC", "#123456", "0"), "one of 1 to 9"),
        (Label("FAC", "#123456", "1"), "hotkey 1 belongs to PER already"),
    ]:
        with pytest.raises(LabelError, match=message):
            project.labels.add(bad)
    with pytest.raises(LabelError, match="hotkey 5 belongs to EVENT"):
        project.labels.edit("LOC", hotkey="5")
    with pytest.raises(LabelError, match="has a label ORG already"):
        project.labels.edit("LOC", new_name="ORG")
    assert snapshot(project) == before
    project.labels.edit("EVENT", hotkey=None, colour="#abcdef", description="Wars, games", by=li)
    project.labels.edit("LOC", hotkey="5")
    assert {lab.name: lab.hotkey for lab in project.labels.all()}["LOC"] == "5"
    assert project.labels.order(["EVENT", "ORG"]) == ["EVENT", "ORG", "PER", "LOC", "MISC"]
    assert names(project) == ["EVENT", "ORG", "PER", "LOC", "MISC"]
    (edit,) = [e for e in events(project, "label_edit") if e["label"] == "EVENT"]
    assert edit["changed"] == {
        "colour": ["#117733", "#abcdef"],
        "hotkey": ["5", None],
        "description": ["Named events", "Wars, games"],
    }


def test_a_rename_follows_into_every_span(project: Project) -> None:
    (doc,) = docs(project, 1)
    AddSpans(Context(doc, project.annotator("li").id), [Entity(4, 7, "PER")]).do(project.annotations)
    project.labels.edit("PER", new_name="PERSON")
    assert [s.label for s in project.annotations.spans(doc, Layer.ANNOTATOR)] == ["PERSON"]
    assert names(project)[0] == "PERSON"


def test_a_label_in_use_is_merged_in_one_transaction_and_unmerged(project: Project) -> None:
    a, b = docs(project, 2)
    li = project.annotator("li").id
    AddSpans(Context(a, li), [Entity(4, 7, "MISC"), Entity(9, 11, "LOC")]).do(project.annotations)
    AddSpans(Context(b, li), [Entity(4, 7, "ORG")]).do(project.annotations)
    project.suggestions.store(
        {
            a: [
                Suggestion(4, 7, "MISC", Origin.RULE, None, 0.5),
                Suggestion(4, 7, "ORG", Origin.RULE, None, 0.5),  # the same span as ORG: one is dropped
                Suggestion(9, 11, "MISC", Origin.RULE, None, 0.5),
            ]
        }
    )
    before = snapshot(project)
    with pytest.raises(LabelInUse, match="MISC is used by 3 span"):
        project.labels.remove("MISC")
    with pytest.raises(LabelError, match="cannot merge MISC into NOPE"):
        project.labels.remove("MISC", merge_into="NOPE")
    assert snapshot(project) == before

    report = project.labels.remove("MISC", merge_into="ORG", by=li)
    assert (report.spans, report.dropped) == (2, 1)
    assert "MISC" not in names(project)
    spans = project.annotations.spans(a, Layer.ANNOTATOR) + project.annotations.spans(a, Layer.SUGGESTION)
    assert sorted((s.layer, s.start, s.label) for s in spans) == [
        ("annotator", 4, "ORG"),
        ("annotator", 9, "LOC"),
        ("suggestion", 4, "ORG"),
        ("suggestion", 9, "ORG"),
    ]
    (merge,) = events(project, "label_merge")
    assert merge["into"] == "ORG" and len(merge["spans"]) == 2  # type: ignore[arg-type]

    back = project.labels.unmerge("MISC", by=li)
    assert back.spans == 2
    assert names(project) == ["PER", "LOC", "ORG", "MISC"]
    assert {lab.name: lab.hotkey for lab in project.labels.all()}["MISC"] == "4"
    spans = project.annotations.spans(a, Layer.ANNOTATOR) + project.annotations.spans(a, Layer.SUGGESTION)
    assert sorted((s.layer, s.start, s.label) for s in spans) == [
        ("annotator", 4, "MISC"),
        ("annotator", 9, "LOC"),
        ("suggestion", 4, "ORG"),
        ("suggestion", 9, "MISC"),
    ]
    assert [s.label for s in project.annotations.spans(b, Layer.ANNOTATOR)] == ["ORG"]  # never MISC
    with pytest.raises(LabelError, match="has a label MISC already"):
        project.labels.unmerge("MISC")
    project.labels.remove("PER")  # unused: simply removed
    assert "PER" not in names(project)


@pytest.mark.parametrize("preset", ["ontonotes", "cluener"])
def test_a_preset_adds_what_is_missing_with_free_hotkeys_and_unused_colours(
    project: Project, preset: str
) -> None:
    added = project.labels.preset(preset)
    wanted = [label.name for label in PRESETS[preset]]
    assert [label.name for label in added] == [n for n in wanted if n not in {"PER", "LOC", "ORG", "MISC"}]
    labels = project.labels.all()
    hotkeys = [label.hotkey for label in labels if label.hotkey]
    assert sorted(hotkeys) == list("123456789")  # 1-4 the defaults', the first free ones to the preset's
    distinct = {label.colour.upper() for label in labels}  # until the palette runs out (20 labels, 18)
    assert len(distinct) == min(len(labels), len(PRESET_COLOURS))
    assert project.labels.preset(preset) == []  # nothing missing any more
    assert len(events(project, "label_preset")) == 2


def test_a_preset_chooses_the_suggestion_conventions_in_the_same_transaction(project: Project) -> None:
    assert project.training.settings().conventions == "msra"  # the default label set's
    threshold = project.training.settings().threshold
    project.labels.preset("ontonotes")
    assert project.training.settings().conventions == "general"
    assert project.training.settings().threshold == threshold  # the other settings stay
    assert events(project, "label_preset")[-1]["conventions"] == "general"
    engine = project.suggestions.rules
    project.suggestions.follow_settings()
    assert engine.conventions == "general"
    project.labels.preset("default")  # nothing to add, but the preset's conventions are chosen
    project.suggestions.follow_settings()
    assert project.training.settings().conventions == "msra" and engine.conventions == "msra"
    with pytest.raises(LabelError, match="no preset"):
        project.labels.preset("conll")
    assert project.training.settings().conventions == "msra"
