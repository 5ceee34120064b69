"""Keys pressed right after opening an article whose suggestions the engine is still making: they say the
suggestions are on their way, not that the article has none."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import DocumentId
from storage.project import Project
from tests.gui.conftest import FakeService
from tests.gui.helpers import CTRL, own, press

K = Qt.Key


def test_tab_return_and_a_before_the_suggestions_arrive_say_they_are_coming(
    qtbot: QtBot, make_window, corpus: list[DocumentId], sqlite_project: Project, service: FakeService
) -> None:
    """Tab said 'Nothing to focus here: select a name…', A 'No open suggestions in this article' and Return
    'press Tab…' while the engine was still at work on the article just opened: an annotator took the
    article for one without names, or started selecting them by hand."""
    gate = threading.Event()
    made = service.ensure
    service.ensure = lambda doc: gate.wait(30) and made(doc)  # type: ignore[method-assign]
    service.planned[corpus[2]] = [(0, 3, "ORG"), (12, 14, "LOC")]
    window = make_window()
    try:
        press(qtbot, window, K.Key_PageDown, CTRL, times=2)
        assert window.session.document.id == corpus[2]
        for key in (K.Key_Tab, K.Key_A, K.Key_Return):
            window.statusBar().clearMessage()
            press(qtbot, window, key)
            assert "still being made" in window.statusBar().currentMessage(), key
        assert own(sqlite_project, corpus[2], window) == set()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.session.focused_span is not None)  # they came: the first is focused
    press(qtbot, window, K.Key_Return)
    assert own(sqlite_project, corpus[2], window) == {(0, 3, "ORG", "accepted")}


def test_an_article_the_engine_found_nothing_in_still_says_how_to_draw_a_span(
    qtbot: QtBot, make_window, corpus: list[DocumentId], service: FakeService
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL, times=2)  # nothing planned: the engine finds nothing
    qtbot.waitUntil(lambda: window.session.workers.busy == 0)
    press(qtbot, window, K.Key_Tab)
    assert window.statusBar().currentMessage().startswith("Nothing to focus here")
