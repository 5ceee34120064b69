"""The review flow driven from key presses down to the gold rows in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.review_window import ReviewWindow
from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, DocumentId, Entity, Layer
from storage.project import Project
from tests.gui.conftest import add_documents

TEXT = "越南外交部部长裴青山会见布林肯。"


def finish(project: Project, name: str, doc: DocumentId, *entities: Entity) -> None:
    ctx = Context(doc, project.annotator(name).id)
    AddSpans(ctx, list(entities)).do(project.annotations)
    SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)


@pytest.fixture
def reviewed(sqlite_project: Project) -> tuple[Project, DocumentId]:
    (doc,) = add_documents(sqlite_project, [TEXT])
    finish(sqlite_project, "alice", doc, Entity(0, 5, "ORG"), Entity(7, 10, "PER"), Entity(12, 15, "PER"))
    finish(sqlite_project, "bob", doc, Entity(0, 2, "LOC"), Entity(2, 5, "ORG"), Entity(7, 10, "PER"),
           Entity(12, 15, "LOC"))
    return sqlite_project, doc


def open_window(qtbot: QtBot, project: Project, reviewer: str = "rita") -> ReviewWindow:
    window = ReviewWindow(project, project.annotator(reviewer))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: window.queue.count() > 0)  # the queue is computed in the worker thread
    window.article.setFocus()
    return window


def gold(project: Project, doc: DocumentId) -> list[tuple[str, str, str | None]]:
    return [(TEXT[s.start:s.end], s.label, s.origin_detail)
            for s in project.annotations.spans(doc, Layer.GOLD)]


def test_review_with_the_keyboard(qtbot: QtBot, reviewed: tuple[Project, DocumentId]) -> None:
    project, doc = reviewed
    window = open_window(qtbot, project)
    assert window.queue.count() == 1
    session = window.session
    assert [d.kind.value for d in session.alignment.disagreements] == [
        "label and boundary differ", "label differs"]
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
    assert gold(project, doc) == [("越南", "LOC", "review: took bob"), ("外交部", "ORG", "review: took bob"),
                                  ("裴青山", "PER", "review: agreed"), ("布林肯", "PER", "review: edit")]
    assert "gold version 1 · saved" in window.state.text()
    assert window.queue.item(0).text().startswith("✓")


def test_a_second_reviewer_gets_a_conflict_not_an_overwrite(qtbot: QtBot,
                                                            reviewed: tuple[Project, DocumentId]) -> None:
    project, doc = reviewed
    window = open_window(qtbot, project)
    other = project.reviews.load(doc)
    # sam saves first
    project.reviews.save_gold(other, project.annotator("sam").id, [Entity(7, 10, "PER")], [])
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


def test_an_empty_queue_says_why(qtbot: QtBot, sqlite_project: Project) -> None:
    window = ReviewWindow(sqlite_project, sqlite_project.annotator("rita"))
    qtbot.addWidget(window)
    assert window.state.text() == "Loading the review queue…"  # computed off the UI thread
    qtbot.waitUntil(lambda: window.state.text().startswith("Nothing to review"))
    assert window.queue.count() == 0
