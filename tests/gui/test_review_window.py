"""The review flow driven from key presses down to the gold rows in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.review_window import ReviewWindow
from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, DocumentId, Entity, Layer, Role
from storage.project import Project
from tests.gui.conftest import add_documents
from tests.test_cli_team import _nearly_agreed

TEXT = "越南外交部部长裴青山会见布林肯。"


def finish(project: Project, name: str, doc: DocumentId, *entities: Entity) -> None:
    ctx = Context(doc, project.annotator(name).id)
    AddSpans(ctx, list(entities)).do(project.annotations)
    SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)


@pytest.fixture
def reviewed(sqlite_project: Project) -> tuple[Project, DocumentId]:
    (doc,) = add_documents(sqlite_project, [TEXT])
    finish(sqlite_project, "alice", doc, Entity(0, 5, "ORG"), Entity(7, 10, "PER"), Entity(12, 15, "PER"))
    finish(
        sqlite_project,
        "bob",
        doc,
        Entity(0, 2, "LOC"),
        Entity(2, 5, "ORG"),
        Entity(7, 10, "PER"),
        Entity(12, 15, "LOC"),
    )
    return sqlite_project, doc


def open_window(qtbot: QtBot, project: Project, reviewer: str = "rita") -> ReviewWindow:
    window = ReviewWindow(project, project.annotator(reviewer, Role.REVIEWER))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.queue.count() > 0)  # the queue is computed in the worker thread
    window.article.setFocus()
    return window


def gold(project: Project, doc: DocumentId) -> list[tuple[str, str, str | None]]:
    return [
        (TEXT[s.start : s.end], s.label, s.origin_detail) for s in project.annotations.spans(doc, Layer.GOLD)
    ]


def test_review_with_the_keyboard(qtbot: QtBot, reviewed: tuple[Project, DocumentId]) -> None:
    project, doc = reviewed
    window = open_window(qtbot, project)
    assert window.queue.count() == 1
    session = window.session
    assert [d.kind.value for d in session.alignment.disagreements] == [
        "label and boundary differ",
        "label differs",
    ]
    assert session.alignment.agreed == [Entity(7, 10, "PER")]  # pre-accepted
    assert window.panel.item(0, 1).text() == "alice"
    assert window.panel.item(1, 2).text() == "越南 LOC; 外交部 ORG"
    qtbot.keyClick(window.article, Qt.Key.Key_B)  # take bob's version of the first disagreement
    assert session.current == 1  # moved on to the next open one
    qtbot.keyClick(window.article, Qt.Key.Key_X)  # reject both versions of 布林肯
    qtbot.keyClick(window.article, Qt.Key.Key_U)  # changed my mind: undo that decision
    assert session.open_count == 1
    window.article.select(12, 15)
    qtbot.keyClick(window.article, Qt.Key.Key_1)  # edit by hand: PER
    assert session.open_count == 0
    qtbot.keyClick(window.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert gold(project, doc) == [
        ("越南", "LOC", "review: took bob"),
        ("外交部", "ORG", "review: took bob"),
        ("裴青山", "PER", "review: agreed"),
        ("布林肯", "PER", "review: edit"),
    ]
    assert "gold version 1 · saved" in window.state.text()
    assert window.queue.item(0).text().startswith("✓")


def test_imported_gold_is_said_before_a_review_replaces_it(
    qtbot: QtBot, reviewed: tuple[Project, DocumentId]
) -> None:
    """A document imported with gold (doccano, CoNLL: the default --spans-as gold) and never reviewed said
    'no gold yet', and a save then replaced the imported gold without a word; the status says it is there."""
    from model.ops import Insert
    from model.spans import Origin, Status
    from storage.span_rows import insert_spans

    project, doc = reviewed
    with project.transaction() as s:
        insert_spans(s, [Insert(doc, Layer.GOLD, None, 0, 2, "LOC", Status.ACCEPTED, Origin.IMPORTED)])
    window = open_window(qtbot, project)
    assert "imported gold (1 span(s)), replaced when saved" in window.state.text()
    assert "no gold yet" not in window.state.text()
    qtbot.keyClick(window.article, Qt.Key.Key_B)
    qtbot.keyClick(window.article, Qt.Key.Key_B)
    qtbot.keyClick(window.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "gold version 1 · saved" in window.state.text()


def test_ctrl_z_right_after_a_decision_undoes_it(qtbot: QtBot, reviewed: tuple[Project, DocumentId]) -> None:
    """A decision moves on to the next open disagreement, and Shift+Tab skips decided ones while any is open:
    Ctrl+Z and U undid only the current (open) one, that is nothing, so no decision could be taken back."""
    project, doc = reviewed
    window = open_window(qtbot, project)
    session = window.session
    qtbot.keyClick(window.article, Qt.Key.Key_A)  # alice's 越南外交部
    assert (session.current, session.open_count) == (1, 1)
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (session.current, session.open_count) == (0, 2)  # back on it, open again
    qtbot.keyClick(window.article, Qt.Key.Key_B)  # bob's version after all
    qtbot.keyClick(window.article, Qt.Key.Key_X)  # and nothing for 布林肯
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)  # back to the first (decided; nothing is open)
    assert session.current == 0
    qtbot.keyClick(window.article, Qt.Key.Key_U)  # the current one's decision, not the last one's
    assert session.open_count == 1 and 0 not in session.decisions and 1 in session.decisions
    qtbot.keyClick(window.article, Qt.Key.Key_B)
    qtbot.keyClick(window.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert gold(project, doc) == [
        ("越南", "LOC", "review: took bob"),
        ("外交部", "ORG", "review: took bob"),
        ("裴青山", "PER", "review: agreed"),
    ]


def test_a_reviewed_document_opens_with_its_decisions_and_a_save_keeps_them(
    qtbot: QtBot, reviewed: tuple[Project, DocumentId]
) -> None:
    """Opening a reviewed document again showed its disagreements open, and Ctrl+S then wrote gold without
    the earlier decisions (裴青山 alone). The decisions are read back from the gold: what was taken, edited or
    rejected shows decided, and a save writes the same gold again."""
    project, doc = reviewed
    window = open_window(qtbot, project)
    qtbot.keyClick(window.article, Qt.Key.Key_B)  # bob's 越南 | 外交部
    window.article.select(12, 15)
    qtbot.keyClick(window.article, Qt.Key.Key_3)  # 布林肯 edited by hand: ORG (alice said PER, bob LOC)
    qtbot.keyClick(window.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    first = gold(project, doc)
    window.close()
    again = open_window(qtbot, project, reviewer="rosa")
    session = again.session
    assert session.item is not None and session.item.document_id == doc
    assert session.open_count == 0
    assert [d.describe() for d in session.decisions.values()] == ["took bob", "edit"]
    qtbot.keyClick(again.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert project.reviews.load(doc).version == 2
    assert gold(project, doc) == first
    qtbot.keyClick(again.article, Qt.Key.Key_Tab)  # and a decision can still be changed
    qtbot.keyClick(again.article, Qt.Key.Key_X)
    qtbot.keyClick(again.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ("布林肯", "ORG", "review: edit") in first and len(gold(project, doc)) == len(first) - 1


def test_a_second_reviewer_gets_a_conflict_not_an_overwrite(
    qtbot: QtBot, reviewed: tuple[Project, DocumentId]
) -> None:
    project, doc = reviewed
    window = open_window(qtbot, project)
    other = project.reviews.load(doc)
    # sam saves first
    project.reviews.save_gold(other, project.annotator("sam", Role.REVIEWER).id, [Entity(7, 10, "PER")], [])
    qtbot.keyClick(window.article, Qt.Key.Key_A)
    with qtbot.waitSignal(window.session.message) as message:
        qtbot.keyClick(window.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    text, is_error = message.args
    assert is_error and "sam saved this document's gold" in text
    assert gold(project, doc) == [("裴青山", "PER", "review: agreed")]  # sam's gold, untouched
    assert "not saved yet" in window.state.text()


def test_take_both_refused_when_versions_overlap(qtbot: QtBot, reviewed: tuple[Project, DocumentId]) -> None:
    project, _doc = reviewed
    window = open_window(qtbot, project)
    with qtbot.waitSignal(window.session.message) as message:
        qtbot.keyClick(window.article, Qt.Key.Key_Plus)
    assert "overlap" in message.args[0] and window.session.open_count == 2
    assert "overlap" in window.statusBar().currentMessage()
    qtbot.keyClick(window.article, Qt.Key.Key_B)  # decided: the refusal no longer holds, it goes
    assert window.session.open_count == 1 and window.statusBar().currentMessage() == ""
    qtbot.keyClick(window.article, Qt.Key.Key_C)  # no annotator C: said, and gone with the next decision
    assert "no annotator C" in window.statusBar().currentMessage()
    qtbot.keyClick(window.article, Qt.Key.Key_U)
    assert window.session.open_count == 2 and window.statusBar().currentMessage() == ""


def test_an_empty_queue_says_why(qtbot: QtBot, sqlite_project: Project) -> None:
    window = ReviewWindow(sqlite_project, sqlite_project.annotator("rita", Role.REVIEWER))
    qtbot.addWidget(window)
    assert window.state.text() == "Loading the review queue…"  # computed off the UI thread
    qtbot.waitUntil(lambda: window.state.text().startswith("Nothing to review"))
    assert window.queue.count() == 0


def test_escape_and_ctrl_w_close_the_review_window_asking_first_about_unsaved_decisions(
    qtbot: QtBot, reviewed: tuple[Project, DocumentId]
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    project, doc = reviewed
    window = open_window(qtbot, project)
    qtbot.keyClick(window.article, Qt.Key.Key_Escape)  # nothing decided: closes at once
    assert not window.isVisible()
    window = open_window(qtbot, project)
    qtbot.keyClick(window.article, Qt.Key.Key_B)  # a decision, not saved
    answers: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        answers.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(window.article, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and "1 decision(s)" in answers[0] and not gold(project, doc)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the question is gone
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Save))
    qtbot.keyClick(window.article, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert ("越南", "LOC", "review: took bob") in gold(project, doc)  # saved on the way out


def test_the_side_panel_never_needs_a_horizontal_scroll_bar(qtbot: QtBot, sqlite_project: Project) -> None:
    long_text = TEXT + "越南外交部发言人在河内举行例行记者会,介绍越南与美国全面伙伴关系的最新进展。"
    (doc,) = add_documents(sqlite_project, [long_text])
    finish(sqlite_project, "alice", doc, Entity(0, 5, "ORG"), Entity(16, 21, "ORG"))
    finish(
        sqlite_project,
        "bartholomew_the_annotator_with_a_long_name",
        doc,
        *(Entity(a, a + 2, label) for a, label in ((0, "LOC"), (2, "ORG"), (16, "LOC"), (18, "ORG"))),
    )
    window = open_window(qtbot, sqlite_project)  # the default size
    panel = window.panel
    for _ in range(window.session.open_count):
        QApplication.processEvents()
        assert not panel.horizontalScrollBar().isVisible() and panel.horizontalScrollBar().maximum() == 0
        right = panel.columnViewportPosition(2) + panel.columnWidth(2)
        assert right <= panel.viewport().width()
        assert panel.columnWidth(2) >= panel.viewport().width() // 2  # the versions get the room
        qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    window.resize(900, 600)  # narrower still: the versions wrap, nothing scrolls sideways
    QApplication.processEvents()
    assert panel.horizontalScrollBar().maximum() == 0
    version = panel.item(1, 2)
    lines = panel.fontMetrics().horizontalAdvance(version.text()) / panel.columnWidth(2)
    if lines > 1:
        assert panel.rowHeight(1) >= 2 * panel.fontMetrics().height()
    assert not window.queue.horizontalScrollBar().isVisible()


def test_the_review_article_is_drawn_like_the_annotators(
    qtbot: QtBot, reviewed: tuple[Project, DocumentId]
) -> None:
    from gui.article_view import ArticleView
    from model.spans import Status

    project, _doc = reviewed
    window = open_window(qtbot, project)
    view = window.article
    assert isinstance(view, ArticleView)
    view.viewport().repaint()
    focused = next(p for p in view.painted if p.index == window.session.focused)
    assert focused.label == "LOC|ORG" and focused.tag is not None  # the disagreement, with its versions
    assert focused.tag.bottom() <= focused.fills[0].top() + view.look.top_free
    qtbot.keyClick(view, Qt.Key.Key_B)  # bob's 越南 LOC | 外交部 ORG: two spans side by side
    view.viewport().repaint()
    spans = window.session.spans
    first = next(p for p in view.painted if (spans[p.index].start, spans[p.index].end) == (0, 2))
    second = next(p for p in view.painted if (spans[p.index].start, spans[p.index].end) == (2, 5))
    assert first.status is Status.ACCEPTED and second.status is Status.ACCEPTED
    assert second.fills[0].left() - first.fills[-1].right() >= 2  # the boundary stays visible
    press_zoom = view.points
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.points > press_zoom


def test_the_last_ctrl_return_says_the_queue_is_done_and_the_next_one_saves_nothing_again(
    qtbot: QtBot, sqlite_project: Project
) -> None:
    first, second = add_documents(sqlite_project, [TEXT, "裴青山会见布林肯。"])
    finish(sqlite_project, "alice", first, Entity(0, 5, "ORG"))
    finish(sqlite_project, "bob", first, Entity(0, 5, "LOC"))
    finish(sqlite_project, "alice", second, Entity(0, 3, "PER"))
    finish(sqlite_project, "bob", second, Entity(5, 8, "PER"))
    window = open_window(qtbot, sqlite_project)
    ctrl = Qt.KeyboardModifier.ControlModifier
    opened = window.session.item.document_id
    qtbot.keyClick(window.article, Qt.Key.Key_A)
    qtbot.keyClick(window.article, Qt.Key.Key_Return, ctrl)  # saved; on to the other document
    assert window.session.item.document_id != opened
    qtbot.keyClick(window.article, Qt.Key.Key_B)
    qtbot.keyClick(window.article, Qt.Key.Key_A)
    qtbot.keyClick(window.article, Qt.Key.Key_Return, ctrl)  # the last one of the queue
    last = window.session.item.document_id
    assert last != opened and "gold version 1 · saved" in window.state.text()
    done = "The review queue is done: every document in it is reviewed. Escape closes the window."
    assert window.statusBar().currentMessage() == done
    qtbot.keyClick(window.article, Qt.Key.Key_Return, ctrl)  # again: nothing new to save, it says so again
    assert "gold version 1 · saved" in window.state.text()
    assert sqlite_project.reviews.load(last).version == 1
    assert window.statusBar().currentMessage() == done
    assert all(window.queue.item(i).text().startswith("✓") for i in range(window.queue.count()))


def test_an_edit_equal_to_one_version_reads_back_as_an_edit_after_reopen_and_save(
    qtbot: QtBot, reviewed: tuple[Project, DocumentId]
) -> None:
    """布林肯 typed by the reviewer as PER, which is alice's version, was saved as "review: edit" but read
    back as "took alice" when the document opened again, and the next save wrote "took alice": the record
    changed by itself. It reads back as what the reviewer did, saying whose version it equals, stably."""
    project, doc = reviewed
    window = open_window(qtbot, project)
    qtbot.keyClick(window.article, Qt.Key.Key_B)  # bob's 越南 | 外交部
    window.article.select(12, 15)
    qtbot.keyClick(window.article, Qt.Key.Key_1)  # 布林肯 typed as PER: alice's version, by hand
    qtbot.keyClick(window.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    first = gold(project, doc)
    assert ("布林肯", "PER", "review: edit") in first
    window.close()
    for round_ in (1, 2):
        again = open_window(qtbot, project, reviewer="rosa")
        session = again.session
        assert [d.describe() for d in session.decisions.values()] == ["took bob", "edit"], round_
        session.current = 1
        session._rebuild()
        assert again.kind.text() == "“布林肯”: label differs — decided: edit (the same as alice's version)"
        qtbot.keyClick(again.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert project.reviews.load(doc).version == 1 + round_
        assert gold(project, doc) == first, round_
        again.close()


def test_the_queue_never_shows_a_disagreement_as_full_agreement(
    qtbot: QtBot, sqlite_project: Project
) -> None:
    """The queue showed 1.00 for a document the annotators disagree on (F1 0.9995): it reads 0.999, as the
    command line's review-queue does."""
    _nearly_agreed(sqlite_project)
    window = open_window(qtbot, sqlite_project)
    assert window.queue.item(0).text().startswith("0.999  "), window.queue.item(0).text()
    assert window.session.open_count == 1


