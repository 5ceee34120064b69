"""The entity panel (issue 15, item 9): spans grouped by string and label, each group expandable to its
occurrences, the Text column as wide as its strings, columns the annotator hides (remembered), and a whole
group accepted or rejected from the panel as one undoable action. Driven with the mouse and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from gui.entity_model import COUNT, LABEL, ORIGIN, STATUS, TEXT
from gui.main_window import MainWindow
from storage.project import Project
from tests.gui.helpers import CTRL, SHIFT, own, press

K = Qt.Key
RIGHT = Qt.MouseButton.RightButton
LEFT = Qt.MouseButton.LeftButton


def row(window: MainWindow, number: int) -> list[str]:
    model = window.entities.entities
    return [model.cell(number, c) for c in (TEXT, LABEL, COUNT, STATUS, ORIGIN)]


def right_click(qtbot: QtBot, widget: QWidget, pos: QPoint) -> None:
    """A right click, and the context-menu event the platform sends with it (QTest sends only the click)."""
    qtbot.mouseClick(widget, RIGHT, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def popup(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(qtbot: QtBot, menu: QMenu, text_: str) -> None:
    action = next(a for a in menu.actions() if a.text() == text_)
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())


def events(project: Project) -> list[str]:
    with project.engine.connect() as conn:
        return list(conn.execute(text("SELECT action FROM events ORDER BY id")).scalars())


def test_spans_are_grouped_by_string_and_label_and_a_group_opens_to_its_occurrences(
    qtbot: QtBot, make_window, corpus
) -> None:
    window = make_window()
    panel, model = window.entities, window.entities.entities
    assert model.rowCount() == 4  # 越南外交部, 裴青山 ×2, 美国, 布林肯: five spans
    assert [row(window, r) for r in range(4)] == [
        ["越南外交部", "ORG", "", "suggested", "jieba"],
        ["裴青山", "PER", "×2", "suggested", "jieba"],
        ["美国", "LOC", "", "suggested", "jieba"],
        ["布林肯", "PER", "", "suggested", "jieba"],
    ]
    assert not panel.is_open(1)
    press(qtbot, window, K.Key_Tab)  # 裴青山 at 7: the group's row is selected while it is closed
    assert panel.currentIndex().row() == 1
    centre = panel.visualRect(model.index(1, TEXT)).center()
    qtbot.mouseClick(panel.viewport(), LEFT, pos=centre)  # a double click: press, release, double click
    qtbot.mouseDClick(panel.viewport(), LEFT, pos=centre)  # opens the group
    assert panel.is_open(1) and model.rowCount() == 6
    occurrences = ["…外交部部长裴青山与美国国务…", "…行会谈。 裴青山强调,越南…"]
    assert [row(window, r)[0] for r in (2, 3)] == occurrences
    assert row(window, 4)[0] == "美国"  # the next group follows the occurrences
    qtbot.mouseClick(panel.viewport(), LEFT, pos=panel.visualRect(model.index(3, TEXT)).center())
    assert window.session.focused_span.start == 25  # an occurrence row focuses that span
    press(qtbot, window, K.Key_Tab, SHIFT, times=3)  # 布林肯, 美国, 裴青山 at 7: its own row, the group open
    assert window.session.focused_span.start == 7 and panel.currentIndex().row() == 2
    press(qtbot, window, K.Key_A)  # accept all: the spans change, the group stays open
    assert panel.is_open(1) and row(window, 1)[3] == "accepted"
    qtbot.keyClick(panel, K.Key_Left)  # ← closes it, the selection moves up to the group's row
    assert not panel.is_open(1) and panel.currentIndex().row() == 1 and model.rowCount() == 4
    arrow = panel.visualRect(model.index(1, TEXT)).topLeft() + QPoint(5, 5)
    qtbot.mouseClick(panel.viewport(), LEFT, pos=arrow)  # its arrow opens it again
    assert panel.is_open(1)
    window.session.next_document()  # another article opens with its groups closed
    window.session.previous_document()
    assert not panel.is_open(1)


def test_the_text_column_fits_its_strings_and_hidden_columns_are_remembered(
    qtbot: QtBot, make_window, corpus
) -> None:
    window = make_window()
    panel = window.entities
    header = panel.header()
    widest = panel.fontMetrics().horizontalAdvance("越南外交部")
    assert header.sectionSize(TEXT) >= widest + 14  # and the arrow's place
    assert header.sectionSize(TEXT) < panel.viewport().width() * 0.6 + 1
    first = panel.visualRect(panel.entities.index(0, TEXT))
    assert first.width() >= widest  # painted whole, not cut to "越南..."
    assert panel.isColumnHidden(ORIGIN)  # by default: the focused span's origin is in the status bar
    assert panel.horizontalScrollBar().maximum() == 0  # everything shown fits: no horizontal scroll bar
    right_click(qtbot, header.viewport(), QPoint(header.sectionViewportPosition(STATUS) + 5, 5))
    menu = popup(qtbot)
    choose(qtbot, menu, "Origin")  # shown
    assert not panel.isColumnHidden(ORIGIN)
    right_click(qtbot, header.viewport(), QPoint(header.sectionViewportPosition(STATUS) + 5, 5))
    choose(qtbot, popup(qtbot), "Status")  # hidden
    assert panel.isColumnHidden(STATUS) and not panel.isColumnHidden(ORIGIN)
    assert panel.horizontalScrollBar().maximum() == 0
    window.close()
    again = make_window()
    assert again.entities.isColumnHidden(STATUS) and again.entities.hidden_columns() == {"status"}
    again.entities.set_column_shown("status", True)
    assert not again.entities.isColumnHidden(STATUS)


def test_a_whole_group_is_accepted_from_the_panel_and_rejected_with_keys_each_one_undoable_action(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    panel, model = window.entities, window.entities.entities
    group = model.index(1, TEXT)  # 裴青山 PER ×2
    right_click(qtbot, panel.viewport(), panel.visualRect(group).center())
    choose(qtbot, popup(qtbot), "Accept the group")
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted"), (25, 28, "PER", "accepted")}
    assert events(sqlite_project) == ["accept"]  # one transaction, one event
    assert row(window, 1)[2:4] == ["×2", "accepted"]
    assert window.actions_by_command["undo"].text() == "Undo Accept all 2 “裴青山” as PER"
    press(qtbot, window, K.Key_X, SHIFT)  # the focused span's group, from the keyboard
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "rejected"), (25, 28, "PER", "rejected")}
    assert events(sqlite_project) == ["accept", "reject"]
    press(qtbot, window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step each
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted"), (25, 28, "PER", "accepted")}
    press(qtbot, window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert own(sqlite_project, corpus[0], window) == set()
    assert events(sqlite_project) == ["accept", "reject", "undo reject", "undo accept"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_mixed_group_s_status_is_whole_where_the_panel_has_room_and_the_panel_never_scrolls(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, language: str
) -> None:
    """The Status column was as wide as the word "suggested", so a group of mixed decisions was cut to
    "1 sugges…" however wide the panel; then, sized to its text whatever the room, it pushed the panel into a
    horizontal scroll bar at its default width (seen on a 1400 px screen). It takes the room the Text
    column's minimum leaves: whole in a wide panel, elided (its tooltip says it whole) in a narrow one, never
    scrolling."""
    from gui import i18n
    from gui.entity_panel import MIN_TEXT
    from tests.gui.conftest import add_documents, add_suggestions

    doc = add_documents(sqlite_project, ["王毅说，王毅认为，王毅表示。"])[0]
    add_suggestions(sqlite_project, doc, [(0, 2, "PER"), (4, 6, "PER"), (9, 11, "PER")])
    assert i18n.install(language) == language
    try:
        window = make_window()
        press(qtbot, window, Qt.Key.Key_PageDown, CTRL, times=3)
        assert window.session.document.id == doc
        press(qtbot, window, Qt.Key.Key_H, CTRL)  # rejected spans shown
        press(qtbot, window, Qt.Key.Key_Return)  # accepted, the focus moves on
        press(qtbot, window, Qt.Key.Key_X)  # rejected: one of each
        panel, header = window.entities, window.entities.header()
        shown = panel.entities.index(0, STATUS).data()
        assert shown.count(",") == 2 or shown.count("，") == 2, shown
        assert panel.entities.index(0, STATUS).data(Qt.ItemDataRole.ToolTipRole) == shown
        advance = panel.fontMetrics().horizontalAdvance(shown)
        delegate_margins = 4 + 2 + 1  # RowDelegate: the text starts 4 px in and stops 2 px short
        splitter = window.annotation_area  # the article, then the panel
        total = sum(splitter.sizes())
        for width in (520, 331):  # wide, the default
            splitter.setSizes([total - width, width])
            qtbot.waitUntil(lambda w=width: abs(panel.width() - w) <= 2)
            assert header.length() <= panel.viewport().width(), width  # no horizontal scroll bar
            assert header.sectionSize(TEXT) >= MIN_TEXT
            if width == 520:
                cell = panel.visualRect(panel.entities.index(0, STATUS))
                assert advance <= cell.width() - delegate_margins
    finally:
        i18n.install(i18n.ENGLISH)
