"""What a dialog's write says when the PostgreSQL server fails around it (a proxy of the test's own,
``tests/pg_proxy.py``): "nothing was saved" only when nothing was. A COMMIT whose answer was lost but that
landed, and a read after a write that was saved, were both said "failed, nothing was saved" (the label bar
not told the labels changed); a document order refused left the menu ticked; an article chosen when none was
open, not opened, could not be chosen again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.document_table import DocumentIdRole
from storage.project import Project
from tests.gui.test_label_editor import labels, open_editor
from tests.pg_proxy import Proxy

pytestmark = pytest.mark.postgres


@pytest.fixture
def sqlite_project(proxied: Project) -> Project:
    """The window's fixtures (corpus, make_window) on the real server, through the proxy."""
    return proxied


def _added(before: list[tuple[str, str, str | None]], project: Project) -> list[str]:
    return [name for name, _, _ in labels(project) if name not in {b[0] for b in before}]


def test_a_label_added_whose_commit_answer_is_lost_but_landed_is_said_added(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window("alice")
    editor = open_editor(qtbot, window)
    before = labels(pg_project)
    told: list[bool] = []
    editor.labelsChanged.connect(lambda: told.append(True))
    proxy.at_commit("forward")  # the server commits it; the line goes before the answer comes back
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert proxy.commits_seen == 1
    assert editor.message.text() == "NEW added: type its name."  # asked again, the server has it
    assert _added(before, pg_project) == ["NEW"]
    assert told == [True]


def test_a_label_added_whose_commit_cannot_be_looked_up_is_said_maybe_not_saved(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window("alice")
    editor = open_editor(qtbot, window)
    proxy.at_commit("freeze")  # no answer to the COMMIT, and no new connection to ask on
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    said = editor.message.text()
    assert said.startswith("Adding a label may not have been saved: the database "), said
    assert "nothing was saved" not in said


def test_a_label_added_then_not_read_back_is_said_saved_and_the_label_bar_told(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window("alice")
    editor = open_editor(qtbot, window)
    before = labels(pg_project)
    told: list[bool] = []
    editor.labelsChanged.connect(lambda: told.append(True))
    proxy.freeze_at(b"GROUP BY spans.label")  # the editor's reload after the add, committed
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    said = editor.message.text()
    assert said.startswith("Adding a label: saved, but the database could not be read afterwards: "), said
    qtbot.waitUntil(lambda: told == [True], timeout=20_000)  # once said (tests/gui/test_pg_label_rereads.py)
    proxy.thaw()
    assert _added(before, pg_project) == ["NEW"]


def test_a_document_order_refused_leaves_the_menu_on_the_order_kept(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)
    proxy.freeze()
    window.menus.order_action.trigger()
    proxy.thaw()
    said = window.message_bar.text()
    assert said.startswith("Changing the document order failed, nothing was saved: "), said
    assert pg_project.ordering.document_order() == "sequential"
    assert not window.menus.order_action.isChecked()
    window.menus.order_action.trigger()  # chosen again, the server answering: saved
    assert window.menus.order_action.isChecked()
    assert pg_project.ordering.document_order() == "uncertainty"


def test_a_document_order_whose_commit_answer_is_lost_but_landed_is_kept(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(200)
    proxy.at_commit("forward")
    window.menus.order_action.trigger()
    assert proxy.commits_seen == 1
    assert "nothing was saved" not in window.message_bar.text()
    assert pg_project.ordering.document_order() == "uncertainty"
    assert window.menus.order_action.isChecked()


def test_an_article_chosen_with_none_open_and_not_opened_can_be_chosen_again(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy
) -> None:
    window = make_window()
    qtbot.wait(300)
    window.session.document = None  # as when the first article could not be opened at start
    view, model = window.documents.view, window.documents.model
    proxy.freeze()
    view.setCurrentIndex(model.index(1, 0))
    proxy.thaw()
    assert window.session.document is None
    assert not view.currentIndex().isValid()  # the list shows no article chosen
    view.setCurrentIndex(model.index(1, 0))  # chosen again: opened
    shown = window.session.document
    assert shown is not None and shown.id == model.index(1, 0).data(DocumentIdRole)
