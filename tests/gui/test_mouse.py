"""Mouse selections on the article: stored at the right code-point offsets, drawn back at the same place,
even around 𠮷, emoji, U+3000, U+2028 and text that arrived with \\r\\n."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import Entity
from storage.project import Project
from tests.gui.conftest import EXOTIC, add_documents
from tests.gui.helpers import CTRL, click_at, double_click_at, drag_select, own, press

K = Qt.Key


@pytest.mark.parametrize("surface", ["𠮷野家", "𠮷田😀", "东京", "大阪", "<b>见</b>", "北京"])
def test_a_dragged_selection_is_stored_and_drawn_where_it_was_made(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, surface: str
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL, times=2)
    assert window.session.document.id == corpus[2]
    text = window.session.document.text
    assert text == EXOTIC  # with its \r\n: the window copes with text that was not normalised
    start = text.index(surface)
    end = start + len(surface)
    drag_select(qtbot, window, start, end)
    assert window.article.textCursor().selectedText().replace("\u2029", "\n") == surface
    assert window.article.selection() == (start, end)
    press(qtbot, window, K.Key_2)
    assert own(sqlite_project, corpus[2], window) == {(start, end, "LOC", "accepted")}
    index = window.session.focused
    assert window.session.spans[index].entity == Entity(start, end, "LOC")
    rects = window.article._rects(window.article._starts[index], window.article._ends[index])
    first, last = window.article.position_rect(start), window.article.position_rect(end)
    assert rects[0].left() == pytest.approx(first.left(), abs=1.5)
    assert rects[0].top() <= first.center().y() <= rects[0].bottom()
    assert rects[-1].right() == pytest.approx(last.left(), abs=1.5)


def test_clicking_a_span_focuses_it_and_the_entity_panel_follows(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    click_at(qtbot, window, 12)  # 国 of 美国 (11, 13)
    assert window.session.focused_span.entity == Entity(11, 13, "LOC")
    assert window.entities.current_spans() == (window.session.focused,)
    click_at(qtbot, window, 21)  # no span there
    assert window.session.focused_span is None
    row = window.entities.visualRect(window.entities.row_of_span(3))  # the reverse: a row focuses its span
    qtbot.mouseClick(window.entities.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert window.session.focused_span.entity == Entity(16, 19, "PER")
    assert "布林肯" in window.focus_label.text()


def test_clicking_a_label_button_labels_the_selection(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    drag_select(qtbot, window, 19, 23)
    qtbot.mouseClick(window.labels.buttons["MISC"], Qt.MouseButton.LeftButton)
    assert own(sqlite_project, corpus[0], window) == {(19, 23, "MISC", "accepted")}


def test_html_in_an_article_is_shown_as_text(qtbot: QtBot, make_window, sqlite_project: Project) -> None:
    add_documents(sqlite_project, ["<b>粗体</b><img src=x onerror=alert(1)>&amp;"])
    window = make_window()
    assert window.article.toPlainText() == "<b>粗体</b><img src=x onerror=alert(1)>&amp;"
    assert window.windowTitle().startswith("newstag — <b>粗体")


def test_hovering_a_span_names_its_label(qtbot: QtBot, make_window, corpus) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = make_window()
    view = window.article
    a, b = view.position_rect(16), view.position_rect(17)  # 布 of 布林肯
    point = QPoint(int((a.left() + b.left()) / 2), int(a.center().y()))
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    )
    assert QToolTip.text() == "PER · suggested · from: jieba"
    QToolTip.hideText()


def test_a_double_click_selects_the_word_under_the_pointer(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Qt's double click selects a whole run of hanzi up to the next punctuation (越南外交部部长裴青山与…);
    the window's selects jieba's word there (the test tokenizer's words are two characters long), never
    across a line break, and a label key then labels it."""
    window = make_window()
    assert window.session.warm
    double_click_at(qtbot, window, 5)  # 部 of 部长
    assert window.article.selection() == (4, 6)
    press(qtbot, window, K.Key_4)
    assert (4, 6, "MISC", "accepted") in own(sqlite_project, corpus[0], window)
    press(qtbot, window, K.Key_PageDown, CTRL, times=2)
    assert window.session.document.text == EXOTIC
    for offset, word in ((4, "𠮷田"), (11, "东"), (12, "京")):  # 京 of "京\u2028", 东 of "\n东"
        double_click_at(qtbot, window, offset)
        start, end = window.article.selection()
        assert EXOTIC[start:end] == word
