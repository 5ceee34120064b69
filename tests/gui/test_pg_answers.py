"""The window on a PostgreSQL server that stops answering in the middle of an action, or whose answer to the
COMMIT is lost (a proxy of the test's own in front of the shared server, ``tests/pg_proxy.py``): the key is
refused after a bounded wait with a message naming the server, nothing is shown as done, and the window
takes the next key; an action that may have been saved is not said to be unsaved."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from storage.project import Project
from tests.gui.helpers import own, press
from tests.pg_proxy import BOUND, PROBE, Proxy

K = Qt.Key
pytestmark = pytest.mark.postgres


@pytest.fixture
def sqlite_project(proxied: Project) -> Project:
    """The window's fixtures (corpus, make_window) on the real server, through the proxy."""
    return proxied


def test_a_key_on_a_server_that_stops_answering_is_refused_in_seconds_and_the_next_one_saved(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)  # the window's own first reads and writes are done
    proxy.freeze_at(b"INSERT INTO spans")
    started = time.monotonic()
    press(qtbot, window, K.Key_Return)  # accept ORG 越南外交部: the server freezes as it is stored
    assert time.monotonic() - started < BOUND + PROBE + 2
    said = window.message_bar.text()
    assert said.startswith("“Accept ORG 越南外交部” was not saved: the database postgresql+psycopg://"), said
    assert f"@127.0.0.1:{proxy.port}/" in said and "stopped answering (no answer from the server" in said
    assert said.endswith("; your action was not saved"), said
    assert window.session.undo_stack.count() == 0
    assert own(pg_project, corpus[0], window) == set()

    proxy.thaw()
    press(qtbot, window, K.Key_Return)  # the same key again: saved, the window not reopened
    assert not window.message_bar.isVisible()
    assert window.session.undo_stack.count() == 1
    assert own(pg_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}


def test_a_key_whose_commit_went_unanswered_is_said_to_be_maybe_saved(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)
    proxy.at_commit("freeze")  # no answer to the COMMIT, and no new connection to ask on
    press(qtbot, window, K.Key_Return)
    said = window.message_bar.text()
    maybe = "“Accept ORG 越南外交部” may or may not have been saved: the connection to the "
    assert said.startswith(maybe), said
    assert said.endswith("open the document again once the server answers to see whether it was"), said
    assert "not saved" not in said
    assert window.session.undo_stack.count() == 0  # not shown as done either


def test_an_article_opened_on_a_frozen_server_is_refused_in_seconds_and_opens_once_it_answers(
    qtbot: QtBot, make_window, corpus, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)
    shown = window.article.toPlainText()
    proxy.freeze()  # the server freezes between two articles
    started = time.monotonic()
    window.documents.view.setCurrentIndex(window.documents.model.index(1, 0))  # the list's second article
    waited = time.monotonic() - started
    assert waited < BOUND + PROBE + 1, (
        waited
    )  # not frozen for good, nor waited for the engine's new connection
    said = window.message_bar.text()
    assert window.message_bar.isVisible()
    assert said.startswith("Opening the document failed: the database could not be read (the database "), said
    assert f"@127.0.0.1:{proxy.port}/" in said, said
    assert "stopped answering (no answer from the server in 1 seconds)" in said, said
    assert window.session.document is not None and window.session.document.id == corpus[0]
    assert window.article.toPlainText() == shown  # the article shown stays, whole
    assert window.documents.view.currentIndex().row() == 0  # and so does the list's row
    proxy.thaw()
    window.documents.view.setCurrentIndex(window.documents.model.index(1, 0))  # chosen again: it opens
    assert window.session.document.id == corpus[1]
    assert window.article.toPlainText() != shown


def test_a_key_whose_commit_answer_was_lost_but_landed_is_done_with_a_note(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)
    proxy.at_commit("forward")  # the server commits it; the line goes before its answer comes back
    press(qtbot, window, K.Key_Return)
    assert proxy.commits_seen == 1
    assert not window.message_bar.isVisible()  # not a failure
    assert window.session.undo_stack.count() == 1  # shown done
    assert own(pg_project, corpus[0], window) == {(0, 5, "ORG", "accepted")}
    note = window.statusBar().currentMessage()  # a note that goes by itself, not a dialog
    assert note.startswith("“Accept ORG 越南外交部” was saved: the connection to the database "), note
    assert f"@127.0.0.1:{proxy.port}/" in note and "server closed the connection" in note, note
    assert note.endswith("; asked again, the server has it"), note


def test_the_progress_read_on_a_frozen_server_is_said_and_read_again_once_it_answers(
    qtbot: QtBot, make_window, corpus, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)
    proxy.freeze()
    started = time.monotonic()
    window.session.update_progress()  # after an article marked done, say
    assert time.monotonic() - started < BOUND + PROBE + 1
    said = window.message_bar.text()
    assert said.startswith("Reading the progress failed: the database could not be read (the database "), said
    assert f"@127.0.0.1:{proxy.port}/" in said, said
    proxy.thaw()
    with qtbot.waitSignal(window.session.progressChanged):
        window.session.update_progress()
