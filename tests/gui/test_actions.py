"""Every keyboard action, driven with real key presses, checked against what the database holds (and undone,
redone)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import DocState, Entity, Layer
from storage.project import Project
from tests.gui.conftest import ARTICLE, add_documents, add_suggestions
from tests.gui.helpers import CTRL, SHIFT, drag_select, own, press, state

K = Qt.Key


def test_enter_accepts_the_focused_suggestion_and_learns_off_the_ui_thread(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, service
) -> None:
    window = make_window()
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")  # opens on the first suggestion
    press(qtbot, window, K.Key_Return)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    assert window.session.focused_span.entity == Entity(7, 10, "PER")  # focus moved on
    qtbot.waitUntil(lambda: len(service.learned) == 1)
    assert service.learned == [(corpus[0], [Entity(0, 5, "ORG")], [])]
    assert all(t is not threading.main_thread() for t in service.threads)
    press(qtbot, window, K.Key_Space)
    assert (7, 10, "PER", "accepted") in own(sqlite_project, corpus[0], window)
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    # what the engine learned from the undone decision follows the database again (off the UI thread)
    qtbot.waitUntil(lambda: len(service.resynced) == 1)
    assert service.resynced == [(corpus[0], ["裴青山"])]
    press(qtbot, window, K.Key_Z, CTRL | SHIFT)
    assert (7, 10, "PER", "accepted") in own(sqlite_project, corpus[0], window)
    qtbot.waitUntil(lambda: len(service.resynced) == 2)
    assert all(t is not threading.main_thread() for t in service.threads)


def test_tab_and_shift_tab_walk_the_suggestions(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab, times=2)
    assert window.session.focused_span.entity == Entity(11, 13, "LOC")
    assert window.entities.current_spans() == (window.session.focused,)
    press(qtbot, window, K.Key_Tab, SHIFT)
    assert window.session.focused_span.entity == Entity(7, 10, "PER")
    press(qtbot, window, K.Key_Tab, SHIFT, times=2)  # wraps to the last one
    assert window.session.focused_span.entity == Entity(25, 28, "PER")


def test_x_and_delete_reject_and_the_toggle_shows_rejected(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, service
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_X)
    press(qtbot, window, K.Key_Delete)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected"), (7, 10, "PER", "rejected")}
    assert [s.entity for s in window.session.spans][:1] == [Entity(11, 13, "LOC")]  # rejected ones hidden
    assert window.suggestions_label.text().startswith("3 suggestions")
    press(qtbot, window, K.Key_H, CTRL)
    assert {s.entity for s in window.session.spans} >= {Entity(0, 5, "ORG"), Entity(7, 10, "PER")}
    qtbot.waitUntil(lambda: len(service.learned) == 2)
    assert service.learned[0][2] == [Entity(0, 5, "ORG")]
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}


def test_with_rejected_spans_shown_tab_stops_on_them_and_return_restores(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Tab skipped the shown rejected spans while any suggestion was open, so restoring one (Return) needed
    the mouse."""
    window = make_window()
    press(qtbot, window, K.Key_X)  # 越南外交部 rejected; the focus moves on to 裴青山
    press(qtbot, window, K.Key_H, CTRL)
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Tab)
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")
    press(qtbot, window, K.Key_Return)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    assert window.session.focused_span.entity == Entity(7, 10, "PER")  # the focus moved on
    press(qtbot, window, K.Key_X)  # 裴青山 rejected: a stop for Shift+Tab from the next suggestion
    assert window.session.focused_span.entity == Entity(11, 13, "LOC")
    press(qtbot, window, K.Key_Tab, SHIFT)
    assert window.session.focused_span.entity == Entity(7, 10, "PER")
    assert window.session.focused_span.status.value == "rejected"


def test_a_label_hotkey_relabels_the_focused_span(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab)
    press(qtbot, window, K.Key_2)  # LOC
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "LOC", "accepted")}
    press(qtbot, window, K.Key_1)  # and back to PER: the own span changes in place
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted")}
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "LOC", "accepted")}


def test_shift_arrows_and_a_hotkey_make_a_span_that_replaces_overlapped_suggestions(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab, times=2)  # 美国: the caret moves to its start
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Right, SHIFT, times=4)  # 美国国务
    assert window.article.selection() == (11, 15)
    press(qtbot, window, K.Key_3)
    assert own(sqlite_project, corpus[0], window) == {(11, 15, "ORG", "accepted")}
    assert Entity(11, 13, "LOC") not in {s.entity for s in window.session.spans}
    assert window.session.focused_span.entity == Entity(11, 15, "ORG")
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == set()
    assert Entity(11, 13, "LOC") in {s.entity for s in window.session.spans}


