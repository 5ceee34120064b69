"""Files other annotation tools write, in their released shapes, read right or refused by line: Prodigy's
``db-out`` answers; CoNLL-U whose entities sit in the MISC column; a folder with a broken link in it.

Fixtures are small lines written here after the tools' own output (Prodigy's task format, prodi.gy/docs/
api-interfaces; classla/Slovenian SSJ ``NER=B-PER``, Stanza ``ner=S-PERSON``, NorNE ``name=B-GPE_LOC``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storage.importer import Format
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import texts
from tests.storage.test_import_formats import ok, surfaces, write


def tokens(text: str) -> list[dict[str, Any]]:
    """Prodigy's tokens of a Chinese text as ``zh`` blank models cut it: a character each."""
    return [{"text": ch, "start": i, "end": i + 1, "id": i, "ws": False} for i, ch in enumerate(text)]


def task(text: str, spans: list[tuple[int, int, str]], answer: str | None = "accept", **extra: Any) -> str:
    """One line of ``prodigy db-out`` for a ``ner.manual`` task."""
    obj: dict[str, Any] = {
        "text": text,
        "_input_hash": hash(text) % 10**9,
        "_task_hash": hash((text, tuple(spans))) % 10**9,
        "tokens": tokens(text),
        "_session_id": None,
        "_view_id": "ner_manual",
        "spans": [
            {"start": a, "end": b, "token_start": a, "token_end": b - 1, "label": label}
            for a, b, label in spans
        ],
    }
    if answer is not None:
        obj["answer"] = answer
    obj.update(extra)
    return json.dumps(obj, ensure_ascii=False) + "\n"


# -- Prodigy ----------------------------------------------------------------------------------------------


def test_prodigy_rejected_and_ignored_tasks_are_not_gold(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "ner_news.jsonl",
        task("裴青山访问北京。", [(0, 3, "PER"), (5, 7, "LOC")])
        + task("上海是城市。", [(0, 2, "ORG")], "reject")
        + task("广州很热。", [(0, 2, "LOC")], "ignore")
        + task("深圳很大。", [(0, 2, "LOC")], None),
    )
    before = snapshot(project)
    preview = ok(project.importer.preview_file(path))
    assert snapshot(project) == before
    assert (preview.imported, preview.spans) == (2, 3) and preview.variant == "Prodigy"
    notes = " ".join(preview.notes)
    assert 'Prodigy task(s) answered "reject"' in notes and 'answered "ignore"' in notes
    report = ok(project.importer.import_file(path))
    assert report.notes == preview.notes
    assert texts(project) == ["裴青山访问北京。", "深圳很大。"]  # no answer: read as before
    assert surfaces(project) == [("裴青山", "PER"), ("北京", "LOC"), ("深圳", "LOC")]
    assert (
        "tokens" not in project.documents.all()[0].meta
        and project.documents.all()[0].meta["answer"] == "accept"
    )


def test_prodigy_json_array_is_read_the_same_way(project: Project, tmp_path: Path) -> None:
    lines = [
        json.loads(task("北京。", [(0, 2, "LOC")])),
        json.loads(task("上海。", [(0, 2, "LOC")], "reject")),
    ]
    path = write(tmp_path / "tasks.json", json.dumps(lines, ensure_ascii=False))
    report = ok(project.importer.import_file(path))
    assert report.imported == 1 and texts(project) == ["北京。"]


