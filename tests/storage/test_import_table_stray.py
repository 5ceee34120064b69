"""A stray double quote in a CSV told from a text in quotes by the values of the id column: the lines a
field in quotes takes in are rows swallowed only where their ids go on from the row's own one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.formats.table_quotes import next_id
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import texts
from tests.storage.test_import_tables import write


@pytest.mark.parametrize(
    ("body", "text", "column"),
    [
        # a line of the text starts with a number and a comma: no id going on from the row's own (2)
        (
            'id,text,label\n1,开头,a\n2,"Protest in the city, police said\n1,000 people attended",b\n',
            "Protest in the city, police said\n1,000 people attended",
            None,
        ),
        (
            'id,text,label\n1,开头,a\n2,"大事记, 摘要\n2019, 公司成立",pos\n3,结尾,b\n',
            "大事记, 摘要\n2019, 公司成立",
            None,
        ),
        (
            'id,text,label\n1,开头,a\n2,"Timeline, in brief:\n2019, founded",biz\n3,结尾,b\n',
            "Timeline, in brief:\n2019, founded",
            None,
        ),
        # ChnSentiCorp: 0/1 labels first; a line of a review starting with "1," is no row swallowed
        (
            'label,review\n1,"Nice hotel\n1,000 yuan a night"\n0,Dirty room\n',
            "Nice hotel\n1,000 yuan a night",
            "review",
        ),
        ('label,text\n0,开头\n1,"123\n2,789"\n0,结尾\n1,好\n', "123\n2,789", None),
    ],
)
def test_a_text_in_quotes_whose_lines_start_like_rows_is_read(
    sqlite_project: Project, tmp_path: Path, body: str, text: str, column: str | None
) -> None:
    report = sqlite_project.importer.import_file(write(tmp_path / "t.csv", body), text_column=column)
    assert report.error is None, report.error
    assert text in texts(sqlite_project)


def test_the_first_column_as_ids_only_where_its_values_differ(project: Project, tmp_path: Path) -> None:
    body = 'n,text,label\n1,"Breaking,news\n2,Rain,weather\n3,fine",news\n4,ok,news\n'
    report = project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is not None and report.error.line == 2, report
    assert "each of these lines reads as a whole row of 3" in str(report.error)


def test_next_id() -> None:
    assert [next_id(v) for v in ("9", "09", "doc-017", "a1b9", "text")] == [
        "10",
        "10",
        "doc-018",
        "a1b10",
        None,
    ]


@pytest.mark.parametrize(
    "body",
    [
        'id,text,label\n1,"Breaking,news\n2,Rain, heavy,weather\n3,fine",news\n4,ok,news\n',
        'id,text,label\n1,"Breaking,news\n2,Rain\n3,fine",news\n4,ok,news\n',
    ],
)
def test_a_stray_quote_is_refused_whatever_the_width_of_the_rows_it_takes_in(
    project: Project, tmp_path: Path, body: str
) -> None:
    """A swallowed row holding a separator of its own (or none) was read as one text without a word."""
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is not None and report.error.line == 2, report
    assert "runs from here to line 4" in str(report.error)
    assert snapshot(project) == before


def test_a_quote_closed_in_the_next_field_is_refused(project: Project, tmp_path: Path) -> None:
    """``1,"北京,上海"会议,pos``: read with the quotes as text it has the header's four fields, but the
    text would be ``"北京`` and the label ``上海"会议``: refused, as before the quotes were read as text."""
    before = snapshot(project)
    body = 'id,text,label,source\n1,"北京,上海"会议,pos\n'
    report = project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is not None and report.error.line == 2, report
    assert "is not a well-formed CSV row" in str(report.error)
    assert snapshot(project) == before


def test_with_the_option_a_txt_whose_first_line_names_the_column_among_prose_is_an_article(
    sqlite_project: Project, tmp_path: Path
) -> None:
    """The looser header (any names, ``Unnamed: 0,review text``) is for a ``.csv`` or ``.tsv`` only: a
    news article whose first line is a credit holding a comma was refused as a table without the column."""
    body = "Text, photos and video: Reuters\n北京时间今天上午，两会开幕。\n"
    report = sqlite_project.importer.import_file(write(tmp_path / "a.txt", body), text_column="text")
    assert report.error is None and report.format == "txt", report
    assert [text.strip() for text in texts(sqlite_project)] == [body.strip()]
    report = sqlite_project.importer.import_file(
        write(tmp_path / "b.txt", "id,text\n1,上海\n"), text_column="text"
    )
    assert report.error is None and report.format == "csv", report
