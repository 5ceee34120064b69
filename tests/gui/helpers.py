"""Driving the window the way an annotator does: key presses and mouse drags on the article."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from model.spans import DocState, DocumentId, Layer
from storage.project import Project

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def press(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = NO, times: int = 1
) -> None:
    for _ in range(times):
        qtbot.keyClick(window.article, key, modifier)


def drag_select(qtbot: QtBot, window: MainWindow, start: int, end: int) -> None:
    """Press the mouse just inside the gap before code point ``start``, drag to the gap before ``end``."""
    view = window.article
    a, b = view.position_rect(start), view.position_rect(end)
    first = QPoint(int(a.left()) + 1, int(a.center().y()))
    last = QPoint(int(b.left()) + 1, int(b.center().y()))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, NO, first)
    qtbot.mouseMove(view.viewport(), QPoint((first.x() + last.x()) // 2, last.y()))
    qtbot.mouseMove(view.viewport(), last)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, NO, last)


def _middle(window: MainWindow, offset: int) -> QPoint:
    """The middle of the character at code point ``offset``."""
    view = window.article
    a, b = view.position_rect(offset), view.position_rect(offset + 1)
    return QPoint(
        int((a.left() + b.left()) / 2) if b.top() == a.top() else int(a.left()) + 3, int(a.center().y())
    )


def click_at(qtbot: QtBot, window: MainWindow, offset: int) -> None:
    """Click in the middle of the character at code point ``offset``."""
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, NO, _middle(window, offset))


def double_click_at(qtbot: QtBot, window: MainWindow, offset: int) -> None:
    """Double-click in the middle of the character at code point ``offset``."""
    qtbot.mouseDClick(window.article.viewport(), Qt.MouseButton.LeftButton, NO, _middle(window, offset))


def own(project: Project, doc: DocumentId, window: MainWindow) -> set[tuple[int, int, str, str]]:
    """This annotator's layer in the database: (start, end, label, status)."""
    return {
        (s.start, s.end, s.label, s.status.value)
        for s in project.annotations.spans(doc, Layer.ANNOTATOR, window.annotator.id)
    }


def state(project: Project, doc: DocumentId, window: MainWindow) -> DocState:
    return project.annotations.state(doc, window.annotator.id)


def read_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """A "connect" listener: SQLite refuses every write ("attempt to write a readonly database")."""
    dbapi_connection.execute("PRAGMA query_only = ON")
