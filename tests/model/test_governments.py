"""MSRA's habit of naming a government by its place or its leader (中国政府 → 中国), for every source's
organisations (issue 16: the pretrained tagger's 韩国政府, the model's, the merging rules'), on small
fixtures."""

from __future__ import annotations

import pytest

from model.crf import ModelAssistedEngine
from model.spans import Origin
from model.suggest import SuggestionEngine
from model.suggest.places import governments_as_names
from model.suggest.suggestion import Suggestion
from tests.model.test_pretrained import FakeTagger


def lac(start: int, end: int, label: str = "ORG") -> Suggestion:
    return Suggestion(start, end, label, Origin.PRETRAINED, "lac", 0.9)


@pytest.mark.parametrize(
    ("text", "span", "others", "expected"),
    [
        ("韩国政府宣布", (0, 4), [], ("韩国", "LOC")),  # a place, the default
        ("湖北省人民政府决定", (0, 7), [], ("湖北省", "LOC")),
        ("巴自治政府官员", (0, 5), [], ("巴", "LOC")),
        ("克林顿政府决定", (0, 5), [lac(0, 3, "PER")], ("克林顿", "PER")),  # another source's reading
        ("保守党政府面临", (0, 5), [lac(0, 3, "ORG")], ("保守党", "ORG")),
        ("市政府的领导", (0, 3), [], None),  # a bare government is no entity
        ("区政府公开", (0, 3), [], None),
        ("政府工作报告", (0, 2), [], None),
    ],
)
def test_an_organisation_ending_in_a_government_is_the_name_before_it(
    text: str, span: tuple[int, int], others: list[Suggestion], expected: tuple[str, str] | None
) -> None:
    found = governments_as_names(text, [lac(*span)], others)
    assert [(text[s.start : s.end], s.label) for s in found] == ([expected] if expected else [])
    assert all(s.origin is Origin.PRETRAINED and s.score == 0.9 for s in found)


def test_other_organisations_and_other_labels_stand() -> None:
    text = "国务院办公厅和政府大楼，政府军"
    found = [lac(0, 6), lac(7, 11, "LOC"), lac(12, 15)]
    assert governments_as_names(text, found) == found


@pytest.mark.parametrize(
    ("conventions", "expected"), [("msra", ("湖北省", "LOC")), ("general", ("湖北省政府", "ORG"))]
)
def test_the_engine_reads_the_taggers_governments_so_under_msras_conventions_only(
    conventions: str, expected: tuple[str, str]
) -> None:
    text = "上月，湖北省政府决定用两年时间普及。"
    engine = ModelAssistedEngine(
        SuggestionEngine(labels=("PER", "LOC", "ORG"), conventions=conventions),
        pretrained=FakeTagger({"湖北省政府": "ORG"}),  # type: ignore[arg-type]
    )
    assert [(text[s.start : s.end], s.label) for s in engine.suggest(text)] == [expected]


def test_once_the_team_accepts_a_government_whole_every_reading_stands() -> None:
    text = "上月，湖北省政府决定用两年时间普及。"
    engine = ModelAssistedEngine(
        SuggestionEngine(labels=("PER", "LOC", "ORG")),
        pretrained=FakeTagger({"湖北省政府": "ORG"}),  # type: ignore[arg-type]
    )
    engine.project_dictionary.confirm("日本政府", "ORG")
    assert [(text[s.start : s.end], s.label) for s in engine.suggest(text)] == [("湖北省政府", "ORG")]
    engine.project_dictionary.reject("美国政府", "ORG")  # as often rejected, any of them: the habit is back
    assert [(text[s.start : s.end], s.label) for s in engine.suggest(text)] == [("湖北省", "LOC")]
