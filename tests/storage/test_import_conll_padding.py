"""A tab-separated CoNLL row whose token has spaces at its edge (``EU \\tB-ORG``, a column padded for the
eye): the spaces were read as text and the span covered them (``'EU '``), without a word. Refused by line;
a token that is only a space (a space character of a character-level file) stays a token."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import spans_of, texts
from tests.storage.test_import_tables import write


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("EU \tB-ORG\nrejects\tO\nGerman\tB-MISC\n", 1),
        ("李\tB-PER\n 强\tI-PER\n在\tO\n", 2),
        ("EU\tNNP\tB-ORG\nrejects  \tVBZ\tO\n", 2),
    ],
)
def test_a_token_padded_with_spaces_is_refused_by_line(
    project: Project, tmp_path: Path, body: str, line: int
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "t.conll", body))
    assert report.error is not None and report.error.line == line, report
    assert "has a token with whitespace at its edge" in str(report.error)
    assert snapshot(project) == before


def test_a_token_that_is_a_space_is_still_read(sqlite_project: Project, tmp_path: Path) -> None:
    body = "A\tB-ORG\np\tI-ORG\np\tI-ORG\n \tO\n北\tB-LOC\n京\tI-LOC\n"
    report = sqlite_project.importer.import_file(write(tmp_path / "t.conll", body))
    assert report.error is None, report
    assert texts(sqlite_project) == ["App 北京"]
    assert [(t[e.start : e.end], e.label) for t, e in spans_of(sqlite_project)] == [
        ("App", "ORG"),
        ("北京", "LOC"),
    ]
