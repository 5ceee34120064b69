"""Every corpus people bring is read with exactly the spans its format means, or refused naming the line.

Fixtures are small files written here, in the shapes other tools and public releases use. Where a reference
implementation exists (seqeval's ``get_entities`` for BIO/BIOES tags), spans are checked against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seqeval.metrics.sequence_labeling import get_entities

from model.tagging import IPolicy
from storage.formats import source as source_module
from storage.formats.options import Columns, Discontinuous, Duplicates, Join, OffsetUnit
from storage.importer import FileReport, Format
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import spans_of, texts


def write(path: Path, body: str | bytes) -> Path:
    if isinstance(body, str):
        path.write_text(body, encoding="utf-8", newline="")
    else:
        path.write_bytes(body)
    return path


def surfaces(project: Project, layer: str = "gold") -> list[tuple[str, str]]:
    return [(body[e.start : e.end], e.label) for body, e in spans_of(project, layer)]


def seqeval_surfaces(sentences: list[list[tuple[str, str]]], sep: str = "") -> list[tuple[str, str]]:
    """The entities seqeval finds in the same tags, as (surface, label), tokens joined by ``sep``."""
    found = []
    for sentence in sentences:
        tokens = [t for t, _ in sentence]
        for label, start, end in get_entities([tag for _, tag in sentence]):
            found.append((sep.join(tokens[start : end + 1]), label))
    return found


def ok(report: FileReport) -> FileReport:
    assert report.error is None, report.error
    return report


# -- 1. CoNLL with more than two columns ---------------------------------------------------------------------

CONLL2003 = [
    [
        ("EU", "B-ORG"),
        ("rejects", "O"),
        ("German", "B-MISC"),
        ("call", "O"),
        ("to", "O"),
        ("boycott", "O"),
        ("British", "B-MISC"),
        ("lamb", "O"),
        (".", "O"),
    ],
    [("Peter", "B-PER"), ("Blackburn", "I-PER")],
    [("BRUSSELS", "B-LOC"), ("1996-08-22", "O")],
]


def conll2003(path: Path) -> Path:
    rows = ["-DOCSTART- -X- -X- O", ""]
    for sentence in CONLL2003:
        rows += [f"{token} NNP B-NP {tag}" for token, tag in sentence] + [""]
    return write(path, "\n".join(rows) + "\n")


def test_conll2003_four_columns_reads_the_first_and_last_column(project: Project, tmp_path: Path) -> None:
    report = ok(project.importer.import_file(conll2003(tmp_path / "eng.train"), grouping="sentence"))
    assert texts(project)[0] == "EU rejects German call to boycott British lamb ."
    assert surfaces(project) == seqeval_surfaces(CONLL2003, " ")
    assert report.columns == "TOKEN,_,_,TAG" and report.format == "conll"


def test_label_studio_conll_export_rows(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "ls.conll",
        "-DOCSTART- -X- O\n裴 -X- _ B-PER\n青 -X- _ I-PER\n山 -X- _ I-PER\n访 -X- _ O\n华 -X- _ B-LOC\n\n",
    )
    ok(project.importer.import_file(path))
    assert texts(project) == ["裴青山访华"]
    assert surfaces(project) == [("裴青山", "PER"), ("华", "LOC")]


def test_columns_option_chooses_the_tag_column(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "x.tsv", "北\tB-LOC\tNR\n京\tI-LOC\tNR\n\n")
    refused = project.importer.import_file(path)
    assert refused.failed and "'NR' is not a tag" in str(refused.error) and refused.error.line == 1
    ok(project.importer.import_file(path, columns=Columns.parse("TOKEN,TAG,POS")))
    assert surfaces(project) == [("北京", "LOC")]


def test_rows_with_another_number_of_columns_are_refused(project: Project, tmp_path: Path) -> None:
    before = snapshot(project)
    path = write(tmp_path / "x.conll", "EU NNP B-ORG\nrejects VBZ O\n\nGerman B-MISC\n")
    report = project.importer.import_file(path)
    assert report.failed and report.error.line == 4
    assert "2 column(s) where the rows before it have 3" in str(report.error)
    assert snapshot(project) == before


def test_columns_spec_parsing() -> None:
    assert Columns.parse("TOKEN,POS,CHUNK,TAG") == Columns(1, 4, 4)
    assert Columns.parse("token=2,tag=-1") == Columns(2, -1)
    for bad in ("TOKEN", "TOKEN,TOKEN,TAG", "TOKEN=x,TAG=1", "TOKEN=0,TAG=1", "WORD=1,TAG=2"):
        with pytest.raises(ValueError, match="--columns"):
            Columns.parse(bad)
    for same, number in (("TOKEN=1,TAG=1", 1), ("TAG=3,TOKEN=3", 3), ("TOKEN=-1", -1)):
        with pytest.raises(ValueError, match=f"TOKEN and TAG both name column {number};"):
            Columns.parse(same)


# -- 2. Weibo NER's char+digit tokens ------------------------------------------------------------------------


def test_weibo_position_digits_are_dropped_and_said(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "weiboNER.conll.train",
        "贾0\tB-PER.NAM\n老1\tI-PER.NAM\n板2\tI-PER.NAM\n在0\tO\n北0\tB-GPE.NAM\n京1\tI-GPE.NAM\n"
        "10\tO\n01\tO\n\n",
    )
    report = ok(project.importer.import_file(path))
    assert texts(project) == ["贾老板在北京10"]
    assert surfaces(project) == [("贾老板", "PER.NAM"), ("北京", "GPE.NAM")]
    assert any("Weibo NER" in note for note in report.notes)


def test_a_file_that_only_partly_has_digits_keeps_its_tokens(project: Project, tmp_path: Path) -> None:
    ok(project.importer.import_file(write(tmp_path / "x.bio", "甲1\tB-X\n乙\tI-X\n\n")))
    assert texts(project) == ["甲1乙"]


@pytest.mark.parametrize(
    ("content", "text", "surface"),
    [
        ("00\tB-PER\n", "00", "00"),  # a word of two digits, as a word-level export writes it
        ("a0\tB-ORG\n中\tO\n", "a0中", "a0"),  # no word of more than one character: not Weibo's convention
        ("北京\tB-LOC\n00\tB-PER\n", "北京00", "北京"),
    ],
)
def test_words_ending_in_a_digit_are_words(
    project: Project, tmp_path: Path, content: str, text: str, surface: str
) -> None:
    # found by hypothesis on a word-level export: "00" tagged PER came back as PER on "0"
    ok(project.importer.import_file(write(tmp_path / "words.conll", content)))
    assert texts(project) == [text]
    assert surfaces(project)[0][0] == surface


def test_comment_lines_are_passed_over_and_said(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "notes.bio", "# source: wire\n北 B-LOC\n京 I-LOC\n\n# sent_id = 2\n# O\n")
    report = ok(project.importer.import_file(path))
    assert texts(project) == ["北京", "#"]  # "# O" is a row whose token is #, not a comment
    assert surfaces(project) == [("北京", "LOC")]
    assert any("2 comment line(s)" in note for note in report.notes), report.notes


# -- 3. space-separated CoNLL under any suffix ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["msra.char", "train.train", "x.dev", "x.test", "data.txt", "noext"])
def test_space_separated_conll_is_detected_by_content(project: Project, tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "中 B-ORG\n共 I-ORG\n中 I-ORG\n央 I-ORG\n致 O\n\n好 O\n\n")
    report = ok(project.importer.import_file(path))
    assert report.format == "conll"
    assert texts(project) == ["中共中央致", "好"]
    assert surfaces(project) == [("中共中央", "ORG")]


# -- 4. doccano offsets in UTF-16 code units ----------------------------------------------------------------

EMOJI_TEXT = "😀😀北京欢迎你，上海"  # two astral characters before every entity


def jsonl(path: Path, objs: list[object]) -> Path:
    return write(path, "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs))


def test_utf16_offsets_are_detected_per_document_from_span_text(project: Project, tmp_path: Path) -> None:
    utf16 = {
        "text": EMOJI_TEXT,
        "entities": [{"start_offset": 4, "end_offset": 6, "label": "LOC", "text": "北京"}],
    }
    codepoints = {
        "text": EMOJI_TEXT + "。",
        "label": [{"start": 2, "end": 4, "label": "LOC", "text": "北京"}],
    }
    report = ok(project.importer.import_file(jsonl(tmp_path / "d.jsonl", [utf16, codepoints])))
    assert surfaces(project) == [("北京", "LOC"), ("北京", "LOC")]
    assert report.offset_unit is not None and "utf16: 1" in report.offset_unit


def test_without_span_text_astral_characters_warn_naming_line_and_option(
    project: Project, tmp_path: Path
) -> None:
    path = jsonl(
        tmp_path / "d.jsonl",
        [{"text": "无表情", "label": []}, {"text": EMOJI_TEXT, "label": [[2, 4, "LOC"]]}],
    )
    report = ok(project.importer.import_file(path))
    assert surfaces(project) == [("北京", "LOC")]
    assert any("line(s) 2" in w and "--offsets utf16" in w for w in report.warnings)


def test_offsets_option_utf16(project: Project, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "d.jsonl", [{"text": EMOJI_TEXT, "label": [[4, 6, "LOC"], [10, 12, "LOC"]]}])
    report = ok(project.importer.import_file(path, offsets=OffsetUnit.UTF16))
    assert surfaces(project) == [("北京", "LOC"), ("上海", "LOC")]
    assert report.warnings == []


def test_utf16_offsets_detected_when_code_points_do_not_fit(project: Project, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "d.jsonl", [{"text": EMOJI_TEXT, "label": [[10, 12, "LOC"]]}])
    report = ok(project.importer.import_file(path))
    assert surfaces(project) == [("上海", "LOC")] and report.offset_unit == "utf16"


def test_an_offset_inside_an_emoji_is_refused_in_utf16(project: Project, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "d.jsonl", [{"text": EMOJI_TEXT, "label": [[1, 6, "LOC"]]}])
    report = project.importer.import_file(path, offsets=OffsetUnit.UTF16)
    assert report.failed and report.error.line == 1 and "split an emoji" in str(report.error)


# -- 5. discontinuous brat entities --------------------------------------------------------------------------


def brat(folder: Path, text: str, ann: str, conf: str | None = None) -> Path:
    write(folder / "a.txt", text)
    write(folder / "a.ann", ann)
    if conf is not None:
        write(folder / "annotation.conf", conf)
    return folder / "a.ann"


def test_discontinuous_brat_entity_is_split_never_widened(project: Project, tmp_path: Path) -> None:
    text = "北京和上海两市政府"  # 北京…市政府 and 上海…市政府 (discontinuous), 上海 on its own
    path = brat(tmp_path, text, "T1\tORG 0 2;6 9\t北京 市政府\nT2\tLOC 3 5\t上海\n")
    report = ok(project.importer.import_file(path))
    assert sorted(surfaces(project)) == [("上海", "LOC"), ("北京", "ORG"), ("市政府", "ORG")]
    assert any("discontinuous" in note for note in report.notes)
    refused = project.importer.import_file(path, discontinuous=Discontinuous.REFUSE)
    assert refused.failed and refused.error.line == 1 and "discontinuous" in str(refused.error)


def test_brat_fragments_split_at_a_line_break_are_one_span(project: Project, tmp_path: Path) -> None:
    path = brat(tmp_path, "中国人民\n银行今天", "T1\tORG 0 4;5 7\t中国人民 银行\n")
    ok(project.importer.import_file(path))
    assert surfaces(project) == [("中国人民\n银行", "ORG")]


# -- 6. brat event triggers ---------------------------------------------------------------------------------


def test_brat_event_triggers_are_skipped_and_counted(project: Project, tmp_path: Path) -> None:
    text = "张三在北京出生，李四在上海结婚"
    ann = (
        "T1\tPER 0 2\t张三\nT2\tLOC 3 5\t北京\nT3\tBe-born 5 7\t出生\nE1\tBe-born:T3 Person:T1 Place:T2\n"
        "T4\tPER 8 10\t李四\nT5\tMarry 13 15\t结婚\n"
    )
    conf = (
        "[entities]\nPER\nLOC\n\n[relations]\n\n[events]\nBe-born\tPerson:PER, Place?:LOC\n!Life\n\tMarry\t"
        "Person+:PER\n\n[attributes]\n"
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    path = brat(sub, text, ann)
    write(tmp_path / "annotation.conf", conf)  # brat looks in the folders above too
    report = ok(project.importer.import_file(path))
    assert surfaces(project) == [("张三", "PER"), ("北京", "LOC"), ("李四", "PER")]
    assert "Be-born" not in [label.name for label in project.labels.all()]
    assert any("2 event trigger(s)" in note for note in report.notes)


# -- 7. strict tags: BIOES / BMES entities never closed ------------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "line"),
    [
        (["B-PER", "I-PER", "B-PER", "E-PER"], 1),  # B I, then another B
        (["O", "B-LOC", "O", "S-PER"], 2),  # a lone B
        (["S-PER", "B-LOC", "I-LOC"], 2),  # still open at the sentence's end
    ],
)
def test_strict_tags_refuse_bioes_entities_never_closed(
    project: Project, tmp_path: Path, tags: list[str], line: int
) -> None:
    chars = "甲乙丙丁"[: len(tags)]
    path = write(
        tmp_path / "x.bioes", "".join(f"{c}\t{t}\n" for c, t in zip(chars, tags, strict=True)) + "\n"
    )
    before = snapshot(project)
    strict = project.importer.import_file(path, policy=IPolicy.REJECT)
    assert strict.failed and strict.error.line == line and "never closed" in str(strict.error)
    assert snapshot(project) == before
    # seqeval's strict IOBES mode drops exactly these entities: what strict import refuses
    from seqeval.metrics.sequence_labeling import get_entities as lenient
    from seqeval.scheme import IOBES, Entities

    strict_found = {(e.tag, e.start, e.end) for e in Entities([tags], IOBES).entities[0]}
    assert strict_found != {(label, s, e + 1) for label, s, e in lenient(tags)}


def test_strict_tags_refuse_an_unclosed_bmes_entity(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "x.bmes", "甲\tB-ORG\n乙\tM-ORG\n丙\tS-PER\n\n")
    assert ok(
        project.importer.import_file(
            write(tmp_path / "ok.bmes", "甲\tB-ORG\n乙\tE-ORG\n\n"), policy=IPolicy.REJECT
        )
    )
    strict = project.importer.import_file(path, policy=IPolicy.REJECT)
    assert strict.failed and strict.error.line == 1


def test_lenient_bioes_matches_seqeval(project: Project, tmp_path: Path) -> None:
    sentence = list(zip("甲乙丙丁戊己", ["B-PER", "I-PER", "O", "S-LOC", "B-ORG", "E-ORG"], strict=True))
    text = "".join(f"{c}\t{t}\n" for c, t in sentence) + "\n"
    ok(project.importer.import_file(write(tmp_path / "x.bioes", text)))
    assert surfaces(project) == seqeval_surfaces([sentence])


# -- 8. duplicate sentences with different labels ------------------------------------------------------------


def test_a_duplicate_with_other_labels_is_reported_with_both_lines(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.bio",
        "北\tB-LOC\n京\tI-LOC\n\n好\tO\n\n北\tB-ORG\n京\tI-ORG\n\n北\tB-LOC\n京\tI-LOC\n\n",
    )
    report = ok(project.importer.import_file(path))
    assert (report.imported, report.skipped, report.differing_count) == (2, 2, 1)
    assert report.differing == [
        f"{path}:6 repeats the text of {path}:1 with other labels: here [北京/ORG], there [北京/LOC]"
    ]
    again = ok(project.importer.import_file(path))
    assert (again.imported, again.skipped, again.differing_count) == (0, 4, 1)


def test_duplicates_keep_imports_the_other_labels_as_a_document(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.bio", "北\tB-LOC\n京\tI-LOC\n\n北\tB-ORG\n京\tI-ORG\n\n北\tB-LOC\n京\tI-LOC\n\n"
    )
    report = ok(project.importer.import_file(path, duplicates=Duplicates.KEEP))
    assert (report.imported, report.kept, report.skipped) == (2, 1, 1)
    assert texts(project) == ["北京", "北京"]
    assert surfaces(project) == [("北京", "LOC"), ("北京", "ORG")]
    again = ok(project.importer.import_file(path, duplicates=Duplicates.KEEP))
    assert (again.imported, again.skipped) == (0, 3)


# -- 9. word-level CoNLL keeps the spaces between words ------------------------------------------------------


def test_latin_words_are_joined_with_a_space(project: Project, tmp_path: Path) -> None:
    sentence = [
        ("SOCCER", "O"),
        ("-", "O"),
        ("JAPAN", "B-LOC"),
        ("GET", "O"),
        ("LUCKY", "O"),
        ("WIN", "O"),
        ("New", "B-LOC"),
        ("York", "I-LOC"),
    ]
    path = write(tmp_path / "x.conll", "".join(f"{t}\t{g}\n" for t, g in sentence) + "\n")
    report = ok(project.importer.import_file(path))
    assert texts(project) == ["SOCCER - JAPAN GET LUCKY WIN New York"]
    assert surfaces(project) == seqeval_surfaces([sentence], " ")
    assert any("joined with a space" in note for note in report.notes)


def test_join_none_and_chinese_words(project: Project, tmp_path: Path) -> None:
    words = write(tmp_path / "w.conll", "中国\tB-LOC\n在\tO\nNew\tB-LOC\nYork\tI-LOC\n开会\tO\n\n")
    ok(project.importer.import_file(words))
    assert texts(project) == ["中国在New York开会"]
    assert surfaces(project) == [("中国", "LOC"), ("New York", "LOC")]
    latin = write(tmp_path / "l.conll", "JAPAN\tB-LOC\nGET\tO\n\n")
    ok(project.importer.import_file(latin, join=Join.NONE))
    assert texts(project)[-1] == "JAPANGET"


# -- 10. inner byte-order marks, boolean offsets, duplicate spans --------------------------------------------


def test_two_conll_files_joined_each_with_a_bom(project: Project, tmp_path: Path) -> None:
    one = "\ufeff北\tB-LOC\n京\tI-LOC\n\n".encode()
    path = write(tmp_path / "cat.bio", one + "\ufeff上\tB-LOC\n海\tI-LOC\n".encode())
    report = ok(project.importer.import_file(path))
    assert texts(project) == ["北京", "上海"]
    assert surfaces(project) == [("北京", "LOC"), ("上海", "LOC")]
    assert any("byte-order mark at line 4" in note for note in report.notes)


def test_a_bom_inside_a_line_is_refused(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "x.bio", "北\tB-LOC\n京\ufeff\tI-LOC\n\n")
    report = project.importer.import_file(path)
    assert report.failed and report.error.line == 2 and "byte-order mark" in str(report.error)
    jsonl_path = write(tmp_path / "x.jsonl", '{"text": "北京"}\n{"text": "上\ufeff海"}\n')
    report = project.importer.import_file(jsonl_path)
    assert report.failed and report.error.line == 2


@pytest.mark.parametrize(
    "span", [[True, 2, "LOC"], [0, True, "LOC"], {"start": False, "end": 1, "label": "LOC"}]
)
def test_boolean_offsets_are_refused(project: Project, tmp_path: Path, span: object) -> None:
    report = project.importer.import_file(jsonl(tmp_path / "d.jsonl", [{"text": "北京", "label": [span]}]))
    assert report.failed and report.error.line == 1 and "integers" in str(report.error)


def test_an_exact_duplicate_span_is_stored_once_with_a_warning(project: Project, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "d.jsonl", [{"text": "北京", "label": [[0, 2, "LOC"], [0, 2, "LOC"]]}])
    report = ok(project.importer.import_file(path))
    assert report.spans == 1 and surfaces(project) == [("北京", "LOC")]
    assert any("line 1" in w and "duplicate span" in w for w in report.warnings)


# -- formats added -------------------------------------------------------------------------------------------


def test_cluener_inclusive_ends(project: Project, tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "train.json",
        [
            {
                "text": "浙商银行企业信贷部叶老桂博士则从另一个角度",
                "label": {"name": {"叶老桂": [[9, 11]]}, "company": {"浙商银行": [[0, 3]]}},
            }
        ],
    )
    report = ok(project.importer.import_file(path))
    assert sorted(surfaces(project)) == [("叶老桂", "name"), ("浙商银行", "company")]
    assert report.variant == "CLUENER"
    bad = jsonl(tmp_path / "bad.json", [{"text": "浙商银行", "label": {"company": {"浙商银行": [[0, 4]]}}}])
    assert project.importer.import_file(bad).failed


LS_TASK = {
    "id": 7,
    "data": {"text": "😀裴青山访问北京", "source": "xinhua"},
    "annotations": [
        {
            "id": 1,
            "was_cancelled": False,
            "result": [
                {
                    "value": {"start": 2, "end": 5, "text": "裴青山", "labels": ["PER"]},
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                },
                {
                    "value": {"start": 7, "end": 9, "text": "北京", "labels": ["LOC"]},
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                },
                {"from_id": "a", "to_id": "b", "type": "relation"},
            ],
        }
    ],
    "predictions": [{"result": []}],
}


def test_label_studio_json_export(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "project-1.json",
        json.dumps([LS_TASK, {**LS_TASK, "id": 8, "data": {"text": "无"}, "annotations": []}], indent=2),
    )
    report = ok(project.importer.import_file(path))
    assert report.format == "json" and report.imported == 2
    assert surfaces(project) == [("裴青山", "PER"), ("北京", "LOC")]  # UTF-16 offsets, detected by their text
    assert project.documents.all()[0].meta["source"] == "xinhua"
    assert any("prediction" in n for n in report.notes)


def test_label_studio_differing_annotations_are_refused(project: Project, tmp_path: Path) -> None:
    other = {
        "id": 2,
        "result": [{"value": {"start": 7, "end": 9, "text": "北京", "labels": ["GPE"]}, "type": "labels"}],
    }
    task = {**LS_TASK, "annotations": [*LS_TASK["annotations"], other]}  # type: ignore[list-item]
    path = write(tmp_path / "p.json", "[\n" + json.dumps(LS_TASK) + ",\n" + json.dumps(task) + "\n]")
    report = project.importer.import_file(path)
    assert report.failed and report.error.line == 3 and "annotations that differ" in str(report.error)


def test_label_studio_json_min(project: Project, tmp_path: Path) -> None:
    items = [
        {
            "id": 1,
            "text": "裴青山访问北京",
            "label": [{"start": 0, "end": 3, "text": "裴青山", "labels": ["PER"]}],
            "annotator": 1,
            "annotation_id": 3,
        }
    ]
    path = write(tmp_path / "min.json", json.dumps(items, ensure_ascii=False))
    report = ok(project.importer.import_file(path))
    assert surfaces(project) == [("裴青山", "PER")] and report.variant == "Label Studio JSON-MIN"


def test_doccano_16_data_key(project: Project, tmp_path: Path) -> None:
    ok(
        project.importer.import_file(
            jsonl(tmp_path / "d.jsonl", [{"id": 1, "data": "裴青山访问北京", "label": [[0, 3, "PER"]]}])
        )
    )
    assert surfaces(project) == [("裴青山", "PER")]


PEOPLES_DAILY = (
    "19980101-01-001-001/m  迈向/v  充满/v  希望/n  的/u  新/a  世纪/n\n"
    "19980101-01-001-002/m  中共中央/nt  总书记/n  、/w  国家/n  主席/n  江/nr  泽民/nr\n"
    "\n"
    "19980101-01-002-001/m  [中央/n  人民/n  广播/vn  电台/n]nt  "
    "[中国/ns  国际/n  广播/vn  电台/n]nt  在/p  北京/ns\n"
)


def test_peoples_daily_word_tag_with_brackets(project: Project, tmp_path: Path) -> None:
    report = ok(project.importer.import_file(write(tmp_path / "199801.txt", PEOPLES_DAILY)))
    assert report.format == "wordtag"
    assert texts(project) == [
        "迈向充满希望的新世纪\n中共中央总书记、国家主席江泽民",
        "中央人民广播电台中国国际广播电台在北京",
    ]
    assert surfaces(project) == [
        ("中共中央", "ORG"),
        ("江泽民", "PER"),
        ("中央人民广播电台", "ORG"),
        ("中国国际广播电台", "ORG"),
        ("北京", "LOC"),
    ]
    assert project.documents.all()[0].meta["id"] == "19980101-01-001"
    assert any("1 entity(ies) inside" in n for n in report.notes)


def test_msra_original_word_tag(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "msra_train.txt",
        "中共中央/nt  致/o  中国致公党十一大/nt  的/o  贺词/o\n李鹏/nr  在/o  北京/ns\n",
    )
    ok(project.importer.import_file(path))
    assert texts(project) == ["中共中央致中国致公党十一大的贺词", "李鹏在北京"]
    assert surfaces(project) == [
        ("中共中央", "ORG"),
        ("中国致公党十一大", "ORG"),
        ("李鹏", "PER"),
        ("北京", "LOC"),
    ]
    bad = write(tmp_path / "bad.txt", "中共中央/nt  致/o\n李鹏/nr  [在/o  北京/ns\n")
    report = project.importer.import_file(bad, Format.WORDTAG)
    assert report.failed and report.error.line == 2


CONLLU = """# sent_id = 1
# text = 裴青山访问北京。
1\t裴青山\t裴青山\tPROPN\tNR\t_\t2\tnsubj\t_\tSpaceAfter=No\tB-PER
2\t访问\t访问\tVERB\tVV\t_\t0\troot\t_\tSpaceAfter=No\tO
3-4\t北京。\t_\t_\t_\t_\t_\t_\t_\t_\t_
3\t北京\t北京\tPROPN\tNR\t_\t2\tobj\t_\tSpaceAfter=No\tB-LOC
4\t。\t。\tPUNCT\t.\t_\t2\tpunct\t_\tSpaceAfter=No\tO

