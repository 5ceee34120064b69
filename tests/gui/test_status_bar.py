"""The status bar tells where the annotator is: the active selection (its text, length and the keys that
label it) rather than the span focused before, and "article N of M" in the list's current filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from storage.documents import NewDocument
from storage.project import Project
from tests.gui.conftest import add_suggestions
from tests.gui.helpers import CTRL, SHIFT, drag_select, own, press

K = Qt.Key


def test_a_selection_is_described_instead_of_the_focused_span(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    assert window.focus_label.text().startswith("ORG “越南外交部”")  # the focused suggestion
    drag_select(qtbot, window, 7, 10)  # 裴青山
    text = window.focus_label.text()
    assert "“裴青山”" in text and "3 characters" in text
    assert "1 PER" in text and "2 LOC" in text and "4 MISC" in text
    assert "ORG" not in text.split("label it:")[0]  # nothing of the span focused before
    press(qtbot, window, K.Key_Right, SHIFT)  # Shift+→ grows it
    assert "“裴青山与”" in window.focus_label.text() and "4 characters" in window.focus_label.text()
    press(qtbot, window, K.Key_Left, SHIFT)
    press(qtbot, window, K.Key_1)
    assert (7, 10, "PER", "accepted") in own(sqlite_project, corpus[0], window)
    assert window.focus_label.text().startswith("PER “裴青山” · accepted")  # the new span, focused
    long = window.session.document.text.index("伙伴")  # across the line break
    drag_select(qtbot, window, 0, long)
    assert f"{long} characters" in window.focus_label.text() and "…" in window.focus_label.text()
    press(qtbot, window, K.Key_Escape)
    assert "Selected" not in window.focus_label.text()


def test_article_n_of_m_in_the_current_filter(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    assert window.position_label.text() == "Article 1 of 3"
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert window.position_label.text() == "Article 2 of 3"
    press(qtbot, window, K.Key_PageUp, CTRL)
    press(qtbot, window, K.Key_Return, CTRL)  # done, on to the next unfinished one
    assert window.position_label.text() == "Article 2 of 3"
    window.documents.filter.setCurrentIndex(window.documents.filter.findText("Done"))
    assert window.position_label.text() == "Not in the filter (1)"
    press(qtbot, window, K.Key_PageUp, CTRL)
    assert window.position_label.text() == "Article 1 of 1"
    window.documents.filter.setCurrentIndex(0)
    search = window.documents.search
    press(qtbot, window, K.Key_F, CTRL)
    search.insert("布林肯")  # as an input method commits it (QTest cannot type Chinese); in articles 1 and 2
    qtbot.keyClick(search, K.Key_Return)
    QApplication.processEvents()
    assert window.position_label.text() == "Article 1 of 2"
    press(qtbot, window, K.Key_PageDown, CTRL)
    assert window.position_label.text() == "Article 2 of 2"
    press(qtbot, window, K.Key_PageDown, CTRL)  # the filter's first again, never article 3, outside it
    assert window.position_label.text() == "Article 1 of 2"


def test_the_position_of_a_document_beyond_the_loaded_rows_is_counted(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    from gui.document_table import PAGE
    from tests.gui.conftest import add_documents

    ids = add_documents(sqlite_project, [f"第{i}篇文章。" for i in range(PAGE + 50)])
    window = make_window()
    window.session.open_document(ids[PAGE + 20])  # not loaded in the list
    assert window.position_label.text() == f"Article {PAGE + 21:,} of {PAGE + 50:,}"


def test_the_position_beyond_the_loaded_rows_follows_the_most_uncertain_first_order(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    from gui.document_table import PAGE
    from tests.gui.conftest import add_documents

    ids = add_documents(sqlite_project, [f"第{i}篇文章。" for i in range(PAGE + 50)])
    window = make_window()
    window.documents.model.set_ranking([ids[-1], ids[-2]])  # the last two listed first
    window.session.open_document(ids[PAGE + 20])  # not loaded in the list: counted, in the list's order
    assert window.position_label.text() == f"Article {PAGE + 23:,} of {PAGE + 50:,}"


def test_a_long_message_is_not_cut_off_by_the_labels_on_the_right(qtbot: QtBot, make_window, corpus) -> None:
    """Qt clips a status message at the first permanent label: "showing rejected" was drawn over the end of
    "No other unfinished article in the list's filter; clear the filter to see the rest."."""
    window = make_window()
    window.resize(1100, 700)
    press(qtbot, window, K.Key_H, CTRL)  # show rejected spans: the indicator appears
    assert window.rejected_label.isVisible()
    press(qtbot, window, K.Key_F, CTRL)
    window.documents.search.insert("美国国务卿")  # this article only
    qtbot.keyClick(window.documents.search, K.Key_Return, CTRL)  # done; no other unfinished one in the filter
    message = window.statusBar().currentMessage()
    assert message.startswith("No other unfinished article")
    qtbot.waitUntil(lambda: _message_fits(window, message))
    window.statusBar().clearMessage()
    qtbot.waitUntil(lambda: window.rejected_label.isVisible() and window.position_label.isVisible())
    press(qtbot, window, K.Key_H, CTRL)
    assert not window.rejected_label.isVisible()


def _message_fits(window, message: str) -> bool:  # type: ignore[no-untyped-def]
    bar = window.statusBar()
    first = min(
        (w.x() for w in bar.findChildren(QLabel) if w.isVisible() and w is not window.focus_label),
        default=bar.width(),
    )
    return bar.fontMetrics().horizontalAdvance(message) + 6 <= first - 2


def test_in_a_small_window_the_models_state_steps_aside_for_the_selection(
    qtbot: QtBot, make_window, corpus
) -> None:
    """The labels stepped aside for a selection's description counting only their own widths: beside a
    trained model's state (“Model: trained … on a base model”, the widest text of the bar) the description
    was cut off at 1024 px. It is counted now, and steps aside first (README: "the model's state, then the
    suggestions left, step aside")."""
    window = make_window()
    model = window.menus.model_label
    model.setText("Model: trained 2026-12-01 06:00 on 12,345 documents on a base model")
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Home)
    press(qtbot, window, K.Key_Right, SHIFT, times=2)
    _resize(qtbot, window, 1024, 700)
    label = window.focus_label
    text = label.text()
    assert text.startswith("Selected “越南” · 2 characters · label it: 1 PER")
    assert label.width() >= label.fontMetrics().horizontalAdvance(text)
    # room again, but not for everything: the model's state steps aside first
    _resize(qtbot, window, 1400, 860)
    assert window.suggester_label.isVisible() and window.suggestions_label.isVisible()
    assert not model.isVisible()
    assert label.width() >= label.fontMetrics().horizontalAdvance(text)


