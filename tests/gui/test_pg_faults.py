"""The window on PostgreSQL when the server drops its connections (a restart, an administrator's
``pg_terminate_backend``): an action is either saved or refused with a message, never shown as done and
lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from storage.project import Project
from tests.gui.helpers import own, press

K = Qt.Key
pytestmark = pytest.mark.postgres


@pytest.fixture
def sqlite_project(pg_project: Project) -> Project:
    """The window's fixtures (corpus, make_window) on the real PostgreSQL server."""
    return pg_project


def _drop_connections(project: Project) -> int:
    """End every server connection to the project's database, as a restart would."""
    url = project.engine.url
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            ended = conn.execute(
                text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = :db"),
                {"db": url.database},
            ).scalar_one()
    finally:
        admin.dispose()
    return int(ended)


def test_an_action_after_the_server_dropped_the_connection_is_saved_or_refused(
    qtbot: QtBot, make_window, corpus, pg_project: Project
) -> None:
    window = make_window()
    assert _drop_connections(pg_project) >= 1
    press(qtbot, window, K.Key_Return)  # accept ORG 越南外交部
    saved = own(pg_project, corpus[0], window)
    if window.message_bar.isVisible():  # refused: said, nothing shown as done
        assert "“Accept ORG 越南外交部” was not saved" in window.message_bar.text()
        assert saved == set() and window.session.undo_stack.count() == 0
        press(qtbot, window, K.Key_Return)  # the server is back: the same key works
        saved = own(pg_project, corpus[0], window)
    assert saved == {(0, 5, "ORG", "accepted")}
    assert window.session.undo_stack.count() == 1 and not window.message_bar.isVisible()
