"""Where a command's output goes on a real user's disk: a symbolic link at the target, a hard link to a file
the command reads, ``--out .`` or the home folder, a link planted where a writer writes. Each is refused with
a message naming the path, or handled without touching a file newstag did not create."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gui.cli import main
from storage.export import ExportOptionError, ExportTargetExists
from storage.export_types import OutputFile
from storage.project import Project
from tests.storage.test_export_output import BRAT, contents, corpus, leftovers


def test_a_hard_link_to_a_file_a_command_reads_is_that_file(
    sqlite_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two names, one file (a hard link; on macOS and Windows also ``Corpus.jsonl`` for ``corpus.jsonl``):
    ``--overwrite`` never replaces what the command reads, nor the database."""
    corpus(sqlite_project)
    read = tmp_path / "corpus.jsonl"
    read.write_text('{"text": "李强在北京。", "label": [[0, 2, "PER"]]}\n', encoding="utf-8")
    twin = tmp_path / "twin.jsonl"
    os.link(read, twin)
    database = tmp_path / "newstag.db"
    db_twin = tmp_path / "db-twin.conll"
    os.link(database, db_twin)
    url = f"sqlite:///{database}"
    for argv, out in (
        (["suggest", "--input", str(read), "--output", str(twin), "--overwrite"], twin),
        (["train", "--db", url, "--save", str(db_twin), "--overwrite"], db_twin),
        (["export", "--db", url, "--out", str(db_twin), "--overwrite"], db_twin),
    ):
        assert main(argv) in (1, 2), argv
        assert str(out) in capsys.readouterr().err, argv
    assert os.path.samefile(read, twin) and os.path.samefile(database, db_twin)  # neither name replaced
    assert sqlite_project.documents.count() == 3 and not leftovers(tmp_path)


@pytest.mark.parametrize("where", ["here", "home"])
def test_a_folder_export_never_replaces_the_current_or_the_home_folder(
    sqlite_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    corpus(sqlite_project)
    for name in ("here", "home"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "mine.txt").write_text("我的", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "here")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    out = Path(".") if where == "here" else tmp_path / "home"
    before = {name: contents(tmp_path / name) for name in ("here", "home")}
    for check in (
        lambda: sqlite_project.export.existing_output(BRAT, out),  # what the Export dialog asks first
        lambda: sqlite_project.export.run(BRAT, out, overwrite=True),
    ):
        with pytest.raises(ExportOptionError, match="never that one") as refused:
            check()
        assert str(tmp_path / where) in str(refused.value)
    assert {name: contents(tmp_path / name) for name in before} == before
    assert not leftovers(tmp_path / "here") and not leftovers(tmp_path)


def test_a_symbolic_link_at_out_is_replaced_never_what_it_leads_to(
    sqlite_project: Project, tmp_path: Path
) -> None:
    corpus(sqlite_project)
    mine, empty = tmp_path / "mine", tmp_path / "empty"
    mine.mkdir()
    empty.mkdir()
    (mine / "notes.txt").write_text("我的", encoding="utf-8")
    (tmp_path / "to-mine").symlink_to(mine)
    (tmp_path / "to-empty").symlink_to(empty)
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    for name in ("to-mine", "to-empty", "dangling"):
        with pytest.raises(ExportTargetExists, match="symbolic link"):
            sqlite_project.export.run(BRAT, tmp_path / name)
        assert (tmp_path / name).is_symlink()
        sqlite_project.export.run(BRAT, tmp_path / name, overwrite=True)
        written = tmp_path / name
        assert not written.is_symlink() and (written / "d0.ann").is_file()
    assert contents(mine) == {"notes.txt": "我的".encode()} and not any(empty.iterdir())
    assert not (tmp_path / "nowhere").exists() and not leftovers(tmp_path)


def test_a_writer_never_follows_a_link_planted_where_it_writes(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    planted = tmp_path / "train.conll"
    planted.symlink_to(victim)
    with pytest.raises(OSError):  # ELOOP: the link is not followed
        OutputFile(planted)
    assert victim.read_text(encoding="utf-8") == "mine"


def test_a_tilde_the_shell_left_is_the_home_folder_not_a_folder_named_tilde(
    sqlite_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--out=~/gold.bio`` reaches newstag with its ``~`` (the shell expands it only at a word's start)."""
    corpus(sqlite_project)
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # jieba's cache: not what is asked here
    (cwd / "in.txt").write_text("李强在北京。\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'newstag.db'}"
    assert main(["export", "--db", url, "--out=~/gold.bio"]) == 0
    assert main(["backup", "--quiet", "--db", url, "--out=~/copy.db"]) == 0
    assert main(["suggest", "--quiet", "--input=in.txt", "--output=~/in.jsonl"]) == 0
    assert sorted(p.name for p in home.iterdir()) == ["copy.db", "gold.bio", "in.jsonl"]
    assert [p.name for p in cwd.iterdir()] == ["in.txt"]


def test_a_path_through_a_linked_folder_goes_where_the_system_resolves_it(
    sqlite_project: Project, tmp_path: Path
) -> None:
    """``link/../gold.bio`` is beside the folder ``link`` names (as ``ls link/../gold.bio`` shows), not beside
    ``link``."""
    corpus(sqlite_project)
    (tmp_path / "elsewhere" / "dir").mkdir(parents=True)
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "link").symlink_to(tmp_path / "elsewhere" / "dir")
    sqlite_project.export.run(BRAT, tmp_path / "here" / "link" / ".." / "brat")
    assert (tmp_path / "elsewhere" / "brat" / "d0.ann").is_file()
    assert sorted(p.name for p in (tmp_path / "here").iterdir()) == ["link"]


def test_the_temporary_of_a_killed_command_is_removed_by_the_next_one_to_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``suggest --output`` (and ``train --save``, which writes the same way) killed midway left its
    ``.NAME.XXXXXXXX.part`` beside the output for good. The next run to that name removes it (no process
    holds it); a file of the user's that only looks alike stays."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("李强在北京。\n", encoding="utf-8")
    killed = tmp_path / ".in.jsonl.k1ll_ed8.part"
    killed.write_text('{"text": "half of')
    mine = tmp_path / ".in.jsonl.keep me.part"
    mine.write_text("the user's")
    other = tmp_path / ".notes.jsonl.k1ll_ed8.part"  # another name's: not this run's to sweep
    other.write_text("left by an export to notes.jsonl")
    assert main(["suggest", "--quiet", "--input=in.txt", "--output=in.jsonl"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.txt", "in.jsonl", mine.name, other.name])