def _resize(qtbot: QtBot, window, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(50)  # the status bar's labels step aside after the resize


def test_a_new_selection_is_described_over_what_was_said_before(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """The first-start hint ("Return accepts the framed suggestion…") stayed over a selection made with the
    mouse: the bar hid the selection's label keys, and Return, which it named, refused."""
    window = make_window()
    assert window.statusBar().currentMessage().startswith("Return accepts the framed suggestion")
    drag_select(qtbot, window, 7, 10)  # 裴青山
    assert window.statusBar().currentMessage() == ""
    assert window.focus_label.isVisible() and "Selected “裴青山”" in window.focus_label.text()
    press(qtbot, window, K.Key_E)  # acts on the framed 越南外交部: refused, and said
    assert window.statusBar().currentMessage().startswith("Text is selected: a label key labels it")
    press(qtbot, window, K.Key_Escape)  # no text is selected now: what was said of it goes
    assert window.statusBar().currentMessage() == ""
    assert window.focus_label.isVisible() and window.focus_label.text().startswith("ORG “越南外交部”")
    drag_select(qtbot, window, 11, 13)  # 美国
    press(qtbot, window, K.Key_2)  # labelled: what the label key says stays (nothing here)
    press(qtbot, window, K.Key_E)
    said = window.statusBar().currentMessage()
    assert said.startswith("Labelled 1 more “美国”"), said
    drag_select(qtbot, window, 16, 19)  # 布林肯: the note of E goes, the selection shows
    assert window.statusBar().currentMessage() == ""
    assert "Selected “布林肯”" in window.focus_label.text()
    press(qtbot, window, K.Key_1)
    assert (16, 19, "PER", "accepted") in own(sqlite_project, corpus[0], window)


def test_an_undo_back_in_another_article_fits_a_narrow_status_bar(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """ "Undo Accept ORG …: back in “…”, the article it changed." cut the article's title but quoted the span
    whole: a 35-character name pushed the message past a 1,024-pixel status bar."""
    name = "亚洲及太平洋地区经济社会委员会贸易投资与创新司可持续发展科技合作办公室"[:35]
    assert len(name) == 35
    headline = name + "发表声明，呼吁各方加强合作"  # a title cut to 24 characters in the message
    with sqlite_project.transaction() as s:
        first, _ = sqlite_project.documents.insert_batch(
            s,
            [
                NewDocument(headline, headline + "。", "test:0", {}),
                NewDocument("另一篇", "另一篇文章说。", "test:1", {}),
            ],
        )
    add_suggestions(sqlite_project, first, [(0, 35, "ORG")])
    window = make_window()
    _resize(qtbot, window, 1024, 700)
    press(qtbot, window, K.Key_Return)
    press(qtbot, window, K.Key_PageDown, CTRL)  # on to the other article
    assert window.session.document.id != first
    press(qtbot, window, K.Key_Z, CTRL)  # back in the first one, said
    message = window.statusBar().currentMessage()
    assert message.startswith("Undo Accept ORG "), message
    qtbot.waitUntil(lambda: _message_fits(window, message))
    assert message.startswith(f"Undo Accept ORG {name[:23]}…: back in “"), message
