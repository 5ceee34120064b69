"""Sessions a scripted annotator runs with the documented keys only, checked against the database: long
undo and redo chains, and the like."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.entity_model import STATUS
from gui.terms import word
from model.spans import Entity, Layer, Status
from storage.project import Project
from tests.gui.conftest import add_documents, add_suggestions
from tests.gui.helpers import CTRL, NO, SHIFT, own, press

K = Qt.Key


def commit(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: it commits the text (QTest cannot type a hanzi as keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_redo_replays_a_chain_that_began_with_a_span_drawn_from_a_selection(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Undone, a drawn span is deleted; redone, it is stored again under a new id. The steps after it (grow
    it, relabel it) refer to the span and must follow it there: the redo of the grow went to the old id, now
    another row's (here a suggestion's; refused with an IntegrityError) or no row's ("someone else changed
    this span first"), and the rest of the chain could not be redone."""
    window = make_window()
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Home)
    press(qtbot, window, K.Key_Right, SHIFT, times=2)  # 越南
    press(qtbot, window, K.Key_2)  # LOC, in place of the suggestion 越南外交部
    press(qtbot, window, K.Key_Period, times=3)  # 越南外交部
    press(qtbot, window, K.Key_3)  # relabelled ORG
    done = {(0, 5, "ORG", "accepted")}
    assert own(sqlite_project, corpus[0], window) == done
    press(qtbot, window, K.Key_Z, CTRL, times=5)
    assert own(sqlite_project, corpus[0], window) == set()
    # meanwhile the engine stores the next article's suggestions (so SQLite does not hand the same id again)
    add_suggestions(sqlite_project, corpus[2], [(0, 3, "ORG")])
    press(qtbot, window, K.Key_Y, CTRL, times=5)
    assert own(sqlite_project, corpus[0], window) == done
    assert not window.message_bar.isVisible()
    press(qtbot, window, K.Key_Z, CTRL, times=5)  # and again, through the ids the redo gave
    assert own(sqlite_project, corpus[0], window) == set()
    press(qtbot, window, K.Key_Z, CTRL | SHIFT, times=5)
    assert own(sqlite_project, corpus[0], window) == done


def test_a_small_window_leaves_the_entity_panel_room_for_its_columns(
    qtbot: QtBot, make_window, corpus
) -> None:
    """At 1024×700 the splitter squeezed the panel below what its shown columns need (Label, Count and
    Status at their fixed widths, Text at its minimum): a horizontal scroll bar, Status cut to "sugg"."""
    window = make_window()
    window.resize(1024, 700)
    panel = window.entities
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)
    assert panel.horizontalScrollBar().maximum() == 0
    header = panel.header()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(header.count()))
    assert right <= panel.viewport().width()


