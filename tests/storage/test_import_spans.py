"""A span that covers nothing (its end at or before its start) is refused saying so, in every format that
states offsets, instead of being called out of range."""

from __future__ import annotations

from pathlib import Path

from storage.project import Project
from tests.storage.test_import_formats import write


def test_a_span_that_covers_nothing_is_refused_as_such(project: Project, tmp_path: Path) -> None:
    cases = {
        "empty.jsonl": (
            '{"text": "张三在北京。", "label": [[3, 3, "PER"]]}\n',
            "span [3, 3, 'PER'] covers nothing",
        ),
        "reversed.jsonl": (
            '{"text": "张三在北京。", "label": [[4, 2, "PER"]]}\n',
            "span [4, 2, 'PER'] covers nothing",
        ),
        "cluener.json": (
            '{"text": "张三在北京。", "label": {"name": {"三在": [[2, 1]]}}}\n',
            "CLUENER mention '三在': expected [start, end_inclusive], got [2, 1]",
        ),
    }
    for name, (body, said) in cases.items():
        report = project.importer.import_file(write(tmp_path / name, body))
        assert report.failed and f"line 1: {said}" in str(report.error), report.error  # not "out of range"
    write(tmp_path / "a.txt", "张三在北京。")
    report = project.importer.import_file(write(tmp_path / "a.ann", "T1\tPER 3 3\t\n"))
    assert report.failed and "entity T1 [3, 3) covers nothing" in str(report.error), report.error
    assert project.documents.count() == 0