def test_a_selection_over_an_own_span_with_another_label_relabels_it(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Before, the own span was withdrawn and a second one added over it: with Ctrl+H a struck-through LOC
    lay over the accepted PER, and the database held both."""
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山 (7, 10)
    press(qtbot, window, K.Key_2)  # LOC: an own span
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Right, SHIFT, times=3)  # from its start: 裴青山 again
    assert window.article.selection() == (7, 10)
    press(qtbot, window, K.Key_1)  # PER after all
    rows = [
        (s.start, s.end, s.label, s.status.value)
        for s in sqlite_project.annotations.spans(corpus[0], Layer.ANNOTATOR, window.annotator.id)
    ]
    assert rows == [(7, 10, "PER", "accepted")]
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "LOC", "accepted")}


def test_a_selection_over_part_of_an_own_span_replaces_it_in_one_action_and_says_so(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """The own span went without a word when the selection covered only part of it (裴 of 裴青山 unseen)."""
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山 (7, 10)
    press(qtbot, window, K.Key_Return)
    doc = corpus[0]
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "accepted")}
    drag_select(qtbot, window, 7, 11)  # 裴青山与: the own span is covered in plain sight
    press(qtbot, window, K.Key_1)
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "rejected"), (7, 11, "PER", "accepted")}
    assert window.statusBar().currentMessage() == ""
    press(qtbot, window, K.Key_Z, CTRL)  # one action
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "accepted")}
    press(qtbot, window, K.Key_Escape)
    drag_select(qtbot, window, 8, 10)  # 青山: part of it; 裴 would go unseen
    press(qtbot, window, K.Key_1)
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "rejected"), (8, 10, "PER", "accepted")}
    said = window.statusBar().currentMessage()
    assert said == "Withdrew your PER “裴青山”, which the new span overlaps (Ctrl+Z brings it back)."
    press(qtbot, window, K.Key_Z, CTRL)  # one action brings it back
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "accepted")}


def test_a_span_grown_into_an_own_span_next_to_it_says_it_withdrew_it(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """[ on 美国 grew it over 裴青山's last character, and the accepted 裴青山 went without a word."""
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山 (7, 10)
    press(qtbot, window, K.Key_Return)  # accepted; the focus moves on to 美国 (11, 13)
    doc = corpus[0]
    press(qtbot, window, K.Key_BracketLeft)  # 与美国: nothing of mine there
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "accepted"), (10, 13, "LOC", "accepted")}
    assert window.statusBar().currentMessage() == ""
    press(qtbot, window, K.Key_BracketLeft)  # 山与美国: into 裴青山
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "rejected"), (9, 13, "LOC", "accepted")}
    said = window.statusBar().currentMessage()
    assert said == "Withdrew your PER “裴青山”, which the resized span now overlaps (Ctrl+Z brings it back)."
    press(qtbot, window, K.Key_Z, CTRL)  # one action brings it back
    assert own(sqlite_project, doc, window) == {(7, 10, "PER", "accepted"), (10, 13, "LOC", "accepted")}


