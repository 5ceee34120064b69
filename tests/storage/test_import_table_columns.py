"""A table of texts whose text column has another name (``content``, ``正文``…, or any with
``--text-column``), a stray double quote in a CSV (one opening a field swallows the rows after it: refused by
line; one inside a field is text, said in a note), and a folder that looks at a ``.csv``'s head only."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from storage.formats import source
from storage.formats.detect import Format, detect_format
from storage.formats.text_table import names_text_column
from storage.importer import expand_paths
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import texts
from tests.storage.test_import_tables import write

# a stray quote opening the text of row 1 (a headline quoted by hand, never closed): csv's quoting takes the
# rows after it up to the next quote, on line 4, into one text of 3 fields, which reads without an error
URL = "https://example.com/news/2026/12/02/" + "a" * 40  # a column over 64 characters
STRAY = 'id,text,label\n1,"Breaking: markets fall,news\n2,Rain expected,weather\n3,fine",news\n4,ok,x\n'


@pytest.mark.parametrize("separator", [",", ";", "|"])
def test_a_stray_quote_opening_a_csv_field_is_refused_at_its_line(
    project: Project, tmp_path: Path, separator: str
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "t.csv", STRAY.replace(",", separator)))
    assert report.error is not None and report.error.line == 2, report
    assert "runs from here to line 4, and each of these lines reads as a whole row of 3" in str(report.error)
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("body", "line"),
    [
        # Excel saves a sheet's empty columns: each row has 5 fields, the header names 3
        ('id,text,label,,\n1,"Breaking: markets fall,news,,\n2,Rain today,weather,,\n3,fine",news,,\n', 2),
        # another column over 64 characters (a url), or with a space at its start (a hand-typed ", news")
        (f'id,text,url\n1,"Breaking: markets fall,{URL}\n2,Rain today,{URL}\n3,fine",{URL}\n4,ok,u\n', 2),
        ('id,text,label\n7,ok, x\n8,"Breaking: markets, news\n9,Rain today, weather\n10,fine", news\n', 3),
        ('id,text,label\ndoc-1,ok,x\ndoc-2,"Breaking: markets,x\ndoc-3,Rain,weather\ndoc-4,fine",x\n', 3),
    ],
)
def test_a_stray_quote_is_refused_by_the_shape_of_the_ids(
    project: Project, tmp_path: Path, body: str, line: int
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is not None and "each of these lines reads as a whole row of 3" in str(report.error)
    assert report.error.line == line, report.error
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        # pandas writes the text first: a Weibo post with a comma and a line break
        ('text,label\n"转发微博,太好了\n哈哈",pos\n今天天气不错,pos\n', "line 2 to line 3"),
        # the text first and no id column: a stray quote cannot be told from a text in quotes
        ('text,label\n"Breaking: markets fall,news\nRain today,weather\nfine",news\n', "line 2 to line 4"),
        # an id column, but the lines taken in do not start with an id
        ('id,text,label\n1,"Markets fall,news\nanalysts,say,news\nfine, too",news\n', "line 2 to line 4"),
        # the lines taken in start with numbers, but not with ids going up from the row's own, and the row
        # after it skips ids (3000, then 3005): rows 3001-3004 may be what a stray quote took in
        ('id,text,label\n3000,"年度回顾,经济\n2026,增长放缓",pos\n3005,北京,pos\n', "line 2 to line 3"),
    ],
)
def test_lines_in_quotes_that_read_as_rows_without_ids_are_read_with_a_warning(
    sqlite_project: Project, tmp_path: Path, body: str, lines: str
) -> None:
    report = sqlite_project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is None, report.error
    assert texts(sqlite_project)[0].count("\n") == body.split("\n", 1)[1].split('",')[0].count("\n")
    warnings = " ".join(map(str, report.warnings))
    assert f"in double quotes runs from {lines}, and each of these lines would read as a whole" in warnings


@pytest.mark.parametrize("separator", [",", "\t"])
def test_a_field_opening_with_a_quote_closed_inside_it_is_text_said_in_a_note(
    sqlite_project: Project, tmp_path: Path, separator: str
) -> None:
    """Chinese news written by naive tools: ``"一带一路"倡议`` starts with a quote that closes before the
    field ends; where the line has the header's fields with the quote read as text, so it is read."""
    body = 'id,text,label\n1,北京,x\n2,"一带一路"倡议,pos\n3,"上海"浦东"新区",pos\n'.replace(",", separator)
    report = sqlite_project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is None, report.error
    assert texts(sqlite_project) == ["北京", '"一带一路"倡议', '"上海"浦东"新区"']
    notes = " ".join(map(str, report.notes))
    assert "its quotes kept, the line having the header's fields so read (line 3; 2 line(s) in all)" in notes
    row = '2,"一带一路"倡议,pos'.replace(",", separator)  # the line itself, not an example
    assert f"ends ({row!r}) was read as text" in notes
    assert "as Excel reads it" not in notes


