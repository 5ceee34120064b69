"""A CSV or TSV of texts (doccano's CSV export, ``id,text,label``) is one document a row, its text the
``text`` column, never one article holding the header; doccano's ``label`` column (labels of whole documents)
is kept in the metadata and said; spans in a column, a header without ``text``, a broken row are refused by
line with the database left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.formats.detect import Format, detect_format
from storage.importer import expand_paths, passed_over
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import spans_of, texts

# doccano's CSV export of a text-classification project (pandas' to_csv, UTF-8), opened and saved again in
# Excel, which adds the byte-order mark; its second text holds a line break, a comma and quotes
DOCCANO = (
    "\ufeffid,text,label\r\n"
    '1,"新华社北京电，\r\n国务院总理李强今天会见了来访的外宾。",政治\r\n'
    '2,"他说：""上海的发展很快，""",经济#政治\r\n'
    "3,李强在上海考察。,\r\n"
)


def write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8", newline="")
    return path


def test_doccanos_csv_export_is_one_document_a_row(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "doccano.csv", DOCCANO)
    report = project.importer.import_file(path)
    assert report.error is None and report.format == "csv"
    assert texts(project) == [
        "新华社北京电，\n国务院总理李强今天会见了来访的外宾。",
        '他说："上海的发展很快，"',
        "李强在上海考察。",
    ]
    assert spans_of(project) == []
    documents = sorted(project.documents.all(), key=lambda d: d.id)
    assert [d.title for d in documents] == ["新华社北京电，", '他说："上海的发展很快，"', "李强在上海考察。"]
    assert [d.source for d in documents] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    notes = " ".join(map(str, report.notes))
    assert "labels of whole documents" in notes and "'政治'" in notes and "id, label" in notes


def test_a_tsv_of_texts_is_read_whatever_its_suffix(sqlite_project: Project, tmp_path: Path) -> None:
    for name in ("texts.tsv", "texts.txt"):
        path = write(tmp_path / name, f"text\tlabel\n北京欢迎你{name}\tpositive\n上海很大{name}\tnegative\n")
        assert detect_format(path) is Format.CSV
        assert sqlite_project.importer.import_file(path).error is None
    assert texts(sqlite_project) == [
        "北京欢迎你texts.tsv",
        "上海很大texts.tsv",
        "北京欢迎你texts.txt",
        "上海很大texts.txt",
    ]


def test_a_title_column_titles_the_documents(sqlite_project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "news.csv", "title,text\n会见,李强会见外宾。\n,无题的正文。\n")
    assert sqlite_project.importer.import_file(path).error is None
    documents = sorted(sqlite_project.documents.all(), key=lambda d: d.id)
    assert [(d.title, d.text) for d in documents] == [
        ("会见", "李强会见外宾。"),
        ("无题的正文。", "无题的正文。"),
    ]


def test_a_csv_of_texts_in_a_folder_is_imported_a_table_of_something_else_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "text\n北京\n")
    (tmp_path / "b.csv").write_bytes("\ufeffid\ttext\n1\t北京\n".encode("utf-16"))
    write(tmp_path / "stats.csv", "label,count\nPER,3\n")
    files = expand_paths([tmp_path], Format.AUTO)
    assert files == [tmp_path / "a.csv", tmp_path / "b.csv"]
    assert passed_over([tmp_path], files) == [tmp_path / "stats.csv"]


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("id,body,label\n1,北京,x\n", 1, "has no column named text in its header 'id,body,label'"),
        ("text,Text\n北京,上海\n", 1, "names the column 'Text' twice"),
        ('id,text,label\n1,北京,x\n2,李强在上海,"[[0, 2, ""PER""]]"\n', 3, "the label column holds spans"),
        ("id,text,label\n1,北京,x\n2,上海,浦东,y\n", 3, "has 4 field(s) where the header (line 1) has 3"),
        ('id,text\n1,北京\n2,"上海\n浦东\n', 3, "is not a well-formed CSV row"),
        ('id,text\n1,北京\n2,"上海"浦东,x\n', 3, "is not a well-formed CSV row"),  # 3 fields so read
        (
            'id,text\n1,"北京\n上海\n"浦东"x\n2,天津\n',
            4,
            "',' expected after '\"'",
        ),  # where the stray quote is
        ("id,text\n1,北京\n2, \n", 3, "has an empty text (column text)"),
        ("", None, "holds no document: it is empty"),  # not "no column named text in its header ''"
        ("\nid,text\n1,北京,x\n", 3, "has 3 field(s) where the header (line 2) has 2"),
        ("id,text,,\n1,北京,,\n2,上海,x,\n", 3, "has 4 field(s) where the header (line 1) has 2"),
        # a stray quote opening a TSV field: the rows up to the next quote would be one text
        (
            'id\ttext\tlabel\n1\t"Breaking: markets fall\tnews\n2\tRain expected\tweather\n3\tfine"\tnews\n',
            2,
            "runs from here to line 4 holding tabs and line breaks",
        ),
        # one token a row with its tag (CoNLL with a header), not one text a row
        ("text\tlabel\n我\tO\n爱\tO\n北\tB-LOC\n京\tI-LOC\n", 2, "the label column holds a tag on every row"),
        ("sentence_id,text,label\n0,李,B-PER\n0,强,I-PER\n1,在,O\n", 2, "import it with --format conll"),
        ("id,text,tag\n1,北京,\n2,上海,B\n3,浦东,B-LOC\n", 4, "the tag column holds a tag on every row"),
    ],
)
def test_a_table_that_does_not_read_is_refused_by_line(
    project: Project, tmp_path: Path, body: str, line: int | None, words: str
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "t.csv", body))
    assert report.failed and report.error is not None
    assert report.error.line == line and words in str(report.error), str(report.error)
    assert snapshot(project) == before


