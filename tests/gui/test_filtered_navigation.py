"""Ctrl+PgDown / Ctrl+PgUp and Ctrl+Return move through the document list as filtered (its state filter and
search, in its order), and say so in the status bar when the filter holds no further article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.commands import Context, SetDocumentState
from model.spans import DocState, DocumentId
from storage.project import Project
from tests.gui.conftest import add_documents
from tests.gui.helpers import CTRL, press, state

K = Qt.Key


def five(project: Project) -> list[DocumentId]:
    """Five articles; B done and D in progress for alice."""
    ids = add_documents(project, [f"第{c}篇\n{c}国新闻。" for c in "ABCDE"])
    alice = project.annotator("alice")
    SetDocumentState(Context(ids[3], alice.id), DocState.IN_PROGRESS, DocState.NEW).do(project.annotations)
    # last, so that the window starts on the list's first unfinished article (A), not on D left in progress
    SetDocumentState(Context(ids[1], alice.id), DocState.DONE, DocState.NEW).do(project.annotations)
    return ids


def choose(window, text: str) -> None:  # type: ignore[no-untyped-def]
    window.documents.filter.setCurrentIndex(window.documents.filter.findText(text))


def opened(window) -> DocumentId:  # type: ignore[no-untyped-def]
    return window.session.document.id


def test_next_and_previous_stay_in_the_state_filter(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    ids = five(sqlite_project)
    window = make_window()
    assert opened(window) == ids[0]
    choose(window, "New")  # A, C, E
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert opened(window) == ids[2] and window.position_label.text() == "Article 2 of 3"
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert opened(window) == ids[4] and window.position_label.text() == "Article 3 of 3"
    press(qtbot, window, K.Key_PageDown, CTRL)  # wraps within the filter
    assert opened(window) == ids[0]
    press(qtbot, window, K.Key_PageUp, CTRL)
    assert opened(window) == ids[4]
    choose(window, "In progress")  # D only
    press(qtbot, window, K.Key_PageUp, CTRL)
    assert opened(window) == ids[3] and window.position_label.text() == "Article 1 of 1"
    press(qtbot, window, K.Key_PageDown, CTRL)  # nothing else in the filter: stay, and say so
    assert opened(window) == ids[3]
    assert window.statusBar().currentMessage() == "No other article in the list's filter."


def test_done_and_next_opens_the_next_unfinished_article_of_the_filter(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    ids = five(sqlite_project)
    window = make_window()
    choose(window, "New")
    press(qtbot, window, K.Key_PageUp, CTRL)
    assert opened(window) == ids[4]
    press(qtbot, window, K.Key_Return, CTRL)  # E done; wraps to A, never D (in progress, outside the filter)
    assert state(sqlite_project, ids[4], window) is DocState.DONE
    assert opened(window) == ids[0] and window.position_label.text() == "Article 1 of 2"  # E left the list
    listed = window.documents.model
    assert [listed.entry(r).id for r in range(listed.rowCount())] == [ids[0], ids[2]]
    assert window.documents.count.text() == "2 document(s)"
    assert window.documents.view.currentIndex().row() == 0  # A's row, not the one E's removal moved to
    press(qtbot, window, K.Key_Return, CTRL)
    assert opened(window) == ids[2]
    press(qtbot, window, K.Key_Return, CTRL)  # C done: the filter holds no unfinished article, D is outside
    assert state(sqlite_project, ids[2], window) is DocState.DONE
    assert opened(window) == ids[2]
    assert window.statusBar().currentMessage() == (
        "No other unfinished article in the list's filter; clear the filter to see the rest."
    )
    choose(window, "All documents")
    press(qtbot, window, K.Key_Return, CTRL)
    assert opened(window) == ids[3]
    press(qtbot, window, K.Key_Return, CTRL)
    assert window.statusBar().currentMessage() == "Every document is done. Well done!"


def test_a_search_typed_just_before_the_key_counts(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    ids = five(sqlite_project)
    window = make_window()
    press(qtbot, window, K.Key_F, CTRL)
    window.documents.search.insert("D国")  # as an input method commits it; the list's delay not yet over
    assert window.documents._timer.isActive()
    qtbot.keyClick(window.documents.search, K.Key_PageDown, CTRL)
    assert opened(window) == ids[3] and window.position_label.text() == "Article 1 of 1"


def test_next_follows_the_most_uncertain_first_order(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    ids = five(sqlite_project)
    window = make_window()
    window.documents.model.set_ranking([ids[4], ids[2], ids[0]])  # as Model → Most uncertain first lists it
    choose(window, "New")
    press(qtbot, window, K.Key_PageUp, CTRL)  # from A, the last of the list: back to C
    assert opened(window) == ids[2] and window.position_label.text() == "Article 2 of 3"
    press(qtbot, window, K.Key_PageUp, CTRL)
    assert opened(window) == ids[4] and window.position_label.text() == "Article 1 of 3"
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert opened(window) == ids[2]


def test_a_row_that_stays_in_the_filter_stays_listed(qtbot: QtBot, make_window, corpus) -> None:
    """The filter's state came back from the combo box as a plain string, never the same object as the row's
    state: a document whose open suggestions changed (the next one opened, suggestions arriving, a
    suggestion rejected) left the list although its state still matched."""
    window = make_window()
    press(qtbot, window, K.Key_Return)  # accept the focused suggestion: this article is in progress
    assert state(window.project, corpus[0], window) is DocState.IN_PROGRESS
    choose(window, "In progress")
    listed = window.documents.model
    assert [listed.entry(r).id for r in range(listed.rowCount())] == [corpus[0]]
    press(qtbot, window, K.Key_X)  # reject the next one: fewer open suggestions, still in progress
    assert [listed.entry(r).id for r in range(listed.rowCount())] == [corpus[0]]
    assert window.position_label.text() == "Article 1 of 1"


def test_an_article_undone_back_into_a_filter_chosen_after_it_left_is_listed_again(
    qtbot: QtBot, make_window, corpus
) -> None:
    """Ctrl+Return on every article, then "New", then Ctrl+Z: the last article was new again but the list
    stayed empty ("0 document(s)", "Not in the filter"); it came back only if it had left under "New"."""
    window = make_window()
    press(qtbot, window, K.Key_Return, CTRL, times=3)  # all three done; the last one stays open
    choose(window, "New")
    assert window.documents.model.total == 0
    press(qtbot, window, K.Key_Z, CTRL)  # the last one is new again
    assert state(window.project, corpus[2], window) is DocState.NEW
    listed = window.documents.model
    assert [listed.entry(r).id for r in range(listed.rowCount())] == [corpus[2]]
    assert window.documents.count.text() == "1 document(s)"
    assert window.position_label.text() == "Article 1 of 1"
    window.documents.search.insert("没有这样的报道")  # a search the article does not match keeps it out
    qtbot.waitUntil(lambda: window.documents.model.total == 0)
    press(qtbot, window, K.Key_Y, CTRL)  # done again
    press(qtbot, window, K.Key_Z, CTRL)  # new again, under "New", but not in the search
    assert state(window.project, corpus[2], window) is DocState.NEW
    assert window.documents.model.total == 0
    assert window.documents.model.rowCount() == 0
