"""A damaged, full or read-only database is met with one clear sentence naming the file, never a traceback,
and never with work that only seems to be saved."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import event

import storage.database
import storage.db
import storage.project
from gui.cli import main
from model.commands import AddSpans, Context
from model.faults import Fault, FaultKind
from model.ops import StoreUnavailable
from model.spans import AnnotatorId, DocumentId, Entity
from seeds import seed_paths
from storage.db import DatabaseCorrupt, DatabaseError, quick_check
from storage.labels import Labels
from storage.project import IntegrityCheck, Project
from tests.conftest import snapshot


@pytest.fixture(scope="module")
def sound_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sound") / "sound.db"
    with Project.open(f"sqlite:///{path}") as project:
        for seed in seed_paths():
            project.importer.import_file(seed)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _damaged_pages(sound_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "pages.db"
    shutil.copy(sound_db, path)
    page = 4096
    pages = path.stat().st_size // page
    with path.open("r+b") as f:
        for number in range(2, pages, 3):  # b-tree pages of every table and index get hit
            f.seek(number * page)
            f.write(os.urandom(page))
    return path


def _damaged_header(sound_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "header.db"
    shutil.copy(sound_db, path)
    with path.open("r+b") as f:
        f.write(b"this is no database header")
    return path


@pytest.mark.parametrize("damage", [_damaged_pages, _damaged_header])
def test_a_damaged_file_is_refused_on_open_naming_it(sound_db: Path, tmp_path: Path, damage) -> None:
    path = damage(sound_db, tmp_path)
    with pytest.raises(DatabaseCorrupt) as caught:
        Project.open(f"sqlite:///{path}")
    message = str(caught.value)
    assert f"the database file {path} is damaged" in message
    assert "newstag backup --out FILE" in message
    fault = caught.value.fault
    assert fault is not None and fault.kind is FaultKind.DAMAGED and fault.where == str(path) and fault.file
    assert f"({fault.detail})" in message
    if damage is _damaged_header:
        assert fault.detail == "file is not a database"  # SQLite's own words


@pytest.mark.parametrize("damage", [_damaged_pages, _damaged_header])
@pytest.mark.parametrize(
    "command", [["stats"], ["import", "--quiet", "SEED"], ["export", "--format", "jsonl", "--out", "OUT"]]
)
def test_every_command_on_a_damaged_file_says_so_and_exits_2(
    sound_db: Path, tmp_path: Path, damage, command: list[str], capsys
) -> None:
    path = damage(sound_db, tmp_path)
    before = path.read_bytes()
    args = [
        str(seed_paths()[0]) if a == "SEED" else str(tmp_path / "out.jsonl") if a == "OUT" else a
        for a in command
    ]
    assert main([*args, "--db", f"sqlite:///{path}"]) == 2
    out, err = capsys.readouterr()
    assert f"newstag: the database file {path} is damaged" in err
    assert "Traceback" not in out + err
    assert path.read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists()


def test_the_background_check_lets_the_window_come_up_and_holds_writes_until_it_passes(
    sound_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened with the check in the background, a damaged file opens at once; the first write waits for the
    check and is refused, and nothing is written."""
    path = _damaged_pages(sound_db, tmp_path)
    release = threading.Event()
    real_check = storage.database.quick_check

    def slow_check(engine) -> None:  # type: ignore[no-untyped-def]
        release.wait(10)
        real_check(engine)

    monkeypatch.setattr(storage.database, "quick_check", slow_check)
    monkeypatch.setattr(storage.project, "migrate", lambda engine: None)  # the damage spares nothing else
    monkeypatch.setattr(Labels, "ensure_defaults", lambda self: None)
    project = Project.open(f"sqlite:///{path}", check=IntegrityCheck.BACKGROUND)
    try:
        assert not project._checked.is_set()  # open returned before the check ended
        release.set()
        with pytest.raises(StoreUnavailable, match=r"is damaged .*your action was not saved"):
            AddSpans(Context(DocumentId(1), AnnotatorId(1)), [Entity(0, 2, "LOC")]).do(project.annotations)
        assert isinstance(project.integrity_problem(), DatabaseCorrupt)
    finally:
        project.close()


