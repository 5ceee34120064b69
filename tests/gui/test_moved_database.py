"""The project's SQLite file deleted, moved or replaced by another project's while the window has it open.
SQLite keeps writing to the file it opened: a deleted file took every later action and lost it when newstag
exited, and a replaced one took them into the file the user had put aside, while the file under the
project's name (another project) was opened by the next new connection. Now the action is refused by name
and nothing is written anywhere."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.overview import Overview
from model.faults import FaultKind
from storage.project import Project
from storage.types import DatabaseError
from tests.conftest import snapshot
from tests.gui.conftest import add_documents
from tests.gui.helpers import press

K = Qt.Key


def database_file(project: Project) -> Path:
    return Path(str(project.engine.url.database))


def files_of(path: Path) -> list[Path]:
    return [p for p in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))) if p.exists()]


def refused_accept(qtbot: QtBot, window) -> str:  # type: ignore[no-untyped-def]
    press(qtbot, window, K.Key_Return)
    assert window.session.undo_stack.count() == 0
    assert window.message_bar.isVisible()
    return str(window.message_bar.text())


def test_an_action_after_the_file_was_moved_is_refused_and_the_moved_file_untouched(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    window = make_window()
    path = database_file(sqlite_project)
    elsewhere = tmp_path / "moved"
    elsewhere.mkdir()
    path.rename(elsewhere / path.name)  # the file alone: its write-ahead log stays behind
    said = refused_accept(qtbot, window)
    assert "“Accept ORG 越南外交部” was not saved" in said
    assert str(path) in said and "deleted, moved or replaced" in said
    with sqlite3.connect(elsewhere / path.name) as conn:  # whole without the log it left behind
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (len(corpus),)
        assert conn.execute("SELECT count(*) FROM spans WHERE layer = 'annotator'").fetchone() == (0,)
    assert not path.exists()  # no empty database made under the old name either


def test_an_action_after_the_file_was_deleted_is_refused(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    path = database_file(sqlite_project)
    for file in files_of(path):
        file.unlink()
    said = refused_accept(qtbot, window)
    assert str(path) in said and "No such file" in said


def test_an_action_after_another_projects_file_took_its_place_writes_to_neither(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    window = make_window()
    path = database_file(sqlite_project)
    other_path = tmp_path / "other.db"
    with Project.open(f"sqlite:///{other_path}") as other:
        add_documents(other, ["上海欢迎你"])
        before_other = snapshot(other)
    os.replace(other_path, path)
    said = refused_accept(qtbot, window)
    assert str(path) in said and "another file is there now" in said
    with Project.open(f"sqlite:///{path}") as other:
        assert snapshot(other) == before_other


def test_a_command_writing_after_the_file_was_deleted_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    with Project.open(f"sqlite:///{path}") as project:
        for file in files_of(path):
            file.unlink()
        with pytest.raises(DatabaseError) as caught:
            add_documents(project, ["北京"])
        assert caught.value.kind is FaultKind.MOVED
        assert str(path) in str(caught.value)
    assert not path.exists()


def test_the_file_renamed_back_is_written_again(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    with Project.open(f"sqlite:///{path}") as project:
        os.rename(path, tmp_path / "aside.db")
        with pytest.raises(DatabaseError):
            add_documents(project, ["北京"])
        os.rename(tmp_path / "aside.db", path)
        add_documents(project, ["北京"])
        assert project.documents.count() == 1


def test_reading_after_the_file_was_moved_makes_no_file_at_the_old_name(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    """After the refused action the pool's connections are gone: each read then took a new one, and SQLite
    made an empty database (with its -wal and -shm) under the user's old name for it. Switching documents,
    the entity panel and the overview now say the file is gone, and nothing appears there."""
    window = make_window()
    path = database_file(sqlite_project)
    for file in files_of(path):
        file.unlink()  # the file and its log: nothing of ours is left at the name
    refused_accept(qtbot, window)
    shown = window.session.document
    press(qtbot, window, K.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # the next article
    assert window.session.document == shown
    said = str(window.message_bar.text())
    assert "Opening the next document failed" in said and "deleted, moved or replaced" in said
    window.session.spansChanged.emit()  # the entity panel reads its rows again
    view = Overview(sqlite_project)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view._reading)
    assert "deleted, moved or replaced" in view.status.text()
    assert files_of(path) == []