def test_the_window_opens_again_on_the_article_left_unfinished(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Killed (or closed) in the middle of the second article, the window opened again on the first
    unfinished one of the list, not where the annotator was."""
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert window.session.document.id == corpus[1]
    press(qtbot, window, K.Key_Return)  # 布林肯 accepted: the article is in progress
    window.close()
    again = make_window()
    assert again.session.document.id == corpus[1]
    assert again.documents.view.currentIndex().row() == 1
    press(qtbot, again, K.Key_Return, CTRL)  # done: the next start is the list's first unfinished one again
    again.close()
    assert make_window().session.document.id == corpus[0]


def test_a_message_about_the_article_left_goes_when_the_focus_moves_on(
    qtbot: QtBot, make_window, corpus
) -> None:
    """E said "Labelled 1 more “裴青山” in this article." and the status bar kept saying it for eight seconds
    over the next article (and over the span Tab focused there) instead of describing the focused span."""
    window = make_window()
    press(qtbot, window, K.Key_Tab)  # 裴青山
    press(qtbot, window, K.Key_E)
    bar = window.statusBar()
    assert bar.currentMessage() == "Labelled 1 more “裴青山” in this article."
    press(qtbot, window, K.Key_PageDown, CTRL)  # 布林肯访问河内,会见裴青山。
    assert bar.currentMessage() == ""
    assert window.focus_label.isVisible()
    assert window.focus_label.text() == "PER “布林肯” · suggested · from: jieba"
    press(qtbot, window, K.Key_PageUp, CTRL)
    press(qtbot, window, K.Key_W)  # a message of its own, the focus staying where it is: kept
    assert "snap to word boundaries" in bar.currentMessage()
    press(qtbot, window, K.Key_Tab)
    assert bar.currentMessage() == ""


def test_w_says_when_jieba_is_not_ready_to_snap(qtbot: QtBot, make_window, corpus, monkeypatch) -> None:
    """The refusal to snap was said before the span was saved, and saving cleared it at once: W looked as if
    it did nothing."""
    window = make_window()
    monkeypatch.setattr(window.session.learning, "words_around", lambda *_: None)  # jieba still loading
    press(qtbot, window, K.Key_W)
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Home)
    press(qtbot, window, K.Key_Right, SHIFT, times=3)
    press(qtbot, window, K.Key_2)
    assert "Word boundaries are not ready yet" in window.statusBar().currentMessage()


def test_return_in_the_search_box_opens_what_was_found_and_the_keys_act_there(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Ctrl+F, a name, Return: the list showed the article found but Return did nothing more, the article
    open was another one and the keys typed next went to the search box."""
    window = make_window()
    press(qtbot, window, K.Key_F, CTRL)
    search = window.documents.search
    assert search.hasFocus()
    commit(search, "河内")
    qtbot.keyClick(search, K.Key_Return)
    assert window.session.document.id == corpus[1]
    assert window.article.hasFocus()
    qtbot.keyClick(window.focusWidget(), K.Key_Return)  # the keys act in the article found: 布林肯 accepted
    assert own(sqlite_project, corpus[1], window) == {(0, 3, "PER", "accepted")}
    press(qtbot, window, K.Key_F, CTRL)
    commit(search, "裴青山")  # found in both articles, the open one among them: it stays open
    qtbot.keyClick(search, K.Key_Return)
    assert window.session.document.id == corpus[1]
    assert window.article.hasFocus()
    press(qtbot, window, K.Key_F, CTRL)
    commit(search, "东京")
    qtbot.keyClick(search, K.Key_Down)  # ↓ goes to the list, to choose among what was found
    assert window.documents.view.hasFocus()
    assert window.session.document.id == corpus[2]
    press(qtbot, window, K.Key_F, CTRL)
    commit(search, "没有这个")
    qtbot.keyClick(search, K.Key_Return)  # nothing found: the search box keeps the keys, to correct it
    assert search.hasFocus() and window.session.document.id == corpus[2]
    qtbot.keyClick(search, K.Key_Escape)  # or back to the article, as Ctrl+1 does (Escape did nothing)
    assert window.article.hasFocus()


def test_in_a_small_window_the_status_bar_keeps_room_for_the_focused_span(
    qtbot: QtBot, make_window, corpus
) -> None:
    """At 1024 px the labels on the right kept the widths of their longest texts and left the focused span's
    description (and a selection's label keys) a few characters: “LOC “东京” · su”."""
    window = make_window()
    label = window.focus_label
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Home)
    press(qtbot, window, K.Key_Right, SHIFT, times=2)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)
    text = label.text()
    assert text.startswith("Selected “越南” · 2 characters · label it: 1 PER")
    assert label.width() >= label.fontMetrics().horizontalAdvance(text)
    window.resize(1400, 860)  # room again: every label is back
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.wait(50)
    assert window.suggestions_label.isVisible() and window.suggester_label.isVisible()