def test_a_header_below_blank_lines_or_with_excels_empty_columns_is_read(
    sqlite_project: Project, tmp_path: Path
) -> None:
    write(tmp_path / "lead.csv", "\nid,text\n1,北京\n")
    write(tmp_path / "lead.txt", "\n\nid\ttext\n1\t上海\n")
    write(tmp_path / "excel.csv", "id,text,label,,\r\n1,浦东,a,,\r\n2,天津,b\r\n")  # a row of 3 fields too
    files = expand_paths([tmp_path], Format.AUTO)
    assert sorted(p.name for p in files) == ["excel.csv", "lead.csv", "lead.txt"]
    for name in ("lead.csv", "lead.txt", "excel.csv"):
        assert sqlite_project.importer.import_file(tmp_path / name).error is None
    assert texts(sqlite_project) == ["北京", "上海", "浦东", "天津"]


def test_a_folder_takes_the_csv_files_their_reader_reads(sqlite_project: Project, tmp_path: Path) -> None:
    """A .csv is taken from a folder where its header names text as the reader reads it: a column name
    with a space, UTF-16 without a byte-order mark."""
    write(tmp_path / "space.csv", "id,text,label name\n1,北京,a\n")
    (tmp_path / "utf16.csv").write_bytes("id,text\r\n1,上海\r\n".encode("utf-16-le"))
    files = expand_paths([tmp_path], Format.AUTO)
    assert files == [tmp_path / "space.csv", tmp_path / "utf16.csv"]
    for path in files:
        assert sqlite_project.importer.import_file(path).error is None
    assert texts(sqlite_project) == ["北京", "上海"]


def test_a_tsv_field_in_quotes_with_a_line_break_or_a_tab_is_read(
    sqlite_project: Project, tmp_path: Path
) -> None:
    body = 'id\ttext\n1\t"北京\n上海"\n2\t"他说：""好""\t走"\n3\t"第二行\n""引"""\n'  # as pandas writes them
    assert sqlite_project.importer.import_file(write(tmp_path / "t.tsv", body)).error is None
    assert texts(sqlite_project) == ["北京\n上海", '他说："好"\t走', '第二行\n"引"']


def test_a_label_column_of_grades_is_no_column_of_tags(sqlite_project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "grades.csv", "text,grade\n写得好,A\n还行,B\n一般,B\n")
    assert sqlite_project.importer.import_file(path).error is None
    assert texts(sqlite_project) == ["写得好", "还行", "一般"]


def test_an_article_whose_first_line_has_commas_stays_an_article(
    sqlite_project: Project, tmp_path: Path
) -> None:
    body = "text, images, and video\nNewsrooms publish text, images, and video.\n"
    path = write(tmp_path / "article.txt", body)
    assert detect_format(path) is Format.TXT
    assert sqlite_project.importer.import_file(path).error is None
    assert texts(sqlite_project) == [body]


def test_a_conll_file_whose_first_token_is_text_stays_conll(sqlite_project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "en.tsv", "Text\tO\nof\tO\nEU\tB-ORG\n\nGerman\tB-MISC\ncall\tO\n")
    assert detect_format(path) is Format.CONLL
    assert sqlite_project.importer.import_file(path).error is None
    assert [(text[e.start : e.end], e.label) for text, e in spans_of(sqlite_project)] == [
        ("EU", "ORG"),
        ("German", "MISC"),
    ]