def test_a_binary_ner_teach_answer_is_refused_and_a_rejected_one_skipped(
    project: Project, tmp_path: Path
) -> None:
    def teach(text: str, span: tuple[int, int, str], answer: str, view: bool = True) -> str:
        obj: dict[str, Any] = {
            "text": text,
            "spans": [
                {
                    "start": span[0],
                    "end": span[1],
                    "text": text[span[0] : span[1]],
                    "rank": 0,
                    "label": span[2],
                    "score": 0.53,
                    "source": "zh_core_web_sm",
                    "input_hash": 1,
                }
            ],
            "meta": {"score": 0.53},
            "_input_hash": 1,
            "_task_hash": 2,
            "answer": answer,
        }
        if view:
            obj["_view_id"] = "ner"
        return json.dumps(obj, ensure_ascii=False) + "\n"

    rejected = write(tmp_path / "r.jsonl", teach("北京很大。", (0, 2, "PER"), "reject") + task("上海。", []))
    ok(project.importer.import_file(rejected))
    assert texts(project) == ["上海。"] and surfaces(project) == []
    before = snapshot(project)
    for view in (True, False):  # before Prodigy 1.8 wrote _view_id, the spans' scores tell
        accepted = write(
            tmp_path / "a.jsonl", task("天津。", []) + teach("北京很大。", (0, 2, "LOC"), "accept", view)
        )
        report = project.importer.import_file(accepted)
        assert report.failed and report.error.line == 2, report.error
        assert "ner.silver-to-gold" in str(report.error) and "北京/LOC" in str(report.error)
        assert snapshot(project) == before


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (task("好。", [], "maybe"), "not 'maybe'"),
        (task("好。", [], _view_id="classification", label="POSITIVE"), '"classification" interface'),
        (task("好。", [], _view_id="choice", accept=["A"]), '"choice" interface'),
    ],
)
def test_prodigy_tasks_that_hold_no_entity_annotation_are_refused(
    project: Project, tmp_path: Path, line: str, words: str
) -> None:
    report = project.importer.import_file(write(tmp_path / "t.jsonl", task("北京。", [(0, 2, "LOC")]) + line))
    assert report.failed and report.error.line == 2 and words in str(report.error), report.error
    assert project.documents.count() == 0


def test_prodigy_span_offsets_must_be_its_tokens(project: Project, tmp_path: Path) -> None:
    obj = json.loads(task("裴青山访问北京。", [(0, 3, "PER")]))
    obj["spans"][0]["token_end"] = 1  # the tokens say 裴青, the offsets 裴青山
    report = project.importer.import_file(write(tmp_path / "t.jsonl", json.dumps(obj, ensure_ascii=False)))
    assert report.failed and report.error.line == 1 and "tokens 0 to 1" in str(report.error)
    obj["spans"][0]["token_end"] = 99
    report = project.importer.import_file(write(tmp_path / "t.jsonl", json.dumps(obj, ensure_ascii=False)))
    assert report.failed and "tokens 0 to 99" in str(report.error)
    assert project.documents.count() == 0


# -- CoNLL-U with the entities in MISC --------------------------------------------------------------------

# classla / the Slovenian SSJ treebank: NER= in MISC, before or after SpaceAfter=No, labels as they are
SSJ = """# newpar id = 1
# sent_id = 1.1
# text = France Prešeren se je rodil v Vrbi.
1\tFrance\tFrance\tPROPN\tNpmsn\tCase=Nom\t5\tnsubj\t_\tNER=B-PER
2\tPrešeren\tPrešeren\tPROPN\tNpmsn\tCase=Nom\t1\tflat:name\t_\tNER=I-PER
3\tse\tse\tPRON\tPx------y\t_\t5\texpl\t_\tNER=O
4\tje\tbiti\tAUX\tVa-r3s-n\t_\t5\taux\t_\tNER=O
5\trodil\troditi\tVERB\tVmep-sm\t_\t0\troot\t_\tNER=O
6\tv\tv\tADP\tSl\t_\t7\tcase\t_\tNER=O
7\tVrbi\tVrba\tPROPN\tNpfsl\t_\t5\tobl\t_\tNER=B-LOC|SpaceAfter=No
8\t.\t.\tPUNCT\tZ\t_\t5\tpunct\t_\tNER=O

# sent_id = 1.2
# text = (Družina, 1990)
1\t(\t(\tPUNCT\tZ\t_\t2\tpunct\t_\tNER=O|SpaceAfter=No
2\tDružina\tdružina\tNOUN\tNcfsn\t_\t0\troot\t_\tNER=B-org|SpaceAfter=No
3\t,\t,\tPUNCT\tZ\t_\t4\tpunct\t_\tNER=O
4\t1990\t1990\tNUM\tMdc\t_\t2\tnummod\t_\tNER=O|SpaceAfter=No
5\t)\t)\tPUNCT\tZ\t_\t2\tpunct\t_\tNER=O
"""

