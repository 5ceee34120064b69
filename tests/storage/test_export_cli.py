"""``newstag export`` as a user types it (in-process: the parser, the handler, the summary, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.cli import main


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    source = tmp_path / "in.jsonl"
    rows = [
        {"text": "李强在北京会见古特雷斯。", "label": [[0, 2, "PER"], [3, 5, "GPE"], [7, 11, "PER"]]},
        {"text": "《人民日报》报道。", "label": [[0, 6, "MISC"]]},
        {"text": "没有实体的句子。", "label": []},
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["import", str(source), "--db", url, "--quiet"]) == 0
    return url


def test_export_conll_with_mapping_and_summary(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    out = tmp_path / "out.bioes"
    code = main(
        [
            "export",
            "--db",
            db,
            "--out",
            str(out),
            "--scheme",
            "bioes",
            "--map",
            "GPE=LOC",
            "--map",
            "MISC=",
            "--doc-separator",
            "none",
            "--quiet",
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("李\tB-PER\n强\tE-PER\n在\tO\n北\tB-LOC\n京\tE-LOC\n")
    assert "documents: 1\n" in printed  # the MISC-only document and the empty one have no label left
    assert "entities: LOC 1, PER 2" in printed
    assert "skipped 2 document(s) without labels" in printed
    assert f"wrote {out}" in printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layer", "annotator", "--annotator", "nobody"], "unknown annotator 'nobody'"),
        (["--map", "FAC=LOC"], "unknown label(s) in the mapping: FAC"),
        (["--map", "GPE"], "expected OLD=NEW"),
        (["--split", "0.7,0.2,0.2"], "must sum to 1"),
        (["--state", "finished", "--annotator", "x"], "unknown state"),
        (["--separator", "\n"], "separator"),
        # a lead's gold-else-annotator export of finished documents was refused without the option to use
        (
            ["--layer", "gold-else-annotator", "--only-done"],
            "document states): name them with --annotator NAME",
        ),
        (["--layer", "annotator"], "an annotator is needed for this export"),
    ],
)
def test_bad_options_exit_2_with_a_message(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main(["export", "--db", db, "--out", str(tmp_path / "x" / "out.bio"), "--quiet", *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_brat_refuses_a_label_with_whitespace_before_writing_anything(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brat"
    code = main(["export", "--db", db, "--format", "brat", "--out", str(out), "--map", "PER=PERSON NAME"])
    assert code == 2
    assert "'PERSON NAME' contains whitespace" in capsys.readouterr().err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".brat")]


def test_a_state_filter_says_how_many_documents_it_left_out(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--only-done said "documents: 1" and nothing of the two alice had not marked done, which a lead took for
    the whole project; the summary now says what the filter left out."""
    from model.commands import Context, SetDocumentState
    from model.spans import DocState
    from storage.project import Project

    with Project.open(db) as project:
        first, second, _ = project.documents.ids()
        alice = project.annotator("alice").id
        SetDocumentState(Context(first, alice), DocState.DONE, DocState.NEW).do(project.annotations)
        SetDocumentState(Context(second, alice), DocState.IN_PROGRESS, DocState.NEW).do(project.annotations)
    capsys.readouterr()
    common = ["export", "--db", db, "--annotator", "alice", "--as", "alice", "--quiet"]
    assert main([*common, "--out", str(tmp_path / "done.bio"), "--only-done"]) == 0
    printed = capsys.readouterr().out
    assert "documents: 1\n" in printed and "left out: 2 document(s) not marked done\n" in printed, printed
    assert main([*common, "--out", str(tmp_path / "two.bio"), "--state", "done,in_progress"]) == 0
    printed = capsys.readouterr().out
    assert "documents: 2\n" in printed, printed
    assert "left out: 1 document(s) in none of the states in progress, done\n" in printed, printed
    assert main([*common, "--out", str(tmp_path / "all.bio")]) == 0  # no filter, nothing left out by one
    assert "left out" not in capsys.readouterr().out
