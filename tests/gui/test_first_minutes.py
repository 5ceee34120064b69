"""The first minutes of a new annotator: the window opens with a suggestion framed and says which keys decide
it, once, until the first decision; an annotator who has worked before is not told again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from gui import settings
from model.commands import Context, SetDocumentState
from model.spans import DocState
from tests.gui.helpers import drag_select, own, press

K = Qt.Key
HINT = "Return accepts the framed suggestion, X rejects it, Tab goes to the next one; F1 lists every key."


def test_a_new_annotator_is_told_the_keys_that_decide_until_the_first_decision(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    window = make_window()
    bar = window.statusBar()
    assert window.article.hasFocus() and window.session.focused_span is not None
    assert bar.currentMessage() == HINT
    # readable: shown before the window was, it had the focused span's label drawn over it
    assert not window.focus_label.isVisible()
    press(qtbot, window, K.Key_Return)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    assert bar.currentMessage() == ""  # gone with the first decision: the focused span shows again
    assert window.focus_label.isVisible() and "裴青山" in window.focus_label.text()
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Tab)  # once only, in the window
    assert bar.currentMessage() != HINT
    window.close()
    again = make_window()  # the next start: they have worked here before
    assert again.statusBar().currentMessage() != HINT


def test_the_hint_names_the_keys_the_annotator_chose(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    settings.save(shortcuts={"main": {"action_reject_focused": ["J"]}})
    window = make_window("bob")
    assert window.actions_by_command["reject_focused"].shortcut() == QKeySequence("J")
    assert window.statusBar().currentMessage() == HINT.replace("X rejects", "J rejects")


def test_a_says_how_many_it_accepted_and_which_key_takes_them_back(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """A made every decision of the article at once without a word (156 on the first seed)."""
    window = make_window()
    press(qtbot, window, K.Key_A)
    assert len(own(sqlite_project, corpus[0], window)) == 5
    said = "Accepted all 5 suggestions of this article (Ctrl+Z takes them back)."
    assert window.statusBar().currentMessage() == said
    press(qtbot, window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert own(sqlite_project, corpus[0], window) == set()


def test_a_group_accepted_or_rejected_says_how_many_and_which_key_takes_them_back(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """Shift+Return and Shift+X decided every 裴青山 of the article, the second one out of sight in a long
    article, without a word (A says as much)."""
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山 at 7, twice in the article
    press(qtbot, window, K.Key_Return, SHIFT)
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted"), (25, 28, "PER", "accepted")}
    said = "Accepted all 2 “裴青山” as PER (Ctrl+Z takes them back)."
    assert window.statusBar().currentMessage() == said
    press(qtbot, window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert own(sqlite_project, corpus[0], window) == set()
    press(qtbot, window, K.Key_X, SHIFT)
    assert window.statusBar().currentMessage() == "Rejected all 2 “裴青山” PER (Ctrl+Z takes them back)."
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "rejected"), (25, 28, "PER", "rejected")}


def test_return_on_a_selection_names_the_label_keys_not_tab(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """Text selected and Return pressed (as one confirms a choice) said "No span is focused: press Tab to
    focus the next suggestion", nothing of the selection: the label keys label it."""
    window = make_window()
    press(qtbot, window, K.Key_Escape)
    window.article.select(19, 23)  # 举行会谈
    press(qtbot, window, K.Key_Return)
    said = window.statusBar().currentMessage()
    assert said == (
        "No span is focused: a label key labels the selection (1 PER  2 LOC  3 ORG  4 MISC); "
        "Tab focuses the next suggestion."
    )
    assert own(sqlite_project, corpus[0], window) == set()
    press(qtbot, window, K.Key_3)
    assert own(sqlite_project, corpus[0], window) == {(19, 23, "ORG", "accepted")}


