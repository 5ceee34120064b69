"""The window on a PostgreSQL server that is restarted, or stopped and started again, while it is open (on a
cluster of the test's own: the shared server is never stopped). An action while the server is down is
refused with a message, never shown as done; the next one after it is back is saved, without reopening the
window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from storage.project import Project
from tests.gui.helpers import CTRL, own, press
from tests.private_pg import Cluster, private_cluster

K = Qt.Key


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with private_cluster() as started:
        yield started


@pytest.fixture
def sqlite_project(cluster: Cluster) -> Iterator[Project]:
    """The window's fixtures (corpus, make_window) on the private cluster."""
    project = Project.open(cluster.url)
    yield project
    project.close()


def test_an_action_while_the_server_is_down_is_refused_and_the_next_after_it_is_back_saved(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, cluster: Cluster
) -> None:
    window = make_window()
    press(qtbot, window, K.Key_Return)  # accept ORG 越南外交部
    cluster.pg_ctl("restart")  # between two actions: the pool's connection is dead, replaced unseen
    press(qtbot, window, K.Key_Return)  # accept PER 裴青山
    assert not window.message_bar.isVisible()
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted"), (7, 10, "PER", "accepted")}

    cluster.pg_ctl("stop")
    press(qtbot, window, K.Key_Return)  # accept LOC 美国
    said = window.message_bar.text()
    assert "“Accept LOC 美国” was not saved" in said and "is unavailable" in said, said
    assert window.session.undo_stack.count() == 2
    shown = window.session.document
    press(qtbot, window, K.Key_PageDown, CTRL)  # reading fails the same way, and the article stays
    said = window.message_bar.text()  # worded as the refusal is, not SQLAlchemy's text and link
    assert said.startswith("Opening the next document failed: the database could not be read (the database ")
    assert "is unavailable (connection failed: " in said and "sqlalche.me" not in said, said
    assert window.session.document == shown
    qtbot.wait(1500)  # the window's timers run against the stopped server without a traceback

    cluster.pg_ctl("start")
    press(qtbot, window, K.Key_Return)  # the same key again: saved, the window not reopened
    assert not window.message_bar.isVisible()
    assert window.session.undo_stack.count() == 3
    assert (11, 13, "LOC", "accepted") in own(sqlite_project, corpus[0], window)
