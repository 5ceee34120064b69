"""Files the peers write, in their released shapes: WebAnno TSV 3.x as INCEpTION exports it, YEDDA's ``.ann``
and ``.anns``, People's Daily 2014's word/tag lines; read right or refused by line, the database untouched.

Fixtures are written here after the tools' own output: INCEpTION's ``Tsv3XSerializer`` and its format guide
(``webannotsv.adoc``: header, two blank lines, ``#Text=`` lines escaped, a trailing tab after the last
column, UTF-16 offsets, ``PER[1]`` ids, stacked ``|``, sub-token rows ``1-3.1``); YEDDA.py
(``[@text#Label*]``, ``[$…]`` recommended) and its ``demotext/ChineseDemo.txt.ann(s)``; the first line of
People's Daily 2014 (``[纽约/nsf 时报/n]/nz``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.formats.detect import detect_format
from storage.importer import Format, expand_paths
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import spans_of, texts
from tests.storage.test_import_formats import ok, surfaces, write

# -- WebAnno TSV 3.x (INCEpTION) ----------------------------------------------------------------------------

HEADER = (
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue|coarseValue\n"
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n"
    "#T_RL=de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency|DependencyType|flavor|"
    "BT_de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS\n"
    "\n\n"
)


def row(unit: str, begin: int, end: int, token: str, value: str = "_", ident: str = "_") -> str:
    """A token row as INCEpTION writes it: POS (2 columns), named entity (2), dependency (3), a final tab."""
    return f"{unit}\t{begin}-{end}\t{token}\tNR\t_\t{ident}\t{value}\t_\t_\t_\t\n"


# 𠮷 and 😊 are outside the BMP: two UTF-16 code units each, one code point
WEBANNO = (
    HEADER
    + "#Text=𠮷野家在😊北京开店。\n"
    + row("1-1", 0, 4, "𠮷野家", "ORG")
    + row("1-2", 4, 5, "在")
    + row("1-3", 5, 7, "😊")
    + row("1-4", 7, 9, "北京", "LOC")
    + row("1-5", 9, 11, "开店")
    + row("1-6", 11, 12, "。")
    + "\n#Sentence.id=s2\n#Text=张三和李四加入北京大学。\n"
    + row("2-1", 13, 15, "张三", "PER")
    + row("2-2", 15, 16, "和")
    + row("2-3", 16, 18, "李四", "PER")
    + row("2-4", 18, 20, "加入")
    + row("2-5", 20, 22, "北京", "ORG\\_EDU[1]|LOC[2]", "*[1]|*[2]")
    + row("2-6", 22, 24, "大学", "ORG\\_EDU[1]", "*[1]")
    + row("2-7", 24, 25, "。")
    + "\n#Text=第一行\n#Text=第二行\\t完\n"
    + row("3-1", 26, 29, "第一行")
    + row("3-2", 30, 33, "第二行")
    + row("3-2.1", 30, 32, "第二", "ORDINAL")
    + row("3-3", 34, 35, "完")
)


@pytest.mark.parametrize("name", ["inception.tsv", "admin.webanno", "doc.txt"])  # by its first line
def test_webanno_tsv_spans_land_on_their_characters(project: Project, tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, WEBANNO)
    preview = ok(project.importer.preview_file(path))
    assert (preview.format, preview.imported, preview.offset_unit) == ("webanno", 1, "utf16")
    assert "Dependency" in " ".join(preview.notes) and "POS" in " ".join(preview.notes)
    ok(project.importer.import_file(path))
    text = "𠮷野家在😊北京开店。\n张三和李四加入北京大学。\n第一行\n第二行\t完"
    assert texts(project) == [text]
    assert sorted((e.start, e.end, e.label) for _, e in spans_of(project, "gold")) == [
        (0, 3, "ORG"),
        (5, 7, "LOC"),
        (11, 13, "PER"),
        (14, 16, "PER"),
        (18, 20, "LOC"),
        (18, 22, "ORG_EDU"),
        (28, 30, "ORDINAL"),
    ]
    assert sorted(surfaces(project)) == sorted(
        [
            ("𠮷野家", "ORG"),
            ("北京", "LOC"),
            ("张三", "PER"),
            ("李四", "PER"),
            ("北京", "LOC"),
            ("北京大学", "ORG_EDU"),
            ("第二", "ORDINAL"),
        ]
    )
    # the file's UTF-16 offsets are the stored code-point offsets, counted in UTF-16
    for _, e in spans_of(project, "gold"):
        assert len(text[: e.start].encode("utf-16-le")) // 2 in (0, 7, 13, 16, 20, 30)


def test_webanno_sentences_that_touch_or_leave_a_gap(project: Project, tmp_path: Path) -> None:
    """INCEpTION's own reading: no line break where the next sentence starts at the end of the last one,
    spaces where the offsets leave a gap; a 3.2 file, whose #Text= escapes a backslash."""
    body = (
        "#FORMAT=WebAnno TSV 3.2\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\n\n"
        "#Text=甲。\n1-1\t0-1\t甲\tPER\t\n1-2\t1-2\t。\t_\t\n\n"
        "#Text=乙\\\\丙。\n2-1\t2-3\t乙\tPER\t\n2-2\t3-4\t\\\t_\t\n2-3\t4-5\t丙\t_\t\n2-4\t5-6\t。\t_\t\n\n"
        "#Text=丁。\n3-1\t9-10\t丁\tLOC\t\n3-2\t10-11\t。\t_\t\n"
    )
    ok(project.importer.import_file(write(tmp_path / "a.tsv", body)))
    assert texts(project) == ["甲。乙\\丙。\n  丁。"]
    assert surfaces(project) == [("甲", "PER"), ("乙", "PER"), ("丁", "LOC")]


