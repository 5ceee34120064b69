"""What the fuzz harness (``test_import_fuzz.py``) found, each pinned by the smallest file that shows it: a
file that crashed the import, hung it, read it as other text, or was refused without naming its line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from model.tagging import IPolicy
from storage.formats import ImportFormatError
from storage.formats.options import Grouping
from storage.importer import Format, Importer
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import texts
from tests.storage.test_import_formats import ok, surfaces, write

ROOT = Path(__file__).resolve().parents[2]
NER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
WEBANNO_HEAD = f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NER}|identifier|value\n\n\n"


def test_a_span_over_the_newline_half_of_a_crlf_covers_the_line_break(
    project: Project, tmp_path: Path
) -> None:
    # "a\r\nb" becomes "a\nb"; [2, 3) covered the "\n" of "\r\n" and was mapped to [2, 2): the database's
    # start < end check failed and the command stopped with "unexpected error", the other files not read
    body = json.dumps({"text": "a\r\nb", "label": [[2, 3, "PER"], [2, 4, "LOC"], [0, 2, "ORG"]]}) + "\n"
    ok(project.importer.import_file(write(tmp_path / "crlf.jsonl", body)))
    assert texts(project) == ["a\nb"]
    assert sorted(surfaces(project)) == sorted([("\nb", "LOC"), ("\n", "PER"), ("a\n", "ORG")])


def test_a_brat_entity_over_the_newline_half_of_a_crlf_covers_the_line_break(
    project: Project, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", b"a\r\nb")
    ok(project.importer.import_file(write(tmp_path / "a.ann", "T1\tPER 2 3\nT2\tLOC 2 4\n")))
    assert sorted(surfaces(project)) == sorted([("\nb", "LOC"), ("\n", "PER")])


@pytest.mark.parametrize(
    "ann", ["T1\tPER 0 2\t李强\rT2\tLOC 3 5\t北京\r", "\rT1\tPER 0 2\t李强\nT2\tLOC 3 5\n"]
)
def test_a_lone_carriage_return_ends_a_brat_line(project: Project, tmp_path: Path, ann: str) -> None:
    # brat reads its files with Python's universal newlines; here "\rT1…" was not an entity line (T1 dropped,
    # counted as an ignored line) and a file of old Mac line ends was refused as one line
    write(tmp_path / "a.txt", "李强在北京。")
    ok(project.importer.import_file(write(tmp_path / "a.ann", ann)))
    assert sorted(surfaces(project)) == [("北京", "LOC"), ("李强", "PER")]


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        # a UTF-8 file with one NUL byte was "a binary file" without a line, however much text it held
        ("nul.txt", "标题\n正文第一段。\n第二段\x00。\n".encode(), 3),
        ("nul.bio", "李\tB-PER\n强\tI-PER\n\x00\tO\n".encode(), 3),
        ("nul.jsonl", b'{"text": "ab"}\n{"text": "c\x00d"}\n', 2),
        # read as UTF-16 without a BOM, this was 筻潬慣楴湯:絽, imported without a word
        ("boson.txt", b"{{location:\x00}}", 1),
        ("tiny.txt", "a\x00\x85".encode(), 1),  # 61 00 C2 85: "a藂" in UTF-16-LE, but C2 85 is UTF-8
        ("nul.tsv", (WEBANNO_HEAD + "#Text=李强\n1-1\t0-2\t李强\t_\tPER\x00\n").encode(), 6),
    ],
)
def test_a_stray_nul_byte_is_refused_by_its_line(
    project: Project, tmp_path: Path, name: str, body: bytes, line: int
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / name, body))
    assert report.failed and report.error is not None
    assert report.error.line == line and "NUL character" in str(report.error), report.error
    assert snapshot(project) == before


def test_a_utf16_file_without_a_bom_is_still_read(project: Project, tmp_path: Path) -> None:
    ok(project.importer.import_file(write(tmp_path / "u.txt", "标题\nNew York 纽约\n".encode("utf-16-le"))))
    assert texts(project) == ["标题\nNew York 纽约\n"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_one_line_utf16_file_without_a_bom_is_read_in_its_own_byte_order(
    tmp_path: Path, codec: str
) -> None:
    # read as UTF-16-LE, "Xinhua" in UTF-16-BE is 堀椀渀栀甀愀: ASCII letters are the high byte of hanzi, and
    # with no line break (00 0A) to tell, the first order that read as hanzi was taken
    path = write(tmp_path / "u.txt", "Xinhua".encode(codec))
    assert [d.text for d in Importer.read(path)] == ["Xinhua"]
    path = write(tmp_path / "v.txt", b"a\tO\n\x00\tO\n\x00\tO\n")  # UTF-8 with NULs, not 愉伊\t伊…
    with pytest.raises(ImportFormatError, match="line 2: holds a NUL character"):
        Importer.read(path)


def test_a_huge_webanno_offset_is_refused_at_once(tmp_path: Path) -> None:
    # past the text on a row that is not a sentence's first, the refusal looked for the text around the offset
    # one code unit at a time from 10**23 down (it hung); on a sentence's first row, the gap before it was
    # filled with that many spaces (MemoryError: "unexpected error")
    rows = "#Text=李强\n1-1\t0-2\t李强\t_\tPER\n\n#Text=北京。\n2-1\t3-5\t北京\t_\tLOC\n"
    write(tmp_path / "late.tsv", WEBANNO_HEAD + rows + f"2-2\t{10**23}-6\t。\t_\t_\n")
    write(tmp_path / "gap.tsv", WEBANNO_HEAD + rows.replace("2-1\t3-5", f"2-1\t{10**11}-{10**11 + 2}"))
    result = subprocess.run(
        [sys.executable, "-m", "gui.cli", "import", "--db", str(tmp_path / "x.db"), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out and "unexpected error" not in out, out
    assert "late.tsv, line 10: the offsets 100000000000000000000000-6 do not cover" in out, out
    assert "gap.tsv, line 9: the offsets 100000000000-100000000002 do not cover" in out, out


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        ("y.txt.ann", "第一行。\n[@北京#LOC*]和[@李强#PE\u200dR*]\n", 2),
        ("w.tsv", WEBANNO_HEAD + "#Text=李强在北京\n1-1\t0-2\t李强\t_\tPER\u202e\n1-2\t2-3\t在\t_\t_\n", 6),
    ],
)
def test_a_bad_label_is_refused_by_its_line(
    project: Project, tmp_path: Path, name: str, body: str, line: int
) -> None:
    report = project.importer.import_file(write(tmp_path / name, body))
    assert report.error is not None and report.error.line == line, report.error
    assert "invisible character" in str(report.error)


def test_a_span_text_found_in_both_offset_units_is_read_with_a_warning(tmp_path: Path) -> None:
    # the span's text (a ZWJ of 👨‍👩‍👧) is found at its numbers counted in code points (15) and in UTF-16 code
    # units (10): code points, as Label Studio counts now (its emoji tests pin 21 for "test" after "🐱 " and
    # 19 more characters), its 2021 releases counted UTF-16. The warning said the spans "carry no text to
    # tell the offset unit", which these do: it says that their text fits both
    family = "👨\u200d👩\u200d👧"
    text = family + "e\u0301" + family + family
    value = {"start": 15, "end": 16, "text": "\u200d", "labels": ["PER"]}  # the ZWJ at code point 10
    path = write(
        tmp_path / "a.json",
        json.dumps([{"data": {"text": text}, "annotations": [{"result": [{"value": value}]}]}]),
    )
    warnings: list[str] = []
    docs = list(Importer.parse_file(path, Format.JSON, Grouping.AUTO, IPolicy.REPAIR, warnings))
    assert [(e.start, e.end) for e in docs[0].entities] == [(15, 16)]
    (warning,) = [str(w) for w in warnings if "--offsets utf16" in str(w)]
    assert "line(s) 1" in warning and "carry no text" not in warning, warning
    assert "own text is found at their offsets counted both in code points and in UTF-16" in warning, warning


@pytest.mark.parametrize(
    ("slip", "why"),
    [
        ((1, 1), "covers nothing"),
        ((0, 9), "out of range for a text of 4 characters"),
        ((-1, 2), "out of range"),
    ],
)
def test_a_reader_slip_is_refused_by_line_not_stored_or_crashed(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slip: tuple[int, int], why: str
) -> None:
    """The net under every reader: a span a reader got wrong (empty, past the text, negative) is refused by
    line, naming the file, the database as it was; it stopped the command with "unexpected error" (an
    empty span) or was stored over characters that are not there (SQLite checks no length).
    """
    import storage.importer as importer_module
    from model.spans import Entity

    ok(
        project.importer.import_file(
            write(tmp_path / "ok.jsonl", '{"text": "北京大学", "label": [[0, 2, "LOC"]]}\n')
        )
    )
    before = snapshot(project)
    reading = importer_module.read_documents

    def slipping(path, options, info):  # type: ignore[no-untyped-def]
        for doc in reading(path, options, info):
            doc.entities = [Entity(*slip, entity.label) for entity in doc.entities]
            yield doc

    monkeypatch.setattr(importer_module, "read_documents", slipping)
    body = '{"text": "上海", "label": []}\n{"text": "李强来了", "label": [[0, 2, "PER"]]}\n'
    path = write(tmp_path / "news.jsonl", body)
    report = project.importer.import_file(path)
    assert report.error is not None
    said = str(report.error)
    assert str(path) in said and "line 2" in said and why in said, said
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        # the NUL check read the file as UTF-8 only: these were "a binary file", without a line
        ("gbk.txt", "标题\n正文第一段。\n第二段\x00。\n".encode("gbk"), 3),
        ("gbk.jsonl", '{"text": "北京欢迎你"}\n{"text": "上海\x00"}\n'.encode("gbk"), 2),
        ("big5.txt", "標題\n正文第一段。\n第二段\x00。\n".encode("big5"), 3),
        ("le.txt", "标题\nNew York 纽约\n第二\x00段\n".encode("utf-16-le"), 3),
        ("be.bio", "李\tB-PER\n强\tI-PER\n\x00\tO\n".encode("utf-16-be"), 3),
    ],
    ids=["gbk", "gbk-jsonl", "big5", "utf16le", "utf16be"],
)
def test_a_nul_in_a_gbk_or_utf16_file_is_refused_by_its_line(
    project: Project, tmp_path: Path, name: str, body: bytes, line: int
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / name, body))
    assert report.error is not None and report.error.line == line, report.error
    assert "NUL character" in str(report.error), report.error
    assert snapshot(project) == before


def test_a_binary_file_is_still_refused_as_binary(tmp_path: Path) -> None:
    body = bytes(range(256)) * 8 + b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50
    with pytest.raises(ImportFormatError, match="looks like a binary file"):
        Importer.read(write(tmp_path / "a.txt", body))


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        # the JSON readers stripped the whitespace around a label: "LOC\u2028" was stored as LOC, unsaid
        ("a.jsonl", '{"text": "李强"}\n{"text": "北京", "label": [[0, 2, "LOC\\u2028"]]}\n', 2),
        ("b.jsonl", '{"text": "北京", "label": [{"start": 0, "end": 2, "label": " LOC"}]}\n', 1),
        ("c.jsonl", '{"text": "李强", "label": {"PER\\t": {"李强": [[0, 1]]}}}\n', 1),
        (
            "d.jsonl",
            '{"text": "北京", "ner": [{"start": 0, "end": 2, "text": "北京", "labels": ["LOC "]}]}\n',
            1,
        ),
        (
            "e.json",
            '[\n{"data": {"text": "北京"}, "annotations": [{"result": [{"value": '
            '{"start": 0, "end": 2, "text": "北京", "labels": ["\\u3000LOC"]}}]}]}\n]\n',
            2,
        ),
    ],
    ids=["doccano", "doccano-objects", "cluener", "ls-min", "ls"],
)
def test_a_json_label_with_whitespace_around_it_is_refused_by_its_line(
    project: Project, tmp_path: Path, name: str, body: str, line: int
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / name, body))
    assert report.error is not None and report.error.line == line, report.error
    assert "contains whitespace" in str(report.error), report.error
    assert snapshot(project) == before
