"""Restoring a rejected span, and when a document becomes "in progress" (issue 15, items 2 and 3), driven with
real keys and clicks and checked in the database."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from model.spans import DocState, Entity
from storage.project import Project
from tests.gui.helpers import CTRL, click_at, own, press, state

K = Qt.Key


def events(project: Project) -> list[tuple[str, dict]]:
    with project.engine.connect() as conn:
        rows = conn.execute(text("SELECT action, payload FROM events ORDER BY id"))
        return [(a, json.loads(p) if isinstance(p, str) else p) for a, p in rows]


def test_return_on_a_shown_rejected_span_restores_it_logs_a_restore_and_moves_on(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_X)  # reject 越南外交部 ORG
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}
    press(qtbot, window, K.Key_H, CTRL)  # show rejected
    click_at(qtbot, window, 2)  # focus it
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")
    press(qtbot, window, K.Key_Return)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    assert window.session.focused_span.entity == Entity(7, 10, "PER")  # focus moved on, as the README says
    action, payload = events(sqlite_project)[-1]
    assert action == "restore"
    assert payload["status"] == {"from": "rejected", "to": "accepted"} and payload["label"] == "ORG"
    assert window.actions_by_command["undo"].text() == "Undo Restore ORG 越南外交部"
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}
    assert events(sqlite_project)[-1][0] == "undo restore"


def test_a_document_opened_and_left_stays_new_and_the_first_action_puts_it_in_progress(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    now = [1000.0]
    window = make_window(clock=lambda: now[0])
    assert window.session.document.id == corpus[0]
    press(qtbot, window, K.Key_Return, CTRL)  # done; the next unfinished document opens
    assert state(sqlite_project, corpus[0], window) is DocState.DONE
    assert window.session.document.id == corpus[1]
    now[0] += 30  # reading it for half a minute
    press(qtbot, window, K.Key_Tab)
    press(qtbot, window, K.Key_PageDown, CTRL)  # and moving on without doing anything
    assert state(sqlite_project, corpus[1], window) is DocState.NEW
    qtbot.waitUntil(  # time still counts (saved just after the next article is shown)
        lambda: sqlite_project.annotations.seconds_spent(corpus[1], window.annotator.id) == 30
    )
    row = window.documents.model.row_of(corpus[1])
    assert window.documents.model.entry(row).state is DocState.NEW
    press(qtbot, window, K.Key_PageUp, CTRL)
    press(qtbot, window, K.Key_Tab)
    press(qtbot, window, K.Key_Return)  # the first action
    assert state(sqlite_project, corpus[1], window) is DocState.IN_PROGRESS
