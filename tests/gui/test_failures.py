"""When the database refuses an action, the window says so by name and nothing changes: not the database,
not the view, not the undo stack."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.ops import StoreUnavailable
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.helpers import CTRL, own, press

K = Qt.Key


def _refuse(*_args: object) -> None:
    raise StoreUnavailable(
        "the database is unavailable (server closed the connection); your action was not saved"
    )


def test_a_refused_accept_is_reported_and_not_done(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, monkeypatch, service
) -> None:
    window = make_window()
    before_spans, before_db = list(window.session.spans), snapshot(sqlite_project)
    monkeypatch.setattr(sqlite_project.annotations, "apply", _refuse)
    press(qtbot, window, K.Key_Return)
    assert window.message_bar.isVisible()
    assert "“Accept ORG 越南外交部” was not saved" in window.message_bar.text()
    assert "server closed the connection" in window.message_bar.text()
    assert window.session.undo_stack.count() == 0
    assert window.session.spans == before_spans and window.session.focused == 0
    assert snapshot(sqlite_project) == before_db
    assert service.learned == []
    monkeypatch.undo()  # the database is back: the same key works, and the message goes away
    press(qtbot, window, K.Key_Return)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    assert not window.message_bar.isVisible()


def test_a_refused_undo_keeps_the_step(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, monkeypatch
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_A)
    monkeypatch.setattr(sqlite_project.annotations, "apply", _refuse)
    press(qtbot, window, K.Key_Z, CTRL)
    assert "“Undo Accept all 5 suggestions” was not saved" in window.message_bar.text()
    assert window.session.undo_stack.index() == 1 and window.session.undo_stack.canUndo()
    monkeypatch.undo()
    assert len(own(sqlite_project, corpus[0], window)) == 5
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == set()


def test_a_locked_sqlite_file_refuses_the_relabel(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, monkeypatch
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab)
    before = snapshot(sqlite_project)
    path = sqlite_project.engine.url.database
    with sqlite_project.engine.connect() as conn:  # wait 0.2 s, not 5 s, for the lock in this test
        conn.exec_driver_sql("PRAGMA busy_timeout=200")
    locker = sqlite3.connect(path, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")
        press(qtbot, window, K.Key_2)
        assert "“Relabel 裴青山 as LOC” was not saved" in window.message_bar.text()
        assert "locked" in window.message_bar.text()
        assert window.session.undo_stack.count() == 0
    finally:
        locker.rollback()
        locker.close()
    assert snapshot(sqlite_project) == before
    press(qtbot, window, K.Key_2)
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "LOC", "accepted")}


def test_a_document_that_cannot_be_read_is_reported_and_the_open_one_stays(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, monkeypatch
) -> None:
    window = make_window()

    def unreadable(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(sqlite_project.annotations, "layers", unreadable)
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert (
        "Opening the document failed: the database could not be read (disk I/O error)"
        in window.message_bar.text()
    )
    assert window.session.document.id == corpus[0]
    assert window.article.toPlainText().startswith("越南外交部")
