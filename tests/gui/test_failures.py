"""When the database refuses an action, the window says so by name and nothing changes: not the database,
not the view, not the undo stack."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from gui import i18n
from model.ops import StoreUnavailable
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.helpers import CTRL, own, press, read_only
from tests.gui.test_translation import english_words

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


# -- in Chinese ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "said", "detail"),
    [
        ("locked", "它已被另一个程序锁定", "database is locked"),
        ("read-only", "它是只读的（请检查文件的权限或它所在的磁盘）", "attempt to write a readonly database"),
    ],
)
def test_a_refused_action_is_said_in_chinese_but_for_the_file_and_sqlites_words(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, fault: str, said: str, detail: str
) -> None:
    engine = sqlite_project.engine
    path = engine.url.database or ""
    window = make_window()
    before = snapshot(sqlite_project)
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    locker = sqlite3.connect(path, isolation_level=None)
    try:
        if fault == "locked":
            with engine.connect() as conn:  # wait 0.2 s, not 5 s, for the lock
                conn.exec_driver_sql("PRAGMA busy_timeout=200")
            locker.execute("BEGIN EXCLUSIVE")
        else:
            engine.dispose()
            event.listen(engine, "connect", read_only)
        press(qtbot, window, K.Key_Return)
        text = window.message_bar.text()
    finally:
        if locker.in_transaction:
            locker.rollback()
        locker.close()
        i18n.install(i18n.ENGLISH)
        if event.contains(engine, "connect", read_only):
            event.remove(engine, "connect", read_only)
            engine.dispose()
    expected = f"“接受 ORG 越南外交部”未保存：数据库文件 {path} 无法写入：{said}（{detail}），本次操作未保存"
    assert text == expected
    assert english_words(text.replace(path, " ").replace(detail, " ")) == []
    assert window.session.undo_stack.count() == 0
    assert snapshot(sqlite_project) == before
