"""The keyboard goes back to a window when a dialog or window of ours that had it closes.

A window manager does that by itself. Without one (Xvfb driven by xdotool, as scripted annotators run), X
gives the focus to the root window when the focused window goes away, Qt then has no active window, and every
key pressed afterwards, the documented shortcuts included, is dropped: after Help → Shortcuts (F1) closed with
Escape, say, the window no longer answered any key.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget

WATCHED = "newstagFocusReturn"


def _alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget) and widget.isVisible()


def _widget_of(window: QWindow) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)


class FocusReturn(QObject):
    """Watches the windows that take the keyboard from ``main``: when one closes (hidden, or deleted, which
    clears Qt's focus window without a signal) and no other window has the keyboard, the window it belongs
    to (a dialog's parent), else ``main``, is activated again."""

    def __init__(self, main: QWidget) -> None:
        super().__init__(main)
        self.main = main
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._changed)

    def _changed(self, focus: QWindow | None) -> None:
        if not shiboken6.isValid(self.main) or not self.main.isVisible():
            return  # a closed window's watcher (after a project switch): the open window's watches
        if focus is None or focus is self.main.windowHandle() or focus.property(WATCHED):
            return
        focus.setProperty(WATCHED, True)
        widget = _widget_of(focus)
        owner = widget.parentWidget() if widget is not None else None
        parent = owner.window() if owner is not None else None
        focus.visibleChanged.connect(lambda visible: None if visible else self._soon(parent, focus))
        focus.destroyed.connect(lambda _gone=None: self._soon(parent, None))

    def _soon(self, parent: QWidget | None, closing: QWindow | None) -> None:
        # only for the window that has the keyboard as it closes (a hidden one, or none: it went with the
        # deleted one), while this program has it: a window closing by itself while the person works in
        # another window or program takes nothing from it
        if not shiboken6.isValid(self) or QGuiApplication.focusWindow() not in (None, closing):
            return  # (this watcher's window may have closed before the dialog it watched)
        if QGuiApplication.applicationState() is Qt.ApplicationState.ApplicationActive:
            QTimer.singleShot(0, self, lambda: self._give_back(parent))

    def _give_back(self, parent: QWidget | None) -> None:
        if QGuiApplication.focusWindow() is not None or not self.main.isVisible():
            return  # a window manager gave the keyboard to a window already
        for widget in (parent, self.main):
            if _alive(widget):
                assert widget is not None
                widget.activateWindow()
                return
