"""spaCy's ``.iob`` input (one sentence a line, tokens ``word|TAG`` or ``word|POS|TAG``), which
``spacy convert`` reads: imported with its spans, Chinese characters joined without a space. Before, a
``.iob`` was refused at its first line as CoNLL, and the same file named ``.txt`` was imported as one
article holding the pipes and the tags, without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.formats.detect import Format
from storage.formats.options import Grouping, Join
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import spans_of, texts
from tests.storage.test_import_tables import write

CHINESE = "李|B-PER 强|I-PER 在|O 北|B-LOC 京|I-LOC\n王|B-PER 毅|I-PER 来|O 了|O\n"


def read(project: Project) -> list[tuple[str, str]]:
    return [(text[e.start : e.end], e.label) for text, e in spans_of(project)]


@pytest.mark.parametrize("name", ["zh.iob", "zh.txt"])
def test_chinese_iob_is_read_one_document_a_line_characters_joined_without_a_space(
    project: Project, tmp_path: Path, name: str
) -> None:
    report = project.importer.import_file(write(tmp_path / name, CHINESE))
    assert report.error is None and report.format == "iob", report
    assert texts(project) == ["李强在北京", "王毅来了"]
    assert read(project) == [("李强", "PER"), ("北京", "LOC"), ("王毅", "PER")]


def test_spacys_examples_with_pos_latin_words_joined_with_a_space(project: Project, tmp_path: Path) -> None:
    body = (
        "I|PRP|O like|VBP|O London|NNP|I-GPE and|CC|O New|NNP|B-GPE York|NNP|I-GPE City|NNP|I-GPE .|.|O\n"
        "I|O like|O Paris|B-GPE\n"  # spaCy reads each line by its own first token
    )
    report = project.importer.import_file(write(tmp_path / "en.iob", body))
    assert report.error is None and report.format == "iob", report
    assert "word|TAG or word|POS|TAG" in str(report.variant)
    assert texts(project) == ["I like London and New York City .", "I like Paris"]
    assert read(project) == [("London", "GPE"), ("New York City", "GPE"), ("Paris", "GPE")]
    assert any("inside tag(s) with no entity to continue" in str(w) for w in report.warnings)  # IOB1


def test_biluo_tags_and_grouping(project: Project, tmp_path: Path) -> None:
    body = "-DOCSTART-|-X-|O\n王|U-PER 来|O 了|O\n上|B-LOC 海|L-LOC\n-DOCSTART-|-X-|O\n好|O\n"
    report = project.importer.import_file(write(tmp_path / "b.iob", body))
    assert report.error is None and report.scheme == "bioes", report
    assert texts(project) == ["王来了\n上海", "好"]
    assert read(project) == [("王", "PER"), ("上海", "LOC")]


def test_join_space_gives_spacys_text(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "zh.iob", CHINESE)
    report = project.importer.import_file(path, join=Join.SPACE, grouping=Grouping.SENTENCE)
    assert report.error is None, report
    assert texts(project) == ["李 强 在 北 京", "王 毅 来 了"]
    assert read(project)[1] == ("北 京", "LOC")


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("李|B-PER 强|I-PER\n王|B-PER 毅|NR|I-PER\n", 2, "'毅|NR|I-PER' is not a token of spaCy's .iob"),
        ("李|B-PER 强|I-PER\n王|B-PER 毅\n", 2, "'毅' is not a token"),
        ("李|B-PER 强|I-PER\n王|B-PER 毅|X\n", 2, "'毅|X' is not a token"),
        ("王|B-PER 毅|M-PER\n李|B-PER 强|I-PER\n", 2, "I- tags (BIO/BIOES, first at line 2) and M- tags"),
        # refused at the first I- line, a line before any M-, as 'not of the BMES scheme' naming no M-
        (
            "李|B-PER 强|I-PER\n在|O\n王|B-PER 毅|M-PER 华|E-PER\n",
            3,
            "mixes tag schemes: I- tags (BIO/BIOES, first at line 1) and M- tags (BMES, first at line 3)",
        ),
    ],
)
def test_a_bad_token_is_refused_by_its_line(
    project: Project, tmp_path: Path, body: str, line: int, words: str
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "bad.iob", body), Format.IOB)
    assert report.error is not None and report.error.line == line, report
    assert words in str(report.error)
    assert snapshot(project) == before


def test_untyped_tags_are_refused_naming_the_iob_shape(project: Project, tmp_path: Path) -> None:
    """Tags without a type (``李|B``) were refused as CoNLL ("'强|I' is not a tag"), naming no .iob."""
    report = project.importer.import_file(write(tmp_path / "u.iob", "李|B 强|I 在|O\n"))
    assert report.error is not None and report.error.line == 1, report
    assert "'李|B' is not a token of spaCy's .iob format" in str(report.error)


def test_a_byte_order_mark_starting_a_later_line_is_said_once(project: Project, tmp_path: Path) -> None:
    report = project.importer.import_file(
        write(tmp_path / "two.iob", "\ufeff李|B-PER\n\ufeff王|B-PER 毅|I-PER\n")
    )
    assert report.error is None, report
    assert texts(project) == ["李", "王毅"]
    said = [str(n) for n in report.notes if "byte-order mark" in str(n)]
    assert said == ["a byte-order mark at line 2 was read as the start of a second file"], report.notes
