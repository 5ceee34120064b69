"""doccano's JSONL exports of each project kind: sequence labelling (spans), text classification and
sequence to sequence (``"label": ["pos"]``: labels of the whole text, no spans)."""

from __future__ import annotations

import json
from pathlib import Path

from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import spans_of, texts


def test_doccanos_text_classification_jsonl_is_texts_with_their_categories_in_the_metadata(
    project: Project, tmp_path: Path
) -> None:
    """doccano's text classification (and sequence to sequence) export, ``"label": ["pos"]``, was refused
    with "a span must be a list or an object, got 'pos'", naming neither what the file is nor what to do;
    its CSV export was read as texts. Now read as the CSV is: no span, the labels kept, said in a note."""
    path = tmp_path / "cls.jsonl"
    objs = [
        {"id": 1, "text": "今天天气不错", "label": ["pos"], "Comments": []},
        {"id": 2, "text": "糟糕", "label": ["neg", "spam"], "Comments": []},
        {"id": 3, "text": "没标", "label": [], "Comments": []},
    ]
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")
    report = project.importer.import_file(path)
    assert report.error is None, report
    assert texts(project) == ["今天天气不错", "糟糕", "没标"]
    assert spans_of(project) == []
    notes = " ".join(map(str, report.notes))
    said = "2 document(s) (the first at line 1) have a 'label' list of labels of the whole text ('pos'"
    assert said in notes
    second = sorted(project.documents.all(), key=lambda d: d.id)[1]
    assert second.meta["label"] == ["neg", "spam"]


def test_a_label_list_mixing_spans_and_categories_is_refused(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    line = json.dumps({"text": "李强在北京", "label": [[0, 2, "PER"], "pos"]}, ensure_ascii=False)
    path.write_text(line + "\n", encoding="utf-8")
    before = snapshot(project)
    report = project.importer.import_file(path)
    assert report.error is not None and report.error.line == 1, report
    assert snapshot(project) == before
