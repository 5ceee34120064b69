"""An export never harms what is already there: it is built in a temporary sibling and moved into place only
when complete; a folder or file that exists is refused unless --overwrite, and then replaced as a whole;
a failed, cancelled or killed export leaves the originals exactly as they were."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert

import storage.export
import storage.export_output
from gui.cli import main
from model.spans import Layer
from storage.documents import DocumentStore, NewDocument
from storage.export import (
    ExportCancelled,
    ExportError,
    ExportFormat,
    ExportOptionError,
    ExportOptions,
    ExportTargetExists,
)
from storage.export_output import ExportOutput
from storage.formats.brat import BratWriter
from storage.orm import SpanRow
from storage.project import Project
from storage.split import SplitRatios
from tests.storage.test_export import add_span

ROOT = Path(__file__).resolve().parents[2]
BRAT = ExportOptions(format=ExportFormat.BRAT)


def corpus(project: Project, n: int = 3) -> list[int]:
    """``n`` documents, each with a gold PER span."""
    with project.transaction() as s:
        texts = [NewDocument(f"d{i}", f"李强{i}在北京。", "t", {}) for i in range(n)]
        docs = [i for i in DocumentStore.insert_batch(s, texts) if i is not None]
        s.execute(
            insert(SpanRow),
            [
                {
                    "document_id": doc,
                    "layer": "gold",
                    "start": 0,
                    "end": 2,
                    "label": "PER",
                    "origin": "imported",
                    "status": "accepted",
                    "version": 1,
                }
                for doc in docs
            ],
        )
    return docs


def the_users_folder(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A folder of the user's own brat files, named as an export would name its own."""
    folder = tmp_path / "brat"
    folder.mkdir()
    for i in (1, 2, 3, 7):
        (folder / f"doc{i:06d}.txt").write_text(f"我的原稿{i}", encoding="utf-8")
        (folder / f"doc{i:06d}.ann").write_text(f"T1\tMINE 0 2\t我的{i}\n", encoding="utf-8")
    return folder, contents(folder)


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_a_folder_with_files_in_it_is_refused_and_untouched(sqlite_project: Project, tmp_path: Path) -> None:
    corpus(sqlite_project)
    folder, before = the_users_folder(tmp_path)
    with pytest.raises(ExportTargetExists, match="--overwrite"):
        sqlite_project.export.run(BRAT, folder)
    assert contents(folder) == before and leftovers(tmp_path) == []


@pytest.mark.parametrize("fail", ["disk full", "cancel"])
def test_a_failed_replacement_leaves_the_originals_exactly(
    sqlite_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: str
) -> None:
    corpus(sqlite_project, 250)
    folder, before = the_users_folder(tmp_path)
    real_write = BratWriter.write
    written: list[int] = []

    def write(self, doc):  # type: ignore[no-untyped-def]
        written.append(doc.id)
        if len(written) == 120 and fail == "disk full":
            raise OSError(28, "No space left on device")
        return real_write(self, doc)

    monkeypatch.setattr(BratWriter, "write", write)
    cancelled = (lambda: len(written) >= 150) if fail == "cancel" else None
    with pytest.raises(ExportCancelled if fail == "cancel" else ExportError):  # the OSError, naming where
        sqlite_project.export.run(BRAT, folder, cancelled=cancelled, overwrite=True)
    assert len(written) >= 120  # it did get going, into its temporary
    assert contents(folder) == before
    assert leftovers(tmp_path) == []