def test_a_csv_field_in_quotes_over_several_lines_is_still_read(
    sqlite_project: Project, tmp_path: Path
) -> None:
    """Line breaks in a quoted text, commas on some of its lines: no line of it reads as a row of its own."""
    body = 'id,text,label\n1,"Markets fell, sharply, today\nand rose again",news\n2,"一\n二\n三",x\n'
    report = sqlite_project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is None
    # as pandas writes a text first: each line has one comma, but " fell" is prose, not a label
    body = 'text,label\n"Markets, fell\nAnalysts, worried\nsharply",neg\n"北京,上海",pos\n'
    assert sqlite_project.importer.import_file(write(tmp_path / "p.csv", body)).error is None
    assert texts(sqlite_project) == [
        "Markets fell, sharply, today\nand rose again",
        "一\n二\n三",
        "Markets, fell\nAnalysts, worried\nsharply",
        "北京,上海",
    ]


def test_a_quote_inside_a_field_is_text_said_in_a_note(sqlite_project: Project, tmp_path: Path) -> None:
    body = 'id,text\n1,"他说""好"""\n2,他说"走"吧\n3,北京\n4,5"高\n'
    report = sqlite_project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.error is None
    assert texts(sqlite_project) == ['他说"好"', '他说"走"吧', "北京", '5"高']
    notes = " ".join(map(str, report.notes))
    assert "read as part of the text, as Excel reads it (line 3; 2 line(s) in all)" in notes


@pytest.mark.parametrize("name", ["content", "Sentence", "正文", "内容", "文本"])
def test_a_common_name_for_the_text_column_is_read_and_said(
    sqlite_project: Project, tmp_path: Path, name: str
) -> None:
    path = write(tmp_path / "t.tsv", f"id\t{name}\tlabel\n1\t北京欢迎你\tx\n2\t上海\ty\n")
    assert detect_format(path) is Format.CSV
    report = sqlite_project.importer.import_file(path)
    assert report.error is None
    assert texts(sqlite_project) == ["北京欢迎你", "上海"]
    assert f"the texts were read from the column {name} (--text-column NAME" in " ".join(
        map(str, report.notes)
    )


