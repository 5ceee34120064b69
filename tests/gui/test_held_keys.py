"""A key held down: X11 and every desktop repeat it after a delay. A decision acts once per press, so a held
X or Ctrl+Return does not reject suggestions, or mark done articles, the annotator has not seen; moving
keys (Tab, [ ] , .) repeat as keys do."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.repeat_pace import PAINT_WAIT_MS, RepeatPace
from model.spans import DocState, DocumentId
from storage.project import Project
from tests.gui.helpers import CTRL, NO, SHIFT, own, state
from tests.gui.test_review_window import open_window, reviewed  # noqa: F401 (a fixture)


def hold(
    widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO, text: str = "", repeats: int = 3
) -> None:
    """Press ``key``, let the keyboard repeat it ``repeats`` times (auto-repeat presses), release it."""
    QTest.simulateEvent(widget, True, int(key), modifier, text, False)
    for _ in range(repeats):
        QTest.simulateEvent(widget, True, int(key), modifier, text, True)
    QTest.simulateEvent(widget, False, int(key), modifier, text, False)


def test_a_held_x_rejects_one_suggestion(qtbot: QtBot, make_window, corpus, sqlite_project: Project) -> None:
    window = make_window()
    hold(window.article, Qt.Key.Key_X, text="x")
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}
    hold(window.article, Qt.Key.Key_Return, text="\r")  # and a held Return accepts one
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected"), (7, 10, "PER", "accepted")}
    assert window.session.focused_span.start == 11  # the focus moved on once: 美国 is next


def test_a_held_tab_or_resize_key_repeats(qtbot: QtBot, make_window, corpus, sqlite_project: Project) -> None:
    window = make_window()
    hold(window.article, Qt.Key.Key_Tab, repeats=2)  # moving repeats: 越南外交部 → 裴青山 → 美国 → 布林肯
    assert window.session.focused_span.start == 16
    hold(window.article, Qt.Key.Key_Period, text=".", repeats=2)  # 布林肯举行会 (three steps)
    assert own(sqlite_project, corpus[0], window) == {(16, 22, "PER", "accepted")}


def test_a_held_ctrl_return_marks_one_article_done(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    hold(window.article, Qt.Key.Key_Return, CTRL)
    assert [state(sqlite_project, d, window) for d in corpus] == [DocState.DONE, DocState.NEW, DocState.NEW]
    assert window.session.document.id == corpus[1]  # the next article is open, and not marked done unseen


def test_the_review_windows_held_keys_decide_once(
    qtbot: QtBot,
    reviewed: tuple[Project, DocumentId],  # noqa: F811
) -> None:
    project, _doc = reviewed
    window = open_window(qtbot, project)
    session = window.session
    hold(window.article, Qt.Key.Key_X, text="x")  # nothing for the first disagreement, and only it
    assert list(session.decisions) == [0]
    hold(window.article, Qt.Key.Key_B, SHIFT, text="B")  # Shift+B, held: bob's version of the second only
    assert sorted(session.decisions) == [0, 1] and session.decisions[1].source == "bob"


def test_every_key_that_acts_once_names_a_command_of_its_window() -> None:
    """A command renamed in the table but not in ONCE would quietly repeat again when held."""
    from gui.review_shortcuts import ONCE as REVIEW_ONCE
    from gui.review_shortcuts import REVIEW_SHORTCUTS
    from gui.shortcuts import ONCE, SHORTCUTS

    assert {s.command for s in SHORTCUTS} >= ONCE
    assert {s.name for s in REVIEW_SHORTCUTS} >= REVIEW_ONCE


def test_a_held_ctrl_z_undoes_a_step_at_a_time_each_painted(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """Held Ctrl+Z (and Ctrl+Y) piled up undo steps faster than the window painted them: the annotator saw
    the article jump and let go too late. A repeat is dropped while the step before it is not painted; a
    fresh press always acts."""
    window = make_window()
    for _ in range(4):  # reject 越南外交部, 裴青山, 美国, 布林肯
        QTest.keyClick(window.article, Qt.Key.Key_X)
    assert len(own(sqlite_project, corpus[0], window)) == 4
    hold(window.article, Qt.Key.Key_Z, CTRL, repeats=3)  # no paint between the repeats: one step
    assert len(own(sqlite_project, corpus[0], window)) == 3
    qtbot.waitUntil(lambda: not window.pace.unpainted)  # painted: the next repeat acts
    QTest.simulateEvent(window.article, True, int(Qt.Key.Key_Z), CTRL, "", True)
    QTest.simulateEvent(window.article, True, int(Qt.Key.Key_Z), CTRL, "", True)
    assert len(own(sqlite_project, corpus[0], window)) == 2
    QTest.simulateEvent(window.article, False, int(Qt.Key.Key_Z), CTRL, "", False)
    for _ in range(2):  # fresh presses act, painted or not
        QTest.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == set()
    hold(window.article, Qt.Key.Key_Y, CTRL, repeats=3)  # redo the same way
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}


def test_the_review_windows_held_undo_takes_back_one_decision_at_a_time(
    qtbot: QtBot,
    reviewed: tuple[Project, DocumentId],  # noqa: F811
) -> None:
    project, _doc = reviewed
    window = open_window(qtbot, project)
    session = window.session
    for _ in range(2):  # nothing for the first two disagreements
        QTest.keyClick(window.article, Qt.Key.Key_X)
    assert sorted(session.decisions) == [0, 1]
    hold(window.article, Qt.Key.Key_Z, CTRL, repeats=3)
    assert sorted(session.decisions) == [0]
    qtbot.waitUntil(lambda: not window.pace.unpainted)
    QTest.keyClick(window.article, Qt.Key.Key_Z, CTRL)
    assert session.decisions == {}


def test_a_slow_step_waits_for_its_paint_as_a_quick_one_does(qtbot: QtBot) -> None:
    """The wait for a paint was counted from the start of a step: a step slower than the wait used it up,
    and a repeat that came in before the paint acted on an article the annotator had not seen."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)  # the first paints are over
    pace = RepeatPace(widget)
    steps: list[int] = []

    def slow() -> None:  # a step that takes longer than the wait (a busy database)
        steps.append(1)
        time.sleep(PAINT_WAIT_MS / 1000 + 0.05)

    run = pace.paced(slow)
    QTest.simulateEvent(widget, True, int(Qt.Key.Key_Z), CTRL, "", False)
    run()  # a fresh press acts
    QCoreApplication.processEvents()  # nothing painted yet: the step changed nothing on the screen so far
    QTest.simulateEvent(widget, True, int(Qt.Key.Key_Z), CTRL, "", True)
    run()  # a repeat before the paint: dropped
    assert (len(steps), pace.dropped) == (1, 1)
    widget.repaint()  # painted: the next repeat acts
    QTest.simulateEvent(widget, True, int(Qt.Key.Key_Z), CTRL, "", True)
    run()
    assert len(steps) == 2