# sent_id = 2
1\tNew\tNew\tPROPN\tNNP\t_\t2\tcompound\t_\t_\tB-LOC
2\tYork\tYork\tPROPN\tNNP\t_\t0\troot\t_\tSpaceAfter=No\tI-LOC
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\tO
"""


def test_conllu_with_an_ner_column(project: Project, tmp_path: Path) -> None:
    report = ok(project.importer.import_file(write(tmp_path / "zh.conllu", CONLLU)))
    assert texts(project) == ["裴青山访问北京。", "New York."]
    assert surfaces(project) == [("裴青山", "PER"), ("北京", "LOC"), ("New York", "LOC")]
    assert "CoNLL-U" in report.variant


def test_conllu_without_ner_column_is_refused_until_columns_say_where(
    project: Project, tmp_path: Path
) -> None:
    rows = [line.rsplit("\t", 1)[0] if "\t" in line else line for line in CONLLU.split("\n")]
    plain = write(tmp_path / "p.conllu", "\n".join(rows))
    report = project.importer.import_file(plain)
    assert report.failed and "is not a tag" in str(report.error) and report.error.line == 3
    with_misc_ner = write(tmp_path / "m.conllu", CONLLU.replace("\tSpaceAfter=No\t", "\t_\t"))
    ok(project.importer.import_file(with_misc_ner, columns=Columns.parse("TOKEN=2,TAG=11")))
    assert texts(project)[0] == "裴青山 访问 北京 。"


def test_tags_without_a_type(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "x.bio", "北\tB\n京\tI\n和\tO\n沪\tB\n\n")
    report = ok(project.importer.import_file(path, untyped_label="TERM"))
    assert surfaces(project) == [("北京", "TERM"), ("沪", "TERM")]
    assert any("without a type" in n for n in report.notes)
    mixed = write(tmp_path / "m.bio", "北\tB-LOC\n京\tI-LOC\n\n沪\tB\n\n")
    refused = project.importer.import_file(mixed)
    assert refused.failed and refused.error.line == 4


# -- streaming ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chunk", [1, 3, 7, 64])
def test_reading_in_small_blocks_gives_the_same_documents(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    body = (
        "-DOCSTART-\tO\n\n北\tB-LOC\n京\tI-LOC\n  \n\n\n好\tO\n\n-DOCSTART-\tO\n\n甲\tB-PER\n乙\tI-PER\n\n"
        "丙\tO\n丁\tS-PER\n"
    )
    path = write(tmp_path / "x.bioes", body)
    monkeypatch.setattr(source_module, "CHUNK", chunk)
    report = ok(project.importer.import_file(path))
    assert texts(project) == ["北京\n好", "甲乙\n丙丁"]
    assert surfaces(project) == [("北京", "LOC"), ("甲乙", "PER"), ("丁", "PER")]
    assert report.imported == 2


def test_import_streams_in_batches_within_one_transaction(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import importer

    monkeypatch.setattr(importer, "BATCH", 3)
    monkeypatch.setattr(source_module, "CHUNK", 16)
    rows = "".join(f"{chr(0x4E00 + i)}\tB-LOC\n\n" for i in range(10)) + "乙\tX-LOC\n"
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "x.bio", rows))
    assert report.failed and report.error.line == 21
    assert snapshot(project) == before


# -- format detection ----------------------------------------------------------------------------------------

ARTICLE = "新华社北京1月1日电\n国家主席在北京发表新年贺词。\n"
DETECTION = [
    ("article.txt", ARTICLE, Format.TXT),
    ("noext", ARTICLE, Format.TXT),
    ("tags.txt", "中 B-ORG\n共 I-ORG\n致 O\n\n好 O\n", Format.CONLL),
    ("msra.char", "中 B-ORG\n共 I-ORG\n致 O\n", Format.CONLL),
    ("x.bio", "北\tB-LOC\n京\tI-LOC\n", Format.CONLL),
    ("eng.train", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n", Format.CONLL),
    ("weibo.train", "贾0\tB-PER.NAM\n老1\tI-PER.NAM\n", Format.CONLL),
    ("zh.conllu", CONLLU, Format.CONLL),
    ("untyped.dat", "北 B\n京 I\n的 O\n", Format.CONLL),
    ("d.jsonl", '{"text": "北京", "label": [[0, 2, "LOC"]]}\n', Format.JSONL),
    (
        "train.json",
        '{"text": "北京", "label": {"LOC": {"北京": [[0, 1]]}}}\n{"text": "上海", "label": {}}\n',
        Format.JSONL,
    ),
    ("project.json", json.dumps([LS_TASK], indent=2), Format.JSON),
    ("min.json", '[{"text": "北京", "label": []}]', Format.JSON),
    ("one.json", '{\n  "text": "北京",\n  "label": []\n}\n', Format.JSON),
    ("199801.txt", PEOPLES_DAILY, Format.WORDTAG),
    ("msra_train.txt", "中共中央/nt  致/o  中国致公党十一大/nt  的/o  贺词/o\n", Format.WORDTAG),
    ("utf16.txt", "北 B-LOC\n京 I-LOC\n".encode("utf-16"), Format.CONLL),
    ("gbk.txt", "北 B-LOC\n京 I-LOC\n的 O\n".encode("gbk"), Format.CONLL),
    ("gbk_article.txt", ARTICLE.encode("gbk"), Format.TXT),
]


@pytest.mark.parametrize(("name", "body", "expected"), DETECTION, ids=[d[0] for d in DETECTION])
def test_format_detection(tmp_path: Path, name: str, body: str | bytes, expected: Format) -> None:
    from storage.importer import detect_format

    assert detect_format(write(tmp_path / name, body)) is expected


def test_brat_detection(tmp_path: Path) -> None:
    from storage.importer import detect_format

    ann = brat(tmp_path, "李强", "T1\tPER 0 2\t李强\n")
    assert detect_format(ann) is Format.BRAT and detect_format(tmp_path / "a.txt") is Format.BRAT


# -- the dry run ---------------------------------------------------------------------------------------------


def test_dry_run_previews_everything_and_writes_nothing(project: Project, tmp_path: Path) -> None:

    ok(project.importer.import_file(write(tmp_path / "first.bio", "北\tB-LOC\n京\tI-LOC\n\n")))
    before = snapshot(project)
    path = write(
        tmp_path / "x.train",
        "北 B-ORG\n京 I-ORG\n\n甲 B-PER\n乙 E-PER\n丙 S-GPE\n\n好 O\n\n好 O\n\n丁 I-PER\n\n",
    )
    report = ok(project.importer.preview_file(path))
    assert snapshot(project) == before
    assert report.dry_run and (report.format, report.encoding, report.scheme) == ("conll", "utf-8", "bioes")
    assert report.columns == "TOKEN,TAG" and "space-separated" in report.variant
    assert (report.imported, report.skipped, report.spans) == (3, 2, 3)
    assert report.spans_per_label == {"PER": 2, "GPE": 1}
    assert report.new_labels == ["GPE"]
    assert report.differing_count == 1 and f"{tmp_path / 'first.bio'}:1" in report.differing[0]
    assert any("line 12" in w for w in report.warnings)  # the stray I- tag, read as a start
    # the preview is what the import then does
    done = ok(project.importer.import_file(path))
    assert (done.imported, done.skipped, done.spans, done.new_labels) == (3, 2, 3, ["GPE"])


def test_dry_run_of_a_refused_file_writes_nothing(project: Project, tmp_path: Path) -> None:

    before = snapshot(project)
    path = jsonl(tmp_path / "d.jsonl", [{"text": "北京", "label": [[0, 9, "LOC"]]}])
    report = project.importer.preview_file(path)
    assert report.failed and report.error.line == 1 and report.dry_run
    assert snapshot(project) == before


def test_json_lines_read_as_one_json_value_are_refused(project: Project, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "d.jsonl", [{"text": "北京", "label": []}, {"text": "上海", "label": []}])
    report = project.importer.import_file(path, Format.JSON)
    assert report.failed and report.error.line == 2 and "--format jsonl" in str(report.error)
    array = write(tmp_path / "a.json", '[{"text": "北京"}]\n{"text": "上海"}\n')
    assert project.importer.import_file(array).error.line == 2


def test_a_bom_inside_a_plain_text_article_is_refused(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\ufeff第一篇\n正文\n".encode() + "\ufeff第二篇\n".encode())
    report = project.importer.import_file(path, Format.TXT)
    assert report.failed and report.error.line == 3 and "byte-order mark" in str(report.error)
