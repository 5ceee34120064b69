"""spaCy's training data (``["李强在北京", {"entities": [[0, 2, "PER"]]}]``, as its v2 examples and many
tutorials write it), one a line or a JSON array of them, is read with its spans, not refused as "a JSON array
given as JSON Lines" (which then, as --format json, was refused for holding no object)."""

from __future__ import annotations

import json
from pathlib import Path

from storage.formats.options import OffsetUnit
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import spans_of, texts

PAIRS = [
    ["😀李强在北京", {"entities": [[1, 3, "PER"], [4, 6, "LOC"]], "cats": {"news": 1.0}}],
    ["王毅来了", {"entities": []}],
]


def test_spacys_training_pairs_one_a_line_or_in_an_array(project: Project, tmp_path: Path) -> None:
    lines = tmp_path / "train.jsonl"
    lines.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAIRS), encoding="utf-8")
    array = tmp_path / "train.json"
    array.write_text(
        json.dumps([*PAIRS[:1], ["北京欢迎你", {"entities": [[0, 2, "LOC"]]}]]), encoding="utf-8"
    )
    for path, variant in ((lines, "jsonl"), (array, "json")):
        report = project.importer.import_file(path)
        assert report.error is None and report.format == variant and report.variant == "spaCy", report
    assert texts(project) == ["😀李强在北京", "王毅来了", "北京欢迎你"]
    assert [(text[e.start : e.end], e.label) for text, e in spans_of(project)] == [
        ("李强", "PER"),
        ("北京", "LOC"),
        ("北京", "LOC"),
    ]
    first = min(project.documents.all(), key=lambda d: d.id)
    assert first.meta["annotations"] == {"cats": {"news": 1.0}}


def test_a_spacy_span_out_of_its_text_is_refused_by_line(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    body = (
        json.dumps(PAIRS[0], ensure_ascii=False) + "\n" + json.dumps(["王毅", {"entities": [[0, 3, "PER"]]}])
    )
    path.write_text(body + "\n", encoding="utf-8")
    before = snapshot(project)
    report = project.importer.import_file(path)
    assert report.error is not None and report.error.line == 2 and "out of range" in str(report.error)
    assert "--offsets" not in str(report.error)  # no emoji: UTF-16 counts the same, the flag would not help
    assert snapshot(project) == before


def test_spacy_offsets_are_code_points_unless_the_option_says_utf16(project: Project, tmp_path: Path) -> None:
    """spaCy counts as Python does: its spans are never guessed to be UTF-16 (the second span here ends one
    past the text, which read as UTF-16 would fit, every span shifted without a word)."""
    path = tmp_path / "train.jsonl"
    pair = ["😀张三去了上海", {"entities": [[2, 3, "PER"], [5, 8, "LOC"]]}]
    path.write_text(json.dumps(pair, ensure_ascii=False) + "\n", encoding="utf-8")
    before = snapshot(project)
    report = project.importer.import_file(path)
    assert report.error is not None and report.error.line == 1, report
    assert "span [5, 8, 'LOC'] is out of range for a text of 7 characters" in str(report.error)
    # every span fits in UTF-16 code units: the refusal says the flag that reads them so
    assert "import it with --offsets utf16" in str(report.error)
    assert snapshot(project) == before
    report = project.importer.import_file(path, offsets=OffsetUnit.CODEPOINTS)  # said to be code points
    assert report.error is not None and "--offsets" not in str(report.error), report
    assert project.importer.import_file(path, offsets=OffsetUnit.UTF16).error is None
    read = [(text[e.start : e.end], e.label) for text, e in spans_of(project)]
    assert read == [("张", "PER"), ("了上海", "LOC")]


def test_a_single_spacy_pair_in_a_json_file_is_read(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps(["李强在北京工作", {"entities": [[0, 2, "PER"], [3, 5, "LOC"]]}]), encoding="utf-8"
    )
    report = project.importer.import_file(path)
    assert report.error is None and report.format == "json" and report.variant == "spaCy", report
    assert [(text[e.start : e.end], e.label) for text, e in spans_of(project)] == [
        ("李强", "PER"),
        ("北京", "LOC"),
    ]