def test_a_sound_file_passes_the_check(sound_db: Path) -> None:
    engine = storage.db.create_db_engine(f"sqlite:///{sound_db}")
    quick_check(engine)
    engine.dispose()
    project = Project.open(f"sqlite:///{sound_db}", check=IntegrityCheck.BACKGROUND)
    assert project.integrity_problem() is None
    project.close()


# -- full and read-only -------------------------------------------------------------------------------


def _full(project: Project) -> None:
    """From now on the file cannot grow: SQLite says 'database or disk is full', as on a full disk."""
    project.engine.dispose()

    @event.listens_for(project.engine, "connect")
    def limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


def _big_jsonl(path: Path) -> Path:
    path.write_text(
        "".join(f'{{"text": "第{i}篇。{"北京欢迎你。" * 200}"}}\n' for i in range(50)), encoding="utf-8"
    )
    return path


def test_a_full_disk_fails_the_file_and_changes_nothing(sqlite_project: Project, tmp_path: Path) -> None:
    before = snapshot(sqlite_project)
    _full(sqlite_project)
    report = sqlite_project.importer.import_file(_big_jsonl(tmp_path / "big.jsonl"))
    assert report.error is not None
    assert "could not be stored" in str(report.error) and "the disk is full" in str(report.error)
    assert report.error.fault is not None and report.error.fault.kind is FaultKind.FULL
    assert snapshot(sqlite_project) == before


def test_an_action_on_a_full_disk_is_refused_not_lost(sqlite_project: Project) -> None:
    sqlite_project.importer.import_file(seed_paths()[0])
    me = sqlite_project.annotator("ann")
    (doc,) = sqlite_project.documents.ids()
    _full(sqlite_project)
    before = snapshot(sqlite_project)
    with pytest.raises(StoreUnavailable, match="disk is full") as caught:
        AddSpans(Context(doc, me.id), [Entity(i, i + 2, "LOC") for i in range(0, 1000, 3)]).do(
            sqlite_project.annotations
        )
    assert caught.value.kind is FaultKind.FULL
    assert caught.value.fault is not None and caught.value.fault.detail == "database or disk is full"
    assert snapshot(sqlite_project) == before


def test_the_import_command_on_a_full_disk_reports_every_file(tmp_path: Path, monkeypatch, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'full.db'}"
    Project.open(url).close()
    real = storage.db.create_db_engine

    def full_engine(url: str):  # type: ignore[no-untyped-def]
        engine = real(url)

        @event.listens_for(engine, "connect")
        def limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        return engine

    monkeypatch.setattr(storage.project, "create_db_engine", full_engine)
    first, second = _big_jsonl(tmp_path / "a.jsonl"), _big_jsonl(tmp_path / "b.jsonl")
    second.write_text(second.read_text(encoding="utf-8").replace("第", "另"), encoding="utf-8")
    assert main(["import", "--quiet", str(first), str(second), "--db", url]) == 1
    out, err = capsys.readouterr()
    for path in (first, second):
        assert f"FAILED   {path}: could not be stored: " in out
    assert "the disk is full" in out
    assert "0 file(s) imported, 2 failed" in out
    assert "Traceback" not in out + err


def test_importing_into_a_read_only_file_says_so(sound_db: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "ro.db"
    shutil.copy(sound_db, path)
    before = path.read_bytes()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "北京欢迎你"}\n', encoding="utf-8")
    assert main(["import", "--quiet", str(good), "--db", url]) == 1
    out, err = capsys.readouterr()
    assert f"FAILED   {good}: could not be stored: " in out and "it is read-only" in out
    assert "Traceback" not in out + err
    assert path.read_bytes() == before


