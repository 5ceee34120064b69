"""Files other annotation tools write, in their released shapes, read right or refused by line: Prodigy's
``db-out`` answers; CoNLL-U whose entities sit in the MISC column; a folder with a broken link in it.

Fixtures are small lines written here after the tools' own output (Prodigy's task format, prodi.gy/docs/
api-interfaces; classla/Slovenian SSJ ``NER=B-PER``, Stanza ``ner=S-PERSON``, NorNE ``name=B-GPE_LOC``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import texts
from tests.storage.test_import_formats import ok, surfaces, write


def tokens(text: str) -> list[dict[str, Any]]:
    """Prodigy's tokens of a Chinese text as ``zh`` blank models cut it: a character each."""
    return [{"text": ch, "start": i, "end": i + 1, "id": i, "ws": False} for i, ch in enumerate(text)]


def task(text: str, spans: list[tuple[int, int, str]], answer: str | None = "accept", **extra: Any) -> str:
    """One line of ``prodigy db-out`` for a ``ner.manual`` task."""
    obj: dict[str, Any] = {
        "text": text,
        "_input_hash": hash(text) % 10**9,
        "_task_hash": hash((text, tuple(spans))) % 10**9,
        "tokens": tokens(text),
        "_session_id": None,
        "_view_id": "ner_manual",
        "spans": [
            {"start": a, "end": b, "token_start": a, "token_end": b - 1, "label": label}
            for a, b, label in spans
        ],
    }
    if answer is not None:
        obj["answer"] = answer
    obj.update(extra)
    return json.dumps(obj, ensure_ascii=False) + "\n"


# -- Prodigy ----------------------------------------------------------------------------------------------


def test_prodigy_rejected_and_ignored_tasks_are_not_gold(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "ner_news.jsonl",
        task("裴青山访问北京。", [(0, 3, "PER"), (5, 7, "LOC")])
        + task("上海是城市。", [(0, 2, "ORG")], "reject")
        + task("广州很热。", [(0, 2, "LOC")], "ignore")
        + task("深圳很大。", [(0, 2, "LOC")], None),
    )
    before = snapshot(project)
    preview = ok(project.importer.preview_file(path))
    assert snapshot(project) == before
    assert (preview.imported, preview.spans) == (2, 3) and preview.variant == "Prodigy"
    notes = " ".join(preview.notes)
    assert 'Prodigy task(s) answered "reject"' in notes and 'answered "ignore"' in notes
    report = ok(project.importer.import_file(path))
    assert report.notes == preview.notes
    assert texts(project) == ["裴青山访问北京。", "深圳很大。"]  # no answer: read as before
    assert surfaces(project) == [("裴青山", "PER"), ("北京", "LOC"), ("深圳", "LOC")]
    assert (
        "tokens" not in project.documents.all()[0].meta
        and project.documents.all()[0].meta["answer"] == "accept"
    )


def test_prodigy_json_array_is_read_the_same_way(project: Project, tmp_path: Path) -> None:
    lines = [
        json.loads(task("北京。", [(0, 2, "LOC")])),
        json.loads(task("上海。", [(0, 2, "LOC")], "reject")),
    ]
    path = write(tmp_path / "tasks.json", json.dumps(lines, ensure_ascii=False))
    report = ok(project.importer.import_file(path))
    assert report.imported == 1 and texts(project) == ["北京。"]


def test_a_binary_ner_teach_answer_is_refused_and_a_rejected_one_skipped(
    project: Project, tmp_path: Path
) -> None:
    def teach(text: str, span: tuple[int, int, str], answer: str, view: bool = True) -> str:
        obj: dict[str, Any] = {
            "text": text,
            "spans": [
                {
                    "start": span[0],
                    "end": span[1],
                    "text": text[span[0] : span[1]],
                    "rank": 0,
                    "label": span[2],
                    "score": 0.53,
                    "source": "zh_core_web_sm",
                    "input_hash": 1,
                }
            ],
            "meta": {"score": 0.53},
            "_input_hash": 1,
            "_task_hash": 2,
            "answer": answer,
        }
        if view:
            obj["_view_id"] = "ner"
        return json.dumps(obj, ensure_ascii=False) + "\n"

    rejected = write(tmp_path / "r.jsonl", teach("北京很大。", (0, 2, "PER"), "reject") + task("上海。", []))
    ok(project.importer.import_file(rejected))
    assert texts(project) == ["上海。"] and surfaces(project) == []
    before = snapshot(project)
    for view in (True, False):  # before Prodigy 1.8 wrote _view_id, the spans' scores tell
        accepted = write(
            tmp_path / "a.jsonl", task("天津。", []) + teach("北京很大。", (0, 2, "LOC"), "accept", view)
        )
        report = project.importer.import_file(accepted)
        assert report.failed and report.error.line == 2, report.error
        assert "ner.silver-to-gold" in str(report.error) and "北京/LOC" in str(report.error)
        assert snapshot(project) == before


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (task("好。", [], "maybe"), "not 'maybe'"),
        (task("好。", [], _view_id="classification", label="POSITIVE"), '"classification" interface'),
        (task("好。", [], _view_id="choice", accept=["A"]), '"choice" interface'),
    ],
)
def test_prodigy_tasks_that_hold_no_entity_annotation_are_refused(
    project: Project, tmp_path: Path, line: str, words: str
) -> None:
    report = project.importer.import_file(write(tmp_path / "t.jsonl", task("北京。", [(0, 2, "LOC")]) + line))
    assert report.failed and report.error.line == 2 and words in str(report.error), report.error
    assert project.documents.count() == 0


def test_prodigy_span_offsets_must_be_its_tokens(project: Project, tmp_path: Path) -> None:
    obj = json.loads(task("裴青山访问北京。", [(0, 3, "PER")]))
    obj["spans"][0]["token_end"] = 1  # the tokens say 裴青, the offsets 裴青山
    report = project.importer.import_file(write(tmp_path / "t.jsonl", json.dumps(obj, ensure_ascii=False)))
    assert report.failed and report.error.line == 1 and "tokens 0 to 1" in str(report.error)
    obj["spans"][0]["token_end"] = 99
    report = project.importer.import_file(write(tmp_path / "t.jsonl", json.dumps(obj, ensure_ascii=False)))
    assert report.failed and "tokens 0 to 99" in str(report.error)
    assert project.documents.count() == 0
