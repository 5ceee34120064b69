"""What the fuzz harness (``test_import_fuzz.py``) found, each pinned by the smallest file that shows it: a
file that crashed the import, hung it, read it as other text, or was refused without naming its line."""

from __future__ import annotations

import json
from pathlib import Path

from storage.project import Project
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