def test_overwrite_replaces_the_folder_as_a_whole(sqlite_project: Project, tmp_path: Path) -> None:
    """No stale document of an earlier, larger export survives, and annotation.conf names every label the
    folder uses."""
    docs = corpus(sqlite_project, 4)
    folder = tmp_path / "brat"
    sqlite_project.export.run(BRAT, folder)
    assert len(list(folder.glob("*.ann"))) == 4
    with sqlite_project.transaction() as s:
        s.execute(SpanRow.__table__.delete().where(SpanRow.document_id.in_(docs[1:])))
    add_span(sqlite_project, docs[0], 3, 5, "LOC", Layer.GOLD)
    sqlite_project.export.run(BRAT, folder, overwrite=True)
    assert sorted(p.name for p in folder.iterdir()) == [
        ".newstag-documents.conf",  # the order and titles, for the import
        "annotation.conf",
        "d0.ann",  # named by the title
        "d0.txt",
    ]
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert conf.startswith("[entities]\nLOC\nPER\n\n")
    assert leftovers(tmp_path) == []


def test_an_empty_folder_or_a_new_name_needs_no_overwrite(sqlite_project: Project, tmp_path: Path) -> None:
    corpus(sqlite_project)
    (tmp_path / "empty").mkdir()
    sqlite_project.export.run(BRAT, tmp_path / "empty")
    sqlite_project.export.run(BRAT, tmp_path / "new" / "deeper")
    assert len(list((tmp_path / "empty").glob("*.txt"))) == 3
    assert len(list((tmp_path / "new" / "deeper").glob("*.txt"))) == 3


@pytest.mark.parametrize("fmt", [ExportFormat.JSONL, ExportFormat.CONLL])
def test_a_file_is_replaced_only_with_overwrite_and_never_half(
    sqlite_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: ExportFormat
) -> None:
    corpus(sqlite_project)
    out = tmp_path / "train.txt"
    out.write_text("my own notes\n", encoding="utf-8")
    options = ExportOptions(format=fmt)
    with pytest.raises(ExportTargetExists):
        sqlite_project.export.run(options, out)
    assert out.read_text(encoding="utf-8") == "my own notes\n"

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.export_output, "fsync_file", fail)  # fails at the very end
    with pytest.raises(ExportError, match=f"cannot write in {tmp_path}: No space left on device"):
        sqlite_project.export.run(options, out, overwrite=True)
    assert out.read_text(encoding="utf-8") == "my own notes\n" and leftovers(tmp_path) == []
    monkeypatch.undo()
    sqlite_project.export.run(options, out, overwrite=True)
    assert "李" in out.read_text(encoding="utf-8") and leftovers(tmp_path) == []


def test_a_split_folder_follows_the_same_rules(sqlite_project: Project, tmp_path: Path) -> None:
    corpus(sqlite_project, 10)
    out = tmp_path / "split"
    out.mkdir()
    (out / "train.bio").write_text("mine", encoding="utf-8")
    options = ExportOptions(split=SplitRatios(0.8, 0.1, 0.1))
    with pytest.raises(ExportTargetExists):
        sqlite_project.export.run(options, out)
    assert (out / "train.bio").read_text(encoding="utf-8") == "mine"
    sqlite_project.export.run(options, out, overwrite=True)
    assert sorted(p.name for p in out.iterdir()) == ["dev.bio", "test.bio", "train.bio"]


