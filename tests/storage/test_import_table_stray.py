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


@pytest.mark.parametrize(
    "body",
    [
        # the row after it has the next id: no row is missing, so no stray quote took one in
        'id,text,label\n3000,"年度回顾,经济\n2026,增长放缓",pos\n3001,北京,pos\n',
        'id,text,label\n1,"Markets fall,news\nanalysts,say,news\nfine, too",news\n2,ok,news\n',
        # the last row, the ids going on one by one up to it
        'id,text,label\n7,北京,pos\n8,"年度回顾,经济\n2026,增长放缓",pos\n',
        # letter ids, and the first column taken as ids (its values all differ)
        'id,text,label\nA,"年度回顾,经济\n2026,增长放缓",pos\nB,北京,pos\n',
        'n,text,label\ndoc-1,"年度回顾,经济\n2026,增长放缓",pos\ndoc-2,北京,pos\n',
    ],
)
def test_a_text_in_quotes_the_ids_around_it_rule_a_stray_quote_out_of_reads_without_a_warning(
    sqlite_project: Project, tmp_path: Path, body: str
) -> None:
    """A well-formed table with texts over several lines was warned about as a possible stray quote
    although its ids said no row was missing: noise that trains users to skip warnings."""
    report = sqlite_project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is None, report.error
    assert any("\n" in text for text in texts(sqlite_project))  # the text kept whole, line breaks and all
    assert not [w for w in report.warnings if "would read as a whole row" in str(w)], report.warnings


@pytest.mark.parametrize(
    "body",
    [
        # ids skip across it (3000, then 3005): rows may be missing
        'id,text,label\n3000,"年度回顾,经济\n2026,增长放缓",pos\n3005,北京,pos\n',
        # the first column's values repeat: no ids, nothing tells
        'n,text,label\n1,"年度回顾,经济\n2026,增长放缓",pos\n2,北京,pos\n2,上海,pos\n',
        # the texts first, no id column
        'text,label\n"转发微博,太好了\n哈哈",pos\n今天天气不错,pos\n',
    ],
)
def test_where_the_ids_do_not_rule_a_stray_quote_out_the_warning_stays(
    sqlite_project: Project, tmp_path: Path, body: str
) -> None:
    report = sqlite_project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is None, report.error
    assert [w for w in report.warnings if "would read as a whole row" in str(w)], report.warnings


@pytest.mark.parametrize(
    "body",
    [
        'id,text,label\nA,"Breaking: markets,x\nB,Rain,weather\nC,fine",x\nD,ok,x\n',
        'id,text,label\ndoc_a,ok,x\ndoc_b,"Breaking: markets,x\ndoc_c,Rain,weather\ndoc_d,fine",x\n',
        'key,text,label\nA,"Breaking: markets,x\nB,Rain,weather\nC,fine",x\nD,ok,x\n',
    ],
)
def test_a_stray_quote_is_refused_by_letter_ids(project: Project, tmp_path: Path, body: str) -> None:
    """Letter ids (``A``, ``B``; ``doc_a``) were no ids: a stray quote swallowing rows was read as one text
    with a warning only."""
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is not None and "each of these lines reads as a whole row of 3" in str(report.error)
    assert report.error.line == next(n for n, line in enumerate(body.split("\n"), 1) if '"' in line)
    assert snapshot(project) == before


def test_letter_ids() -> None:
    assert [next_id(v) for v in ("A", "b", "doc_A", "item-c", "Z", "AB", "文档_A")] == [
        "B",
        "c",
        "doc_B",
        "item-d",
        None,
        None,
        "文档_B",
    ]