def test_undo_with_nothing_to_undo_says_so(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """After a restart (the history is the window's) Ctrl+Z did nothing at all, not a word: the annotator
    could not tell a refused undo from a key that does not work."""
    window = make_window()
    bar = window.statusBar()
    press(qtbot, window, K.Key_Z, CTRL)
    assert bar.currentMessage() == "Nothing to undo: the undo history begins when the window opens."
    press(qtbot, window, K.Key_Y, CTRL)
    assert bar.currentMessage() == "Nothing to redo."
    press(qtbot, window, K.Key_Return)
    press(qtbot, window, K.Key_Z, CTRL)  # and a real undo still undoes, without the words
    assert own(sqlite_project, corpus[0], window) == set()
    assert bar.currentMessage() == ""


def test_redo_tells_apart_spans_whose_ids_sqlite_handed_out_again(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Redone, each step's spans get the lowest free ids, which may be the old ids of later steps' spans: a
    step that named the span accepted first (a selection drawn over it withdraws it) was moved on from one
    step's span to the next as each redo came, and its redo withdrew the relabelled 美国 instead."""
    window = make_window()
    press(qtbot, window, K.Key_Return)  # 越南外交部 ORG accepted
    press(qtbot, window, K.Key_X)  # 裴青山 rejected
    press(qtbot, window, K.Key_3)  # 美国 relabelled ORG
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Home)
    press(qtbot, window, K.Key_Right, SHIFT, times=2)
    press(qtbot, window, K.Key_2)  # 越南 LOC, withdrawing 越南外交部
    done = {
        (0, 2, "LOC", "accepted"),
        (0, 5, "ORG", "rejected"),
        (7, 10, "PER", "rejected"),
        (11, 13, "ORG", "accepted"),
    }
    assert own(sqlite_project, corpus[0], window) == done
    add_suggestions(sqlite_project, corpus[2], [(0, 3, "ORG")])  # the engine at work meanwhile
    press(qtbot, window, K.Key_Z, CTRL, times=4)
    assert own(sqlite_project, corpus[0], window) == set()
    add_suggestions(sqlite_project, corpus[2], [(4, 6, "ORG")])  # frees the highest id: the next are low
    press(qtbot, window, K.Key_Y, CTRL, times=4)
    assert own(sqlite_project, corpus[0], window) == done


def test_x_and_e_on_a_shown_rejected_span_say_why_they_do_nothing(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """With Ctrl+H the rejected spans are shown and Tab focuses them: X or E there did nothing, not a word
    (Shift+X on the same span said "Every span of this group is rejected already.")."""
    window = make_window()
    press(qtbot, window, K.Key_X)  # 越南外交部 rejected
    press(qtbot, window, K.Key_H, CTRL)
    press(qtbot, window, K.Key_Tab, SHIFT)  # back to it, shown struck through
    bar = window.statusBar()
    for key in (K.Key_X, K.Key_E):
        press(qtbot, window, key)
        assert bar.currentMessage() == "This span is rejected already: Return restores it."
        bar.clearMessage()
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}
    press(qtbot, window, K.Key_Return)  # as it says
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}


