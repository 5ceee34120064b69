"""The dialogs from the keyboard alone: Tab leaves a table for the buttons below it (a table's Tab used to
walk its cells and wrap around, so Reset to default, Add, Close… could only be clicked), a dialog opens with
the keyboard where the typing goes, and Escape gives the keys back to the article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.export_dialog import ExportDialog
from gui.import_dialog import ImportDialog
from gui.project_dialog import ProjectDialog
from gui.shortcuts_dialog import ShortcutsDialog
from model.commands import AddSpans, Context
from model.ops import Action, Insert
from model.spans import Entity, Layer, Origin, Status
from storage.project import Project
from tests.gui.helpers import CTRL, SHIFT, press
from tests.gui.test_team_views import finish

K = Qt.Key


def _opened(window, name: str) -> QWidget:  # type: ignore[no-untyped-def]
    window.findChild(QAction, name).trigger()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert shown, name
    return shown[-1]


def _tab_leaves(qtbot: QtBot, table: QTableWidget) -> None:
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, K.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not table and not table.isAncestorOf(focused), table.objectName()
    assert table.currentRow() == (0 if table.rowCount() else -1)  # Tab chose no other row on its way out


@pytest.mark.parametrize(
    "action", ["action_labels", "action_overview", "action_people", "action_agreement", "action_consistency"]
)
def test_tab_leaves_each_dialog_table(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, action: str
) -> None:
    for name, spans in (
        ("alice", [Entity(0, 5, "ORG"), Entity(7, 10, "PER")]),
        ("bob", [Entity(0, 5, "LOC")]),
    ):
        sqlite_project.annotator(name)
        finish(sqlite_project, name, corpus[0], *spans)  # two annotators' finished work; 裴青山 once of twice
    window = make_window()
    dialog = _opened(window, action)
    qtbot.waitExposed(dialog)
    tables = [t for t in dialog.findChildren(QTableWidget) if t.isVisible()]
    assert tables
    qtbot.waitUntil(lambda: all(t.rowCount() for t in tables))
    for table in tables if action != "action_consistency" else ():  # a lone table: Tab has nowhere to go
        _tab_leaves(qtbot, table)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(window.article.hasFocus)  # the keys are the article's again


def test_shortcuts_reset_to_default_from_the_keyboard(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    press(qtbot, window, K.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, K.Key_Down)  # Tab: Next suggestion
    qtbot.keyClick(dialog.table, K.Key_Return)  # Change key…
    qtbot.keyClick(dialog.capture, K.Key_F8)
    assert window.keymap.keys("action_focus_next") == ("F8",)
    qtbot.keyClick(dialog.table, K.Key_Tab)  # on to the buttons: Change key…, Add key…, Reset to default
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
    reset = QApplication.focusWidget()
    assert isinstance(reset, QPushButton) and reset.text() == "Reset to default"
    qtbot.keyClick(reset, K.Key_Space)
    assert window.keymap.keys("action_focus_next") == ("Tab",)
    qtbot.keyClick(reset, K.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is None or not dialog.isVisible())


def test_new_project_opens_with_the_file_name_to_type(
    qtbot: QtBot, make_window, corpus, tmp_path: Path
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_N, CTRL)
    dialog = window.project_menu.dialogs[-1]
    assert isinstance(dialog, ProjectDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.pathEdit)
    qtbot.keyClicks(QApplication.focusWidget(), str(tmp_path / "typed"))
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not (tmp_path / "typed.db").exists()


def test_import_from_the_keyboard_keeps_the_keys_on_the_next_step(
    qtbot: QtBot, sqlite_project: Project, tmp_path: Path
) -> None:
    """Space on Preview disabled it while it read, and Qt gave the focus to Close: the next Space or Return
    closed the dialog instead of importing."""
    (tmp_path / "a.txt").write_text("第一篇\n北京市政府今天召开会议。\n", encoding="utf-8")
    dialog = ImportDialog(sqlite_project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.add_paths([tmp_path / "a.txt"])
    dialog.previewButton.setFocus()
    qtbot.waitUntil(dialog.previewButton.hasFocus)
    qtbot.keyClick(dialog.previewButton, K.Key_Space)
    qtbot.waitUntil(lambda: dialog._thread is None and dialog.importButton.isEnabled(), timeout=30_000)
    assert QApplication.focusWidget() is dialog.importButton  # the next step, not Close
    qtbot.keyClick(dialog.importButton, K.Key_Space)
    qtbot.waitUntil(lambda: dialog._thread is None and sqlite_project.documents.count() == 1, timeout=30_000)
    assert dialog.isVisible() and QApplication.focusWidget() is dialog.table  # the result per file
    qtbot.keyClick(dialog.table, K.Key_Tab)
    assert QApplication.focusWidget() is dialog.details  # the file's notes, not the table's next cell
    qtbot.keyClick(dialog.details, K.Key_Escape)
    assert not dialog.isVisible()


def test_return_exports_and_the_keys_stay_in_the_dialog(
    qtbot: QtBot, make_window, corpus, tmp_path: Path
) -> None:
    """Return in Export training data… pressed Browse…, the first button, and opened a file chooser."""
    window = make_window()
    press(qtbot, window, K.Key_S, CTRL | SHIFT)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible())
    dialog.skipUnlabelled.setChecked(False)  # nothing is labelled in gold yet
    dialog.outEdit.setFocus()  # "Write to", as Tab reaches it
    qtbot.waitUntil(dialog.outEdit.hasFocus)
    out = tmp_path / "mine.bio"
    qtbot.keyClicks(dialog.outEdit, str(out))
    with qtbot.waitSignal(dialog.exportFinished, timeout=20_000):
        qtbot.keyClick(dialog.outEdit, K.Key_Return)
    assert out.exists() and QApplication.activeModalWidget() is None  # exported; no file chooser
    assert QApplication.focusWidget() is dialog.outEdit  # the keys stayed where they were
    qtbot.keyClick(dialog.outEdit, K.Key_A, CTRL)
    qtbot.keyClicks(dialog.outEdit, str(tmp_path / "again.bio"))
    dialog.exportButton.setFocus()  # Tab on to Export, Space: it is disabled while it runs
    with qtbot.waitSignal(dialog.exportFinished, timeout=20_000):
        qtbot.keyClick(dialog.exportButton, K.Key_Space)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert (tmp_path / "again.bio").exists() and QApplication.focusWidget() is close  # not lost
    qtbot.keyClick(close, K.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(window.article.hasFocus)


def test_return_in_assign_documents_assigns(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Return in Team → Assign documents… pressed Close, the dialog's first button: nothing was assigned."""
    for name in ("alice", "bob", "carol"):  # alice first: the lead
        sqlite_project.annotator(name)
    window = make_window()
    dialog = _opened(window, "action_assign")
    qtbot.waitUntil(dialog.names.hasFocus)  # the names are what one types first
    qtbot.keyClick(dialog.names, K.Key_A, CTRL)
    qtbot.keyClicks(dialog.names, "bob, carol")
    qtbot.keyClick(dialog.names, K.Key_Return)
    assert dialog.isVisible() and "Assigned 3 document(s)" in dialog.result_label.text()
    assert set(sqlite_project.team.assigned_counts()) == {"bob", "carol"}
    qtbot.keyClick(dialog.names, K.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(window.article.hasFocus)


def test_compare_with_gold_from_the_keyboard(qtbot: QtBot, make_window, corpus) -> None:
    """Ctrl+G showed the differences, but only a click went to one: the keys stayed in the article."""
    window = make_window()
    doc = window.session.document
    AddSpans(Context(doc.id, window.annotator.id), [Entity(0, 2, "LOC")]).do(window.project.annotations)
    window.project.annotations.apply(
        Action("review", window.annotator.id, doc.id),
        [
            Insert(doc.id, Layer.GOLD, None, 0, 5, "ORG", Status.ACCEPTED, Origin.HUMAN),
            Insert(doc.id, Layer.GOLD, None, 7, 10, "PER", Status.ACCEPTED, Origin.HUMAN),
        ],
    )
    press(qtbot, window, K.Key_G, CTRL)
    table = window.menus.gold.table
    qtbot.waitUntil(lambda: table.hasFocus() and table.rowCount() == 2)
    qtbot.keyClick(table, K.Key_Down)
    qtbot.keyClick(table, K.Key_Return)  # go to the second difference: 裴青山, PER in gold only
    assert window.article.selection() == (7, 10)
    assert window.article.hasFocus()  # a label key now labels it
    press(qtbot, window, K.Key_G, CTRL)  # hidden
    qtbot.waitUntil(lambda: not window.menus.gold.isVisible())
    press(qtbot, window, K.Key_G, CTRL)  # shown again, then hidden from its list: the keys go back
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, K.Key_G, CTRL)
    qtbot.waitUntil(lambda: not window.menus.gold.isVisible() and window.article.hasFocus())
