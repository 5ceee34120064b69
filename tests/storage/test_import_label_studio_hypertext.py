"""A Label Studio HyperText project's export (``hypertextlabels``: the text a web page, the regions placed
in its elements by XPath): its HTML was imported as an article's text, the regions dropped as "not text
spans" (JSON) or without a word (JSON-MIN). newstag reads plain text: refused by line, naming what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.project import Project
from tests.conftest import snapshot

REGION = {
    "start": "/p[1]/text()[1]",
    "end": "/p[1]/text()[1]",
    "startOffset": 0,
    "endOffset": 2,
    "text": "李强",
    "hypertextlabels": ["PER"],
}
TASK = {
    "id": 1,
    "data": {"text": "<p>李强在北京</p>"},
    "annotations": [
        {"result": [{"from_name": "ner", "to_name": "text", "type": "hypertextlabels", "value": REGION}]}
    ],
}
MIN = {"id": 1, "text": "<p>李强在北京</p>", "ner": [REGION]}


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        ("ls.json", json.dumps([TASK], ensure_ascii=False, indent=1), 2),
        ("min.json", json.dumps([MIN], ensure_ascii=False), 1),
        ("min.jsonl", json.dumps(MIN, ensure_ascii=False) + "\n", 1),
    ],
)
def test_a_hypertext_export_is_refused_by_line(
    project: Project, tmp_path: Path, name: str, body: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    before = snapshot(project)
    report = project.importer.import_file(path)
    assert report.error is not None and report.error.line == line, report
    assert "a Label Studio HyperText result (hypertextlabels ['PER'])" in str(report.error)
    assert "label the texts in a Text project" in str(report.error)
    assert snapshot(project) == before