def test_other_tsv_files_are_still_conll(project: Project, tmp_path: Path) -> None:
    preview = ok(project.importer.preview_file(write(tmp_path / "a.tsv", "北\tB-LOC\n京\tI-LOC\n")))
    assert preview.format == "conll"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        # offsets counted in code points (a tool other than INCEpTION): 北京 is at 7-9 in UTF-16
        (WEBANNO.replace("1-4\t7-9\t", "1-4\t5-7\t"), 11, "do not cover the token '北京'"),
        # an offset between the two halves of 𠮷
        (WEBANNO.replace("1-1\t0-4\t", "1-1\t1-4\t"), 8, "do not cover the token '𠮷野家'"),
        (WEBANNO.replace("|identifier|value", "|identifier"), 3, "no value feature"),
        (WEBANNO.replace("ner.type.NamedEntity", "ner.type.Other"), 5, "has no named-entity layer"),
        (WEBANNO.replace("\tORDINAL\t", "\t*\t"), 29, "an annotation without a label ('*')"),
        (WEBANNO.replace("ORG\\_EDU[1]\t", "ORG[1]\t"), 22, "is 'ORG' here but 'ORG_EDU' at line 21"),
        (WEBANNO.replace("2-7\t24-25\t。\tNR\t_\t_\t_\t_\t_\t_\t\n", "2-7\t24-25\t。\n"), 23, "column(s)"),
        (WEBANNO.replace("2-1\t13-15", "2-1\t11-15"), 17, "starts at 11, before the end"),
        (WEBANNO.replace("#FORMAT=WebAnno TSV 3.3", "#FORMAT=WebAnno TSV 2"), 1, "is not a WebAnno TSV 3.x"),
    ],
)
def test_webanno_tsv_that_cannot_be_read_right_is_refused_by_line(
    project: Project, tmp_path: Path, body: str, line: int, words: str
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "a.tsv", body), Format.WEBANNO)
    assert report.failed and report.error.line == line and words in str(report.error), report.error
    assert snapshot(project) == before


# -- YEDDA --------------------------------------------------------------------------------------------------

