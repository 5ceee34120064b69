"""The window's writes other than an annotation action (the label set, the document order) and the role
check before a lead's dialog, on a PostgreSQL server that freezes (a proxy of the test's own,
``tests/pg_proxy.py``): each is refused in seconds with a message naming the server and what was not done,
where the window or the dialog speaks, never a traceback from a Qt slot; and works again once the server
answers."""

from __future__ import annotations

import sys
import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import storage.answers
from gui import fault_hook
from gui.export_worker import ExportWorker
from storage.project import Project
from storage.types import ExportOptions
from tests.gui.test_label_editor import labels, open_editor
from tests.gui.test_roles_window import click_menu
from tests.pg_proxy import BOUND, PROBE, Proxy

pytestmark = pytest.mark.postgres
IN_TIME = BOUND + PROBE + 1  # the ping gets no answer, nor does a new connection: no engine's connect on top


@pytest.fixture
def sqlite_project(proxied: Project) -> Project:
    """The window's fixtures (corpus, make_window) on the real server, through the proxy."""
    return proxied


def _server(said: str, proxy: Proxy) -> None:
    assert f"the database postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/" in said, said
    assert "stopped answering (no answer from the server in " in said, said


def test_a_label_added_on_a_frozen_server_is_said_not_saved_and_added_once_it_answers(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window("alice")  # the first person: the lead
    editor = open_editor(qtbot, window)
    before = labels(pg_project)
    proxy.freeze()
    started = time.monotonic()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < IN_TIME
    said = editor.message.text()
    assert said.startswith("Adding a label failed, nothing was saved: the database "), said
    _server(said, proxy)
    proxy.thaw()
    assert labels(pg_project) == before
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # the same click: saved
    assert editor.message.text() == "NEW added: type its name."
    assert [name for name, _, _ in labels(pg_project)] == [name for name, _, _ in before] + ["NEW"]


def test_the_role_check_before_the_label_editor_on_a_frozen_server_is_said(
    qtbot: QtBot, make_window, corpus, proxy: Proxy
) -> None:
    window = make_window("alice")
    qtbot.wait(200)
    proxy.freeze()
    started = time.monotonic()
    click_menu(qtbot, window, "menu_Project", "action_labels")
    assert time.monotonic() - started < IN_TIME + 1  # the menu's clicks too
    said = window.message_bar.text()
    assert window.message_bar.isVisible()
    assert said.startswith("Checking your role failed: the database could not be read (the database "), said
    _server(said, proxy)
    assert window.menus.label_menu.editor is None  # not opened
    proxy.thaw()


def test_the_document_order_changed_on_a_frozen_server_is_said_not_saved(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)
    proxy.freeze()
    started = time.monotonic()
    window.menus.order_action.trigger()
    assert time.monotonic() - started < IN_TIME
    said = window.message_bar.text()
    assert said.startswith("Changing the document order failed, nothing was saved: the database "), said
    _server(said, proxy)
    proxy.thaw()
    assert pg_project.ordering.document_order() == "sequential"


def test_a_fault_no_step_caught_is_said_in_the_window_and_anything_else_goes_on(
    qtbot: QtBot, make_window, corpus, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, exc, _tb: heard.append(exc))
    fault_hook.install()
    window = make_window()
    qtbot.wait(200)
    proxy.freeze()
    with pytest.raises(Exception) as caught:  # the list read again (a filter), as a Qt slot would
        window.documents.model.reset()
    proxy.thaw()
    sys.excepthook(caught.type, caught.value, caught.tb)
    said = window.message_bar.text()
    assert said.startswith("What you asked for was not done: the database "), said
    _server(said, proxy)
    assert heard == []
    bug = ValueError("a bug")
    sys.excepthook(ValueError, bug, None)  # not the database's: the traceback as before
    assert heard == [bug]


def test_an_export_on_a_frozen_server_ends_with_a_message_after_the_long_bound(
    qtbot: QtBot, sqlite_project: Project, corpus, proxy: Proxy, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    long_s = 2
    monkeypatch.setattr(storage.answers, "LONG_WAIT_S", long_s)
    worker = ExportWorker(sqlite_project, ExportOptions(), tmp_path / "out.conll")
    failed: list[str] = []
    worker.failed.connect(failed.append)
    proxy.freeze()
    started = time.monotonic()
    worker.run()  # in the dialog, on its own thread
    waited = time.monotonic() - started
    proxy.thaw()
    assert long_s + PROBE <= waited < long_s + PROBE + 1, waited
    assert len(failed) == 1 and failed[0].startswith("Export failed: the database "), failed
    _server(failed[0], proxy)
    assert list(tmp_path.iterdir()) == []  # nothing written