def test_a_save_with_undecided_disagreements_shows_them_as_the_gold_holds_them(
    qtbot: QtBot, reviewed: tuple[Project, DocumentId]
) -> None:
    """Ctrl+S with a disagreement still open wrote gold without it, said "saved", and kept showing it open;
    opened again, the same document read it back as "reject all", a decision nobody took. The save now shows
    the undecided ones as what the gold holds (rejected, undoable) and says how many."""
    project, doc = reviewed
    window = open_window(qtbot, project)
    session = window.session
    qtbot.keyClick(window.article, Qt.Key.Key_B)  # bob's 越南 LOC, 外交部 ORG; 布林肯 left open
    assert session.open_count == 1
    qtbot.keyClick(window.article, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "1 undecided disagreement(s) keep nothing" in window.statusBar().currentMessage()
    assert session.open_count == 0 and "0 of 2 disagreements open" in window.state.text()
    assert "gold version 1 · saved" in window.state.text()
    assert "布林肯" not in [t for t, _, _ in gold(project, doc)]  # what the window now shows: nothing there
    shown = {i: (d.resolution, d.entities) for i, d in session.decisions.items()}
    window.close()
    again = open_window(qtbot, project)
    assert {i: (d.resolution, d.entities) for i, d in again.session.decisions.items()} == shown
    assert again.session.open_count == 0
    qtbot.keyClick(again.article, Qt.Key.Key_Tab)  # to 布林肯 (nothing is open: the next one)
    assert again.session.current == 1
    qtbot.keyClick(again.article, Qt.Key.Key_U)  # the rejection is undone like any decision
    assert again.session.open_count == 1 and "not saved yet" in again.state.text()