def test_brackets_and_comma_period_resize_the_focused_span(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山 (7, 10)
    press(qtbot, window, K.Key_BracketLeft)
    assert own(sqlite_project, corpus[0], window) == {(6, 10, "PER", "accepted")}
    press(qtbot, window, K.Key_BracketRight)
    press(qtbot, window, K.Key_Period)
    assert own(sqlite_project, corpus[0], window) == {(7, 11, "PER", "accepted")}
    press(qtbot, window, K.Key_Comma)
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted")}
    assert window.session.focused_span.entity == Entity(7, 10, "PER")
    for _ in range(4):
        press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == set()


def test_a_span_never_takes_in_a_line_break(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """[ and . stop at the end of the line (\r\n and U+2028 alike) and a selection across lines is refused: a
    span over a line break was stored, drawn on two lines, and exported as one entity over two sentences."""
    from tests.gui.helpers import drag_select

    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL, times=2)
    assert window.session.document.id == corpus[2]
    drag_select(qtbot, window, 11, 13)  # 东京, between "说:\r\n" and U+2028
    press(qtbot, window, K.Key_2)
    assert own(sqlite_project, corpus[2], window) == {(11, 13, "LOC", "accepted")}
    press(qtbot, window, K.Key_Period)  # would take in U+2028
    press(qtbot, window, K.Key_BracketLeft)  # would take in the \n
    assert own(sqlite_project, corpus[2], window) == {(11, 13, "LOC", "accepted")}
    assert window.statusBar().currentMessage() == "The span cannot grow or shrink any further that way."
    press(qtbot, window, K.Key_Comma)  # shrinking is fine
    assert own(sqlite_project, corpus[2], window) == {(11, 12, "LOC", "accepted")}
    press(qtbot, window, K.Key_Escape)
    drag_select(qtbot, window, 12, 15)  # 京, U+2028, 大阪
    press(qtbot, window, K.Key_2)
    assert own(sqlite_project, corpus[2], window) == {(11, 12, "LOC", "accepted")}
    assert window.statusBar().currentMessage() == "A span cannot cross a line break: select within one line."
    drag_select(qtbot, window, 7, 12)  # 说:\r\n东
    press(qtbot, window, K.Key_1)
    assert own(sqlite_project, corpus[2], window) == {(11, 12, "LOC", "accepted")}
    drag_select(qtbot, window, 26, 28)  # 北京, on the last line: one line is fine
    press(qtbot, window, K.Key_2)
    assert own(sqlite_project, corpus[2], window) == {
        (11, 12, "LOC", "accepted"),
        (26, 28, "LOC", "accepted"),
    }


def test_a_accepts_every_suggestion_as_one_undo_step(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_A)
    assert len(own(sqlite_project, corpus[0], window)) == 5
    assert window.suggestions_label.text().startswith("0 suggestions")
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == set()
    press(qtbot, window, K.Key_Y, CTRL)
    assert len(own(sqlite_project, corpus[0], window)) == 5


def test_e_labels_every_occurrence_and_shift_e_offers_it_across_the_corpus(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab, times=2)  # 美国 (11, 13) LOC; 美国 again at 34, not suggested
    press(qtbot, window, K.Key_E)
    assert own(sqlite_project, corpus[0], window) == {
        (11, 13, "LOC", "accepted"),
        (34, 36, "LOC", "accepted"),
    }
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == set()
    press(
        qtbot, window, K.Key_Tab, SHIFT
    )  # 裴青山 (7, 10); also at 25 (a suggestion) and in the other article
    press(qtbot, window, K.Key_E, SHIFT)
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "accepted"), (25, 28, "PER", "accepted")}
    offered = {
        (s.start, s.end, s.label) for s in sqlite_project.annotations.spans(corpus[1], Layer.SUGGESTION)
    }
    assert offered == {(0, 3, "PER"), (10, 13, "PER")}
    # offering suggestions to others is not working on their document: it stays new for this annotator
    assert state(sqlite_project, corpus[1], window) is DocState.NEW
    press(qtbot, window, K.Key_Z, CTRL)  # one step: this article and the corpus
    assert own(sqlite_project, corpus[0], window) == set()
    assert len(sqlite_project.annotations.spans(corpus[1], Layer.SUGGESTION)) == 1