# Stanza's CoNLL-U: BIOES under a lower-case "ner", its character offsets in the same column; Chinese words
STANZA = """# text = 裴青山访问北京。
# sent_id = 0
1\t裴青山\t裴青山\tPROPN\tNNP\t_\t2\tnsubj\t_\tstart_char=0|end_char=3|ner=S-PERSON|SpaceAfter=No
2\t访问\t访问\tVERB\tVV\t_\t0\troot\t_\tstart_char=3|end_char=5|ner=O|SpaceAfter=No
3\t北京\t北京\tPROPN\tNNP\t_\t2\tobj\t_\tstart_char=5|end_char=7|ner=S-GPE|SpaceAfter=No
4\t。\t。\tPUNCT\t.\t_\t2\tpunct\t_\tstart_char=7|end_char=8|ner=O|SpaceAfter=No
"""

# NorNE: "name=" (no comment lines: a CoNLL-U file need not have them)
NORNE = """1\tDommer\tdommer\tNOUN\t_\tGender=Masc\t4\tnsubj\t_\tname=O
2\tFinn\tFinn\tPROPN\t_\t_\t1\tappos\t_\tname=B-PER
3\tEilertsen\tEilertsen\tPROPN\t_\t_\t2\tflat:name\t_\tname=I-PER
4\tavstår\tavstå\tVERB\t_\tMood=Ind\t0\troot\t_\tSpaceAfter=No|name=O
5\t.\t$.\tPUNCT\t_\t_\t4\tpunct\t_\tname=O
"""


@pytest.mark.parametrize(
    ("body", "text", "spans", "key"),
    [
        (
            SSJ,
            ["France Prešeren se je rodil v Vrbi.", "(Družina, 1990)"],
            [("France Prešeren", "PER"), ("Vrbi", "LOC"), ("Družina", "org")],
            "NER",
        ),
        (STANZA, ["裴青山访问北京。"], [("裴青山", "PERSON"), ("北京", "GPE")], "ner"),
        (NORNE, ["Dommer Finn Eilertsen avstår."], [("Finn Eilertsen", "PER")], "name"),
    ],
)
def test_conllu_with_its_tags_in_misc(
    project: Project, tmp_path: Path, body: str, text: list[str], spans: list[tuple[str, str]], key: str
) -> None:
    path = write(tmp_path / "ner.conllu", body)
    preview = ok(project.importer.preview_file(path))
    assert f"the tags were read from the MISC column's {key}= values" in preview.notes
    ok(project.importer.import_file(path))
    assert texts(project) == text
    assert surfaces(project) == spans


def test_a_conllu_row_without_the_misc_tag_is_refused_by_line(project: Project, tmp_path: Path) -> None:
    body = SSJ.replace("\tNER=O|SpaceAfter=No\n2\tDružina", "\tSpaceAfter=No\n2\tDružina")
    report = project.importer.import_file(write(tmp_path / "ner.conllu", body))
    assert report.failed and report.error.line == 15 and "no NER= tag" in str(report.error), report.error
    assert project.documents.count() == 0


