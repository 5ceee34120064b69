"""Typing in the document list goes to the title that starts with what was typed, digits included: a title
starting with a date ("2026年…", "12月…") is reached from the list as any other, not by a search only."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from model.spans import Layer
from storage.project import Project
from tests.gui.conftest import add_documents
from tests.gui.helpers import press

K = Qt.Key
KEYPAD = Qt.KeyboardModifier.KeypadModifier
TITLES = [
    "越南外交部部长裴青山访问美国。",
    "12月报道\n正文",
    "2026年展望\n正文",
    "2025年回顾\n正文",
    "1号文件\n正文",
]


def test_typing_a_dates_digits_in_the_list_opens_the_title_that_starts_so(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    ids = add_documents(sqlite_project, TITLES)
    window = make_window()
    documents = window.documents
    documents.view.setFocus()
    for key in (K.Key_2, K.Key_0, K.Key_2, K.Key_6):  # 2 opens 2026年 (the first title starting with 2)
        qtbot.keyClick(documents.view, key)
    assert window.session.document.id == ids[2]
    assert documents.view.currentIndex().row() == 2
    assert "“2026”" in window.statusBar().currentMessage()
    assert "Return gives the article the keys" in window.statusBar().currentMessage()
    time.sleep(QApplication.keyboardInputInterval() / 1000 + 0.05)  # a pause: a new search
    qtbot.keyClick(documents.view, K.Key_1, KEYPAD)  # on the keypad as on the main keys
    qtbot.keyClick(documents.view, K.Key_2)
    assert window.session.document.id == ids[1]  # 12月报道, not 1号文件
    assert documents.view.hasFocus()  # the list keeps the keys while one types
    qtbot.keyClick(documents.view, K.Key_Return)
    assert window.article.hasFocus()
    press(qtbot, window, K.Key_Right, Qt.KeyboardModifier.ShiftModifier, 2)  # 12
    press(qtbot, window, K.Key_4)  # the digit labels in the article
    spans = sqlite_project.annotations.spans(ids[1], Layer.ANNOTATOR, window.annotator.id)
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 2, "MISC")]


def test_typing_on_finds_the_next_title_and_a_miss_is_said(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    ids = add_documents(sqlite_project, TITLES)
    window = make_window()
    documents = window.documents
    documents.view.setFocus()
    qtbot.keyClick(documents.view, K.Key_2)
    assert window.session.document.id == ids[2]
    time.sleep(QApplication.keyboardInputInterval() / 1000 + 0.05)
    qtbot.keyClick(documents.view, K.Key_2)  # 2 again, later: the next title starting with 2
    assert window.session.document.id == ids[3]
    for key in (K.Key_0, K.Key_2, K.Key_7):  # 2027: no title
        qtbot.keyClick(documents.view, key)
    assert window.session.document.id == ids[3]
    assert "No title in the list starts with “2027”" in window.statusBar().currentMessage()
    qtbot.keyClick(documents.view, K.Key_5)  # "2025" still typed: 2025年回顾 is open and stays
    assert window.session.document.id == ids[3]
    assert "“2025”" in window.statusBar().currentMessage()


def test_a_title_on_a_page_not_loaded_and_chinese_from_an_input_method_are_found(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """Qt's own keyboard search reads only the loaded rows (200 of 450 here)."""
    ids = add_documents(sqlite_project, [f"第{i}篇报道\n正文" for i in range(400)] + ["2026年展望\n正文"])
    ids += add_documents(sqlite_project, ["越南外交部发言\n正文"])
    window = make_window()
    documents = window.documents
    assert documents.model.rowCount() < 400
    documents.view.setFocus()
    for key in (K.Key_2, K.Key_0):
        qtbot.keyClick(documents.view, key)
    assert window.session.document.id == ids[400]
    assert documents.view.currentIndex().row() == 400
    time.sleep(QApplication.keyboardInputInterval() / 1000 + 0.05)
    event = QInputMethodEvent()
    event.setCommitString("越南")  # what an input method commits for yuenan
    QApplication.sendEvent(documents.view, event)
    assert window.session.document.id == ids[401]


def test_a_first_key_that_starts_no_title_and_is_no_article_key_is_said(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """Q in the list (no title starts so, the article has no Q) was passed on and nothing was said."""
    add_documents(sqlite_project, TITLES)
    window = make_window()
    documents = window.documents
    documents.view.setFocus()
    before = window.session.document.id
    qtbot.keyClick(documents.view, K.Key_Q)
    assert window.session.document.id == before
    assert window.statusBar().currentMessage() == "No title in the list starts with “q”."
    time.sleep(QApplication.keyboardInputInterval() / 1000 + 0.05)
    qtbot.keyClick(documents.view, K.Key_X)  # an article key: said where it acts, as before
    assert window.statusBar().currentMessage().startswith("X acts in the article")
