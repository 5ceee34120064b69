"""Help → Shortcuts (F1) says what the status bar says when it happens: while text other than the framed span
is selected, the keys that act on the framed span decide nothing, and Escape clears the selection first. The
keys are named as the annotator has them."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from gui.shortcuts_dialog import NAME_ROLE, ShortcutsDialog
from tests.gui.helpers import drag_select, press
from tests.gui.test_shortcut_keys import open_shortcuts, rebind

K = Qt.Key


def _open_help(qtbot: QtBot, window) -> ShortcutsDialog:  # type: ignore[no-untyped-def]
    window.activateWindow()  # back from the dialog closed before
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, K.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    return dialog


def _help_of(dialog: ShortcutsDialog, name: str | None) -> str:
    """The help of the action ``name`` (None: the fixed row, the selection's)."""
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).data(NAME_ROLE) == name:
            return dialog.table.item(row, 2).text()
    raise AssertionError(f"no row for {name}")


def test_f1_says_the_framed_span_keys_refuse_while_other_text_is_selected(
    qtbot: QtBot, make_window, corpus
) -> None:
    window = make_window()
    dialog = _open_help(qtbot, window)
    said = _help_of(dialog, None)
    assert "(Return, X, Shift+Return, Shift+X, [, ], ,, ., E, Shift+E) decide nothing" in said, said
    assert said.endswith("Esc clears the selection first"), said
    assert "refuse" in _help_of(dialog, "action_clear_focus")
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).data(NAME_ROLE) is None)
    width = dialog.table.columnWidth(2)
    needed = dialog.table.fontMetrics().boundingRect(
        QRect(0, 0, width - 8, 10_000), Qt.TextFlag.TextWordWrap, said
    )
    assert dialog.table.rowHeight(row) >= needed.height(), "the help is cut off"
    dialog.close()
    qtbot.waitUntil(lambda: not window.findChildren(ShortcutsDialog))  # deleted on close
    window.keymap.assign("action_accept_focused", ["F6"])  # the annotator's own keys are the ones named
    window.keymap.assign("action_clear_focus", ["F7"])
    said = _help_of(_open_help(qtbot, window), None)
    assert "(F6, X," in said and said.endswith("F7 clears the selection first"), said


def test_what_f1_says_is_what_the_keys_do(qtbot: QtBot, make_window, corpus) -> None:
    """The help is true: X with 裴青山 selected and 越南外交部 framed rejects nothing; Escape, X rejects."""
    window = make_window()
    framed = window.session.focused_span
    drag_select(qtbot, window, 7, 10)
    press(qtbot, window, K.Key_X)
    assert window.session.layers.own == ()
    assert "Esc clears it" in window.statusBar().currentMessage()
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_X)
    assert [(s.start, s.end) for s in window.session.layers.own] == [(framed.start, framed.end)]


def test_the_selection_row_follows_a_key_changed_in_the_dialog(qtbot: QtBot, make_window, corpus) -> None:
    """After Change key… the selection's row still named the old keys (it was written once, on opening)."""
    window = make_window()
    dialog = open_shortcuts(qtbot, window, window.article)
    rebind(qtbot, dialog, "action_reject_focused", K.Key_J)
    said = _help_of(dialog, None)
    assert "(Return, J, Shift+Return," in said, said
    rebind(qtbot, dialog, "action_clear_focus", K.Key_F7)
    assert _help_of(dialog, None).endswith("F7 clears the selection first")


def test_without_a_key_to_clear_the_selection_f1_names_none(qtbot: QtBot, make_window, corpus) -> None:
    """With Escape unbound the row said "— clears the selection first"."""
    window = make_window()
    window.keymap.assign("action_clear_focus", [])
    said = _help_of(_open_help(qtbot, window), None)
    assert "—" not in said and "clears the selection" not in said, said
    assert said.endswith("decide nothing and say so, until the selection is cleared"), said