def test_corefud_entity_brackets_are_not_read_as_tags(project: Project, tmp_path: Path) -> None:
    body = (
        "# sent_id = 1\n1\tBill\tBill\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=(e1-person-1)\n"
        "2\tsleeps\tsleep\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    )
    report = project.importer.import_file(write(tmp_path / "coref.conllu", body))
    assert report.failed and report.error.line == 2 and "is not a tag" in str(report.error), report.error


def test_conllu_without_comment_lines_keeps_its_spaces(project: Project, tmp_path: Path) -> None:
    """Bare tags in an eleventh column and no comment or multiword row: SpaceAfter still says the spaces
    (once lost: "NewYork.")."""
    body = (
        "1\tNew\tNew\tPROPN\tNNP\t_\t2\tcompound\t_\t_\tB-LOC\n"
        "2\tYork\tYork\tPROPN\tNNP\t_\t0\troot\t_\tSpaceAfter=No\tI-LOC\n"
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\tO\n"
    )
    ok(project.importer.import_file(write(tmp_path / "plain.conllu", body)))
    assert texts(project) == ["New York."] and surfaces(project) == [("New York", "LOC")]


# -- JSON and JSON Lines mistaken for each other ------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '[\n  {"text": "北京", "label": []},\n  {"text": "上海", "label": []}\n]\n',  # Label Studio, pretty
        '[{"text": "北京", "label": []}, {"text": "上海", "label": []}]\n',  # an array on one line
        '{\n  "text": "北京",\n  "label": []\n}\n',  # one object over lines
    ],
)
def test_a_json_file_given_as_json_lines_is_refused_naming_format_json(
    project: Project, tmp_path: Path, body: str
) -> None:
    path = write(tmp_path / "export.json", body)
    report = project.importer.import_file(path, Format.JSONL)
    assert report.failed and report.error.line == 1 and "--format json" in str(report.error), report.error
    assert "--format jsonl" not in str(report.error)
    ok(project.importer.import_file(path, Format.JSON))