def test_tab_in_an_article_without_spans_says_what_to_do(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """In an article the engine found nothing in, Tab and Shift+Tab did nothing, not a word (and Return then
    advised pressing Tab)."""
    window = make_window()
    press(qtbot, window, K.Key_PageUp, CTRL)  # the third article: no suggestion
    qtbot.waitUntil(
        lambda: window.session.workers.busy == 0
    )  # the engine found nothing (till then: "coming")
    assert window.session.document.id == corpus[2] and not window.session.spans
    bar = window.statusBar()
    for modifier in (NO, SHIFT):
        bar.clearMessage()
        press(qtbot, window, K.Key_Tab, modifier)
        assert bar.currentMessage().startswith("Nothing to focus here: select a name with Shift+arrows")
    press(qtbot, window, K.Key_Right, SHIFT, times=3)  # as it says: 𠮷野家
    press(qtbot, window, K.Key_3)
    assert own(sqlite_project, corpus[2], window) == {(0, 3, "ORG", "accepted")}
    press(qtbot, window, K.Key_Tab)  # now there is one to focus
    assert bar.currentMessage() == "" and window.session.focused_span is not None


def test_the_entity_panel_in_chinese_shows_its_status_words_whole_in_a_small_window(
    qtbot: QtBot, make_window, corpus
) -> None:
    """The Status column was sized for the English longest word, “suggested”, whose Chinese (建议) is the
    shortest: at 1024 px 已接受 read “已…”."""
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        window = make_window()
        press(qtbot, window, K.Key_Return)  # 越南外交部 已接受
        window.resize(1024, 700)
        qtbot.waitUntil(lambda: window.width() == 1024)
        qtbot.wait(50)
        panel = window.entities
        status = panel.header().sectionSize(STATUS)
        assert status >= panel.fontMetrics().horizontalAdvance(word(Status.ACCEPTED)) + 14
    finally:
        i18n.install(i18n.ENGLISH)


def test_the_last_line_of_a_long_article_can_be_seen_whole(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """Scrolled to its end, a long article could show its last line cut at the bottom (QPlainTextEdit's scroll
    range leaves the document's top margin out): at some window heights Shift+Tab to the last suggestion
    framed a span partly out of sight, and no scrolling could show it whole."""
    text = "\n".join(f"第{i}段：布林肯与王毅在北京会谈。" for i in range(80))
    (doc,) = add_documents(sqlite_project, [text])
    last = text.rindex("北京")
    add_suggestions(sqlite_project, doc, [(4, 7, "PER"), (last, last + 2, "LOC")])
    window = make_window()
    view = window.article
    press(qtbot, window, K.Key_Tab, SHIFT)  # from the first suggestion around to the last
    for height in range(600, 660, 4):  # every place the line pitch can fall at the bottom
        window.resize(1400, height)
        qtbot.waitUntil(lambda h=height: window.height() == h)
        press(qtbot, window, K.Key_Tab, SHIFT, times=2)  # to the first and around to the last again
        assert window.session.focused_span.start == last
        rect = view.position_rect(last)
        assert rect.top() >= 0 and rect.bottom() + 3 <= view.viewport().height(), height  # frame included
        press(qtbot, window, K.Key_End, CTRL)  # the caret to the end of the article: its last line whole
        assert view.position_rect(len(text)).bottom() <= view.viewport().height(), height


def test_a_label_key_no_label_has_says_so(make_window, qtbot: QtBot, sqlite_project: Project, corpus) -> None:
    """With four labels, 7 did nothing at all: the annotator could not tell a missed key from a slow
    window. It is said, and nothing changes; a label's own key still labels, without the message."""
    window = make_window()
    keys = {label.hotkey for label in window.session.labels if label.hotkey}
    free = next(str(n) for n in range(9, 0, -1) if str(n) not in keys)
    assert window.session.document is not None
    doc = window.session.document.id
    before = own(sqlite_project, doc, window)
    qtbot.keyClick(window.article, free)
    said = window.statusBar().currentMessage()
    assert f"No label has the key {free}" in said, said
    assert own(sqlite_project, doc, window) == before
    window.statusBar().clearMessage()
    press(qtbot, window, Qt.Key.Key_Tab)
    qtbot.keyClick(window.article, sorted(keys)[0])
    assert "No label has the key" not in window.statusBar().currentMessage()
    assert own(sqlite_project, doc, window) != before


def test_shift_e_on_a_name_alone_in_its_article_says_where_it_was_offered_not_labelled_0_more(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Shift+E on 越南外交部, once in its article, said "Labelled 0 more “越南外交部” in this article; offered
    in 1 other document(s)": it read as a failure."""
    more = add_documents(sqlite_project, ["越南外交部发言人今天表示。"])
    window = make_window()
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")
    press(qtbot, window, K.Key_E, SHIFT)
    said = "Accepted “越南外交部” as ORG; offered in 1 other document(s). No other one to label here."
    assert window.statusBar().currentMessage() == said
    offered = sqlite_project.annotations.spans(more[0], Layer.SUGGESTION)
    assert [(s.start, s.end, s.label) for s in offered] == [(0, 5, "ORG")]