def test_return_on_a_selection_beside_the_framed_span_decides_nothing(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """越南外交部 framed, 举行会谈 selected with the mouse (the status bar describing the selection): Return
    accepted 越南外交部, a span the annotator was not looking at, and X would have rejected it."""
    window = make_window()
    window.article.select(19, 23)  # 举行会谈
    assert window.session.focused_span is not None and "举行会谈" in window.focus_label.text()
    for key in (K.Key_Return, K.Key_X):
        press(qtbot, window, key)
        assert window.statusBar().currentMessage() == (
            "Text is selected: a label key labels it (1 PER  2 LOC  3 ORG  4 MISC); Esc clears it, for the "
            "framed span."
        )
    assert own(sqlite_project, corpus[0], window) == set()
    press(qtbot, window, K.Key_Escape)  # the selection goes, the framed span stays
    press(qtbot, window, K.Key_Return)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    window.article.select(7, 10)  # exactly the framed 裴青山: Return accepts it
    press(qtbot, window, K.Key_Return)
    assert (7, 10, "PER", "accepted") in own(sqlite_project, corpus[0], window)


SHIFT, NO = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.NoModifier
FRAMED_SPAN_KEYS = [
    (K.Key_Return, SHIFT),  # accept the group
    (K.Key_Enter, SHIFT),
    (K.Key_X, SHIFT),  # reject the group
    (K.Key_Delete, SHIFT),
    (K.Key_BracketLeft, NO),  # resize
    (K.Key_BracketRight, NO),
    (K.Key_Comma, NO),
    (K.Key_Period, NO),
    (K.Key_E, NO),  # label every occurrence
    (K.Key_E, SHIFT),
]


@pytest.mark.parametrize(
    ("key", "modifier"),
    FRAMED_SPAN_KEYS,
    ids=["Shift+Return", "Shift+Enter", "Shift+X", "Shift+Delete", "[", "]", ",", ".", "E", "Shift+E"],
)
def test_the_framed_span_keys_decide_nothing_with_a_selection_beside_it(
    qtbot: QtBot, make_window, corpus, sqlite_project, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    """裴青山 framed (twice in the article), 举行会谈 selected: Return and X refused, but Shift+Return,
    Shift+X, the resize keys and E still decided the framed span, which the status bar was not describing."""
    window = make_window()
    window.session.set_focus(1)  # 裴青山
    window.article.select(19, 23)  # 举行会谈
    assert "举行会谈" in window.focus_label.text()
    press(qtbot, window, key, modifier)
    assert own(sqlite_project, corpus[0], window) == set()
    assert own(sqlite_project, corpus[1], window) == set()
    assert window.statusBar().currentMessage() == (
        "Text is selected: a label key labels it (1 PER  2 LOC  3 ORG  4 MISC); Esc clears it, for the "
        "framed span."
    )
    focused = window.session.focused_span
    assert focused is not None and (focused.start, focused.end) == (7, 10)


def test_with_no_label_keys_a_selection_beside_the_framed_span_still_keeps_return_from_deciding(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """With every label key unbound the guard switched off: Return accepted the framed 越南外交部 while the
    status bar described the selected 举行会谈."""
    settings.save(shortcuts={"main": {f"action_label_{n}": [] for n in ("PER", "LOC", "ORG", "MISC")}})
    window = make_window()
    window.article.select(19, 23)  # 举行会谈
    assert "举行会谈" in window.focus_label.text()
    for key, modifier in ((K.Key_Return, NO), (K.Key_X, NO), (K.Key_Return, SHIFT)):
        press(qtbot, window, key, modifier)
        assert window.statusBar().currentMessage() == (
            "Text is selected and no label has a key: Esc clears the selection, for the framed span; "
            "Project → Labels… gives a label a key."
        )
    assert own(sqlite_project, corpus[0], window) == set()


def test_ctrl_return_says_how_many_suggestions_it_left_undecided(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """Ctrl+Return marked an article done with its open suggestions undecided (156 on the first seed) without
    a word; those are no labels and never exported, which an annotator may not know."""
    window = make_window()
    press(qtbot, window, K.Key_Return)  # one decided, four left
    first = window.session.document.id
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.id != first
    said = window.statusBar().currentMessage()
    assert said == "Marked done with 4 suggestion(s) undecided, not exported (Ctrl+Z undoes)."
    press(qtbot, window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back to the article, not done
    assert window.session.document.id == first


def test_ctrl_return_with_every_suggestion_decided_says_nothing_of_them(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_A)
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "undecided" not in window.statusBar().currentMessage()


def test_ctrl_return_on_the_last_unfinished_article_says_both(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """On the last unfinished article the window stays: the undecided count must not hide that it stayed."""
    alice = sqlite_project.annotator("alice")
    for doc in corpus[1:]:
        SetDocumentState(Context(doc, alice.id), DocState.DONE, DocState.NEW).do(sqlite_project.annotations)
    window = make_window()
    assert window.session.document.id == corpus[0]
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.id == corpus[0]
    assert window.statusBar().currentMessage() == (
        "Every document is done. Well done! Marked done with 5 suggestion(s) undecided, not exported "
        "(Ctrl+Z undoes)."
    )


def test_the_row_menu_acts_on_its_row_whatever_is_selected_in_the_article(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """Right-click on the framed span's row, then "Accept the group": it refused with the article's "text is
    selected" message, though the annotator had picked the row (another row worked: the focus moved)."""
    window = make_window()
    window.session.set_focus(1)  # 裴青山, framed
    drag_select(qtbot, window, 19, 23)  # 举行会谈
    panel = window.entities
    model = panel.model()
    index = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data() == "裴青山"
    )
    panel._row_menu(panel.visualRect(index).center())
    menu = panel.findChild(QMenu, "entityRowMenu")
    menu.actions()[0].trigger()  # accept the group
    menu.close()
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted"), (25, 28, "PER", "accepted")}
    assert window.article.selection() is None


def test_a_label_key_on_a_span_that_has_that_label_says_so_and_frames_it(
    qtbot: QtBot, make_window, corpus, sqlite_project
) -> None:
    """Selecting exactly an own span and pressing the label it has did nothing and said nothing; the keys that
    act on the framed span then refused, naming the label key that had just done nothing."""
    window = make_window()
    press(qtbot, window, K.Key_Return)  # 越南外交部 accepted as ORG
    drag_select(qtbot, window, 0, 5)
    press(qtbot, window, K.Key_3)  # ORG again
    assert window.statusBar().currentMessage() == "This span has that label already."
    focused = window.session.focused_span
    assert focused is not None and (focused.start, focused.end) == (0, 5)
    press(qtbot, window, K.Key_X)  # the keys that act on the framed span act on it now
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}