def test_a_broken_first_json_line_is_still_its_own_error(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", '{"text": "北京", "label": [}\n')
    report = project.importer.import_file(path, Format.JSONL)
    assert (
        report.failed
        and "is not valid JSON" in str(report.error)
        and "--format json" not in str(report.error)
    )


def test_json_lines_given_as_json_is_refused_naming_format_jsonl(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", '{"text": "北京", "label": []}\n{"text": "上海", "label": []}\n')
    report = project.importer.import_file(path, Format.JSON)
    assert report.failed and report.error.line == 2 and "--format jsonl" in str(report.error)


# -- links in a folder that lead nowhere -------------------------------------------------------------------


def linked_folder(folder: Path) -> Path:
    """A corpus folder with a good file, a dangling link, a loop of two links and a link to its own folder."""
    folder.mkdir()
    write(folder / "news.jsonl", '{"text": "北京。", "label": []}\n')
    (folder / "gone.jsonl").symlink_to(folder / "deleted.jsonl")
    (folder / "a.bio").symlink_to(folder / "b.bio")
    (folder / "b.bio").symlink_to(folder / "a.bio")
    (folder / "again").symlink_to(folder)
    return folder


def test_links_that_lead_to_no_file_are_named_among_the_files_passed_over(tmp_path: Path) -> None:
    from storage.importer import expand_paths, passed_over, unread_link

    folder = linked_folder(tmp_path / "corpus")
    files = expand_paths([folder], Format.AUTO)
    assert files == [folder / "news.jsonl"]
    passed = passed_over([folder], files)
    assert [p.name for p in passed] == ["a.bio", "again", "b.bio", "gone.jsonl"]
    assert all(unread_link(p) for p in passed)


# -- OntoNotes .name -----------------------------------------------------------------------------------------

# two documents as OntoNotes 5.0 releases them (one .name file holds one; joined here to test both), with an
# E_OFF name as in the Chinese release (<ENAMEX TYPE="ORG" E_OFF="1">亚太 经济 暨 合作 会议</ENAMEX>)
ONTONOTES = "\n".join(
    [
        '<DOC DOCNO="bn/xinhua/00/chtb_0001">',
        '<ENAMEX TYPE="ORG">新华社</ENAMEX> <ENAMEX TYPE="GPE">北京</ENAMEX> '
        '<ENAMEX TYPE="DATE">十二月 三十一日</ENAMEX> 电',
        '<ENAMEX TYPE="PERSON">江 泽民</ENAMEX> 会见 '
        '<ENAMEX TYPE="ORG" E_OFF="1">亚太 经济 合作 会议</ENAMEX> 和 '
        '<ENAMEX TYPE="ORG">IBM</ENAMEX> New York 分部 。',
        "</DOC>",
        '<DOC DOCNO="bn/xinhua/00/chtb_0002">',
        '<ENAMEX TYPE="GPE">上海</ENAMEX> 很 大 。',
        "</DOC>",
        "",
    ]
)


@pytest.mark.parametrize("name", ["chtb_0001.name", "chtb_0001.txt"])  # by content, whatever the suffix
def test_ontonotes_name_files(project: Project, tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, ONTONOTES)
    before = snapshot(project)
    preview = ok(project.importer.preview_file(path))
    assert snapshot(project) == before
    assert (preview.format, preview.variant, preview.imported) == (
        "ontonotes",
        "OntoNotes .name (ENAMEX markup)",
        2,
    )
    assert any("1 name(s) with S_OFF/E_OFF" in w and "line 3" in w for w in preview.warnings), (
        preview.warnings
    )
    ok(project.importer.import_file(path))
    assert texts(project) == [
        "新华社北京十二月三十一日电\n江泽民会见亚太经济合作会议和IBM New York分部。",
        "上海很大。",
    ]
    assert surfaces(project) == [
        ("新华社", "ORG"),
        ("北京", "GPE"),
        ("十二月三十一日", "DATE"),
        ("江泽民", "PERSON"),
        ("亚太经济合作会", "ORG"),  # E_OFF="1": one character before the end of its last word
        ("IBM", "ORG"),
        ("上海", "GPE"),
    ]
    assert project.documents.all()[0].meta["docno"] == "bn/xinhua/00/chtb_0001"


def test_ontonotes_latin_words_are_joined_with_spaces(project: Project, tmp_path: Path) -> None:
    body = (
        '<DOC DOCNO="nw/wsj/00/wsj_0001">\n'
        '<ENAMEX TYPE="PERSON">Pierre Vinken</ENAMEX> , <ENAMEX TYPE="DATE">61 years old</ENAMEX> , '
        "will join .\n"
        "</DOC>\n"
    )
    ok(project.importer.import_file(write(tmp_path / "wsj_0001.name", body)))
    assert texts(project) == ["Pierre Vinken , 61 years old , will join ."]
    assert surfaces(project) == [("Pierre Vinken", "PERSON"), ("61 years old", "DATE")]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('<ENAMEX TYPE="ORG"><ENAMEX TYPE="GPE">北京</ENAMEX> 大学</ENAMEX>', "inside another"),
        ('<ENAMEX TYPE="GPE">北京 大学', "is not closed on its line"),
        ("北京</ENAMEX> 大学", "closes no <ENAMEX>"),
        ('<ENAMEX TYPE="GPE" ALT="1">北京</ENAMEX>', "is not OntoNotes name markup"),
        ("<ENAMEX>北京</ENAMEX>", "is not OntoNotes name markup"),
        ('<ENAMEX TYPE="GPE" S_OFF="3">北京</ENAMEX>', "covers no text"),
        ('<ENAMEX TYPE="GPE"></ENAMEX> 北京', "covers no text"),
        ('<TIMEX TYPE="DATE">今天</TIMEX>', "is not OntoNotes name markup"),
    ],
)
def test_broken_ontonotes_markup_is_refused_by_line(
    project: Project, tmp_path: Path, line: str, words: str
) -> None:
    body = f'<DOC DOCNO="a">\n<ENAMEX TYPE="GPE">上海</ENAMEX> 好 。\n{line}\n</DOC>\n'
    report = project.importer.import_file(write(tmp_path / "a.name", body))
    assert report.failed and report.error.line == 3 and words in str(report.error), report.error
    assert project.documents.count() == 0


def test_ontonotes_documents_must_open_and_close(project: Project, tmp_path: Path) -> None:
    for body, line, words in (
        ('<DOC DOCNO="a">\n上海 好 。\n<DOC DOCNO="b">\n', 3, "begun on line 1 is not closed"),
        ('<DOC DOCNO="a">\n上海 好 。\n', 1, "begun on line 1 is not closed"),
        ('<DOC DOCNO="a">\n上海 好 。\n</DOC>\n北京 好 。\n', 4, "text outside a <DOC"),
        ('<DOC DOCNO="a">\n上海 好 。\n</DOC>\n</DOC>\n', 4, "closes no <DOC"),
    ):
        report = project.importer.import_file(write(tmp_path / "a.name", body))
        assert report.failed and report.error.line == line and words in str(report.error), report.error
    assert project.documents.count() == 0