def test_a_database_error_is_worded_for_a_person() -> None:
    from sqlalchemy import make_url
    from sqlalchemy.exc import OperationalError

    url = make_url("sqlite:////data/x.db")
    exc = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    problem = storage.db.database_error(exc, url)
    assert isinstance(problem, DatabaseError) and not isinstance(problem, DatabaseCorrupt)
    assert str(problem) == (
        "the database file /data/x.db cannot be written: the disk is full (or the database reached its size "
        "limit) (database or disk is full)"
    )
    assert problem.fault == Fault(
        FaultKind.FULL, "/data/x.db", "database or disk is full", storage.db._REASONS[0][2], file=True
    )
    server = make_url("postgresql+psycopg://ann:secret@db.example/tags")
    exc = OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly\nmore"))
    problem = storage.db.database_error(exc, server)
    assert problem is not None and problem.kind is FaultKind.UNAVAILABLE
    assert str(problem) == (
        "the database postgresql+psycopg://ann:***@db.example/tags is unavailable "
        "(server closed the connection unexpectedly)"
    )
    assert problem.fault is not None and problem.fault.where == "postgresql+psycopg://ann:***@db.example/tags"


# -- the fault each real failure carries ------------------------------------------------------------------


def _adder(project: Project):  # type: ignore[no-untyped-def]
    """Adding a span as annotator "ann" (who is written down now, while the database takes writes)."""
    me = project.annotator("ann")
    (doc, *_) = project.documents.ids()
    return lambda: AddSpans(Context(doc, me.id), [Entity(0, 2, "LOC")]).do(project.annotations)


def test_a_file_locked_by_another_connection_is_a_locked_fault(sqlite_project: Project) -> None:
    sqlite_project.importer.import_file(seed_paths()[0])
    with sqlite_project.engine.connect() as conn:  # wait 0.2 s, not 5 s, for the lock
        conn.exec_driver_sql("PRAGMA busy_timeout=200")
    path = sqlite_project.engine.url.database
    add = _adder(sqlite_project)
    locker = sqlite3.connect(path or "", isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")
        locker.execute("INSERT INTO settings (key, value) VALUES ('locker', '{}')")
        with pytest.raises(StoreUnavailable) as caught:
            add()
    finally:
        locker.rollback()
        locker.close()
    assert str(caught.value) == (
        f"the database file {path} cannot be written: it is locked by another program (database is locked); "
        "your action was not saved"
    )
    assert caught.value.fault == Fault(
        FaultKind.LOCKED, path or "", "database is locked", storage.db._REASONS[5][2], file=True
    )


def test_a_read_only_file_is_a_read_only_fault(sound_db: Path, tmp_path: Path) -> None:
    """Opened read-only (``mode=ro``: chmod does not stop root, who runs these tests in CI)."""
    path = tmp_path / "ro.db"
    shutil.copy(sound_db, path)
    with Project.open(f"sqlite:///{path}") as project:
        me, doc = project.annotator("ann").id, project.documents.ids()[0]
    read_only = Project.open(f"sqlite:///file:{path}?mode=ro&uri=true", check=IntegrityCheck.BACKGROUND)
    with read_only, pytest.raises(StoreUnavailable, match="it is read-only") as caught:
        AddSpans(Context(doc, me), [Entity(0, 2, "LOC")]).do(read_only.annotations)
    assert caught.value.kind is FaultKind.READ_ONLY
    assert (
        caught.value.fault is not None and caught.value.fault.detail == "attempt to write a readonly database"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a file whatever its permissions")
def test_a_file_without_write_permission_is_a_read_only_fault(sound_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "chmod.db"
    shutil.copy(sound_db, path)
    with Project.open(f"sqlite:///{path}") as project:
        add = _adder(project)
        path.chmod(0o444)
        project.engine.dispose()  # connections opened from now on find the file read-only
        try:
            with pytest.raises(StoreUnavailable) as caught:
                add()
        finally:
            path.chmod(0o644)
    assert caught.value.kind is FaultKind.READ_ONLY


def test_a_folder_that_does_not_exist_is_a_cannot_open_fault(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    path = tmp_path / "gone" / "x.db"  # a plain engine: newstag's own makes the folder
    engine = create_engine(f"sqlite:///{path}")
    with pytest.raises(Exception) as caught, engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    engine.dispose()
    problem = storage.db.database_error(caught.value, engine.url)
    assert problem is not None and problem.kind is FaultKind.CANNOT_OPEN
    assert problem.fault is not None and problem.fault.where == str(path)
    assert problem.fault.detail == "unable to open database file"
    assert str(problem).startswith(f"the database file {path} cannot be written: the file cannot be opened")
