"""Label Studio exports of projects whose labelling config does not call the text ``$text``: the task's text
is the data field the spans' own text is found in, in the JSON export as in JSON-MIN."""

from __future__ import annotations

import json
from pathlib import Path

from storage.project import Project
from tests.storage.test_import_formats import ok, surfaces, write

TEXT = "😀裴青山访问北京"  # an emoji first: Label Studio's offsets count UTF-16 code units


def _result(start: int, end: int, text: str, label: str) -> dict[str, object]:
    return {
        "value": {"start": start, "end": end, "text": text, "labels": [label]},
        "from_name": "ner",
        "to_name": "text",  # the <Text> tag's name, not the data field's
        "type": "labels",
    }


def _task(task_id: int, sentence: str, results: list[dict[str, object]]) -> dict[str, object]:
    return {
        "id": task_id,
        "data": {"sentence": sentence, "source": "xinhua", "url": "http://example.com/1"},
        "annotations": [{"id": task_id, "result": results, "was_cancelled": False}],
        "predictions": [],
    }


def test_json_export_whose_text_field_is_not_text(project: Project, tmp_path: Path) -> None:
    tasks = [
        _task(1, TEXT, [_result(2, 5, "裴青山", "PER"), _result(7, 9, "北京", "LOC")]),
        _task(2, "无人访问。", []),  # no span says which field: the one the first task showed
    ]
    report = ok(project.importer.import_file(write(tmp_path / "p.json", json.dumps(tasks, indent=2))))
    assert report.imported == 2
    assert sorted(doc.text for doc in project.documents.all()) == sorted([TEXT, "无人访问。"])
    assert surfaces(project) == [("裴青山", "PER"), ("北京", "LOC")]
    assert project.documents.all()[0].meta["url"] == "http://example.com/1"


def test_json_export_whose_text_field_cannot_be_told_is_refused(project: Project, tmp_path: Path) -> None:
    task = _task(1, TEXT, [])
    report = project.importer.import_file(write(tmp_path / "p.json", json.dumps([task])))
    assert report.failed and "cannot tell which of its data fields" in str(report.error)
    assert project.documents.count() == 0


def test_json_min_whose_text_field_is_not_text(project: Project, tmp_path: Path) -> None:
    record = {
        "sentence": TEXT,
        "id": 1,
        "ner": [{"start": 2, "end": 5, "text": "裴青山", "labels": ["PER"]}],
        "annotator": 1,
        "annotation_id": 1,
        "created_at": "2024-05-01T08:00:00.000000Z",
        "updated_at": "2024-05-01T08:00:00.000000Z",
        "lead_time": 4.2,
    }
    report = ok(project.importer.import_file(write(tmp_path / "min.json", json.dumps([record]))))
    assert report.variant == "Label Studio JSON-MIN"
    assert [doc.text for doc in project.documents.all()] == [TEXT]
    assert surfaces(project) == [("裴青山", "PER")]


def test_a_region_without_a_label_is_counted_not_dropped_silently(project: Project, tmp_path: Path) -> None:
    unlabelled = {
        **_result(7, 9, "北京", "LOC"),
        "value": {"start": 7, "end": 9, "text": "北京", "labels": []},
    }
    tasks = [_task(1, TEXT, [_result(2, 5, "裴青山", "PER"), unlabelled])]
    report = ok(project.importer.import_file(write(tmp_path / "p.json", json.dumps(tasks))))
    assert surfaces(project) == [("裴青山", "PER")]
    assert any("1 result(s) that are not text spans with labels" in note for note in report.notes), (
        report.notes
    )

    record = {"text": "张三在上海。", "label": [{"start": 3, "end": 5, "text": "上海", "labels": []}]}
    other = {**record, "label": [*record["label"], {"start": 0, "end": 2, "text": "张三", "labels": ["PER"]}]}
    path = write(tmp_path / "min.json", json.dumps([other]))
    report = ok(project.importer.import_file(path))
    assert any("1 result(s) that are not text spans with labels" in note for note in report.notes), (
        report.notes
    )
