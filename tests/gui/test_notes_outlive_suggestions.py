"""What the status bar said on opening an article (the title typed in the list, the undecided suggestions of
the article just marked done) stays when the article's suggestions arrive a moment later: the annotator did
not move. A note that said they were on their way goes when they come."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import DocumentId
from storage.project import Project
from tests.gui.conftest import FakeService, add_documents, add_suggestions
from tests.gui.helpers import CTRL, press

K = Qt.Key


@pytest.fixture
def gate(service: FakeService) -> Iterator[threading.Event]:
    """The engine makes an article's suggestions only once the gate opens."""
    opened = threading.Event()
    made = service.ensure
    service.ensure = lambda doc: opened.wait(30) and made(doc)  # type: ignore[method-assign]
    yield opened
    opened.set()


def test_the_title_typed_in_the_list_is_still_said_when_the_suggestions_arrive(
    qtbot: QtBot, make_window, sqlite_project: Project, service: FakeService, gate: threading.Event
) -> None:
    ids = add_documents(sqlite_project, ["越南外交部发言\n正文", "2026年越南展望\n正文"])
    add_suggestions(sqlite_project, ids[0], [(0, 5, "ORG")])  # framed at the start: the first-start hint
    service.planned[ids[1]] = [(0, 5, "MISC"), (5, 7, "LOC")]
    window = make_window()
    window.documents.view.setFocus()
    qtbot.keyClick(window.documents.view, K.Key_2)
    assert window.session.document.id == ids[1]
    said = window.statusBar().currentMessage()
    assert said.startswith("The title starting with “2” is open"), said
    gate.set()
    qtbot.waitUntil(lambda: window.session.focused_span is not None)  # they came: the first is framed
    assert window.statusBar().currentMessage() == said
    qtbot.keyClick(window.documents.view, K.Key_Return)  # the article takes the keys
    press(qtbot, window, K.Key_Tab)  # a move of the annotator's: the note goes, the span is described
    assert window.statusBar().currentMessage() == ""


def test_the_undecided_note_of_ctrl_return_is_still_said_when_the_next_articles_suggestions_arrive(
    qtbot: QtBot, make_window, corpus: list[DocumentId], service: FakeService, gate: threading.Event
) -> None:
    service.planned[corpus[2]] = [(0, 3, "ORG")]
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL)  # 布林肯访问河内, one suggestion
    press(qtbot, window, K.Key_Return, CTRL)  # done with it undecided: on to the third, not suggested yet
    assert window.session.document.id == corpus[2]
    said = window.statusBar().currentMessage()
    assert said.startswith("Marked done with 1 suggestion(s) undecided"), said
    gate.set()
    qtbot.waitUntil(lambda: window.session.focused_span is not None)
    assert window.statusBar().currentMessage() == said


def test_the_note_that_the_suggestions_are_coming_goes_when_they_come(
    qtbot: QtBot, make_window, corpus: list[DocumentId], service: FakeService, gate: threading.Event
) -> None:
    service.planned[corpus[2]] = [(0, 3, "ORG")]
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL, times=2)
    press(qtbot, window, K.Key_Tab)
    assert "still being made" in window.statusBar().currentMessage()
    gate.set()
    qtbot.waitUntil(lambda: window.session.focused_span is not None)
    assert window.statusBar().currentMessage() == ""
    assert window.focus_label.text().startswith("ORG “𠮷野家”")
