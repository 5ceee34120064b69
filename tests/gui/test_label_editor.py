"""Project → Labels… driven like the lead would: clicks on its buttons and cells, keys typed into them, and
every change checked in the database (hotkey conflicts and bad names refused with the database untouched, a
label in use merged into another in one transaction, colours from the colour picker, presets)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.label_editor import HOTKEY, NAME, LabelEditor
from gui.main_window import MainWindow
from model.spans import DocumentId, Layer
from storage.orm import EventRow
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.test_roles_window import click_menu

K = Qt.Key


def labels(project: Project) -> list[tuple[str, str, str | None]]:
    return [(lab.name, lab.colour.lower(), lab.hotkey) for lab in project.labels.all()]


def type_into(qtbot: QtBot, editor: LabelEditor, row: int, column: int, text: str) -> None:
    """Select a cell with a click, type over it (any key starts editing) and press Enter."""
    table = editor.table
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClicks(table, text[0])  # any key opens the cell's editor with it, over the old text
    field = QApplication.focusWidget()
    assert field is not None and field is not table
    qtbot.keyClicks(field, text[1:])
    qtbot.keyClick(field, K.Key_Return)
    saved(qtbot, editor)


def saved(qtbot: QtBot, editor: LabelEditor) -> None:
    """Wait for the editor to close and the table to be rebuilt from the database."""
    with qtbot.waitSignal(editor.tableReloaded):
        pass


def open_editor(qtbot: QtBot, window: MainWindow) -> LabelEditor:
    click_menu(qtbot, window, "menu_Project", "action_labels")
    editor = window.menus.label_menu.editor
    assert isinstance(editor, LabelEditor)
    qtbot.waitExposed(editor)
    editor.activateWindow()  # as the lead's first click on it would (offscreen activates nothing itself)
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_the_lead_edits_the_label_set(
    qtbot: QtBot, sqlite_project: Project, corpus: list[DocumentId], make_window: Callable[..., MainWindow]
) -> None:
    window = make_window("alice")  # the first person: the lead
    editor = open_editor(qtbot, window)
    table = editor.table
    assert [table.item(r, NAME).text() for r in range(table.rowCount())] == ["PER", "LOC", "ORG", "MISC"]
    assert table.item(2, 4).text() == "1"  # ORG: 越南外交部 suggested

    before = snapshot(sqlite_project)
    type_into(qtbot, editor, 1, HOTKEY, "1")  # LOC on PER's key
    assert editor.message.text() == "Hotkey 1 belongs to PER already; give PER another key first."
    assert table.item(1, HOTKEY).text() == "2"  # the table shows what the database has
    type_into(qtbot, editor, 1, NAME, "NEW LOC")
    assert "cannot be a label" in editor.message.text()
    assert snapshot(sqlite_project) == before

    type_into(qtbot, editor, 1, HOTKEY, "7")
    assert ("LOC", "#88ccee", "7") in labels(sqlite_project)

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # a new row whose name opens for typing
    field = QApplication.focusWidget()
    assert field is not None
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "EVENT")
    qtbot.keyClick(field, K.Key_Return)
    saved(qtbot, editor)
    assert labels(sqlite_project)[-1][0] == "EVENT"

    button = table.findChild(QToolButton, "colourButton_EVENT")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    picker = editor.colour_dialog
    assert picker is not None
    qtbot.waitExposed(picker)
    picker.setCurrentColor(QColor("#117733"))
    ok = picker.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert labels(sqlite_project)[-1] == ("EVENT", "#117733", None)

    table.setCurrentCell(2, NAME)  # ORG is in use: removing it offers a merge
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    merge = editor.merge_dialog
    assert merge is not None
    qtbot.waitExposed(merge)
    merge.target.setCurrentText("LOC")
    qtbot.mouseClick(merge.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    assert [name for name, _, _ in labels(sqlite_project)] == ["PER", "LOC", "MISC", "EVENT"]
    suggestions = sqlite_project.annotations.spans(corpus[0], Layer.SUGGESTION)
    assert [(s.start, s.label) for s in suggestions if s.start == 0] == [(0, "LOC")]
    assert "ORG merged into LOC: 1 span(s) relabelled." in editor.message.text()
    with sqlite_project.session_factory() as s:
        merges = [e for e in s.scalars(select(EventRow).where(EventRow.action == "label_merge"))]
    assert [(e.payload["label"], e.payload["into"]) for e in merges] == [("ORG", "LOC")]
    assert merges[0].annotator_id == window.annotator.id

    table.setCurrentCell(3, NAME)  # EVENT: first in order after two moves up
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert [name for name, _, _ in labels(sqlite_project)] == ["PER", "EVENT", "LOC", "MISC"]

    editor.presets.setCurrentIndex(editor.presets.findData("cluener"))
    qtbot.mouseClick(editor.preset_button, Qt.MouseButton.LeftButton)
    assert len(labels(sqlite_project)) == 14 and table.rowCount() == 14
    hotkeys = [h for _, _, h in labels(sqlite_project) if h]
    assert sorted(hotkeys) == list("123456789")
    assert sqlite_project.training.settings().conventions == "general"
    assert "without MSRA's habits" in editor.message.text()
    editor.close()


def test_the_window_follows_the_label_set(
    qtbot: QtBot, sqlite_project: Project, corpus: list[DocumentId], make_window: Callable[..., MainWindow]
) -> None:
    """The label bar, the hotkeys, the colours, the open article and the shortcuts dialog follow an edit made
    in Project → Labels…; the description is the label button's tooltip and is in the shortcuts dialog."""
    window = make_window("alice")
    editor = open_editor(qtbot, window)
    type_into(qtbot, editor, 2, NAME, "ORGANISATION")  # ORG, which 越南外交部 is suggested as
    type_into(qtbot, editor, 2, 3, "Governments and companies")
    type_into(qtbot, editor, 3, HOTKEY, "8")  # MISC now on 8
    editor.close()
    assert set(window.labels.buttons) == {"PER", "LOC", "ORGANISATION", "MISC"}
    button = window.labels.buttons["ORGANISATION"]
    assert button.toolTip() == "<p>Governments and companies<br>\nHotkey: 3</p>"  # plain text, escaped
    assert window.labels.buttons["MISC"].text() == "8  MISC"
    assert {s.label for s in window.session.layers.suggestions if s.start == 0} == {"ORGANISATION"}
    assert window.article.look.colour("ORGANISATION").name() == "#332288"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.article.setFocus()
    cursor = window.article.textCursor()
    cursor.setPosition(16)
    cursor.setPosition(19, cursor.MoveMode.KeepAnchor)  # 布林肯
    window.article.setTextCursor(cursor)
    qtbot.keyClick(window.article, K.Key_8)  # the new hotkey labels it MISC
    own = sqlite_project.annotations.spans(corpus[0], Layer.ANNOTATOR)
    assert [(s.start, s.end, s.label) for s in own] == [(16, 19, "MISC")]

    dialog = window.show_shortcuts()
    rows = {
        dialog.table.item(i, 1).text(): dialog.table.item(i, 2).text() for i in range(dialog.table.rowCount())
    }
    assert rows["Label as ORGANISATION"].endswith("(ORGANISATION: Governments and companies)")
    dialog.close()