YEDDA = (
    "我 觉得 [@你们#Person*] 啊 ， [@美国#Location*] 的 [$华莱士#Person*] ，\n"
    "\n"
    "[@微电子 工业#Sector*] 的 发展 ， [@C#语言#Language*] 。\n"
)


@pytest.mark.parametrize("name", ["ChineseDemo.txt.ann", "demo.txt"])  # .ann by content, not brat's
def test_yedda_inline_entities(project: Project, tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, YEDDA)
    preview = ok(project.importer.preview_file(path))
    assert (preview.format, preview.imported) == ("yedda", 1)
    assert "1 entity(ies) YEDDA recommended" in " ".join(preview.warnings)
    ok(project.importer.import_file(path))
    assert texts(project) == ["我 觉得 你们 啊 ， 美国 的 华莱士 ，\n\n微电子 工业 的 发展 ， C#语言 。"]
    assert surfaces(project) == [
        ("你们", "Person"),
        ("美国", "Location"),
        ("华莱士", "Person"),
        ("微电子 工业", "Sector"),
        ("C#语言", "Language"),
    ]


def test_yedda_text_beside_its_ann_is_not_imported_twice(project: Project, tmp_path: Path) -> None:
    write(tmp_path / "demo.txt", "我 觉得 你们 啊\n")
    write(tmp_path / "demo.txt.ann", "我 觉得 [@你们#Person*] 啊\n")
    write(tmp_path / "demo.txt.anns", "我 O\n觉得 O\n你们 S-Person\n啊 O\n")
    reports = [project.importer.import_file(p) for p in expand_paths([tmp_path], Format.AUTO)]
    assert sorted(r.format for r in reports) == ["conll", "yedda"]
    assert texts(project) == [
        "我 觉得 你们 啊",
        "我觉得你们啊",
    ]  # the .ann, then its export (joined as CoNLL)
    assert surfaces(project) == [("你们", "Person"), ("你们", "Person")]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("[@北京 很大。", "YEDDA mark ([@) that is not"),
        ("北京 [$很大#Location 。", "YEDDA mark ([$) that is not"),
        ("[@[@北京#Location*]大学#Organization*]", "inside another"),
        ("[@#Location*] 很大。", "without text or label"),
        ("[@北京#*] 很大。", "without text or label"),
    ],
)
def test_broken_yedda_marks_are_refused_by_line(
    project: Project, tmp_path: Path, line: str, words: str
) -> None:
    before = snapshot(project)
    body = "[@上海#Location*] 很大 。\n" + line + "\n"
    report = project.importer.import_file(write(tmp_path / "a.txt.ann", body))
    assert report.failed and report.error.line == 2 and words in str(report.error), report.error
    assert snapshot(project) == before


def test_brat_ann_is_still_brat(project: Project, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "北京很大。")
    write(tmp_path / "a.ann", "T1\tLOC 0 2\t北京\n#1\tAnnotatorNotes T1\t[@x#y*]\n")
    report = ok(project.importer.import_file(tmp_path / "a.ann"))
    assert report.format == "brat" and surfaces(project) == [("北京", "LOC")]


# -- People's Daily 2014 ----------------------------------------------------------------------------------

PD2014 = (
    "人民网/nz 1月1日/t 讯/ng 据/p 《/w [纽约/nsf 时报/n]/nz 》/w 报道/v ，/w 美国/nsf 华尔街/nsf 股市/n "
    "在/p 2013年/t 的/ude1 最后/f 一天/mq 继续/v 上涨/vn ，/w 和/cc [全球/n 股市/n]/nz 一样/uyy ，/w\n"
    "[中共中央/nt 办公厅/nis]/nt 近日/t 印发/v 通知/n ，/w 习/nr1 近平/nr2 会见/v 奥巴马/nrf 和/cc "
    "[北京/ns 大学/n]/ntu 校长/nnt 。/w\n"
)


