"""Writers against readers, without a database: what each format carries back exactly.

- JSONL and brat: text and every span, exactly, for any text.
- Character CoNLL: exactly when no character is blank and sentences are lines (LINES mode, -DOCSTART-
  between documents); otherwise the written characters and every entity over them (``projection``).
- Word CoNLL: the same, over jieba words cut at entity boundaries.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.sentences import SentenceMode
from model.spans import Entity
from model.tagging import Scheme
from storage.export_types import ExportDocument, ExportOptionError, SkipReason
from storage.formats import ImportFormatError, ParsedDocument
from storage.formats.brat import BratWriter, read_brat
from storage.formats.conll import Grouping, read_conll
from storage.formats.conll_writer import (
    ConllOptions,
    ConllWriter,
    DocSeparator,
    Level,
    WhitespacePolicy,
    is_blank,
)
from storage.formats.jsonl import read_jsonl
from storage.formats.jsonl_writer import JsonlWriter

CJK = "中国北京上海新华社记者李强习近平联合国外交部长"
FULL_WIDTH = "，。！？；：“”「」（）《》、…０１２ＡＢＣ"
ASTRAL = "𠮷𩸽😀𝔘"
ASCII = "abcXYZ019-_#&."
BLANKS = " \u3000\t\n\u00a0\u2028"
LABELS = st.sampled_from(["PER", "LOC", "ORG", "MISC", "GPE"])
FAST = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)


@st.composite
def documents(draw: st.DrawFn, alphabet: str, min_docs: int = 1) -> list[ExportDocument]:
    docs = []
    for i in range(draw(st.integers(min_docs, 4))):
        text = draw(st.text(alphabet=alphabet, min_size=1, max_size=50).filter(lambda t: t.strip()))
        points = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
        entities = [Entity(a, b, draw(LABELS)) for a, b in zip(points[::2], points[1::2], strict=False)]
        docs.append(ExportDocument(i + 1, f"doc {i}", text, entities))
    return docs


def write(writer: ConllWriter | JsonlWriter | BratWriter, docs: list[ExportDocument]) -> None:
    for doc in docs:
        writer.write(doc)
    writer.close()


def as_pairs(parsed: list[ParsedDocument]) -> list[tuple[str, list[Entity]]]:
    return [(d.text, sorted(d.entities, key=lambda e: e.start)) for d in parsed]


def originals(docs: list[ExportDocument]) -> list[tuple[str, list[Entity]]]:
    return [(d.text, list(d.entities)) for d in docs]


# -- exact formats ------------------------------------------------------------------------------------


@FAST
@given(documents(CJK + FULL_WIDTH + ASTRAL + ASCII + BLANKS))
def test_jsonl_round_trips_text_and_spans_exactly(
    tmp_path_factory: pytest.TempPathFactory, docs: list[ExportDocument]
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "out.jsonl"
    write(JsonlWriter(path), docs)
    assert as_pairs(list(read_jsonl(path))) == originals(docs)


@FAST
@given(documents(CJK + FULL_WIDTH + ASTRAL + ASCII + BLANKS))
def test_brat_round_trips_text_and_spans_exactly(
    tmp_path_factory: pytest.TempPathFactory, docs: list[ExportDocument]
) -> None:
    # brat cannot show an entity that starts or ends on a line break: such entities are trimmed (documented)
    docs = [
        ExportDocument(
            d.id, d.title, d.text, [e for e in d.entities if "\n" not in (d.text[e.start], d.text[e.end - 1])]
        )
        for d in docs
    ]
    folder = tmp_path_factory.mktemp("brat")
    write(BratWriter(folder), docs)
    parsed = [doc for ann in sorted(folder.glob("*.ann")) for doc in read_brat(ann, [])]
    assert as_pairs(parsed) == originals(docs)


def test_jsonl_is_doccano_shaped(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    entities = [Entity(0, 2, "PER"), Entity(3, 5, "LOC")]
    write(JsonlWriter(path), [ExportDocument(7, "标题", "李强在北京", entities)])
    line = path.read_text(encoding="utf-8")
    assert json.loads(line) == {
        "text": "李强在北京",
        "label": [[0, 2, "PER"], [3, 5, "LOC"]],
        "title": "标题",
    }
    assert "李强" in line  # not \u-escaped


def test_brat_files_look_like_brat(tmp_path: Path) -> None:
    text = "李强\n总理在北京"
    write(BratWriter(tmp_path), [ExportDocument(3, "t", text, [Entity(0, 4, "PER"), Entity(6, 8, "LOC")])])
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == text  # named by the title
    assert (tmp_path / "t.ann").read_text(encoding="utf-8") == (
        "T1\tPER 0 2;3 4\t李强 总\nT2\tLOC 6 8\t北京\n"
    )
    assert (tmp_path / "annotation.conf").read_text(encoding="utf-8").startswith("[entities]\nLOC\nPER\n\n")


# -- character CoNLL ----------------------------------------------------------------------------------

EXACT = ConllOptions(sentences=SentenceMode.LINES, doc_separator=DocSeparator.DOCSTART)


def without_line_break_entities(docs: list[ExportDocument]) -> list[ExportDocument]:
    """The exact CoNLL case: no entity covers a line break (the break is blank, so it would be skipped)."""
    return [
        ExportDocument(d.id, d.title, d.text, [e for e in d.entities if "\n" not in d.text[e.start : e.end]])
        for d in docs
    ]


def lines_without_empties(text: str) -> bool:
    return "\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")


@FAST
@given(
    documents(CJK + FULL_WIDTH + ASTRAL + ASCII + "\n").filter(
        lambda docs: all(lines_without_empties(d.text) for d in docs)
    ),
    st.sampled_from(list(Scheme)),
)
def test_char_conll_round_trips_exactly_without_blanks(
    tmp_path_factory: pytest.TempPathFactory, docs: list[ExportDocument], scheme: Scheme
) -> None:
    # the exact case: no blank character, and no entity across a line break (the break would be skipped)
    docs = without_line_break_entities(docs)
    path = tmp_path_factory.mktemp("conll") / "out.conll"
    write(ConllWriter(path, ConllOptions(scheme=scheme, sentences=SentenceMode.LINES)), docs)
    assert as_pairs(list(read_conll(path, Grouping.DOCSTART))) == originals(docs)


def projection(text: str, entities: list[Entity]) -> tuple[str, list[tuple[str, str]]]:
    """The non-blank characters of a text, and each entity as the non-blank characters it covers."""
    kept = "".join(c for c in text if not is_blank(c))
    surfaces = [("".join(c for c in text[e.start : e.end] if not is_blank(c)), e.label) for e in entities]
    return kept, [s for s in surfaces if s[0]]


@FAST
@given(
    documents(CJK + FULL_WIDTH + ASTRAL + ASCII + BLANKS),
    st.sampled_from(list(Scheme)),
    st.sampled_from(list(SentenceMode)),
    st.sampled_from([Level.CHAR, Level.WORD]),
)
def test_conll_keeps_every_written_character_and_entity(
    tmp_path_factory: pytest.TempPathFactory,
    docs: list[ExportDocument],
    scheme: Scheme,
    mode: SentenceMode,
    level: Level,
) -> None:
    path = tmp_path_factory.mktemp("conll") / "out.conll"
    write(ConllWriter(path, ConllOptions(level=level, scheme=scheme, sentences=mode)), docs)
    back = list(read_conll(path, Grouping.DOCSTART))
    expected = [projection(d.text, list(d.entities)) for d in docs]
    expected_docs = [e for e in expected if e[0]]
    assert [projection(d.text, sorted(d.entities, key=lambda e: e.start)) for d in back] == expected_docs
    for line in path.read_text(encoding="utf-8").split("\n"):  # every line is blank or token<TAB>tag
        assert line == "" or (line.count("\t") == 1 and all(not is_blank(c) for c in line.split("\t")[0]))


@FAST
@given(
    documents(CJK + ASTRAL + " \u3000\u00a0\n").filter(
        lambda docs: all(lines_without_empties(d.text) for d in docs)
    )
)
def test_placeholder_policy_keeps_offsets(
    tmp_path_factory: pytest.TempPathFactory, docs: list[ExportDocument]
) -> None:
    path = tmp_path_factory.mktemp("conll") / "out.conll"
    options = ConllOptions(sentences=SentenceMode.LINES, whitespace=WhitespacePolicy.PLACEHOLDER)
    docs = without_line_break_entities(docs)
    write(ConllWriter(path, options), docs)
    back = list(read_conll(path, Grouping.DOCSTART))
    spaced = [
        ("".join("␣" if is_blank(c) and c != "\n" else c for c in d.text), list(d.entities)) for d in docs
    ]
    assert as_pairs(back) == spaced


def test_msra_style_layout_bio(tmp_path: Path) -> None:
    path = tmp_path / "out.bio"
    options = ConllOptions(sentences=SentenceMode.LINES, doc_separator=DocSeparator.NONE)
    write(
        ConllWriter(path, options),
        [
            ExportDocument(1, "", "李强访华\n好", [Entity(0, 2, "PER"), Entity(3, 4, "LOC")]),
            ExportDocument(2, "", "北京。", [Entity(0, 2, "LOC")]),
        ],
    )
    assert path.read_text(encoding="utf-8") == (
        "李\tB-PER\n强\tI-PER\n访\tO\n华\tB-LOC\n\n好\tO\n\n北\tB-LOC\n京\tI-LOC\n。\tO\n\n"
    )


@pytest.mark.parametrize(
    ("scheme", "tags"),
    [
        (Scheme.BIOES, ["B-ORG", "I-ORG", "E-ORG", "S-LOC"]),
        (Scheme.BMES, ["B-ORG", "M-ORG", "E-ORG", "S-LOC"]),
    ],
)
def test_schemes(tmp_path: Path, scheme: Scheme, tags: list[str]) -> None:
    path = tmp_path / "out"
    write(
        ConllWriter(path, ConllOptions(scheme=scheme, separator=" ", doc_separator=DocSeparator.NONE)),
        [ExportDocument(1, "", "新华社京", [Entity(0, 3, "ORG"), Entity(3, 4, "LOC")])],
    )
    assert path.read_text(encoding="utf-8").split("\n")[:4] == [
        f"{c} {t}" for c, t in zip("新华社京", tags, strict=True)
    ]


def test_blank_separator_between_documents_and_docstart(tmp_path: Path) -> None:
    docs = [ExportDocument(1, "", "甲", []), ExportDocument(2, "", "乙", [])]
    blank, docstart = tmp_path / "blank", tmp_path / "docstart"
    write(ConllWriter(blank, ConllOptions(doc_separator=DocSeparator.BLANK)), docs)
    write(ConllWriter(docstart, ConllOptions()), docs)
    assert blank.read_text(encoding="utf-8") == "甲\tO\n\n\n乙\tO\n\n"
    assert docstart.read_text(encoding="utf-8") == "-DOCSTART-\tO\n\n甲\tO\n\n-DOCSTART-\tO\n\n乙\tO\n\n"


def test_whitespace_only_entity_is_reported_not_written(tmp_path: Path) -> None:
    writer = ConllWriter(tmp_path / "out", ConllOptions())
    result = writer.write(ExportDocument(1, "", "李 强\u3000在", [Entity(0, 3, "PER"), Entity(3, 4, "X")]))
    writer.close()
    assert result.skipped == [(SkipReason.WHITESPACE_ONLY, Entity(3, 4, "X"))]
    assert (tmp_path / "out").read_text(encoding="utf-8").endswith("李\tB-PER\n强\tI-PER\n在\tO\n\n")


def test_entity_across_sentences_keeps_them_together(tmp_path: Path) -> None:
    writer = ConllWriter(tmp_path / "out", ConllOptions(doc_separator=DocSeparator.NONE))
    result = writer.write(ExportDocument(1, "", "甲。乙。丙。", [Entity(1, 3, "X")]))
    writer.close()
    assert result.sentences == 2
    assert (tmp_path / "out").read_text(encoding="utf-8") == (
        "甲\tO\n。\tB-X\n乙\tI-X\n。\tO\n\n丙\tO\n。\tO\n\n"
    )


def test_word_level_splits_words_at_entity_boundaries(tmp_path: Path) -> None:
    writer = ConllWriter(tmp_path / "out", ConllOptions(level=Level.WORD, doc_separator=DocSeparator.NONE))
    writer.write(ExportDocument(1, "", "中华人民共和国成立了", [Entity(2, 4, "X")]))
    writer.close()
    lines = (tmp_path / "out").read_text(encoding="utf-8").split("\n")
    assert "人民\tB-X" in lines
    assert "".join(line.split("\t")[0] for line in lines if line) == "中华人民共和国成立了"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (ConllOptions(separator=""), "separator"),
        (ConllOptions(separator="\n"), "separator"),
        (ConllOptions(whitespace=WhitespacePolicy.PLACEHOLDER, placeholder=" "), "placeholder"),
        (ConllOptions(whitespace=WhitespacePolicy.PLACEHOLDER, placeholder="a\tb"), "placeholder"),
    ],
)
def test_bad_conll_options_are_refused(tmp_path: Path, options: ConllOptions, message: str) -> None:
    with pytest.raises(ExportOptionError, match=message):
        ConllWriter(tmp_path / "out", options)
    assert not list(tmp_path.iterdir())


def test_a_label_with_a_space_cannot_be_a_tag(tmp_path: Path) -> None:
    writer = ConllWriter(tmp_path / "out", ConllOptions())
    with pytest.raises(ExportOptionError, match="'NEW LABEL'"):
        writer.write(ExportDocument(1, "", "甲乙", [Entity(0, 1, "NEW LABEL")]))
    writer.abort()
    assert not list(tmp_path.iterdir())  # not even the .part file


# -- brat reader ----------------------------------------------------------------------------------------


def brat_pair(folder: Path, text: str, ann: str) -> Path:
    (folder / "a.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "a.ann").write_text(ann, encoding="utf-8")
    return folder / "a.ann"


def test_brat_reader_ignores_relations_and_maps_crlf(tmp_path: Path) -> None:
    ann = brat_pair(
        tmp_path, "李强\r\n在北京", "T1\tPER 0 2\t李强\nT2\tLOC 5 7\t北京\nR1\tIn Arg1:T1 Arg2:T2\n#1\tNote\n"
    )
    warnings: list[str] = []
    (doc,) = read_brat(ann, warnings)
    assert doc.text == "李强\n在北京"
    assert doc.entities == [Entity(0, 2, "PER"), Entity(4, 6, "LOC")]
    assert "2 line(s) that are not entities" in warnings[0]


@pytest.mark.parametrize(
    ("ann", "message", "line"),
    [
        ("T1\tPER 0 2\t李强\nT2\tLOC 4 9\t北京\n", "out of range", 2),
        ("T1\tPER 0 2\t强在\n", "the file says '强在'", 1),
        ("T1\tPER zero 2\t李强\n", "bad offsets", 1),
        ("T1 PER 0 2\n", "expected", 1),
        (
            "T1\tPER 0 2\t李强\nR1\tx Arg1:T1 Arg2:T1\nT1\tLOC 3 5\t北京\n",
            r"the id T1 is given twice \(first on line 1\)",
            3,
        ),
    ],
)
def test_brat_reader_refuses_bad_annotations_naming_the_line(
    tmp_path: Path, ann: str, message: str, line: int
) -> None:
    path = brat_pair(tmp_path, "李强在北京", ann)
    with pytest.raises(ImportFormatError, match=message) as info:
        list(read_brat(path, []))
    assert info.value.line == line and info.value.path == str(path)


def test_brat_reader_needs_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("李强", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"no annotation file a\.ann"):
        list(read_brat(tmp_path / "a.txt", []))


@pytest.mark.parametrize("level", [Level.CHAR, Level.WORD])
def test_a_document_of_hash_signs_comes_back(tmp_path: Path, level: Level) -> None:
    # found by hypothesis: a "#" row is a token, not a CoNLL-U comment, even when it is the first row
    path = tmp_path / "out.conll"
    docs = [ExportDocument(1, "doc", "#", [Entity(0, 1, "MISC")]), ExportDocument(2, "doc", "# #", [])]
    write(ConllWriter(path, ConllOptions(level=level)), docs)
    back = list(read_conll(path, Grouping.DOCSTART))
    assert [projection(d.text, list(d.entities)) for d in back] == [("#", [("#", "MISC")]), ("##", [])]


def test_conllu_comments_are_still_comments(tmp_path: Path) -> None:
    path = tmp_path / "in.conll"
    path.write_text("# sent_id = 1\n# text = 北京\n北\tB-LOC\n京\tI-LOC\n", encoding="utf-8")
    [doc] = list(read_conll(path, Grouping.DOCSTART))
    assert doc.text == "北京" and [(e.start, e.end, e.label) for e in doc.entities] == [(0, 2, "LOC")]
