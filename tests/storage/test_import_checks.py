"""Input that used to reach the database as a traceback (or be stored on SQLite and refused by PostgreSQL)
is refused by file and line, the same way on both databases, and leaves the database exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.labels import LabelError
from model.spans import Label
from storage.importer import SpansAs
from storage.project import Project
from tests.conftest import snapshot


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


GOOD = {"text": "北京欢迎你", "label": [[0, 2, "LOC"]]}


@pytest.mark.parametrize(
    ("record", "line", "reason"),
    [
        ({"text": "北京\ud800欢迎你"}, 2, "lone surrogate (U+D800"),
        ({"text": "北京\u0000欢迎你"}, 2, "NUL character"),
        ({"text": "北京", "title": "x\u0000"}, 2, "the title holds a NUL"),
        ({"text": "北京", "source_url": "\udc80"}, 2, "the metadata holds a lone surrogate"),
        ({"text": "北京欢迎你", "label": [[0, 2, "L" * 65]]}, 2, "65 characters long (at most 64)"),
        ({"text": "北京欢迎你", "label": [[0, 2, "NEW LOC"]]}, 2, "contains whitespace (U+0020)"),
        ({"text": "北京欢迎你", "label": [[0, 2, "LOC\u0007"]]}, 2, "a control character (U+0007)"),
        ({"text": "北京欢迎你", "label": [[0, 2, "LOC\u200b"]]}, 2, "an invisible character (U+200B)"),
    ],
)
def test_unstorable_jsonl_is_refused_by_line(
    project: Project, tmp_path: Path, record: dict[str, object], line: int, reason: str
) -> None:
    before = snapshot(project)
    path = _jsonl(tmp_path / "bad.jsonl", GOOD, record)
    report = project.importer.import_file(path)
    assert report.error is not None, report
    assert (report.error.path, report.error.line) == (str(path), line)
    assert reason in str(report.error)
    assert snapshot(project) == before
    # the same file as suggestions: refused the same way
    assert project.importer.import_file(path, spans_as=SpansAs.SUGGESTIONS).error is not None
    assert snapshot(project) == before


def test_a_nul_past_the_first_8_kb_of_a_text_file_is_refused_with_its_line(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("标题\n" + "正文。\n" * 3000 + "坏\x00行\n", encoding="utf-8")
    before = snapshot(project)
    report = project.importer.import_file(path)
    assert report.error is not None and report.error.line == 3002
    assert "NUL character" in str(report.error)
    assert snapshot(project) == before


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_a_nul_past_the_first_8_kb_is_refused_by_the_same_line_whatever_the_line_ends(
    project: Project, tmp_path: Path, newline: str
) -> None:
    """A file of lone-CR lines read as text (the brat reader named by --format brat, a .txt) counted only
    line feeds before the NUL: "line 1", where a .ann detected by its content said "line 3002"."""
    path = tmp_path / "a.txt"
    path.write_bytes(("标题" + newline + ("正文。" + newline) * 3000 + "坏\x00行" + newline).encode())
    before = snapshot(project)
    report = project.importer.import_file(path)
    assert report.error is not None and report.error.line == 3002
    assert snapshot(project) == before


def test_a_bad_label_in_conll_and_brat_names_its_line(project: Project, tmp_path: Path) -> None:
    conll = tmp_path / "a.bio"
    label = "X" * 70
    conll.write_text(f"北\tB-LOC\n京\tI-LOC\n\n上\tB-{label}\n海\tI-{label}\n", encoding="utf-8")
    report = project.importer.import_file(conll)
    assert report.error is not None and report.error.line == 4 and "70 characters" in str(report.error)
    (tmp_path / "b.txt").write_text("北京欢迎你", encoding="utf-8")
    ann = tmp_path / "b.ann"
    ann.write_text("T1\tLOC 0 2\t北京\nT2\tL\u3000C 2 4\t欢迎\n", encoding="utf-8")
    report = project.importer.import_file(ann)
    assert report.error is not None and (report.error.path, report.error.line) == (str(ann), 2)
    assert "whitespace (U+3000)" in str(report.error)
    assert project.documents.count() == 0


@pytest.mark.parametrize("content", ["", "  \n\n\t\n", "\ufeff\n"])
def test_an_empty_or_blank_jsonl_is_refused_like_an_empty_txt(
    project: Project, tmp_path: Path, content: str
) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(content, encoding="utf-8")
    report = project.importer.import_file(path)
    assert report.error is not None and "holds no document" in str(report.error)
    txt = tmp_path / "empty.txt"
    txt.write_text(content, encoding="utf-8")
    assert project.importer.import_file(txt).error is not None


def test_an_over_long_title_is_shortened_to_its_column(project: Project, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "t.jsonl", {"text": "北京欢迎你", "title": "标" * 800})
    assert project.importer.import_file(path).imported == 1
    (doc,) = project.documents.all()
    assert len(doc.title) == 500 and doc.title.endswith("…")


def test_the_label_set_refuses_names_that_are_not_labels(project: Project) -> None:
    before = snapshot(project)
    with pytest.raises(LabelError):
        project.labels.replace([*project.labels.all(), Label("NEW LOC", "#000000")])
    with pytest.raises(LabelError), project.transaction() as s:
        project.labels.ensure_in(s, {"GPE", "A\tB"})
    assert snapshot(project) == before
