"""IOB1, the tagging of the original CoNLL-2003 files (an I- tag starts an entity, B- only parts two
adjacent entities of one type): read as conlleval reads it, said in a note rather than warned about as
inside tags continuing nothing, which an IOB2 file with a stray I- still is."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.project import Project
from tests.storage.test_import import spans_of
from tests.storage.test_import_tables import write

IOB1 = (
    "-DOCSTART- -X- O O\n\n"
    "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n\n"
    "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n"
    "Germany NNP I-NP I-LOC\nFrance NNP I-NP B-LOC\nmet VBD I-VP O\n"
)


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        ("eng.train", IOB1, [("Peter Blackburn", "PER"), ("Germany", "LOC"), ("France", "LOC")]),
        ("i.iob", "EU|I-ORG rejects|O\nA|I-X B|B-X\n", [("EU", "ORG"), ("A", "X"), ("B", "X")]),
    ],
)
def test_iob1_as_the_original_conll_2003_files_tag_is_said_in_a_note_not_warned(
    sqlite_project: Project, tmp_path: Path, name: str, body: str, expected: list[tuple[str, str]]
) -> None:
    """The original CoNLL-2003 files are IOB1 (I- starts an entity, B- only parts two adjacent ones of one
    type): every entity of them was warned about as "inside tag(s) with no entity to continue", as if the
    file were damaged; read the same, now said in a note."""
    report = sqlite_project.importer.import_file(write(tmp_path / name, body))
    assert report.error is None, report
    assert not [w for w in report.warnings if "no entity to continue" in str(w)], report.warnings
    assert any(str(n).startswith("the tags are IOB1") for n in report.notes), report.notes
    spans = [(t[e.start : e.end], e.label) for t, e in spans_of(sqlite_project)]
    assert all(span in spans for span in expected), spans


def test_an_iob2_file_with_a_stray_inside_tag_is_still_warned(
    sqlite_project: Project, tmp_path: Path
) -> None:
    body = "EU B-ORG\nrejects O\nGerman I-MISC\ncall O\n"
    report = sqlite_project.importer.import_file(write(tmp_path / "t.conll", body))
    assert report.error is None, report
    assert any("no entity to continue" in str(w) for w in report.warnings), report.warnings
    assert not any("IOB1" in str(n) for n in report.notes)
