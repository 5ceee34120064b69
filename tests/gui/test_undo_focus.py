"""Undo and redo put the focus where the step was, so the next key acts on the span the annotator just took
back (a decision moves the focus on; Ctrl+Z then X rejected the span after it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import Entity
from storage.project import Project
from tests.gui.helpers import CTRL, SHIFT, own, press

K = Qt.Key


def test_undo_focuses_the_undone_span_and_the_next_key_acts_on_it(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Return)  # accept 越南外交部; the focus moves on to 裴青山
    assert window.session.focused_span.entity == Entity(7, 10, "PER")
    press(qtbot, window, K.Key_Z, CTRL)
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")
    press(qtbot, window, K.Key_X)  # changed my mind: reject it (not 裴青山)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}
    press(qtbot, window, K.Key_Z, CTRL)
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")
    press(
        qtbot, window, K.Key_Z, CTRL | SHIFT
    )  # redo the rejection: hidden again, the focus moves on as X did
    assert window.session.focused_span.entity == Entity(7, 10, "PER")


def test_undoing_a_group_rejection_focuses_the_group(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山 PER, twice in the article
    press(qtbot, window, K.Key_X, SHIFT)  # the group rejected; the focus moves on to 美国
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "rejected"), (25, 28, "PER", "rejected")}
    assert window.session.focused_span.entity == Entity(11, 13, "LOC")
    press(qtbot, window, K.Key_Z, CTRL)
    assert window.session.focused_span.entity == Entity(7, 10, "PER")
    press(qtbot, window, K.Key_Return, SHIFT)  # accept the group instead, never 美国's
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted"), (25, 28, "PER", "accepted")}


def test_an_undo_that_opens_another_article_says_which(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Ctrl+Z pressed in the next article opened the article of the step without a word: the text changed
    under the annotator's hands."""
    window = make_window()
    press(qtbot, window, K.Key_Return)  # accept 越南外交部
    press(qtbot, window, K.Key_Return, CTRL)  # done: on to the next article
    assert window.session.document.id == corpus[1]
    press(qtbot, window, K.Key_Z, CTRL)  # undoes the done, back in the first article
    assert window.session.document.id == corpus[0]
    title = window.session.document.title
    said = f"Undo Mark done: back in “{title}”, the article it changed."
    assert window.statusBar().currentMessage() == said
    press(qtbot, window, K.Key_Z, CTRL)  # in the article open: nothing to say but the span framed
    assert window.statusBar().currentMessage() == ""
    assert own(sqlite_project, corpus[0], window) == set()
    press(qtbot, window, K.Key_PageDown, CTRL)
    press(qtbot, window, K.Key_Y, CTRL)  # the redone accept, back in the first article
    assert window.session.document.id == corpus[0]
    assert window.statusBar().currentMessage().startswith("Redo Accept ORG 越南外交部: back in “")
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
