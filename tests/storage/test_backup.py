"""``newstag backup``: a checked, complete copy under a new name, taken while others write; never over a
file that is there; a damaged database is not passed off as a backup."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gui.cli import main
from model.commands import AddSpans, Context
from model.spans import Entity
from seeds import seed_paths
from storage.backup import BackupError, backup_sqlite
from storage.db import sqlite_path, sqlite_url
from storage.project import Project
from tests.conftest import ROOT, snapshot


def _folder_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_backup_holds_every_row_and_opens(sqlite_project: Project, tmp_path: Path, capsys) -> None:
    for seed in seed_paths():
        sqlite_project.importer.import_file(seed)
    source = Path(sqlite_project.engine.url.database or "")
    out = tmp_path / "backups" / "monday.db"
    assert main(["backup", "--quiet", "--out", str(out), "--db", f"sqlite:///{source}"]) == 0
    assert f"backed up {source} to {out}" in capsys.readouterr().out
    assert _folder_files(out.parent) == {"monday.db"}  # no temporary left, no -wal beside it
    with Project.open(f"sqlite:///{out}") as copy:
        assert snapshot(copy) == snapshot(sqlite_project)


@pytest.mark.parametrize("name", ["第1期 #2.db", "what?.db", "100%25 a.db", "50% off.db"])
def test_a_database_whose_path_has_uri_characters_is_backed_up_whole(tmp_path: Path, name: str) -> None:
    """The file was opened as the SQLite URI ``file:PATH?mode=ro`` unencoded: a '#' or '?' cut the path
    short, SQLite made an empty database under the cut name beside the project, and the command reported that
    empty copy as the backup."""
    folder = tmp_path / "projects"
    folder.mkdir()
    source = folder / name
    assert main(["import", "--quiet", "--db", str(source), str(seed_paths()[0])]) == 0
    out = tmp_path / "backups" / "monday.db"
    assert main(["backup", "--quiet", "--out", str(out), "--db", str(source)]) == 0
    assert {f for f in _folder_files(folder) if not f.startswith(name)} == set()  # nothing made beside it
    with Project.open(sqlite_url(out)) as copy, Project.open(sqlite_url(source)) as project:
        assert copy.documents.count() == 1
        assert snapshot(copy) == snapshot(project)


def test_a_backup_taken_while_someone_annotates_is_consistent(
    sqlite_project: Project, tmp_path: Path
) -> None:
    sqlite_project.importer.import_file(seed_paths()[0])
    (doc,) = sqlite_project.documents.ids()
    me = sqlite_project.annotator("ann")
    stop = threading.Event()

    def annotate() -> None:
        i = 0
        while not stop.is_set() and i < 400:
            AddSpans(Context(doc, me.id), [Entity(i, i + 1, "PER")]).do(sqlite_project.annotations)
            i += 1

    worker = threading.Thread(target=annotate)
    worker.start()
    try:
        report = backup_sqlite(Path(sqlite_project.engine.url.database or ""), tmp_path / "b.db")
    finally:
        stop.set()
        worker.join()
    with sqlite3.connect(report.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        spans, events = conn.execute(
            "SELECT (SELECT count(*) FROM spans), (SELECT count(*) FROM events)"
        ).fetchone()
    assert spans == events  # every action whole: one span and one event row, or neither


def test_an_existing_file_is_never_overwritten(sqlite_project: Project, tmp_path: Path, capsys) -> None:
    out = tmp_path / "mine.db"
    out.write_bytes(b"the user's own file")
    code = main(["backup", "--quiet", "--out", str(out), "--db", str(sqlite_project.engine.url)])
    assert code == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"the user's own file"
    assert not any(name.endswith(".part") for name in _folder_files(tmp_path))


def test_a_link_or_a_folder_at_out_is_refused_before_any_copy(
    sqlite_project: Project, tmp_path: Path, capsys
) -> None:
    """A symbolic link to nothing is there already (it was taken for a name that "appeared while the backup
    ran", after the whole copy); a folder is named as one."""
    (tmp_path / "dangling.db").symlink_to(tmp_path / "nowhere.db")
    (tmp_path / "folder").mkdir()
    url = str(sqlite_project.engine.url)
    for name, said in (("dangling.db", "already exists"), ("folder", "is a folder")):
        assert main(["backup", "--quiet", "--out", str(tmp_path / name), "--db", url]) == 1
        err = capsys.readouterr().err
        assert said in err and str(tmp_path / name) in err and "appeared" not in err
    assert not (tmp_path / "nowhere.db").exists() and not any((tmp_path / "folder").iterdir())
    assert not any(name.endswith(".part") for name in _folder_files(tmp_path))


def test_a_damaged_database_gives_no_backup(sqlite_project: Project, tmp_path: Path) -> None:
    for seed in seed_paths():
        sqlite_project.importer.import_file(seed)
    sqlite_project.close()
    source = tmp_path / "damaged.db"
    shutil.copy(sqlite_project.engine.url.database or "", source)
    with source.open("r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\xff" * (source.stat().st_size - 2 * 4096))
    folder = tmp_path / "out"
    with pytest.raises(BackupError, match="damaged"):
        backup_sqlite(source, folder / "b.db")
    assert list(folder.iterdir()) == []


def test_postgresql_gets_the_pg_dump_command(capsys, tmp_path: Path) -> None:
    """The command printed names the --out given (it said --file=newstag.dump whatever --out was), and
    leaves the password out (a masked 'ann:***@' would have been sent as the password); said once, not
    'newstag backup: newstag backup copies…'."""
    out = tmp_path / "news 1.dump"
    assert main(["backup", "--out", str(out), "--db", "postgresql+psycopg://ann:secret@db.example/news"]) == 2
    err = capsys.readouterr().err
    assert err.count("newstag backup") == 1 and "secret" not in err and "***" not in err
    assert f"  pg_dump --format=custom --file='{out}' postgresql://ann@db.example/news\n" in err, err
    assert "pg_dump asks for it, or reads ~/.pgpass" in err and "nothing was written" in err
    out.write_bytes(b"mine")
    assert main(["backup", "--out", str(out), "--db", "postgresql+psycopg://ann@db.example/news"]) == 2
    assert f"{out} exists already: pg_dump would write over it" in capsys.readouterr().err


@pytest.mark.postgres
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_the_printed_pg_dump_command_backs_the_project_up(
    pg_project: Project, tmp_path: Path, capsys
) -> None:
    """The lead pastes the printed line into a shell: it runs, and the dump holds the project's rows."""
    for seed in seed_paths():
        pg_project.importer.import_file(seed)
    url = pg_project.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "team backup.dump"
    assert main(["backup", "--out", str(out), "--db", url]) == 2
    command = capsys.readouterr().err.splitlines()[1].strip()
    assert command.startswith("pg_dump ")
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    listing = subprocess.run(["pg_restore", "--list", str(out)], capture_output=True, text=True, check=True)
    assert "TABLE DATA public documents" in listing.stdout
    data = subprocess.run(
        ["pg_restore", "--data-only", "--table=documents", "--file=-", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert all(seed.read_text(encoding="utf-8").splitlines()[0][:10] in data.stdout for seed in seed_paths())


KILLED_MIDWAY = """
import os, signal, sys
from pathlib import Path
import storage.backup as backup
backup.PAGES_PER_STEP = 1  # a page at a time: killed with most of the copy still to come
def die(done, total):
    if done >= 3:
        os.kill(os.getpid(), signal.SIGKILL)
backup.backup_sqlite(Path(sys.argv[1]), Path(sys.argv[2]), die)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here")
def test_a_backup_killed_midway_leaves_no_file_and_the_next_one_clears_its_temporary(
    sqlite_project: Project, tmp_path: Path
) -> None:
    """SIGKILL mid-copy: nothing under the backup's name, only the temporary (as large as the database
    would grow). The next backup to that name works and removes it, but not the temporary of a backup still
    running (it holds a lock on it), nor any other file."""
    fcntl = pytest.importorskip("fcntl")
    for seed in seed_paths():
        sqlite_project.importer.import_file(seed)
    source = Path(sqlite_project.engine.url.database or "")
    out = tmp_path / "backups" / "monday.db"
    killed = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(source), str(out)], cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL
    left = _folder_files(out.parent)
    assert "monday.db" not in left and any(n.startswith(".monday.db.") and ".part" in n for n in left), left
    running = out.parent / ".monday.db.running_.part"  # of tempfile's shape: only the lock keeps it
    running.write_bytes(b"a backup still copying")
    mine = out.parent / ".monday.db.notes"
    mine.write_text("the user's")
    also_mine = out.parent / ".monday.db.old copy.part"  # not of tempfile's shape: never a backup's
    also_mine.write_text("the user's")
    held = os.open(running, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert main(["backup", "--quiet", "--out", str(out), "--db", f"sqlite:///{source}"]) == 0
    finally:
        os.close(held)
    assert _folder_files(out.parent) == {"monday.db", running.name, mine.name, also_mine.name}
    with Project.open(f"sqlite:///{out}") as copy:
        assert snapshot(copy) == snapshot(sqlite_project)


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////data/a.db", "/data/a.db"),
        ("sqlite:///file:/data/a.db?mode=ro&uri=true", "/data/a.db"),
        ("sqlite:///file:///data/a.db?mode=ro&uri=true", "/data/a.db"),
        (
            "sqlite:///file:/data/a.db?uri=yes",
            "/data/a.db",
        ),  # the dialect reads yes/on/t as true: was file:/…
        # without uri=true, SQLite opens a file named file:a.db (this was a.db)
        ("sqlite:///file:a.db", "file:a.db"),
        ("sqlite:///file://localhost/data/a.db?uri=true", "/data/a.db"),  # was //localhost/data/a.db
        ("sqlite:///file:a.db?mode=memory&uri=true", None),  # in memory: was a.db
        ("sqlite:///file::memory:?uri=true", None),  # was :memory:
        ("sqlite://", None),
        ("postgresql://localhost/test", None),
    ],
)
def test_the_file_of_a_sqlite_url_is_the_one_sqlite_opens(url: str, path: str | None) -> None:
    """One way to find the file of a URL (backup, the export's guard, the moved-file check): the one
    SQLite opens, not a file named by a ``file:`` read as a URI where it is none, nor one for a database in
    memory (a backup of it said "there is no database file a.db", or copied another file of that name)."""
    assert sqlite_path(url) == (None if path is None else Path(path))
