"""Help → Shortcuts (F1): every key of the window, and the annotator's way to change them. Choose an action,
press **Change key…** (or Return, or double-click it) and press the new key (Escape cancels); **Add key…**
keeps the old ones too. A key that something else holds is refused with its name. **Reset** gives back the
defaults."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.keymap import PORTABLE, KeyConflict, Keymap
from gui.plain_text import plain_label
from gui.screen_fit import fit_to_screen
from gui.shortcuts import FRAMED, LABEL_HELP, SELECT_HELP, SHORTCUTS, shown
from gui.terms import description
from model.spans import Label

logger = logging.getLogger(__name__)

NAME_ROLE = int(Qt.ItemDataRole.UserRole.value)


class ShortcutsDialog(QDialog):
    def __init__(
        self,
        keymap: Keymap,
        fixed: list[tuple[str, str]] | Callable[[], list[tuple[str, str]]] | None = None,
        helps: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.keymap = keymap
        # the fixed rows, written anew at every fill when they name keys that change (the selection's)
        rows = [] if fixed is None or callable(fixed) else list(fixed)
        self._fixed_rows = fixed if callable(fixed) else lambda: rows
        self.fixed: list[tuple[str, str]] = []
        self.helps = helps or {}
        self._mode = ""  # "change" or "add" while a key is awaited
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Change key…, Reset to default…
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # a help of three lines (the selection's) shows whole, not cut after two
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.start("change"))
        note = plain_label(
            self.tr(
                "These are your keys (the defaults until you change them). Choose an "
                "action, then Change key… and press the new key."
            )
        )
        note.setWordWrap(True)
        self.prompt = plain_label()
        self.prompt.setObjectName("shortcutPrompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.capture = QKeySequenceEdit(self)
        self.capture.setObjectName("shortcutCapture")
        self.capture.setMaximumSequenceLength(1)
        self.capture.editingFinished.connect(self._captured)
        self.capture.installEventFilter(self)  # Escape cancels the capture rather than becoming the key
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(self._stop)
        capture_row = QHBoxLayout()
        for widget in (self.prompt, self.capture, self.cancel):
            capture_row.addWidget(widget)
        self.message = plain_label()
        self.message.setObjectName("shortcutMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, handler in (
            ("changeKey", self.tr("Change key…"), lambda: self.start("change")),
            ("addKey", self.tr("Add key…"), lambda: self.start("add")),
            ("resetKey", self.tr("Reset to default"), self.reset_one),
            ("resetAll", self.tr("Reset all to defaults"), self.reset_all),
            ("close", self.tr("Close"), self.accept),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, h=handler: h())
            buttons.addWidget(button)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(capture_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 820, 600)
        self._fill()
        self._stop()

    # -- the table -----------------------------------------------------------------------------------

    def _fill(self) -> None:
        current = self.selected()
        self.fixed = self._fixed_rows()
        names = list(self.keymap.actions)
        self.table.setRowCount(len(self.fixed) + len(names))
        grey = QBrush(QColor("#777777"))
        for row, (keys, text) in enumerate(self.fixed):
            for col, value in enumerate((keys, "", text)):
                item = QTableWidgetItem(value)
                item.setForeground(grey)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable: fixed
                self.table.setItem(row, col, item)
        for row, name in enumerate(names, start=len(self.fixed)):
            action = self.keymap.actions[name]
            help_text = self.helps.get(name) or action.statusTip() or self.keymap.text(name)
            for col, value in enumerate((self.keymap.shown_keys(name), self.keymap.text(name), help_text)):
                item = QTableWidgetItem(value)
                item.setData(NAME_ROLE, name)
                self.table.setItem(row, col, item)
            if name == current:
                self.table.selectRow(row)

    def row_of(self, name: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(NAME_ROLE) == name:
                return row
        return -1

    def selected(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(NAME_ROLE)) if items and items[0].data(NAME_ROLE) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # Ctrl+Return is not Return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and self.table.hasFocus():
            self.start("change")
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A plain Escape while a key is awaited cancels, as in every key-capture dialog; QKeySequenceEdit
        would record it as the new key."""
        if (
            watched is self.capture
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if event.type() == QEvent.Type.KeyPress:
                self._stop()
                self.message.setText(self.tr("Not changed."))
            event.accept()
            return True
        return super().eventFilter(watched, event)

    # -- changing keys --------------------------------------------------------------------------------

    def start(self, mode: str) -> None:
        name = self.selected()
        if name is None:
            self.message.setText(self.tr("Choose an action in the table first."))
            return
        self._mode = mode
        prompt = (
            self.tr("Press the new key for “{0}”:")
            if mode == "change"
            else self.tr("Press one more key for “{0}”:")
        )
        self.prompt.setText(prompt.format(self.keymap.text(name)))
        self.message.clear()
        for widget in (self.prompt, self.capture, self.cancel):
            widget.show()
        self.capture.clear()
        self.capture.setFocus()

    def _stop(self) -> None:
        self._mode = ""
        for widget in (self.prompt, self.capture, self.cancel):
            widget.hide()
        self.table.setFocus()

    def _captured(self) -> None:
        name = self.selected()
        key = self.capture.keySequence().toString(PORTABLE)
        if not self._mode or name is None or not key:
            return
        try:
            if self._mode == "change":
                self.keymap.assign(name, [key])
            else:
                self.keymap.add(name, key)
        except KeyConflict as exc:
            self.message.setText(self.tr("Not changed: {0}").format(exc))
            self.capture.clear()
            return
        self.message.setText(
            self.tr("“{0}” is now {1}.").format(self.keymap.text(name), self.keymap.shown_keys(name))
        )
        self._fill()
        self._stop()

    def reset_one(self) -> None:
        name = self.selected()
        if name is None:
            self.message.setText(self.tr("Choose an action in the table first."))
            return
        try:
            self.keymap.reset(name)
        except KeyConflict as exc:
            self.message.setText(self.tr("Not reset: {0}").format(exc))
            return
        self.message.setText(
            self.tr("“{0}” is back to {1}.").format(self.keymap.text(name), self.keymap.shown_keys(name))
        )
        self._fill()

    def reset_all(self) -> None:
        self.keymap.reset()
        self.message.setText(self.tr("Every key is back to its default."))
        self._fill()


def annotation_shortcuts(keymap: Keymap, labels: list[Label], parent: QWidget) -> ShortcutsDialog:
    """Help → Shortcuts (F1) of the annotation window, opened: its keys, each label's with the label's
    description, and the selection's (a mouse drag, not a key)."""
    helps = {f"action_{s.command}": shown(s.help) for s in SHORTCUTS}
    helps |= {
        f"action_label_{label.name}": f"{shown(LABEL_HELP[1])} ({label.name}: {description(label)})"
        if label.description
        else f"{shown(LABEL_HELP[1])} ({label.name})"
        for label in labels
    }
    dialog = ShortcutsDialog(keymap, lambda: [(shown(SELECT_HELP[0]), _select_help(keymap))], helps, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _select_help(keymap: Keymap) -> str:
    """The selection's help, naming the keys that act on the framed span and the one that clears the
    selection as the annotator has them now (without a key for that, none is named)."""
    framed = [keymap.keys(f"action_{c}")[:1] for c in FRAMED if f"action_{c}" in keymap.actions]
    clear = keymap.keys("action_clear_focus")[:1] if "action_clear_focus" in keymap.actions else ()
    keys = ", ".join(_shown_key(k[0]) for k in framed if k)
    return (
        shown(SELECT_HELP[1]).format(keys, _shown_key(clear[0]))
        if clear
        else shown(SELECT_HELP[2]).format(keys)
    )


def _shown_key(key: str) -> str:
    """A key as the table's Keys column shows it (Esc, Del)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
