"""Suggesting and learning in the worker thread; time spent per document without idle time."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import Entity, Layer
from storage.project import Project
from tests.gui.helpers import CTRL, double_click_at, press

K = Qt.Key


def test_opening_a_document_without_suggestions_asks_the_worker_then_shows_them(
    qtbot: QtBot, make_window, corpus, service
) -> None:
    service.planned[corpus[2]] = [(0, 3, "ORG")]
    window = make_window()
    press(qtbot, window, K.Key_PageDown, CTRL, times=2)
    qtbot.waitUntil(lambda: bool(window.session.spans))
    assert window.session.spans[0].entity == Entity(0, 3, "ORG")
    assert window.session.focused == 0
    assert window.suggestions_label.text().startswith("1 suggestion ")
    assert service.threads and all(t is not threading.main_thread() for t in service.threads)
    row = window.documents.model.row_of(corpus[2])
    assert window.documents.model.entry(row).open_suggestions == 1


def test_learning_refreshes_the_documents_it_resuggested(
    qtbot: QtBot, make_window, corpus, service, sqlite_project: Project
) -> None:
    from tests.gui.conftest import add_suggestions

    window = make_window()
    service.resuggest = [corpus[1]]
    add_suggestions(sqlite_project, corpus[1], [(0, 3, "PER"), (10, 13, "PER")])  # as a re-suggestion would
    assert window.documents.model.entry(1).open_suggestions == 1
    press(qtbot, window, K.Key_Return)
    qtbot.waitUntil(lambda: window.documents.model.entry(1).open_suggestions == 2)


def test_time_is_recorded_per_document_without_idle_gaps(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    now = [1000.0]
    window = make_window(clock=lambda: now[0])
    now[0] += 10
    press(qtbot, window, K.Key_Tab)
    now[0] += 600  # away from the desk
    press(qtbot, window, K.Key_Tab)
    now[0] += 5
    press(qtbot, window, K.Key_PageDown, CTRL)
    # opening the next article does not wait for the bookkeeping: its time is saved a moment later
    assert window.session.document.id == corpus[1]
    assert sqlite_project.annotations.seconds_spent(corpus[0], window.annotator.id) == 0
    qtbot.waitUntil(lambda: sqlite_project.annotations.seconds_spent(corpus[0], window.annotator.id) == 15)
    now[0] += 7
    press(qtbot, window, K.Key_PageDown, CTRL)
    now[0] += 3
    window.close()  # saves at once what is still owed: 7 s on the second article, 3 s on the third
    assert sqlite_project.annotations.seconds_spent(corpus[1], window.annotator.id) == 7
    assert sqlite_project.annotations.seconds_spent(corpus[2], window.annotator.id) == 3


def test_a_window_left_open_counts_no_idle_time_between_its_periodic_saves(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """The minute's save is no sign of activity: it used to close the gap since the last key as if the
    annotator had acted, so every idle minute of a window left open (a lunch break, the review window in
    front) counted: a reviewer showed 12 minutes on a document she never annotated."""
    now = [1000.0]
    window = make_window(clock=lambda: now[0])
    keeper = window.session.tracker
    now[0] += 10
    press(qtbot, window, K.Key_Tab)
    for _ in range(60):  # an hour away, the window saving every minute
        now[0] += 60
        keeper._timer.timeout.emit()
    assert sqlite_project.annotations.seconds_spent(corpus[0], window.annotator.id) == 10
    now[0] += 4
    press(qtbot, window, K.Key_Tab)  # back: the hour is not counted, what follows is
    now[0] += 6
    window.close()
    assert sqlite_project.annotations.seconds_spent(corpus[0], window.annotator.id) == 16


def test_the_real_service_suggests_a_seed_in_the_worker_and_snaps_to_jieba_words(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    from gui.app import ensure_seeds
    from storage.suggestions import SuggestionService

    ensure_seeds(sqlite_project)
    window = make_window(service=SuggestionService(sqlite_project))
    qtbot.waitUntil(lambda: window.session.warm and bool(window.session.spans), timeout=30_000)
    assert window.suggester_label.text() == "Suggestions ready"
    text = window.session.document.text
    assert any(text[s.start : s.end] == "裴青山" and s.label == "PER" for s in window.session.spans)
    press(qtbot, window, K.Key_W)  # snap on: a selection of 外交 grows to the word 外交部
    start = text.index("外交部")
    window.article.select(start, start + 2)
    press(qtbot, window, K.Key_3)
    mine = sqlite_project.annotations.spans(window.session.document.id, Layer.ANNOTATOR, window.annotator.id)
    assert [text[s.start : s.end] for s in mine] == ["外交部"]
    double_click_at(qtbot, window, start + 1)  # and a double click on 交 selects jieba's word 外交部
    selected = window.article.selection()
    assert selected is not None and text[selected[0] : selected[1]] == "外交部"


def test_a_task_failing_under_the_shutdown_leaves_no_traceback(qtbot, caplog) -> None:
    """Quitting while a task runs: once the window has asked the worker to stop, the task's failure (say, an
    import refused by an interpreter that is ending) is logged quietly, not as an error with a traceback;
    before that, a failure is an error as always."""
    import logging
    import threading

    from gui.workers import Workers

    workers = Workers()
    release, started, failures = threading.Event(), threading.Event(), []

    def fails_at_shutdown() -> None:
        started.set()
        release.wait(10)
        raise RuntimeError("can't register atexit after shutdown")

    def fails() -> None:
        raise RuntimeError("a real failure")

    with caplog.at_level(logging.DEBUG, logger="gui.workers"):
        workers.submit(fails, error=failures.append)
        qtbot.waitUntil(lambda: len(failures) == 1)
        assert [r.levelno for r in caplog.records] == [logging.ERROR] and caplog.records[0].exc_info
        caplog.clear()
        workers.submit(fails_at_shutdown, error=failures.append)
        # running before the shutdown, which drops tasks not started yet (under load the pool's thread
        # could take longer than the timer to start it, and the test failed with no record at all)
        qtbot.waitUntil(started.is_set)
        threading.Timer(0.2, release.set).start()
        workers.shutdown()
    assert workers.stopping.is_set() and len(failures) == 1
    assert [r.levelno for r in caplog.records] == [logging.DEBUG] and not caplog.records[0].exc_info
