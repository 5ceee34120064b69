"""Letter keys whatever the case: in the review window U and Shift+U do the same, as the README's upper-case
letters promise. Qt matches a shortcut with its modifiers, so Shift+U reached no action; this filter hands a
Shift+letter that no action holds to the action of the plain letter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from gui.keymap import PORTABLE, Keymap

SHIFT = Qt.KeyboardModifier.ShiftModifier
LETTERS = range(int(Qt.Key.Key_A.value), int(Qt.Key.Key_Z.value) + 1)


class CaselessLetters(QObject):
    """Installed on the application, for the keys of ``window`` (``keymap``: which action holds what)."""

    def __init__(self, window: QWidget, keymap: Keymap) -> None:
        super().__init__(window)
        self.window, self.keymap = window, keymap
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == SHIFT
            and event.key() in LETTERS
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            plain = QKeySequence(event.key()).toString(PORTABLE)
            if self.keymap.holder("Shift+" + plain) is None:  # a key of its own wins
                for name, action in self.keymap.actions.items():
                    if plain in self.keymap.keys(name) and action.isEnabled():
                        if action.autoRepeat() or not event.isAutoRepeat():  # a held decision acts once
                            action.trigger()
                        return True
        return super().eventFilter(watched, event)