# -- BosonNLP_NER_6C.txt ----------------------------------------------------------------------------------

BOSON = (
    "{{product_name:浙江在线杭州}}{{time:4月25日}}讯（记者{{person_name: 施宇翔}} 通讯员 "
    "{{person_name:方英}}）"
    "毒贩很“时髦”，用{{product_name:微信}}交易毒品。\\n\\n{{org_name:杭州市公安局}}破获此案。\n"
    "{{company_name:阿里巴巴}}总部在{{location:杭州}}。\n"
    "今天没有新闻。\n"
)


@pytest.mark.parametrize("name", ["BosonNLP_NER_6C.txt", "boson.data"])  # by content
def test_bosonnlp_inline_names(project: Project, tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, BOSON)
    preview = ok(project.importer.preview_file(path))
    assert (preview.format, preview.imported) == ("boson", 3)
    notes = " ".join(preview.notes)
    assert '2 "\\n"' in notes and "1 name(s) with spaces inside their braces" in notes
    ok(project.importer.import_file(path))
    first = "浙江在线杭州4月25日讯（记者施宇翔 通讯员 方英）毒贩很“时髦”，用微信交易毒品。\n\n"
    first += "杭州市公安局破获此案。"
    assert texts(project) == [first, "阿里巴巴总部在杭州。", "今天没有新闻。"]
    assert surfaces(project) == [
        ("浙江在线杭州", "product_name"),
        ("4月25日", "time"),
        ("施宇翔", "person_name"),
        ("方英", "person_name"),
        ("微信", "product_name"),
        ("杭州市公安局", "org_name"),
        ("阿里巴巴", "company_name"),
        ("杭州", "location"),
    ]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("{{location:北京 很大。", 'is not closed by "}}"'),
        ("北京}} 很大。", 'a "}}" closes no "{{"'),
        ("{{location:{{location:北京}}}}", "inside another"),
        ("{{city:北京}}很大。", "is not a BosonNLP name"),
        ("{{location北京}}很大。", "is not a BosonNLP name"),
        ("{{location: }}很大。", "holds no text"),
    ],
)
def test_broken_bosonnlp_markup_is_refused_by_line(
    project: Project, tmp_path: Path, line: str, words: str
) -> None:
    body = "{{location:上海}}很大。\n" + line + "\n"
    report = project.importer.import_file(write(tmp_path / "boson.txt", body))
    assert report.failed and report.error.line == 2 and words in str(report.error), report.error
    assert project.documents.count() == 0


@pytest.mark.parametrize(
    ("fmt", "body"), [(Format.BOSON, "{{location:上海}}很大。\n"), (Format.WORDTAG, "上海/ns 大/a\n")]
)
def test_a_folder_read_as_a_format_released_in_txt_files_finds_them(
    tmp_path: Path, fmt: Format, body: str
) -> None:
    from storage.importer import expand_paths

    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder / "BosonNLP_NER_6C.txt", body)
    assert expand_paths([folder], fmt) == [folder / "BosonNLP_NER_6C.txt"]


@pytest.mark.parametrize(
    "body",
    [
        '[{"text": "北京", "label": []} {"text": "上海", "label": []}]\n',  # a comma missing
        '[{"text": "北京", "label": [}]\n',  # a bracket wrong
    ],
)
def test_a_broken_json_array_given_as_json_lines_gets_the_same_hint(
    project: Project, tmp_path: Path, body: str
) -> None:
    """A well-formed array on the first line was told --format json; one with a syntax error got only the
    generic "is not valid JSON" message, though it is no more JSON Lines. Given as JSON, the file's own
    error is said where it is."""
    path = write(tmp_path / "export.json", body)
    report = project.importer.import_file(path, Format.JSONL)
    assert report.failed and report.error.line == 1, report.error
    assert "is not JSON Lines" in str(report.error) and "--format json)" in str(report.error), report.error
    assert texts(project) == []
    report = project.importer.import_file(path, Format.JSON)
    assert report.failed and report.error.line == 1 and "is not valid JSON" in str(report.error)
    assert texts(project) == []
