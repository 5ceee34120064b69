"""Undo and redo put an article's state back as well as its spans: an undo that leaves nothing of the
annotator's in an article makes it new again, and a redo does what the action did (Ctrl+Return moves on)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import DocState, DocumentId
from storage.project import Project
from tests.gui.helpers import CTRL, own, press, state

K = Qt.Key


def listed(window) -> list[DocumentId]:  # type: ignore[no-untyped-def]
    model = window.documents.model
    return [model.entry(r).id for r in range(model.rowCount())]


def test_undoing_the_only_action_makes_the_article_new_again(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Ctrl+Z of the one accept in a new article left it in progress: it dropped out of a list filtered on
    New though nothing of the annotator's was left in it."""
    window = make_window()
    window.documents.filter.setCurrentIndex(window.documents.filter.findText("New"))
    assert window.session.document.id == corpus[0] and corpus[0] in listed(window)
    press(qtbot, window, K.Key_Return)  # accept the focused suggestion
    assert own(sqlite_project, corpus[0], window) and state(sqlite_project, corpus[0], window) is (
        DocState.IN_PROGRESS
    )
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == set()
    assert state(sqlite_project, corpus[0], window) is DocState.NEW
    assert listed(window) == corpus  # back in its place in the list, and current there
    assert window.documents.view.currentIndex().row() == 0
    assert window.documents.count.text() == "3 document(s)"
    assert window.position_label.text() == "Article 1 of 3"
    press(qtbot, window, K.Key_Y, CTRL)  # redone: in progress again
    assert state(sqlite_project, corpus[0], window) is DocState.IN_PROGRESS


def test_an_undo_that_leaves_some_work_keeps_the_article_in_progress(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Return)
    press(qtbot, window, K.Key_X)  # reject the next suggestion
    press(qtbot, window, K.Key_Z, CTRL)
    assert len(own(sqlite_project, corpus[0], window)) == 1
    assert state(sqlite_project, corpus[0], window) is DocState.IN_PROGRESS


def test_redoing_done_and_next_moves_on_as_the_key_did(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Ctrl+Y after undoing a Ctrl+Return marked the article done again but stayed on it."""
    window = make_window()
    press(qtbot, window, K.Key_Return, CTRL)
    assert state(sqlite_project, corpus[0], window) is DocState.DONE
    assert window.session.document.id == corpus[1]
    press(qtbot, window, K.Key_Z, CTRL)  # back to the article, no longer done
    assert window.session.document.id == corpus[0]
    assert state(sqlite_project, corpus[0], window) is DocState.NEW
    press(qtbot, window, K.Key_Y, CTRL)
    assert state(sqlite_project, corpus[0], window) is DocState.DONE
    assert window.session.document.id == corpus[1]
    assert window.status.progress_label.text() == "Done 1 / 3"
    press(qtbot, window, K.Key_Z, CTRL)  # and undone again from there: back to it
    assert window.session.document.id == corpus[0]
    assert state(sqlite_project, corpus[0], window) is DocState.NEW