def test_the_text_column_named_by_the_option(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", "id\tbody\tsentence\n1\t北京欢迎你\t一句\n2\t上海\t二句\n")
    before = snapshot(project)
    refused = project.importer.import_file(path, text_column="article")
    assert refused.error is not None and refused.error.line == 1
    assert "no column named 'article' (--text-column) in its header; its columns: id, body, sentence" in str(
        refused.error
    )
    assert snapshot(project) == before
    assert (
        project.importer.import_file(path, text_column="Body").error is None
    )  # detected: its header names it
    assert texts(project) == ["北京欢迎你", "上海"]


def test_two_common_names_and_no_text_column_are_refused(sqlite_project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", "id,正文,content\n1,北京,x\n")
    report = sqlite_project.importer.import_file(path)
    assert report.error is not None and report.error.line == 1
    assert "several columns that may hold the texts (正文, content)" in str(report.error)
    assert "--text-column NAME" in str(report.error)
    assert sqlite_project.importer.import_file(path, text_column="content").error is None
    assert texts(sqlite_project) == ["x"]


def test_a_folder_takes_a_csv_by_the_text_column_named(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "id,body\n1,北京\n")
    write(tmp_path / "b.csv", "id,内容\n1,上海\n")
    assert expand_paths([tmp_path], Format.AUTO) == [tmp_path / "b.csv"]
    assert expand_paths([tmp_path], Format.AUTO, "body") == [tmp_path / "a.csv"]


def test_a_folder_reads_only_the_head_of_a_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a .csv is a table of texts is seen from its head, not by reading it whole (a 4 MB file)."""
    rows = "".join(f"{i},北京欢迎你{i}\n" for i in range(200_000))
    (tmp_path / "gbk.csv").write_bytes(("id,内容\r\n" + rows).encode("gbk"))
    (tmp_path / "utf16.csv").write_bytes(("id,text\n" + rows).encode("utf-16-le"))  # no byte-order mark
    read: list[int] = []

    class Counted(io.FileIO):
        def readinto(self, buffer: Any) -> int | None:
            done = super().readinto(buffer)
            read.append(done or 0)
            return done

    def open_counted(path: Path) -> io.BufferedReader:
        return io.BufferedReader(Counted(path, "rb"), buffer_size=4096)

    monkeypatch.setattr(source, "open_input", open_counted)
    for name in ("gbk.csv", "utf16.csv"):
        read.clear()
        assert names_text_column(tmp_path / name)
        assert 0 < sum(read) <= source.HEAD_BYTES + 4096, name


def test_label_studios_csv_export_is_refused_naming_its_json_export(
    sqlite_project: Project, tmp_path: Path
) -> None:
    """Label Studio's CSV export keeps a task's spans as JSON in its label column: refused at the row, naming
    the export that carries them (its JSON), not only doccano's."""
    spans = '"[{""start"": 0, ""end"": 2, ""text"": ""李强"", ""labels"": [""PER""]}]"'
    body = f"annotation_id,annotator,id,label,lead_time,text\n1,1,1,{spans},2.1,李强在北京。\n"
    report = sqlite_project.importer.import_file(write(tmp_path / "project-1.csv", body))
    assert report.error is not None and report.error.line == 2
    assert "the label column holds spans" in str(report.error) and "as JSON from Label Studio" in str(
        report.error
    )


def test_a_text_whose_first_line_holds_a_comma_is_not_a_table_with_the_option(
    sqlite_project: Project, tmp_path: Path
) -> None:
    """--text-column does not make any first line with a separator a header: an article whose title holds
    an ASCII comma is read as plain text, not refused as a table without the column."""
    body = "北京,上海：两会开幕\n代表们陆续抵达北京。\n"
    report = sqlite_project.importer.import_file(write(tmp_path / "a.txt", body), text_column="body")
    assert report.error is None and report.format == "txt", report
    assert [text.strip() for text in texts(sqlite_project)] == [body.strip()]


def test_with_the_option_a_tsv_header_naming_text_or_a_name_with_a_space_is_a_table(
    project: Project, tmp_path: Path
) -> None:
    """A .tsv whose header names text but not the column --text-column names is refused listing its
    columns (it was read as CoNLL, refused for 'label' being no tag); a column whose name holds a space
    (pandas' ``Unnamed: 0``, ``review text``) is found."""
    before = snapshot(project)
    path = write(tmp_path / "p.tsv", "id\ttext\tlabel\n1\t北京\tpos\n")
    report = project.importer.import_file(path, text_column="body")
    assert report.error is not None and report.error.line == 1, report
    assert "no column named 'body' (--text-column) in its header; its columns: id, text, label" in str(
        report.error
    )
    assert snapshot(project) == before
    path = write(tmp_path / "u.tsv", "Unnamed: 0\treview text\tlabel\n0\t北京欢迎你\tpos\n")
    report = project.importer.import_file(path, text_column="review text")
    assert report.error is None and report.format == "csv", report
    assert texts(project) == ["北京欢迎你"]