def test_everything_is_on_the_disk_before_it_gets_its_name(
    sqlite_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus(sqlite_project)
    steps: list[str] = []
    real_flush, real_rename, real_folder = (
        storage.export_output.flush_tree,
        os.rename,
        storage.export_output.fsync_folder,
    )
    monkeypatch.setattr(
        storage.export_output, "flush_tree", lambda p: (steps.append("flush"), real_flush(p))[1]
    )
    monkeypatch.setattr(
        storage.export_output, "fsync_folder", lambda p: (steps.append(f"fsync {p.name}"), real_folder(p))[1]
    )
    monkeypatch.setattr(
        storage.export_output.os,
        "rename",
        lambda a, b: (steps.append(f"rename to {Path(b).name}"), real_rename(a, b))[1],
    )
    sqlite_project.export.run(BRAT, tmp_path / "out")
    assert steps == ["flush", "rename to out", f"fsync {tmp_path.name}"]


KILLED_EXPORT = """
import os, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from storage.export import ExportFormat, ExportOptions
from storage.project import Project

def progress(done, total):
    if done >= 500:
        print("HALF", flush=True)
        time.sleep(60)

with Project.open({url!r}) as project:
    project.export.run(ExportOptions(format=ExportFormat.{fmt}), Path({out!r}), progress=progress,
           overwrite=True)
"""


@pytest.mark.parametrize("fmt", ["BRAT", "JSONL"])
def test_a_killed_export_leaves_only_its_temporary_which_the_next_export_removes(
    sqlite_project: Project, tmp_path: Path, fmt: str
) -> None:
    """SIGKILL midway leaves the user's file and the temporary; the next export to that name removes the
    temporary, but not one a running export holds a lock on, nor a file of the user's named alike."""
    fcntl = pytest.importorskip("fcntl")
    corpus(sqlite_project, 1200)
    parent = tmp_path / "exports"
    parent.mkdir()
    if fmt == "BRAT":
        out, _ = the_users_folder(parent)
    else:
        out = parent / "out.jsonl"
        out.write_text('{"text": "mine"}\n', encoding="utf-8")
    before = contents(parent)
    script = KILLED_EXPORT.format(root=str(ROOT), url=str(sqlite_project.engine.url), fmt=fmt, out=str(out))
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    with child.stdout:
        assert child.stdout.readline().strip() == "HALF"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    temporaries = leftovers(parent)
    assert len(temporaries) == 1 and temporaries[0].startswith(f".{out.name}.")
    assert temporaries[0].endswith(".part")
    assert {k: v for k, v in contents(parent).items() if not k.startswith(".")} == before
    running = parent / f".{out.name}.running_.part"  # of tempfile's shape: only its lock keeps it
    running.write_text("an export still running")
    mine = parent / f".{out.name}.my copy.part"
    mine.write_text("the user's")
    held = os.open(running, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        sqlite_project.export.run(ExportOptions(format=getattr(ExportFormat, fmt)), out, overwrite=True)
    finally:
        os.close(held)
    assert leftovers(parent) == sorted([running.name, mine.name])
    assert mine.read_text() == "the user's"


def test_the_cli_refuses_a_folder_with_files_and_replaces_it_with_overwrite(
    sqlite_project: Project, tmp_path: Path, capsys
) -> None:
    corpus(sqlite_project)
    folder, before = the_users_folder(tmp_path)
    db = str(sqlite_project.engine.url)
    assert main(["export", "--quiet", "--format", "brat", "--out", str(folder), "--db", db]) == 2
    err = capsys.readouterr().err
    assert f"{folder} already exists (a folder with 8 file(s)" in err and "--overwrite" in err
    assert contents(folder) == before
    args = ["export", "--quiet", "--format", "brat", "--out", str(folder), "--db", db]
    assert main([*args, "--overwrite"]) == 0
    assert not any("MINE" in v.decode() for v in contents(folder).values())
    assert len(list(folder.glob("*.ann"))) == 3


def test_the_output_object_never_replaces_what_appeared_meanwhile(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    output = ExportOutput(out, folder=False)
    temp = output.begin()
    temp.write_text(json.dumps({"text": "new"}), encoding="utf-8")
    out.write_text("someone else's", encoding="utf-8")
    with pytest.raises(ExportTargetExists, match="appeared while the export ran"):
        output.commit()
    output.discard()
    assert out.read_text(encoding="utf-8") == "someone else's" and leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("options", "out"),
    [
        (ExportOptions(format=ExportFormat.JSONL), "newstag.db"),
        (ExportOptions(format=ExportFormat.JSONL), "newstag.db-wal"),
        (ExportOptions(format=ExportFormat.JSONL), "sub/../newstag.db"),
        (BRAT, "."),  # the folder that holds the database, replaced as a whole
        (ExportOptions(format=ExportFormat.CONLL, split=SplitRatios(0.8, 0.1, 0.1)), "."),
    ],
)
def test_overwrite_never_writes_over_or_deletes_the_projects_own_database(
    sqlite_project: Project, tmp_path: Path, options: ExportOptions, out: str
) -> None:
    corpus(sqlite_project)
    (tmp_path / "sub").mkdir()
    target = tmp_path / out
    database = tmp_path / "newstag.db"
    before = database.read_bytes()
    with pytest.raises(ExportOptionError, match="this project's database") as refused:
        sqlite_project.export.existing_output(options, target)
    assert refused.value.refusal is not None
    with pytest.raises(ExportOptionError, match="this project's database"):
        sqlite_project.export.run(options, target, overwrite=True)
    assert database.read_bytes() == before and not leftovers(tmp_path)
    assert sqlite_project.documents.count() == 3


def test_suggest_and_train_never_write_over_what_they_read(sqlite_project: Project, tmp_path: Path) -> None:
    corpus_file = tmp_path / "corpus.jsonl"
    corpus_file.write_text('{"text": "李强在北京。", "label": [[0, 2, "PER"]]}\n', encoding="utf-8")
    before = corpus_file.read_bytes()
    database = tmp_path / "newstag.db"
    db_before = database.read_bytes()
    url = f"sqlite:///{database}"
    same = str(tmp_path / "." / "corpus.jsonl")
    for argv in (
        ["suggest", "--input", str(corpus_file), "--output", same, "--overwrite"],
        ["train", "--db", url, "--base-corpus", str(corpus_file), "--save", same, "--overwrite"],
        ["train", "--db", url, "--save", str(database), "--overwrite"],
    ):
        assert main(argv) == 1, argv
    assert corpus_file.read_bytes() == before and database.read_bytes() == db_before


# The real command, with each file it creates limited to 16 KB (RLIMIT_FSIZE, set once the database is open
# and the output is about to be written): a write past that fails as on a full disk. The export's last
# flush fails when its file is closed, and again when the failed file is closed to be removed.
FILE_SIZE_LIMIT = """
import resource, signal, sys
import storage.backup, storage.export_output

def limited(real):
    def call(*args):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (16384, resource.RLIM_INFINITY))
        return real(*args)
    return call

storage.export_output.ExportOutput.begin = limited(storage.export_output.ExportOutput.begin)
storage.backup._copy = limited(storage.backup._copy)
from gui.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", "jsonl", "--out", "{full}/out.jsonl", "--quiet"],
        ["export", "--format", "conll", "--out", "{full}/out.bio", "--quiet"],
        ["export", "--split", "0.8,0.1,0.1", "--out", "{full}/split", "--quiet"],
        ["backup", "--out", "{full}/copy.db"],
    ],
)
def test_a_full_disk_leaves_nothing_behind_and_names_where(
    sqlite_project: Project, tmp_path: Path, argv: list[str]
) -> None:
    corpus(sqlite_project, 1500)
    full = tmp_path / "full"
    full.mkdir()
    command = [a.format(full=full) for a in argv] + ["--db", f"sqlite:///{tmp_path / 'newstag.db'}"]
    result = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert sorted(p.name for p in full.iterdir()) == []  # not even the temporary, nor its journal
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    assert str(full) in result.stderr  # where it could not write
    assert sqlite_project.documents.count() == 1500


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KB file system (tmpfs), where root may mount one: the full disk a user meets."""
    folder = tmp_path / "full"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.parametrize("command", ["export", "backup"])
def test_a_really_full_disk_leaves_nothing_behind(
    sqlite_project: Project, tmp_path: Path, full_disk: Path, command: str
) -> None:
    corpus(sqlite_project, 20000)  # more than the writer's 1 MB buffer: the disk fills up mid-way
    args = ["--format", "jsonl", "--quiet"] if command == "export" else []
    out = full_disk / ("out.jsonl" if command == "export" else "copy.db")
    assert main([command, "--out", str(out), *args, "--db", f"sqlite:///{tmp_path / 'newstag.db'}"]) == 1
    assert sorted(p.name for p in full_disk.iterdir()) == []  # a backup left its journal (.copy.db.*-journal)