def test_peoples_daily_2014_brackets_and_sub_tags(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "c1001-23995935.txt", PD2014)
    preview = ok(project.importer.preview_file(path))
    assert preview.format == "wordtag" and "People's Daily 2014" in preview.variant
    notes = " ".join(preview.notes)
    assert "nrf=nr (1)" in notes and "nsf=ns (3)" in notes and "ntu=nt (1)" in notes
    ok(project.importer.import_file(path))
    assert texts(project)[0].startswith("人民网1月1日讯据《纽约时报》报道，美国华尔街股市在2013年的最后一天")
    assert surfaces(project) == [
        ("纽约", "LOC"),  # inside a bracket whose tag (nz) is no label: kept
        ("美国", "LOC"),
        ("华尔街", "LOC"),
        ("中共中央办公厅", "ORG"),
        ("习近平", "PER"),  # nr1 surname + nr2 given name: one person
        ("奥巴马", "PER"),
        ("北京大学", "ORG"),
    ]


def test_peoples_daily_2014_sub_tag_named_in_the_tag_map_wins(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "pd.txt", PD2014)
    ok(project.importer.import_file(path, tag_map={"nr": "PER", "nrf": "FOREIGN", "ns": "LOC"}))
    assert ("奥巴马", "FOREIGN") in surfaces(project) and ("习近平", "PER") in surfaces(project)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("北京/ns 大学/n]/ntu 校长/nnt 。/w", "closes no"),
        ("[北京/ns 大学/n 校长/nnt 。/w", "never closed"),
    ],
)
def test_peoples_daily_2014_broken_brackets_are_refused(
    project: Project, tmp_path: Path, line: str, words: str
) -> None:
    report = project.importer.import_file(write(tmp_path / "pd.txt", "美国/nsf 很大/a 。/w\n" + line + "\n"))
    assert report.failed and report.error.line == 2 and words in str(report.error), report.error
    assert project.documents.count() == 0


@pytest.mark.parametrize("before", ["长" * 70_000 + "\n", "一句 没有 标注 的 话 。\n" * 300])
def test_a_yedda_ann_whose_first_mark_comes_late_is_yeddas(
    project: Project, tmp_path: Path, before: str
) -> None:
    """Detection looked for a mark in the first 64 KB (or 200 lines) only: a long article YEDDA annotated
    near its end was taken for brat, and refused as one (no ``.txt`` beside it). A ``.ann`` without a brat
    line in its head is now looked through to its end."""
    path = write(tmp_path / "long.txt.ann", before + "我 觉得 [@你们#Person*] 啊\n")
    assert detect_format(path) is Format.YEDDA
    ok(project.importer.import_file(path))
    assert texts(project) == [before + "我 觉得 你们 啊"]
    assert surfaces(project) == [("你们", "Person")]
    brat = write(tmp_path / "b.ann", "T1\tPER 0 2\t李强\n")  # brat's own stays brat's
    write(tmp_path / "b.txt", "李强")
    assert detect_format(brat) is Format.BRAT


@pytest.mark.parametrize("before", ["长" * 70_000 + "\n", "一句 没有 标注 的 话 。\n" * 300])
@pytest.mark.parametrize("name", ["long.txt", "long.yedda", "long"])
def test_a_yedda_file_not_named_ann_whose_first_mark_comes_late_is_yeddas(
    project: Project, tmp_path: Path, before: str, name: str
) -> None:
    """A YEDDA file named ``.txt`` (or anything but ``.ann``) with its first mark past the 64th KB or the
    200th line was read as plain text: its marks stored as text, no span, without a word."""
    path = write(tmp_path / name, before + "我 觉得 [@你们#Person*] 啊\n")
    assert detect_format(path) is Format.YEDDA
    ok(project.importer.import_file(path))
    assert texts(project) == [before + "我 觉得 你们 啊"]
    assert surfaces(project) == [("你们", "Person")]
    plain = write(tmp_path / "plain.txt", before + "我 觉得 [你们] 啊 #1\n")  # plain text stays plain
    assert detect_format(plain) is Format.TXT