def test_an_open_review_window_follows_the_label_set(
    qtbot: QtBot, sqlite_project: Project, corpus: list[DocumentId], make_window: Callable[..., MainWindow]
) -> None:
    """The lead's review window, open beside the annotation window, takes the edited label set at once: its
    gold-span hotkeys and its colours."""
    window = make_window("alice")
    review = window.menus.review()
    qtbot.waitExposed(review)
    names = {
        a.objectName(): a.shortcut().toString() for a in review.actions() if "review_label_" in a.objectName()
    }
    assert names == {
        "review_label_PER": "1",
        "review_label_LOC": "2",
        "review_label_ORG": "3",
        "review_label_MISC": "4",
    }
    editor = open_editor(qtbot, window)
    type_into(qtbot, editor, 2, NAME, "ORGANISATION")
    type_into(qtbot, editor, 3, HOTKEY, "8")
    editor.close()
    names = {
        a.objectName(): a.shortcut().toString() for a in review.actions() if "review_label_" in a.objectName()
    }
    assert names == {
        "review_label_PER": "1",
        "review_label_LOC": "2",
        "review_label_ORGANISATION": "3",
        "review_label_MISC": "8",
    }
    assert review.keymap.keys("review_label_MISC") == ("8",)
    assert review.article.look.colour("ORGANISATION").name() == "#332288"
    review.close()
