"""brat and WebAnno exports name each document's files by its title (safe on every disk, unique ignoring
case, the id added on a clash), and importing them back gives each document its title again."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import insert

from storage.documents import DocumentStore, NewDocument
from storage.export import ExportFormat, ExportOptions
from storage.formats.file_names import FileNames
from storage.importer import Format, expand_paths
from storage.orm import SpanRow
from storage.project import Project

LONG = "国务院新闻办公室今天上午举行新闻发布会介绍二〇二五年国民经济和社会发展统计公报的主要内容" * 2
ARTICLES = [  # (title, text): most titles are the first line, as an import makes them; one was edited
    ("新华社北京1月1日电", "新华社北京1月1日电\n李强在北京。"),
    ("报告 v1.2", "李强在北京开会。\n第二段。"),  # "v1.2" is no suffix
    ("中/美 会谈: 第*轮", "中/美 会谈: 第*轮\n李强在北京会谈。"),  # a name cannot hold / : *
    ("Beijing", "Beijing\n李强到了北京。"),
    ("BEIJING", "BEIJING\n李强离开北京。"),  # one name with the one above, to a disk that ignores case
    (LONG, f"{LONG}\n李强在北京发布。"),  # longer than a name may be
]


def fill(project: Project, articles: list[tuple[str, str]] = ARTICLES) -> list[int]:
    """The articles stored in their order, 李强 in each labelled PER."""
    with project.transaction() as s:
        docs = [
            i
            for i in DocumentStore.insert_batch(s, [NewDocument(t, x, "t", {}) for t, x in articles])
            if i is not None
        ]
        rows = [
            {"document_id": doc, "layer": "gold", "start": x.index("李强"), "end": x.index("李强") + 2}
            | {"label": "PER", "origin": "imported", "status": "accepted", "version": 1}
            for doc, (_, x) in zip(docs, articles, strict=True)
        ]
        s.execute(insert(SpanRow), rows)
    return docs


@pytest.mark.parametrize(("fmt", "suffix"), [(ExportFormat.BRAT, ".ann"), (ExportFormat.WEBANNO, ".tsv")])
def test_exported_files_are_named_by_title_and_read_back_with_it(
    sqlite_project: Project, tmp_path: Path, fmt: ExportFormat, suffix: str
) -> None:
    docs = fill(sqlite_project)
    folder = tmp_path / "out"
    sqlite_project.export.run(ExportOptions(format=fmt), folder)
    names = sorted(p.name for p in folder.glob(f"*{suffix}"))
    assert names == sorted(
        [
            f"新华社北京1月1日电{suffix}",
            f"报告 v1.2{suffix}",
            f"中_美 会谈_ 第_轮{suffix}",
            f"Beijing{suffix}",
            f"BEIJING-{docs[4]}{suffix}",
            f"{LONG[:50]}{suffix}",  # 150 bytes of UTF-8
        ]
    )
    if fmt is ExportFormat.BRAT:
        assert (folder / "报告 v1.2.txt").read_text(encoding="utf-8") == ARTICLES[1][1]
    with Project.open(f"sqlite:///{tmp_path / 'back.db'}") as back:
        reports = [back.importer.import_file(p) for p in sorted(folder.glob(f"*{suffix}"))]
        assert all(r.error is None for r in reports), [r.error for r in reports]
        got = sorted((d.text, d.title) for d in back.documents.all())
    assert got == sorted((text, title) for title, text in ARTICLES)


def test_a_brat_file_of_another_tool_is_titled_by_its_name(sqlite_project: Project, tmp_path: Path) -> None:
    (tmp_path / "人民日报 第3版.txt").write_text("李强在北京。\n", encoding="utf-8")
    (tmp_path / "人民日报 第3版.ann").write_text("T1\tPER 0 2\t李强\n", encoding="utf-8")
    (tmp_path / "doc000042.txt").write_text("新华社电\n李强。\n", encoding="utf-8")  # an older export
    (tmp_path / "doc000042.ann").write_text("T1\tPER 5 7\t李强\n", encoding="utf-8")
    for ann in sorted(tmp_path.glob("*.ann")):
        assert sqlite_project.importer.import_file(ann).error is None
    assert sorted(d.title for d in sqlite_project.documents.all()) == ["人民日报 第3版", "新华社电"]


TRICKY = [  # (title, text), in the order they are stored: not the order of their names
    ("发布会-2024", "发布会\n李强在北京。"),  # a title that really ends in -digits, its first line a prefix
    ("doc000001", "真正标题\n李强。"),  # a title that is literally what a title-less document is named
    ("报告", "报告\n李强。"),
    ("报告", "报告\n李强在上海。"),  # the clash: this one's file gets its id
    ("0001", "0001\n李强在广州。"),
    ("Zebra", "Zebra\n李强。"),
    ("Apple", "Apple\n李强。"),
]


@pytest.mark.parametrize(("fmt", "suffix"), [(ExportFormat.BRAT, ".ann"), (ExportFormat.WEBANNO, ".tsv")])
def test_titles_and_order_come_back_from_a_folder_export(
    sqlite_project: Project, tmp_path: Path, fmt: ExportFormat, suffix: str
) -> None:
    fill(sqlite_project, TRICKY)
    folder = tmp_path / "out"
    sqlite_project.export.run(ExportOptions(format=fmt), folder)
    with Project.open(f"sqlite:///{tmp_path / 'back.db'}") as back:
        for path in expand_paths([folder], Format.AUTO):
            assert back.importer.import_file(path).error is None
        got = [(d.title, d.text) for d in back.documents.all()]
    assert got == TRICKY


def test_a_folder_without_a_record_strips_an_id_only_where_the_name_clashed(
    sqlite_project: Project, tmp_path: Path
) -> None:
    (tmp_path / "发布会-2024.txt").write_text("发布会\n李强。\n", encoding="utf-8")
    (tmp_path / "发布会-2024.ann").write_text("T1\tPER 4 6\t李强\n", encoding="utf-8")
    (tmp_path / "报告.txt").write_text("报告\n李强。\n", encoding="utf-8")
    (tmp_path / "报告.ann").write_text("T1\tPER 3 5\t李强\n", encoding="utf-8")
    (tmp_path / "报告-7.txt").write_text("报告\n李强在上海。\n", encoding="utf-8")
    (tmp_path / "报告-7.ann").write_text("T1\tPER 3 5\t李强\n", encoding="utf-8")
    (tmp_path / "0001.txt").write_text("新华社电\n李强。\n", encoding="utf-8")  # brat corpora number files
    (tmp_path / "0001.ann").write_text("T1\tPER 5 7\t李强\n", encoding="utf-8")
    for ann in sorted(tmp_path.glob("*.ann")):
        assert sqlite_project.importer.import_file(ann).error is None
    assert sorted(d.title for d in sqlite_project.documents.all()) == [
        "发布会-2024",
        "报告",
        "报告",
        "新华社电",
    ]


def test_a_file_name_in_nfd_is_compared_as_nfc(sqlite_project: Project, tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Café 报道")  # as macOS and SMB hand names out
    (tmp_path / f"{name}.txt").write_text("Café 报道\n李强。\n", encoding="utf-8")
    (tmp_path / f"{name}.ann").write_text("T1\tPER 8 10\t李强\n", encoding="utf-8")
    (tmp_path / f"{name}-3.txt").write_text("Café 报道\n李强在上海。\n", encoding="utf-8")
    (tmp_path / f"{name}-3.ann").write_text("T1\tPER 8 10\t李强\n", encoding="utf-8")
    for ann in sorted(tmp_path.glob("*.ann")):
        assert sqlite_project.importer.import_file(ann).error is None
    titles = [d.title for d in sqlite_project.documents.all()]
    assert titles == ["Café 报道", "Café 报道"]
    assert all(unicodedata.is_normalized("NFC", t) for t in titles)


@pytest.mark.parametrize("user", ["admin", "CURATION_USER"])
def test_an_inception_project_export_is_titled_by_its_document_folders(
    sqlite_project: Project, tmp_path: Path, user: str
) -> None:
    fill(sqlite_project, [("第一篇", "李强在上海。\n正文")])
    sqlite_project.export.run(ExportOptions(format=ExportFormat.WEBANNO), tmp_path / "out")
    tsv = next((tmp_path / "out").glob("*.tsv"))
    folder = tmp_path / "project" / "annotation" / "新华社北京电.txt"
    folder.mkdir(parents=True)
    (folder / f"{user}.tsv").write_bytes(tsv.read_bytes())
    with Project.open(f"sqlite:///{tmp_path / 'back.db'}") as back:
        assert back.importer.import_file(folder / f"{user}.tsv").error is None
        assert [d.title for d in back.documents.all()] == ["新华社北京电"]


@pytest.mark.parametrize("place", ["curation/新华社北京电.txt/admin", "新华社北京电.txt/CURATION_USER"])
def test_inception_curation_is_titled_by_its_document_folder(
    sqlite_project: Project, tmp_path: Path, place: str
) -> None:
    fill(sqlite_project, [("第一篇", "李强在上海。\n正文")])
    sqlite_project.export.run(ExportOptions(format=ExportFormat.WEBANNO), tmp_path / "out")
    target = tmp_path / "project" / f"{place}.tsv"
    target.parent.mkdir(parents=True)
    target.write_bytes(next((tmp_path / "out").glob("*.tsv")).read_bytes())
    with Project.open(f"sqlite:///{tmp_path / 'back.db'}") as back:
        assert back.importer.import_file(target).error is None
        assert [d.title for d in back.documents.all()] == ["新华社北京电"]


def test_a_folder_of_the_users_named_like_a_file_does_not_title_its_documents(
    sqlite_project: Project, tmp_path: Path
) -> None:
    """``corpus.txt/`` is a folder someone named, not INCEpTION's ``annotation/<document>/``: the files in it
    (a brat pair, WebAnno TSV files) keep their own names as titles, not "corpus" for every one."""
    fill(sqlite_project, [("第一篇", "李强在上海。\n正文"), ("第二篇", "李强在北京。\n正文")])
    sqlite_project.export.run(ExportOptions(format=ExportFormat.WEBANNO), tmp_path / "out")
    folder = tmp_path / "corpus.txt"
    folder.mkdir()
    for tsv in (tmp_path / "out").glob("*.tsv"):  # without the export's record of titles
        (folder / tsv.name).write_bytes(tsv.read_bytes())
    (folder / "报告.txt").write_text("新华社电\n李强。\n", encoding="utf-8")
    (folder / "报告.ann").write_text("T1\tPER 5 7\t李强\n", encoding="utf-8")
    with Project.open(f"sqlite:///{tmp_path / 'back.db'}") as back:
        for path in expand_paths([folder], Format.AUTO):
            assert back.importer.import_file(path).error is None
        assert sorted(d.title for d in back.documents.all()) == ["报告", "第一篇", "第二篇"]


def test_windows_device_names_with_a_space_before_the_dot_are_not_used() -> None:
    names = FileNames()
    assert names.name("CON .x", 1) == "_CON .x"
    assert names.name("nul", 2) == "_nul"
    assert names.name("CONTEXT", 3) == "CONTEXT"
