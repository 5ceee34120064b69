"""What the fuzz harness (``test_import_fuzz.py``) found, each pinned by the smallest file that shows it: a
file that crashed the import, hung it, read it as other text, or was refused without naming its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import texts
from tests.storage.test_import_formats import ok, surfaces, write

ROOT = Path(__file__).resolve().parents[2]
NER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
WEBANNO_HEAD = f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NER}|identifier|value\n\n\n"


def test_a_span_over_the_newline_half_of_a_crlf_covers_the_line_break(
    project: Project, tmp_path: Path
) -> None:
    # "a\r\nb" becomes "a\nb"; [2, 3) covered the "\n" of "\r\n" and was mapped to [2, 2): the database's
    # start < end check failed and the command stopped with "unexpected error", the other files not read
    body = json.dumps({"text": "a\r\nb", "label": [[2, 3, "PER"], [2, 4, "LOC"], [0, 2, "ORG"]]}) + "\n"
    ok(project.importer.import_file(write(tmp_path / "crlf.jsonl", body)))
    assert texts(project) == ["a\nb"]
    assert sorted(surfaces(project)) == sorted([("\nb", "LOC"), ("\n", "PER"), ("a\n", "ORG")])


def test_a_brat_entity_over_the_newline_half_of_a_crlf_covers_the_line_break(
    project: Project, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", b"a\r\nb")
    ok(project.importer.import_file(write(tmp_path / "a.ann", "T1\tPER 2 3\nT2\tLOC 2 4\n")))
    assert sorted(surfaces(project)) == sorted([("\nb", "LOC"), ("\n", "PER")])


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        # a UTF-8 file with one NUL byte was "a binary file" without a line, however much text it held
        ("nul.txt", "标题\n正文第一段。\n第二段\x00。\n".encode(), 3),
        ("nul.bio", "李\tB-PER\n强\tI-PER\n\x00\tO\n".encode(), 3),
        ("nul.jsonl", b'{"text": "ab"}\n{"text": "c\x00d"}\n', 2),
        # read as UTF-16 without a BOM, this was 筻潬慣楴湯:絽, imported without a word
        ("boson.txt", b"{{location:\x00}}", 1),
        ("nul.tsv", (WEBANNO_HEAD + "#Text=李强\n1-1\t0-2\t李强\t_\tPER\x00\n").encode(), 6),
    ],
)
def test_a_stray_nul_byte_is_refused_by_its_line(
    project: Project, tmp_path: Path, name: str, body: bytes, line: int
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / name, body))
    assert report.failed and report.error is not None
    assert report.error.line == line and "NUL character" in str(report.error), report.error
    assert snapshot(project) == before


def test_a_utf16_file_without_a_bom_is_still_read(project: Project, tmp_path: Path) -> None:
    ok(project.importer.import_file(write(tmp_path / "u.txt", "标题\nNew York 纽约\n".encode("utf-16-le"))))
    assert texts(project) == ["标题\nNew York 纽约\n"]
