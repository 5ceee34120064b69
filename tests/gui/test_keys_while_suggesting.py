"""Keys pressed right after opening an article whose suggestions the engine is still making: they say the
suggestions are on their way, not that the article has none."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import DocumentId
from storage.project import Project
from tests.gui.conftest import FakeService
from tests.gui.helpers import CTRL, drag_select, own, press

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


def _own_span_unfocused(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    """The annotator's own span over the first three characters, drawn with the label key, focus cleared."""
    drag_select(qtbot, window, 0, 3)
    press(qtbot, window, K.Key_1)
    press(qtbot, window, K.Key_Escape)
    assert window.session.focused_span is None and window.session.spans


def test_return_or_x_with_only_own_spans_says_which_keys_focus_them(
    qtbot: QtBot, make_window, corpus: list[DocumentId], sqlite_project: Project, service: FakeService
) -> None:
    """Return or X with the annotator's own spans and no suggestion, nothing focused, said 'press Tab to
    focus the next suggestion': there was none. It names the keys that focus a span, as the keymap has
    them."""
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL, times=2)  # nothing planned: the engine finds nothing
    qtbot.waitUntil(lambda: window.session.workers.busy == 0)
    _own_span_unfocused(qtbot, window)
    before = own(sqlite_project, corpus[2], window)
    for key in (K.Key_Return, K.Key_X):
        window.statusBar().clearMessage()
        press(qtbot, window, key)
        assert window.statusBar().currentMessage() == (
            "No span is focused: press Tab to focus the next of your spans (Shift+Tab: the previous one)."
        ), key
    assert own(sqlite_project, corpus[2], window) == before
    window.keymap.assign("action_focus_next", ["F6"])
    press(qtbot, window, K.Key_X)
    assert window.statusBar().currentMessage().startswith("No span is focused: press F6 to focus the next")


def test_return_with_own_spans_while_the_suggestions_are_made_says_they_are_coming(
    qtbot: QtBot, make_window, corpus: list[DocumentId], service: FakeService
) -> None:
    gate = threading.Event()
    made = service.ensure
    service.ensure = lambda doc: gate.wait(30) and made(doc)  # type: ignore[method-assign]
    service.planned[corpus[2]] = [(12, 14, "LOC")]
    window = make_window()
    try:
        press(qtbot, window, K.Key_PageDown, CTRL, times=2)
        _own_span_unfocused(qtbot, window)
        press(qtbot, window, K.Key_Return)
        said = window.statusBar().currentMessage()
        assert said.startswith("No span is focused: press Tab to focus the next of your spans"), said
        assert said.endswith("Suggestions for this article are on their way."), said
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.session.workers.busy == 0)
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, K.Key_Return)
    assert (
        window.statusBar()
        .currentMessage()
        .startswith(
            "No span is focused: press Tab to focus the next suggestion (Shift+Tab: the previous one)."
        )
    )
