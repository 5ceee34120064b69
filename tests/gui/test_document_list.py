"""The document list loads lazily, filters by state and searches titles and text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from model.spans import DocState, Layer
from storage.project import Project
from tests.gui.conftest import add_documents
from tests.gui.helpers import CTRL, NO, SHIFT, press

KEYPAD = Qt.KeyboardModifier.KeypadModifier

K = Qt.Key


def test_a_large_corpus_loads_page_by_page(qtbot: QtBot, make_window, sqlite_project: Project) -> None:
    add_documents(
        sqlite_project, [f"第{i}篇报道\n正文{i}" + ("北京" if i % 100 == 7 else "") for i in range(1000)]
    )
    window = make_window()
    model, view = window.documents.model, window.documents.view
    assert model.total == 1000
    assert model.rowCount() == 200  # one page, not the corpus
    assert window.documents.count.text() == "1000 document(s)"
    for _ in range(3):
        view.scrollToBottom()
        qtbot.wait(10)
    assert 200 < model.rowCount() <= 1000
    assert model.row_of(model.entry(0).id + 999) == 999  # found by loading the pages up to it


def test_filter_by_state_and_search_by_text(qtbot: QtBot, make_window, sqlite_project: Project) -> None:
    ids = add_documents(
        sqlite_project, [f"第{i}篇报道\n正文{i}" + ("北京" if i % 10 == 7 else "") for i in range(30)]
    )
    window = make_window()
    press(qtbot, window, K.Key_Return, CTRL)  # the first is done, the second opens
    press(qtbot, window, K.Key_Return, CTRL)
    window.documents.filter.setCurrentIndex(3)  # Done
    assert [window.documents.model.entry(i).id for i in range(window.documents.model.rowCount())] == ids[:2]
    assert window.documents.model.entry(0).state is DocState.DONE
    window.documents.filter.setCurrentIndex(0)
    qtbot.keyClick(window, K.Key_F, CTRL)
    assert window.documents.search.hasFocus()
    window.documents.search.insert("北京")  # (QTest cannot type non-ASCII keys)
    qtbot.waitUntil(lambda: window.documents.model.total == 3)
    assert [window.documents.model.entry(i).id for i in range(3)] == [ids[7], ids[17], ids[27]]
    window.documents.view.selectRow(1)  # choosing a row opens it
    assert window.session.document.id == ids[17]
    assert window.article.toPlainText().endswith("北京")


def test_tab_leaves_the_list_for_the_article_and_shift_tab_goes_back(
    qtbot: QtBot, make_window, corpus
) -> None:
    """Tab went from cell to cell inside the list, never on to the article; Shift+Tab stayed there too."""
    window = make_window()
    documents = window.documents
    qtbot.keyClick(window, K.Key_F, CTRL)
    assert documents.search.hasFocus()
    qtbot.keyClick(documents.search, K.Key_Tab)
    assert documents.filter.hasFocus()
    qtbot.keyClick(documents.filter, K.Key_Tab)
    assert documents.view.hasFocus()
    qtbot.keyClick(documents.view, K.Key_Down)  # ↑/↓ still choose a document
    assert window.session.document.id == corpus[1]
    qtbot.keyClick(documents.view, K.Key_Tab)
    assert window.article.hasFocus()
    assert window.session.document.id == corpus[1]
    window.documents.view.setFocus()
    qtbot.keyClick(documents.view, K.Key_Backtab, SHIFT)
    assert documents.filter.hasFocus()
    qtbot.keyClick(documents.filter, K.Key_Backtab, SHIFT)
    assert documents.search.hasFocus()


def test_the_open_column_tells_a_document_not_suggested_yet_from_one_with_none_left(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """A document whose suggestions were never computed showed a blank Open cell, as one with none left: it
    read as nothing to do. It shows "…" (tooltip: not suggested yet), and so does the status bar."""
    from tests.gui.helpers import drag_select

    window = make_window()
    model = window.documents.model
    open_cell = [model.index(row, 2) for row in range(3)]
    assert [i.data() for i in open_cell] == [5, 1, "…"]  # corpus[2] has no suggestion stored
    assert "not suggested yet" in open_cell[2].data(Qt.ItemDataRole.ToolTipRole).lower()
    assert open_cell[1].data(Qt.ItemDataRole.ToolTipRole) == "1 suggestion left"
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert window.session.document.id == corpus[1]
    press(qtbot, window, K.Key_Return)  # accept its one suggestion: none left, a blank cell
    qtbot.waitUntil(lambda: model.index(1, 2).data() == "")
    assert window.suggestions_label.text() == "0 suggestions left in this article"
    press(qtbot, window, K.Key_PageDown, CTRL)  # the engine finds nothing for it (the stand-in plans none)
    assert window.session.document.id == corpus[2]
    qtbot.waitUntil(lambda: window.session.workers.busy == 0)
    assert window.suggestions_label.text() == "Not suggested yet"
    drag_select(qtbot, window, 11, 13)  # an own span: still not suggested, not "0 left"
    press(qtbot, window, K.Key_2)
    assert window.session.spans and window.documents.model.entry(2).state is DocState.IN_PROGRESS
    assert model.index(2, 2).data() == "…"
    assert window.suggestions_label.text() == "Not suggested yet"


def test_return_in_the_list_gives_the_chosen_article_the_keys(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """↓ in the list opened the next article, but Return there did nothing and kept the keys: the annotator's
    next Return or X, meant for the article, did nothing at all, without a word."""
    window = make_window()
    documents = window.documents
    qtbot.keyClick(window, K.Key_F, CTRL)
    qtbot.keyClick(documents.search, K.Key_Down)  # to the list, to choose
    qtbot.keyClick(documents.view, K.Key_Down)
    assert window.session.document.id == corpus[1]
    qtbot.keyClick(documents.view, K.Key_Return)
    assert window.article.hasFocus()
    press(qtbot, window, K.Key_Return)  # accepts 布林肯 in the article chosen
    spans = sqlite_project.annotations.spans(corpus[1], Layer.ANNOTATOR, window.annotator.id)
    assert [(s.start, s.end, s.status.value) for s in spans] == [(0, 3, "accepted")]
    documents.view.setFocus()
    qtbot.keyClick(documents.view, K.Key_Escape)  # Escape too, as in the search box
    assert window.article.hasFocus()
    assert window.session.document.id == corpus[1]


def test_an_article_key_pressed_in_the_list_says_where_it_acts(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """A click in the list leaves the keys there: X, A or a label key then did nothing at all (a letter
    could jump to another title), and the annotator could not tell a missed key from a slow window."""
    window = make_window()
    documents = window.documents
    documents.view.setFocus()
    for key in (K.Key_X, K.Key_A, K.Key_1):
        window.statusBar().clearMessage()
        qtbot.keyClick(documents.view, key)
        assert "acts in the article" in window.statusBar().currentMessage()
        assert documents.view.hasFocus() and window.session.document.id == corpus[0]
    assert sqlite_project.annotations.spans(corpus[0], Layer.ANNOTATOR, window.annotator.id) == []
    assert "Return (or Ctrl+1)" in window.statusBar().currentMessage()
    window.actions_by_command["focus_article"].setShortcut(QKeySequence("Ctrl+G"))  # as F1's keymap rebinds
    qtbot.keyClick(documents.view, K.Key_X)
    assert "Return (or Ctrl+G)" in window.statusBar().currentMessage()  # the key it has, not the default
    qtbot.keyClick(documents.view, K.Key_Return)
    press(qtbot, window, K.Key_X)  # now in the article: rejects 越南外交部
    spans = sqlite_project.annotations.spans(corpus[0], Layer.ANNOTATOR, window.annotator.id)
    assert [(s.start, s.end, s.status.value) for s in spans] == [(0, 5, "rejected")]


def test_an_action_on_an_article_beyond_the_loaded_rows_does_not_count_it_twice(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """A saved change to an article the list has not loaded yet (beyond its first page), whose state the
    filter already held, was read as an article coming back into the filter: every action on it added one to
    "N document(s)" and to "article N of M" (503 of 500 after three)."""
    ids = add_documents(sqlite_project, [f"第{i}篇报道\n正文{i}" for i in range(450)])
    window = make_window()
    window.documents.filter.setCurrentIndex(1)  # New
    model = window.documents.model
    assert model.total == 450 and model.rowCount() == 200
    for _ in range(3):  # as the window follows an action that leaves the unloaded article new (an undo)
        model.update_entry(ids[400], DocState.NEW, 0)
    assert model.total == 450
    assert window.documents.count.text() == "450 document(s)"


def test_an_unbound_digit_or_a_keypad_label_key_that_starts_no_title_says_where_it_acts(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """7, a key no label has (labels 1-4), and a label key typed on the numeric keypad, in a list where no
    title starts with them: said where they act (a title's start typed goes to it: test_title_jump.py)."""
    titles = ["越南外交部部长裴青山访问美国。", "八月报道\n正文", "一号文件\n正文"]
    ids = add_documents(sqlite_project, titles)
    window = make_window()
    documents = window.documents
    documents.view.setFocus()
    assert window.session.document.id == ids[0]
    for key, modifier in ((K.Key_7, NO), (K.Key_7, KEYPAD), (K.Key_1, KEYPAD)):
        window.statusBar().clearMessage()
        qtbot.keyClick(documents.view, key, modifier)
        said = window.statusBar().currentMessage()
        assert said.startswith(f"{chr(key)} acts in the article: Return (or Ctrl+1)"), (key, modifier, said)
        assert documents.view.hasFocus() and window.session.document.id == ids[0]
        assert documents.view.currentIndex().row() == 0


def test_a_label_key_on_the_numeric_keypad_labels_in_the_article(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Right, SHIFT, times=2)  # 越南
    qtbot.keyClick(window.article, K.Key_3, KEYPAD)
    spans = sqlite_project.annotations.spans(corpus[0], Layer.ANNOTATOR, window.annotator.id)
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 2, "ORG")]
    window.statusBar().clearMessage()
    qtbot.keyClick(window.article, K.Key_7, KEYPAD)
    assert window.statusBar().currentMessage().startswith("No label has the key 7")
