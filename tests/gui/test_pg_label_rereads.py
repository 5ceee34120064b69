"""The label set changed, and the PostgreSQL server stops answering just after the COMMIT (a proxy of the
test's own, ``tests/pg_proxy.py``): the label editor says "saved, but the database could not be read
afterwards" as soon as its own read is refused, before the windows read the labels again (each of their reads
waited for the server first: about 30 s before the editor said anything); and the review window's read says
its own failure in its status bar, as the annotation window does, instead of going to the last-word hook."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import storage.answers
import storage.db
from storage.project import Project
from tests.gui.test_label_editor import labels, open_editor
from tests.pg_proxy import BOUND, PROBE, Proxy

pytestmark = pytest.mark.postgres

# the wait for a new connection in this test: longer than the margin below, so a window's read before the
# editor speaks (a new connection to a frozen server, waited for to the end) cannot hide in it
CONNECT_HERE = 6
MARGIN = 2.5  # seconds for the rest: the machine may be busy
# the answer bound in the test of its own: long enough that the probe fits in it (6 + 3 s, for 10)
WITHIN = 8


@pytest.fixture
def sqlite_project(proxy: Proxy, pg_database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    """The window's fixtures on the real server, through the proxy, a new connection waited for longer."""
    monkeypatch.setattr(storage.db, "CONNECT_WAIT_S", CONNECT_HERE)
    project = Project.open(proxy.url(pg_database))
    yield project
    project.close()


def test_a_label_saved_then_not_read_back_is_said_before_the_windows_read_it_again(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window("alice")
    review = window.menus.review()
    qtbot.waitExposed(review)
    editor = open_editor(qtbot, window)
    told: list[bool] = []
    editor.labelsChanged.connect(lambda: told.append(True))
    proxy.freeze_at(b"GROUP BY spans.label")  # the editor's read after the add, committed
    started = time.monotonic()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    waited = time.monotonic() - started
    said = editor.message.text()
    assert said.startswith("Adding a label: saved, but the database could not be read afterwards: "), said
    # its own read's bound and probe, and nothing more: not the windows' reads after it (a connect wait each)
    assert waited < BOUND + PROBE + MARGIN, waited
    assert "NEW" in [name for name, _, _ in labels(pg_project)]
    # then the windows read the labels again, each saying its own failure where it speaks
    qtbot.waitUntil(lambda: told == [True], timeout=30_000)
    qtbot.waitUntil(lambda: review.statusBar().currentMessage() != "", timeout=30_000)
    assert (
        review.statusBar()
        .currentMessage()
        .startswith("Reading the labels again failed: the database could not be read (the database ")
    ), review.statusBar().currentMessage()
    assert window.message_bar.text().startswith("Reading the labels again failed: ")
    proxy.thaw()
    editor.labelsChanged.emit()  # the server answering: both windows take the label set
    assert "NEW" in {label.name for label in window.session.labels}
    assert "NEW" in {label.name for label in review.session.labels}
    review.close()


def test_a_label_saved_then_not_read_back_is_said_within_the_answer_bound(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the editor's read after the COMMIT waited the bound, then the probe of the server (half a bound) on
    # top: "saved, but could not be read afterwards" came 15 s after the click, beyond the 10 s bound
    window = make_window("alice")
    editor = open_editor(qtbot, window)
    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", WITHIN)
    proxy.freeze_at(b"GROUP BY spans.label")  # the editor's read after the add, committed
    started = time.monotonic()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    waited = time.monotonic() - started
    proxy.thaw()
    said = editor.message.text()
    assert said.startswith("Adding a label: saved, but the database could not be read afterwards: "), said
    assert WITHIN - 1 <= waited < WITHIN + MARGIN, waited
    assert "NEW" in [name for name, _, _ in labels(pg_project)]
