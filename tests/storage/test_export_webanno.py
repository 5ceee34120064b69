"""WebAnno TSV 3.3 export (``storage.formats.webanno_writer``): the files INCEpTION's reader takes, and back.

Round trip: what the writer writes, ``storage.formats.webanno`` (the importer's reader, built on INCEpTION's
``Tsv3XDeserializer``) reads back as the same text and every span, exactly: astral characters (UTF-16
offsets), CRLF, U+3000, U+2028, nested and crossing spans, ``\\ [ ] | _ * ;`` in text and labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.cli import main
from model.sentences import SentenceMode
from model.spans import Entity
from storage.export_types import ExportDocument, SkipReason
from storage.formats import ReadInfo
from storage.formats.options import ReadOptions
from storage.formats.webanno import WebAnnoReader
from storage.formats.webanno_writer import UNSAFE, WebAnnoWriter

ALPHABET = (
    "中国北京上海李强，。！？；“”（）０１ＡＢ𠮷😀𝔘abcXY019-#" + "\\[]|_*;->" + " \u3000\t\n\r\u00a0\u2028"
)
LABELS = st.sampled_from(["PER", "LOC", "ORG", "A|B", "X[1]", "_", "*", "a\\b", "m;n", "p->q", "[", "é"])
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read(path: Path) -> tuple[str, list[Entity]]:
    (doc,) = WebAnnoReader(path, ReadOptions(), ReadInfo()).documents()
    return doc.text, sorted(doc.entities, key=key)


def key(e: Entity) -> tuple[int, int, str]:
    return e.start, e.end, e.label


def write_one(
    folder: Path, text: str, entities: list[Entity], mode: SentenceMode = SentenceMode.PUNCTUATION
) -> tuple[Path, list[tuple[SkipReason, Entity]]]:
    writer = WebAnnoWriter(folder, mode)
    result = writer.write(ExportDocument(1, "t", text, entities))
    writer.close()
    return folder / "t.tsv", result.skipped


@st.composite
def document(draw: st.DrawFn) -> tuple[str, list[Entity]]:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=40).filter(lambda t: t.strip()))
    pairs = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=8))
    entities = {Entity(min(a, b), max(a, b), draw(LABELS)) for a, b in pairs if a != b}  # nested, crossing
    return text, sorted(entities, key=key)


@FAST
@given(document(), st.sampled_from(SentenceMode))
def test_text_and_every_span_come_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, doc: tuple[str, list[Entity]], mode: SentenceMode
) -> None:
    text, entities = doc
    folder = tmp_path_factory.mktemp("webanno")
    path, skipped = write_one(folder, text, entities, mode)
    blank = [e for e in entities if not text[e.start : e.end].strip()]
    edge = [e for e in entities if e not in blank and (text[e.start] in UNSAFE or text[e.end - 1] in UNSAFE)]
    why = {**{e: SkipReason.WHITESPACE_ONLY for e in blank}, **{e: SkipReason.LINE_BREAK_EDGE for e in edge}}
    assert skipped == [(why[e], e) for e in entities if e in why]
    back_text, back = read(path)
    assert back == [e for e in entities if e not in why]
    if text[0] not in UNSAFE:
        assert back_text == text
    else:  # the one thing not carried (documented): blanks before the first token come back as spaces
        spaces = len(back_text) - len(back_text.lstrip(" "))
        assert back_text == " " * spaces + text[spaces:] and not text[:spaces].strip()


def test_the_file_is_what_inceptions_writer_writes(tmp_path: Path) -> None:
    """Header, two blank lines, one blank line before each sentence, a tab after the last column, ``*`` for
    the unset identifier, numbers for entities over several tokens or stacked on one, escaped labels,
    UTF-16 offsets (𠮷 counts 2), a run of letters and digits one token, Chinese one token per character."""
    text = "李强在北京大学。\n𠮷GDP2024涨"
    entities = [Entity(0, 2, "PER"), Entity(3, 7, "ORG"), Entity(3, 5, "LOC"), Entity(9, 13, "A|B_[c]")]
    path, skipped = write_one(tmp_path, text, entities)
    assert skipped == []
    assert path.read_text(encoding="utf-8") == (
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n"
        "\n"
        "\n"
        "#Text=李强在北京大学。\n"
        "#Text=\n"
        "1-1\t0-1\t李\t*[1]\tPER[1]\t\n"
        "1-2\t1-2\t强\t*[1]\tPER[1]\t\n"
        "1-3\t2-3\t在\t_\t_\t\n"
        "1-4\t3-4\t北\t*[2]|*[3]\tORG[2]|LOC[3]\t\n"
        "1-5\t4-5\t京\t*[2]|*[3]\tORG[2]|LOC[3]\t\n"
        "1-6\t5-6\t大\t*[2]\tORG[2]\t\n"
        "1-7\t6-7\t学\t*[2]\tORG[2]\t\n"
        "1-8\t7-8\t。\t_\t_\t\n"
        "\n"
        "#Text=𠮷GDP2024涨\n"
        "2-1\t9-11\t𠮷\t*[4]\tA\\|B\\_\\[c\\][4]\t\n"
        "2-2\t11-14\tGDP\t*[4]\tA\\|B\\_\\[c\\][4]\t\n"
        "2-3\t14-18\t2024\t_\t_\t\n"
        "2-4\t18-19\t涨\t_\t_\t\n"
    )
    assert read(path) == (text, sorted(entities, key=key))


def test_an_entity_on_a_line_break_edge_is_reported_and_blanks_at_its_edge_are_tokens(tmp_path: Path) -> None:
    text = "北京\u3000 上海\n广州"
    entities = [Entity(0, 4, "LOC"), Entity(6, 9, "X"), Entity(2, 3, "BLANK")]
    path, skipped = write_one(tmp_path, text, entities)
    assert skipped == [
        (SkipReason.LINE_BREAK_EDGE, Entity(6, 9, "X")),
        (SkipReason.WHITESPACE_ONLY, Entity(2, 3, "BLANK")),
    ]
    rows = [
        line.split("\t")[2] for line in path.read_text(encoding="utf-8").splitlines() if line[:1].isdigit()
    ]
    assert rows == [
        "北",
        "京",
        "\u3000 ",
        "上",
        "海",
        "广",
        "州",
    ]  # the blanks LOC ends on are its last token
    assert read(path) == (text, [Entity(0, 4, "LOC")])


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    source = tmp_path / "in.jsonl"
    rows = [
        {
            "text": "李强在北京会见古特雷斯。\n𠮷😀 新华社\u3000报道\u2028完",
            "label": [[0, 2, "PER"], [3, 5, "GPE"], [3, 11, "X"], [14, 20, "ORG"]],
        },
        {"text": "a\\b[c]|d_e*f;g 联合国", "label": [[0, 13, "W|[1]"], [15, 18, "ORG"], [16, 18, "LOC"]]},
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["import", str(source), "--db", url, "--quiet"]) == 0
    return url


def test_export_then_import_gives_back_the_corpus(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "inception"
    assert main(["export", "--db", db, "--format", "webanno", "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "documents: 2" in printed and "entities: GPE 1, LOC 1, ORG 2, PER 1, W|[1] 1, X 1" in printed
    assert sorted(p.name for p in out.iterdir()) == [
        ".newstag-documents.conf",  # the order and titles, for the import
        "a_b[c]_d_e_f;g 联合国.tsv",
        "李强在北京会见古特雷斯。.tsv",
    ]
    # never over an earlier export unless --overwrite
    assert main(["export", "--db", db, "--format", "webanno", "--out", str(out), "--quiet"]) == 2
    assert "already exists" in capsys.readouterr().err
    again = f"sqlite:///{tmp_path / 'again.db'}"
    assert main(["import", str(out), "--db", again, "--format", "webanno", "--quiet"]) == 0
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert main(["export", "--db", db, "--format", "jsonl", "--out", str(first), "--quiet"]) == 0
    assert main(["export", "--db", again, "--format", "jsonl", "--out", str(second), "--quiet"]) == 0

    def corpus(path: Path) -> list[tuple[str, list[list[object]]]]:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]
        return sorted((row["text"], sorted(row["label"])) for row in rows)  # read back in file name order

    assert corpus(second) == corpus(first) and len(corpus(first)) == 2


@pytest.mark.parametrize(
    ("mode", "texts", "sentences"),
    [
        (SentenceMode.PUNCTUATION, ["李强到了。", "北京很大！", "", "上海"], 3),
        (SentenceMode.LINES, ["李强到了。北京很大！", "", "上海"], 2),
        (SentenceMode.DOCUMENT, ["李强到了。北京很大！", "上海"], 1),
    ],
)
def test_sentences_are_cut_as_the_conll_export_cuts_them(
    tmp_path: Path, mode: SentenceMode, texts: list[str], sentences: int
) -> None:
    text = "李强到了。北京很大！\n上海"
    path, _ = write_one(tmp_path, text, [Entity(0, 2, "PER")], mode)
    content = path.read_text(encoding="utf-8")
    assert [line[len("#Text=") :] for line in content.split("\n") if line.startswith("#Text=")] == texts
    assert content.count("\n\n#Text=") == sentences  # a blank line before each
    assert read(path) == (text, [Entity(0, 2, "PER")])


def test_files_are_named_by_title_made_safe_and_unique(tmp_path: Path) -> None:
    """INCEpTION lists a project's documents by file name: the files carry the documents' titles, not their
    ids, without what a disk or INCEpTION refuses in a name, and two titles that would give one name (the
    same title, or names a disk ignoring case takes for one) are told apart by the document's id."""
    titles = [
        "新华社北京1月1日电",
        "新华社北京1月1日电",  # the same title twice
        "Reuters report",
        "REUTERS REPORT",  # one file on macOS and Windows
        'a/b\\c: d*e?f"g<h>i|j',
        "  ..hidden\tand \u200bspaced. ",
        "",  # no title: by its id
        "CON",  # a Windows device name
        "𠮷" * 100,  # cut: 60 characters and at most 150 bytes
    ]
    writer = WebAnnoWriter(tmp_path)
    for i, title in enumerate(titles, start=1):
        writer.write(ExportDocument(i, title, "李强在北京。", [Entity(0, 2, "PER")]))
    writer.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        [
            "新华社北京1月1日电.tsv",
            "新华社北京1月1日电-2.tsv",
            "Reuters report.tsv",
            "REUTERS REPORT-4.tsv",
            "a_b_c_ d_e_f_g_h_i_j.tsv",
            "hidden and spaced.tsv",
            "doc000007.tsv",
            "_CON.tsv",
            "𠮷" * 37 + ".tsv",
            ".newstag-documents.conf",
        ]
    )
    for path in tmp_path.glob("*.tsv"):
        assert read(path) == ("李强在北京。", [Entity(0, 2, "PER")])
