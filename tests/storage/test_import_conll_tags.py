"""Tags that break their scheme, read by default as conlleval reads them, are said: an inside tag that
continues nothing, and a BIOES/BMES entity that no E- tag closes (Resume NER's BMES, a BIOES export)."""

from __future__ import annotations

from pathlib import Path

from storage.project import Project
from tests.storage.test_import_formats import ok, surfaces, write


def test_an_entity_no_end_tag_closes_is_read_with_a_warning(project: Project, tmp_path: Path) -> None:
    rows = "高 B-NAME\n勇 E-NAME\n北 B-LOC\n京 B-LOC\n\n中 B-ORG\n共 M-ORG\n\n"  # 北, 京, 中共: never closed
    report = ok(project.importer.import_file(write(tmp_path / "resume.char.bmes", rows)))
    assert surfaces(project) == [("高勇", "NAME"), ("北", "LOC"), ("京", "LOC"), ("中共", "ORG")]
    assert report.warnings == [
        "3 BMES entity(ies) that no E- tag closes were read as ending at their last tag "
        "(first at line 3; --strict-tags refuses them)"
    ]


def test_a_well_formed_bmes_file_has_no_warning(project: Project, tmp_path: Path) -> None:
    rows = "高 B-NAME\n勇 E-NAME\n汉 S-RACE\n中 B-ORG\n共 M-ORG\n党 E-ORG\n\n"
    report = ok(project.importer.import_file(write(tmp_path / "ok.bmes", rows)))
    assert report.warnings == [] and surfaces(project) == [
        ("高勇", "NAME"),
        ("汉", "RACE"),
        ("中共党", "ORG"),
    ]


def test_conllu_with_its_tags_in_the_misc_column_joins_words_as_other_conll(
    project: Project, tmp_path: Path
) -> None:
    """Ten columns whose last holds the tags: no MISC, so no SpaceAfter=No; Chinese words are not spaced."""
    rows = [
        ("1", "张三", "B-PER"),
        ("2", "在", "O"),
        ("3", "New", "B-LOC"),
        ("4", "York", "I-LOC"),
        ("5", "工作", "O"),
    ]
    body = "# text = 张三在New York工作\n" + "".join(
        f"{n}\t{form}\t{form}\tX\tX\t_\t0\tdep\t_\t{tag}\n" for n, form, tag in rows
    )
    ok(project.importer.import_file(write(tmp_path / "ner.conllu", body + "\n")))
    assert [doc.text for doc in project.documents.all()] == [
        "张三在New York工作"
    ]  # was "张三 在 New York 工作"
    assert surfaces(project) == [("张三", "PER"), ("New York", "LOC")]
