"""Import of every supported format, and every failure path leaves the database exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DataError

import storage.import_sink
from model.spans import Entity
from model.tagging import IPolicy
from seeds import seed_paths
from storage.formats.conll import Grouping
from storage.importer import Format, SpansAs, expand_paths
from storage.project import Project
from tests.conftest import SHARED_DATA, snapshot


def spans_of(project: Project, layer: str = "gold") -> list[tuple[str, Entity]]:
    """(document text, entity) for every span in ``layer``, in document order."""
    with project.engine.connect() as conn:
        rows = conn.execute(
            text(
                'SELECT d.text, s.start, s."end", s.label FROM spans s '
                "JOIN documents d ON d.id = s.document_id WHERE s.layer = :layer ORDER BY d.id, s.start"
            ),
            {"layer": layer},
        )
        return [(t, Entity(a, b, label)) for t, a, b, label in rows]


def texts(project: Project) -> list[str]:
    return [d.text for d in project.documents.all()]


# -- plain text -------------------------------------------------------------------------------------


def test_seed_articles_import_with_title_and_exact_text(project: Project) -> None:
    reports = [project.importer.import_file(p) for p in seed_paths()]
    assert [r.imported for r in reports] == [1] * 5
    docs = project.documents.all()
    assert docs[0].title == "越南外交部部长裴青山与美国国务卿安东尼·布林肯举行会谈"
    assert docs[0].text == seed_paths()[0].read_text(encoding="utf-8")
    assert docs[0].meta["encoding"] == "utf-8"


def test_importing_twice_skips_duplicates(project: Project) -> None:
    path = seed_paths()[0]
    assert project.importer.import_file(path).imported == 1
    again = project.importer.import_file(path)
    assert (again.imported, again.skipped, again.failed) == (0, 1, False)
    assert project.documents.count() == 1


def test_crlf_is_normalised_and_recorded_nothing_else_rewritten(project: Project, tmp_path: Path) -> None:
    body = "标题\u3000ＡＢＣ１２３\r\n第二行𠮷😀\u2028同一段\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(body.encode("utf-8"))
    project.importer.import_file(path)
    (doc,) = project.documents.all()
    assert doc.text == "标题\u3000ＡＢＣ１２３\n第二行𠮷😀\u2028同一段\n"  # full-width, U+3000, U+2028 kept
    assert doc.meta["line_endings"] == "crlf"
    assert doc.title == "标题\u3000ＡＢＣ１２３"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8 (BOM)", "\ufeff新华社北京电\n正文".encode()),
        ("utf-16 (BOM)", "新华社北京电\n正文".encode("utf-16")),
        ("gb18030", "新华社北京电\n正文：国务院总理李强".encode("gbk")),
        # without a byte-order mark: its NUL bytes (line breaks, digits; 一 is U+4E00) tell the byte order
        ("utf-16-le", "新华社北京电\n正文：一丈2026年".encode("utf-16-le")),
        ("utf-16-be", "新华社北京电\n正文：一丈2026年".encode("utf-16-be")),
    ],
)
def test_encodings_are_detected(project: Project, tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    report = project.importer.import_file(path)
    assert report.imported == 1, report.error
    (doc,) = project.documents.all()
    assert doc.text.startswith("新华社北京电\n正文")
    assert doc.meta["encoding"] == encoding


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 40, "binary"),
        ("正文".encode() + b"\n\xff\xfe\xfa\x80\x81\xfe\xff" * 3, "cannot be decoded"),
        (b"", "empty"),
    ],
)
def test_bad_text_files_are_refused_with_the_file_name(
    project: Project, tmp_path: Path, data: bytes, message: str
) -> None:
    project.importer.import_file(seed_paths()[0])
    before = snapshot(project)
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    report = project.importer.import_file(path)
    assert report.failed
    assert str(path) in str(report.error) and message in str(report.error)
    assert snapshot(project) == before


def test_undecodable_byte_names_its_line(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("第一行\n第二行\n".encode() + b"\xff\xff\xff\xff\x00bad")
    report = project.importer.import_file(path)
    assert report.error is not None


@pytest.mark.parametrize(
    ("name", "lines", "encoding"),
    [
        # a plain-text article (read whole) and a CoNLL file (read as a stream) in GBK, one bad byte deep in
        (
            "article.txt",
            ["新华社北京电", "正文第一段。", "正文第二段。", "坏\udcff字节在这一行。", "末行。"],
            "GB18030",
        ),
        ("corpus.bio", [f"{ch}\tO" for ch in "北京欢迎你" * 6] + ["\udcff\tO", "京\tB-LOC"], "GB18030"),
        # UTF-8 with a stray byte: UTF-8 reads furthest, GB18030 breaks on the first Chinese character
        ("utf8.txt", ["标题", "正文。", "这一行有\udcff坏字节。"], "UTF-8"),
        # a short GBK article (fewer than CJK_EVIDENCE Chinese bytes): was read as ISO 8859-5 nonsense
        ("short.txt", ["新华社北京电", "正文第一段。", "\udcff"], "GB18030"),
    ],
)
def test_an_undecodable_file_is_refused_at_the_line_where_its_own_encoding_breaks(
    project: Project, tmp_path: Path, name: str, lines: list[str], encoding: str
) -> None:
    codec = "gbk" if encoding == "GB18030" else "utf-8"
    path = tmp_path / name
    # \udcff is the byte 0xFF (invalid in UTF-8 and GB18030 alike), written with surrogateescape
    path.write_bytes("\n".join(lines).encode(codec, errors="surrogateescape") + b"\n")
    bad_line = next(n for n, line in enumerate(lines, start=1) if "\udcff" in line)
    before = snapshot(project)
    report = project.importer.import_file(path)
    assert report.failed
    message = str(report.error)
    assert message.startswith(f"{path}, line {bad_line}: cannot be decoded"), message
    assert f"read as {encoding}, it breaks at byte 0xff" in message
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("Le\tO\ncafé\tO\nà\tO\nLyon\tB-LOC\n", "cp1252", "Le café à Lyon"),  # a French CoNLL file
        # GB18030 and Big5 decode this without error into rare characters (Müller: 0xFC 0x6C)
        ("Peter\tB-PER\nMüller\tI-PER\nin\tO\nKöln\tB-LOC\n", "cp1252", "Peter Müller in Köln"),
        ("東京\tB-LOC\nの\tO\n天気\tO\n", "shift_jis", "東京の天気"),  # was GB18030 nonsense too
        ("Москва\tB-LOC\nстолица\tO\nРоссии\tB-LOC\n", "koi8_r", None),  # any bytes decode to KOI8-R
    ],
)
def test_other_encodings_are_read_as_written_or_refused(
    project: Project, tmp_path: Path, text: str, codec: str, expected: str | None
) -> None:
    path = tmp_path / "other.conll"
    path.write_bytes(text.encode(codec))
    before = snapshot(project)
    report = project.importer.import_file(path)
    if expected is None:
        assert report.failed and "cannot be decoded" in str(report.error)
        assert snapshot(project) == before
    else:
        assert report.error is None, report.error
        assert [d.text for d in project.documents.all()] == [expected]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_conll_file_in_utf16_without_a_byte_order_mark_is_read(
    project: Project, tmp_path: Path, codec: str
) -> None:
    path = tmp_path / "corpus.bio"
    path.write_bytes("北\tB-LOC\n京\tI-LOC\n一\tO\n\n李\tB-PER\n强\tI-PER\n".encode(codec))
    report = project.importer.import_file(path)
    assert report.error is None, report.error
    assert report.encoding == codec and [d.text for d in project.documents.all()] == ["北京一", "李强"]


KOREAN = (
    "서울 연합뉴스\n대통령은 오늘 국회에서 새해 예산안에 대한 시정연설을 했다.\n김철수 기자가 보도했다.\n"
)
CLASSICAL = (
    "床前明月光，疑是地上霜。举头望明月，低头思故乡。\n白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        # EUC-KR's Hangul rows are GB2312's first-level hanzi: read as GB18030 (and Big5) without an error
        (KOREAN, "euc_kr", "euc_kr"),
        (KOREAN * 400, "euc_kr", "euc_kr"),  # past the head the samples are taken from
        # Chinese stays Chinese: news, poetry (fewer frequent hanzi), traditional characters in Big5
        ("新华社首尔电\n韩国总统今天在国会发表施政演说，介绍新年预算案。\n", "gbk", "gb18030"),
        (CLASSICAL, "gbk", "gb18030"),
        ("中央社臺北電\n總統今天在國會發表施政演說，介紹新年預算案。\n", "big5", "big5"),
    ],
)
def test_korean_is_told_from_chinese(
    project: Project, tmp_path: Path, text: str, codec: str, encoding: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    report = project.importer.import_file(path)
    assert report.error is None, report.error
    (doc,) = project.documents.all()
    assert doc.text == text and doc.meta["encoding"] == encoding


def test_folders_are_searched_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/1.txt", "a/b/2.txt", "a/b/3.jsonl", "a/skip.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = expand_paths([tmp_path / "a"], Format.AUTO)
    assert [p.name for p in found] == ["1.txt", "2.txt", "3.jsonl"]
    assert [p.name for p in expand_paths([tmp_path / "a"], Format.TXT)] == ["1.txt", "2.txt"]


def test_a_file_named_and_inside_a_named_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "2.txt").write_text("y", encoding="utf-8")
    found = expand_paths(
        [tmp_path / "a" / "2.txt", tmp_path / "a", tmp_path / "a" / ".." / "a" / "1.txt"], Format.AUTO
    )
    assert [p.name for p in found] == ["2.txt", "1.txt"]


# -- JSONL ------------------------------------------------------------------------------------------


def write_jsonl(path: Path, objs: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objs) + "\n", encoding="utf-8")
    return path


def test_jsonl_in_doccano_shape_and_variants(project: Project, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl",
        [
            {"text": "裴青山会见布林肯", "label": [[0, 3, "PER"], [5, 8, "PER"]], "id": 7, "url": "http://x"},
            {"text": "越南外交部", "entities": [{"start_offset": 0, "end_offset": 5, "label": "ORG"}]},
            {"text": "𠮷野家在东京", "spans": [{"start": 4, "end": 6, "label": "LOC", "text": "东京"}]},
            {"text": "没有实体的句子", "title": "自定义标题"},
        ],
    )
    report = project.importer.import_file(path)
    assert (report.imported, report.spans) == (4, 4), report.error
    assert [(t[e.start : e.end], e.label) for t, e in spans_of(project)] == [
        ("裴青山", "PER"),
        ("布林肯", "PER"),
        ("越南外交部", "ORG"),
        ("东京", "LOC"),
    ]
    docs = project.documents.all()
    assert docs[0].meta["id"] == 7 and docs[0].meta["url"] == "http://x"
    assert docs[0].source == f"{path}:1"
    assert docs[3].title == "自定义标题"


def test_jsonl_offsets_follow_crlf_normalisation(project: Project, tmp_path: Path) -> None:
    raw = "第一行\r\n裴青山"
    write_jsonl(tmp_path / "d.jsonl", [{"text": raw, "label": [[5, 8, "PER"]]}])
    assert raw[5:8] == "裴青山"
    project.importer.import_file(tmp_path / "d.jsonl")
    [(body, entity)] = spans_of(project)
    assert body == "第一行\n裴青山" and body[entity.start : entity.end] == "裴青山"


def test_jsonl_unknown_labels_join_the_label_set(project: Project, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "d.jsonl", [{"text": "北京市", "label": [[0, 3, "GPE"]]}])
    report = project.importer.import_file(tmp_path / "d.jsonl")
    assert report.new_labels == ["GPE"]
    assert "GPE" in [label.name for label in project.labels.all()]


def test_jsonl_labels_as_suggestions(project: Project, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "d.jsonl", [{"text": "北京市", "label": [[0, 3, "LOC"]]}])
    project.importer.import_file(tmp_path / "d.jsonl", spans_as=SpansAs.SUGGESTIONS)
    assert spans_of(project, "gold") == []
    assert [e for _, e in spans_of(project, "suggestion")] == [Entity(0, 3, "LOC")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "北京", "label": [[0, 2, "LOC"]]', "not valid JSON"),
        ('{"text": "北京", "label": [[0, 9, "LOC"]]}', "out of range"),
        ('{"text": "北京", "label": [[1, 1, "LOC"]]}', "covers nothing"),
        ('{"text": "北京", "label": [[-1, 1, "LOC"]]}', "out of range"),
        ('{"text": "北京", "label": [[0, 2]]}', "[start, end, label]"),
        ('{"text": "北京", "label": [[0, 2, ""]]}', "no label"),
        ('{"text": "北京", "label": [["0", 2, "LOC"]]}', "integers"),
        (
            '{"text": "北京", "spans": [{"start": 0, "end": 2, "label": "LOC", "text": "上海"}]}',
            "the file says",
        ),
        ('{"label": []}', '"text"'),
        ('["北京"]', "JSON object"),
    ],
)
def test_malformed_jsonl_aborts_the_whole_file(
    project: Project, tmp_path: Path, line: str, message: str
) -> None:
    project.importer.import_file(seed_paths()[1])
    before = snapshot(project)
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "上海市", "label": [[0, 3, "LOC"]]}, ensure_ascii=False)
    path.write_text(f"{good}\n\n{good.replace('上海', '广州')}\n{line}\n{good}\n", encoding="utf-8")
    report = project.importer.import_file(path)
    assert report.failed and report.error is not None
    assert report.error.line == 4
    assert f"{path}, line 4" in str(report.error) and message in str(report.error)
    assert snapshot(project) == before


# -- CoNLL ------------------------------------------------------------------------------------------


def conll(path: Path, sentences: list[list[tuple[str, str]]], docstart: bool = False) -> Path:
    lines: list[str] = []
    for sentence in sentences:
        if docstart:
            lines += ["-DOCSTART-\tO", ""]
        lines += [f"{c}\t{t}" for c, t in sentence] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


PEI = [("裴", "B-PER"), ("青", "I-PER"), ("山", "I-PER"), ("访", "O"), ("华", "B-LOC")]


@pytest.mark.parametrize(
    ("tags", "scheme"),
    [
        (["B-PER", "I-PER", "I-PER", "O", "B-LOC"], "bio"),
        (["B-PER", "I-PER", "E-PER", "O", "S-LOC"], "bioes"),
        (["B-PER", "M-PER", "E-PER", "O", "S-LOC"], "bmes"),
    ],
)
def test_conll_schemes_are_detected(project: Project, tmp_path: Path, tags: list[str], scheme: str) -> None:
    path = conll(tmp_path / "x.conll", [list(zip("裴青山访华", tags, strict=True))])
    report = project.importer.import_file(path)
    assert report.imported == 1, report.error
    assert [e for _, e in spans_of(project)] == [Entity(0, 3, "PER"), Entity(4, 5, "LOC")]
    assert project.documents.all()[0].meta["scheme"] == scheme


def test_conll_grouping(project: Project, tmp_path: Path) -> None:
    sentences = [PEI, [("北", "B-LOC"), ("京", "I-LOC")], [("好", "O")]]
    path = conll(tmp_path / "x.bio", sentences)
    project.importer.import_file(path, sentences_per_document=2)
    assert texts(project) == ["裴青山访华\n北京", "好"]
    assert [e for _, e in spans_of(project)] == [
        Entity(0, 3, "PER"),
        Entity(4, 5, "LOC"),
        Entity(6, 8, "LOC"),
    ]


def test_conll_docstart_groups_documents(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "x.conll"
    path.write_text("-DOCSTART-\tO\n\n甲\tO\n\n乙\tB-PER\n\n-DOCSTART-\tO\n\n丙\tO\n\n", encoding="utf-8")
    project.importer.import_file(path)
    assert texts(project) == ["甲\n乙", "丙"]
    project.importer.import_file(
        conll(tmp_path / "y.conll", [[("丁", "O")], [("戊", "O")]]), grouping=Grouping.SENTENCE
    )
    assert texts(project)[-2:] == ["丁", "戊"]


def test_conll_stray_inside_tag_repaired_with_warning_or_rejected(project: Project, tmp_path: Path) -> None:
    path = conll(tmp_path / "x.bio", [[("好", "O"), ("北", "I-LOC"), ("京", "I-LOC")]])
    before = snapshot(project)
    strict = project.importer.import_file(path, policy=IPolicy.REJECT)
    assert strict.failed and strict.error is not None and strict.error.line == 2
    assert snapshot(project) == before
    lenient = project.importer.import_file(path)
    assert [e for _, e in spans_of(project)] == [Entity(1, 3, "LOC")]
    assert "line 2" in lenient.warnings[0]


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("京", "has 1 column(s) where the rows before it have 2"),
        ("京\t", "has 1 column(s) where the rows before it have 2"),
        ("京\tX-LOC", "is not a tag"),
        ("京\tM-LOC", "mixes tag schemes"),
    ],
)
def test_malformed_conll_names_file_and_line(
    project: Project, tmp_path: Path, bad_line: str, message: str
) -> None:
    project.importer.import_file(seed_paths()[2])
    before = snapshot(project)
    path = tmp_path / "bad.conll"
    path.write_text("北\tB-LOC\n京\tI-LOC\n\n上\tB-LOC\n" + bad_line + "\n\n", encoding="utf-8")
    report = project.importer.import_file(path, Format.CONLL)
    assert report.failed and report.error is not None
    assert report.error.line == 5 and message in str(report.error), report.error
    assert snapshot(project) == before


def test_conll_in_gbk(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "gbk.bio"
    path.write_bytes("北\tB-LOC\n京\tI-LOC\n\n".encode("gbk"))
    report = project.importer.import_file(path)
    assert report.imported == 1 and project.documents.all()[0].meta["encoding"] == "gb18030"


@pytest.mark.shared_data
def test_msra_test_split_imports_with_every_entity_intact(sqlite_project: Project) -> None:
    path = SHARED_DATA / "msra" / "test.bio"
    if not path.exists():
        pytest.skip(f"{path} is absent (benchmark data lives in ../shared/data)")
    report = sqlite_project.importer.import_file(path, sentences_per_document=20)
    assert not report.failed and report.skipped == 0
    # every B- tag in the file is one entity, with its characters and label
    expected: list[tuple[str, str]] = []
    current: list[str] = []
    label = ""
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        tag = line.split("\t")[1] if "\t" in line else "O"
        if current and not tag.startswith("I-"):
            expected.append(("".join(current), label))
            current = []
        if tag.startswith("B-"):
            current, label = [line[0]], tag[2:]
        elif tag.startswith("I-"):
            current.append(line[0])
    got = [(body[e.start : e.end], e.label) for body, e in spans_of(sqlite_project)]
    assert len(got) == 6190 and got == expected


def test_a_value_the_database_refuses_fails_that_file_only(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A value no reader check foresaw, refused by the database (PostgreSQL's json type refuses what SQLite
    takes): the file fails with the driver's words, rolled back; the command goes on (it was a crash)."""
    project.importer.import_file(seed_paths()[0])
    before = snapshot(project)
    real = storage.import_sink.Sink.flush

    def refused(self: storage.import_sink.Sink, batch: list[object]) -> None:
        real(self, batch)  # type: ignore[arg-type]
        raise DataError("INSERT …", {}, Exception("invalid input syntax for type json\nDETAIL: …"))

    monkeypatch.setattr(storage.import_sink.Sink, "flush", refused)
    path = tmp_path / "odd.jsonl"
    path.write_text('{"text": "北京欢迎你"}\n', encoding="utf-8")
    report = project.importer.import_file(path)
    assert report.failed and str(report.error) == (
        f"{path}: could not be stored: the database refused a value (invalid input syntax for type json)"
    )
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("fmt", "names"),
    [
        (Format.WEBANNO, ["a.tsv"]),
        (Format.YEDDA, ["b.txt.ann", "c.ann"]),
        (Format.CONLL, ["a.tsv", "d.bio", "e.txt"]),
        (Format.BRAT, ["b.txt.ann", "c.ann"]),
    ],
)
def test_a_folder_read_in_one_format_takes_the_suffixes_its_files_come_in(
    tmp_path: Path, fmt: Format, names: list[str]
) -> None:
    for name in ("a.tsv", "b.txt", "b.txt.ann", "c.ann", "d.bio", "e.txt", "f.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path], fmt)] == names


def test_a_file_named_with_an_unknown_suffix_is_read_by_content_or_refused_by_name(
    project: Project, tmp_path: Path
) -> None:
    """A file named itself is never passed over for its suffix (a folder's may be, said in a note): read by
    its content, or refused naming it."""
    record = json.dumps({"text": "张三在北京。", "label": [[0, 2, "PER"], [3, 5, "LOC"]]}, ensure_ascii=False)
    named = [tmp_path / n for n in ("news.dat", "export.tsv2", "noext")]
    for path in named:
        path.write_text(record + "\n", encoding="utf-8")
    binary = tmp_path / "blob.dat"
    binary.write_bytes(bytes(range(256)) * 4)
    assert expand_paths([*named, binary], Format.AUTO) == [*named, binary]
    assert expand_paths([tmp_path], Format.AUTO) == []  # inside a folder: passed over (and said)
    reports = [project.importer.import_file(p) for p in named]
    assert [(r.format, r.imported, r.spans) for r in reports] == [
        ("jsonl", 1, 2),
        ("jsonl", 0, 0),
        ("jsonl", 0, 0),
    ]
    before = snapshot(project)
    report = project.importer.import_file(binary)
    assert report.failed and str(report.error).startswith(f"{binary}: ")
    assert snapshot(project) == before
