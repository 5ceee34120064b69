"""What is taken for spaCy's ``.iob`` by its content: a table of ``|``-separated texts (its first line naming
a ``text`` column) and a line or two of text holding a pipe were taken for it, and refused at a row as a bad
token, or imported with a wrong span and no word; a first line longer than the head read for detection was
told or not depending on where the head cut it."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.project import Project
from tests.storage.test_import import spans_of, texts
from tests.storage.test_import_tables import write

GARMENTS = ["纯棉T恤", "羊毛外套", "牛仔裤", "运动鞋", "衬衫", "风衣", "短裤", "卫衣", "毛衣", "西装", "帽子"]


@pytest.mark.parametrize("name", ["sizes.csv", "sizes.txt"])
def test_a_pipe_separated_table_with_one_letter_values_is_a_table(
    project: Project, tmp_path: Path, name: str
) -> None:
    body = "text|size\n" + "".join(f"{t}|M\n" for t in GARMENTS)
    report = project.importer.import_file(write(tmp_path / name, body))
    assert report.error is None and report.format == "csv", report
    assert texts(project) == GARMENTS


@pytest.mark.parametrize("body", ["A|B\n", "联系方式|E-mail\n"])
def test_one_line_holding_a_pipe_is_plain_text_not_iob(project: Project, tmp_path: Path, body: str) -> None:
    report = project.importer.import_file(write(tmp_path / "note.txt", body))
    assert report.error is None and report.format == "txt", report
    assert texts(project) == [body]
    assert spans_of(project) == []


def test_a_file_named_iob_is_still_read_from_one_short_line(project: Project, tmp_path: Path) -> None:
    report = project.importer.import_file(write(tmp_path / "one.iob", "王|B-PER 毅|I-PER\n"))
    assert report.error is None and report.format == "iob", report
    assert [(t[e.start : e.end], e.label) for t, e in spans_of(project)] == [("王毅", "PER")]


@pytest.mark.parametrize("lead", [1, 3])
def test_a_first_line_longer_than_the_head_is_told_wherever_the_head_cuts_it(
    project: Project, tmp_path: Path, lead: int
) -> None:
    """A line of 75,000 characters: the head read for detection (65,536) ends inside a token, ``强|`` or
    ``李|B-P`` as the line's lead shifts it; ``强|`` is no token, and the file was refused as CoNLL."""
    line = "在|O " * lead + " ".join(["李|B-PER", "强|I-PER", "在|O", "北|B-LOC", "京|I-LOC"] * 3000)
    report = project.importer.import_file(write(tmp_path / "long.txt", line + "\n"))
    assert report.error is None and report.format == "iob", report
    assert len(spans_of(project)) == 6000