def test_e_leaves_an_occurrence_inside_a_longer_suggestion_alone_and_says_so(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """E on 美国 labelled the 美国 of 美国国务院 too, replacing that ORG suggestion by a LOC span of part of
    it without a word (found driving the seed articles). The occurrence inside a longer open suggestion is
    left alone, and the status bar says so; a bare occurrence is still labelled."""
    text = "美国总统与美国国务院官员会谈,美国媒体报道。"
    (doc,) = add_documents(sqlite_project, [text])
    add_suggestions(sqlite_project, doc, [(0, 2, "LOC"), (5, 10, "ORG")])
    window = make_window()
    assert window.session.focused_span.entity == Entity(0, 2, "LOC")
    press(qtbot, window, K.Key_E)
    assert own(sqlite_project, doc, window) == {(0, 2, "LOC", "accepted"), (15, 17, "LOC", "accepted")}
    assert {(s.start, s.end, s.label) for s in sqlite_project.annotations.spans(doc, Layer.SUGGESTION)} >= {
        (5, 10, "ORG")
    }
    assert window.session.spans[1].entity == Entity(5, 10, "ORG")  # still offered, still open
    said = window.statusBar().currentMessage()
    assert said == "Labelled 1 more “美国” in this article. 1 inside a longer suggestion left as they are.", (
        said
    )
    press(qtbot, window, K.Key_E)  # again: nothing left to label, and why
    said = window.statusBar().currentMessage()
    assert said.startswith("Every other “美国” lies inside a longer suggestion: left as it is"), said


def test_e_takes_back_a_rejected_occurrence_instead_of_labelling_it_twice(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山 (7, 10)
    press(qtbot, window, K.Key_X)  # rejected; focus moves on to 美国
    press(qtbot, window, K.Key_Tab, times=2)  # 布林肯, then 裴青山 (25, 28)
    assert window.session.focused_span.entity == Entity(25, 28, "PER")
    press(qtbot, window, K.Key_E)  # the other 裴青山 too: the rejection is taken back, no second row
    rows = sorted(
        (s.start, s.end, s.label, s.status.value)
        for s in sqlite_project.annotations.spans(corpus[0], Layer.ANNOTATOR, window.annotator.id)
    )
    assert rows == [(7, 10, "PER", "accepted"), (25, 28, "PER", "accepted")]
    press(qtbot, window, K.Key_H, CTRL)  # nothing rejected left to strike through over the accepted 裴青山
    assert [s.entity for s in window.session.spans if s.entity.start == 7] == [Entity(7, 10, "PER")]
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == {(7, 10, "PER", "rejected")}


def test_the_status_bar_forgets_what_an_earlier_action_said(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Shift+X right after E still showed "Labelled 1 more “美国”…" for seconds, over spans just rejected."""
    window = make_window()
    press(qtbot, window, K.Key_Tab, times=2)  # 美国 (11, 13); again at 34
    press(qtbot, window, K.Key_E)
    assert window.statusBar().currentMessage().startswith("Labelled 1 more")
    press(qtbot, window, K.Key_X, SHIFT)  # the group rejected: the old word goes, the new one is said
    assert own(sqlite_project, corpus[0], window) == {
        (11, 13, "LOC", "rejected"),
        (34, 36, "LOC", "rejected"),
    }
    assert window.statusBar().currentMessage() == "Rejected all 2 “美国” LOC (Ctrl+Z takes them back)."


def test_ctrl_enter_marks_done_and_opens_the_next_unfinished(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    assert window.progress_label.text() == "Done 0 / 3"
    press(qtbot, window, K.Key_Return, CTRL)
    assert state(sqlite_project, corpus[0], window) is DocState.DONE
    assert window.session.document.id == corpus[1]
    assert window.progress_label.text() == "Done 1 / 3"
    qtbot.waitUntil(lambda: window.documents.model.entry(0).state is DocState.DONE)  # the list follows
    assert window.documents.view.currentIndex().row() == 1
    press(qtbot, window, K.Key_Z, CTRL)  # undo goes back to where the change was
    assert window.session.document.id == corpus[0]
    assert state(sqlite_project, corpus[0], window) is DocState.NEW
    assert window.progress_label.text() == "Done 0 / 3"


def test_ctrl_page_keys_move_between_articles(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert window.session.document.id == corpus[1]
    assert window.article.toPlainText().startswith("布林肯")
    press(qtbot, window, K.Key_PageUp, CTRL)
    assert window.session.document.id == corpus[0]
    assert window.article.toPlainText() == ARTICLE


def test_snap_toggle_grows_a_selection_to_word_boundaries(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    assert window.session.warm
    press(qtbot, window, K.Key_W)  # the status bar says so: it was a silent toggle
    assert window.statusBar().currentMessage().startswith("New spans from a selection now snap to word")
    window.article.select(5, 6)  # 部 of 部长; the fake tokenizer's words are two characters long
    press(qtbot, window, K.Key_4)
    assert own(sqlite_project, corpus[0], window) == {(4, 6, "MISC", "accepted")}
    press(qtbot, window, K.Key_W)  # off again
    assert window.statusBar().currentMessage().startswith("New spans from a selection no longer snap")
    window.article.select(20, 21)
    press(qtbot, window, K.Key_4)
    assert (20, 21, "MISC", "accepted") in own(sqlite_project, corpus[0], window)


def test_f1_lists_every_shortcut(qtbot: QtBot, make_window, corpus) -> None:
    from gui.keymap import normal
    from gui.shortcuts import SHORTCUTS
    from gui.shortcuts_dialog import ShortcutsDialog

    window = make_window()
    qtbot.keyClick(window.article, K.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = {table.item(i, 1).text(): table.item(i, 0).text() for i in range(table.rowCount())}
    for shortcut in SHORTCUTS:  # every command of the table, with its default keys
        assert rows[shortcut.text] == " / ".join(normal(k) for k in shortcut.keys)
    assert rows["Label as PER"] == "1" and rows["Label as MISC"] == "4"
    assert rows["Export training data…"] == "Ctrl+Shift+S" and rows["Compare with gold"] == "Ctrl+G"
    assert dialog.table.item(0, 0).text().startswith("Shift+←/→")
    dialog.close()


def test_an_annotator_sees_suggestions_and_own_work_but_nobody_elses(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    bob = make_window("bob")
    press(qtbot, bob, K.Key_X)  # bob rejects 越南外交部
    press(qtbot, bob, K.Key_2)  # and relabels 裴青山 as LOC
    alice = make_window("alice")
    assert [(s.entity, s.status.value) for s in alice.session.spans[:2]] == [
        (Entity(0, 5, "ORG"), "suggested"),
        (Entity(7, 10, "PER"), "suggested"),
    ]
    assert own(sqlite_project, corpus[0], alice) == set()
