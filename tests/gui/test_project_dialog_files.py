"""New project… never writes into a file that is there already, whatever its name holds: a ``%`` or ``?`` is
percent-encoded in the project's URL, and the check once looked at that text, not at the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.project_menu import OPEN_WINDOWS
from tests.gui.helpers import CTRL
from tests.gui.test_project_menu import _close_switched_windows, dialog_of  # noqa: F401  (a fixture)


@pytest.mark.parametrize("name", ["notes%20.db", "what?.db", "新闻 #1.db"])
def test_a_new_project_never_writes_into_another_programs_database(
    qtbot: QtBot, make_window, corpus, tmp_path: Path, name: str
) -> None:
    window = make_window()
    theirs = tmp_path / name
    with sqlite3.connect(theirs) as conn:  # another program's SQLite file, which SQLite would happily extend
        conn.execute("CREATE TABLE notes (text TEXT)")
    content = theirs.read_bytes()
    qtbot.keyClick(window.article, Qt.Key.Key_N, CTRL)
    dialog = dialog_of(window)
    dialog.pathEdit.setText(str(theirs))  # as Browse… puts it (keyClicks cannot type Chinese offscreen)
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.resultLabel.text() not in ("", "Connecting…"))
    assert "exists already" in dialog.resultLabel.text(), dialog.resultLabel.text()
    assert str(theirs) in dialog.resultLabel.text()
    qtbot.wait(200)
    assert theirs.read_bytes() == content and dialog.isVisible() and not OPEN_WINDOWS
    dialog.close()
