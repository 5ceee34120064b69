"""Roles in the window, on SQLite and PostgreSQL, driven by clicks in the menus and keys: an annotator is
refused the review window, assignment, agreement, consistency of the gold layer and the label editor, with a
message naming who can, and nothing is written; a reviewer may review but not edit labels."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.review_window import ReviewWindow
from model.spans import Role
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.conftest import ARTICLE, FakeService, add_documents


def click_menu(qtbot: QtBot, window: MainWindow, menu_name: str, action_name: str) -> None:
    """Open ``menu_name`` from the menu bar with a click, then click ``action_name`` in it."""
    bar = window.menuBar()
    menu = window.findChild(QMenu, menu_name)
    action = window.findChild(QAction, action_name)
    assert menu is not None and action is not None
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


@pytest.fixture
def open_as(qtbot: QtBot, project: Project) -> Iterator[Callable[[str], MainWindow]]:
    """A project with li (the lead), rita (a reviewer), wang (an annotator); the window of any of them."""
    add_documents(project, [ARTICLE])
    project.annotator("li")
    project.team.add("rita", Role.REVIEWER)
    project.team.add("wang", Role.ANNOTATOR)
    windows: list[MainWindow] = []

    def open_window(name: str) -> MainWindow:
        window = MainWindow(project, project.annotator(name), FakeService(project))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.article.setFocus()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: not window._start_timer.isActive() and window.session.workers.busy == 0)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        for dialog in window.menus.dialogs:  # the review window has no parent: close what was opened
            dialog.close()
        window.close()


REFUSED = [
    (
        "menu_Team",
        "action_review",
        "a reviewer or the lead may review disagreements",
        "li (lead), rita (reviewer)",
    ),
    ("menu_Team", "action_assign", "the lead may assign documents", "li (lead)."),
    ("menu_Team", "action_agreement", "a reviewer or the lead may see other", "li (lead), rita (reviewer)"),
    ("menu_Team", "action_gold_consistency", "a reviewer or the lead may see", "li (lead), rita (reviewer)"),
    ("menu_Project", "action_labels", "the lead may edit the label set", "li (lead)."),
    ("menu_Project", "action_overview", "a reviewer or the lead may see other", "li (lead), rita (reviewer)"),
    ("menu_Project", "action_people", "the lead may add people and give roles", "li (lead)."),
]


def test_an_annotator_is_refused_every_lead_and_reviewer_view(
    qtbot: QtBot, project: Project, open_as: Callable[[str], MainWindow]
) -> None:
    window = open_as("wang")
    before = snapshot(project)
    for menu, action, what, who in REFUSED:
        window.message_bar.hide()
        click_menu(qtbot, window, menu, action)
        text = window.message_bar.text()
        assert window.message_bar.isVisible() and what in text and "you are annotator" in text, text
        assert who in text
        assert not window.menus.dialogs and not window.project_menu.dialogs, action  # nothing opened
    window.message_bar.hide()
    window.article.setFocus()
    qtbot.keyClick(
        window.article, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert "may review disagreements" in window.message_bar.text()
    assert not any(isinstance(d, ReviewWindow) for d in window.menus.dialogs)
    click_menu(qtbot, window, "menu_Team", "action_consistency")  # one's own layer: fine
    assert [d.objectName() for d in window.menus.dialogs] == ["consistencyView"]
    click_menu(qtbot, window, "menu_Document", "action_export")  # their own layer or gold, nobody else's
    export = window.menus.dialogs[-1]
    people = export.annotatorBox  # type: ignore[attr-defined]
    assert [people.itemText(i) for i in range(people.count())] == ["wang"]
    assert snapshot(project) == before


def test_a_reviewer_reviews_but_does_not_edit_labels(
    qtbot: QtBot, project: Project, open_as: Callable[[str], MainWindow]
) -> None:
    window = open_as("rita")
    click_menu(qtbot, window, "menu_Document", "action_export")  # a reviewer may export anyone's layer
    people = window.menus.dialogs[-1].annotatorBox  # type: ignore[attr-defined]
    assert [people.itemText(i) for i in range(people.count())] == ["li", "rita", "wang"]
    click_menu(qtbot, window, "menu_Team", "action_review")
    assert any(isinstance(d, ReviewWindow) for d in window.menus.dialogs)
    click_menu(qtbot, window, "menu_Project", "action_labels")
    assert "the lead may edit the label set; you are reviewer" in window.message_bar.text()
    assert window.menus.label_menu.editor is None
    project.team.set_role("rita", Role.ANNOTATOR)  # a role taken away counts at once, window open or not
    for dialog in window.menus.dialogs:
        dialog.close()
    window.menus.dialogs.clear()
    click_menu(qtbot, window, "menu_Team", "action_agreement")
    assert "you are annotator" in window.message_bar.text() and not window.menus.dialogs


def test_a_review_window_opened_for_an_annotator_shows_nobodys_work(qtbot: QtBot, project: Project) -> None:
    (doc,) = add_documents(project, [ARTICLE])
    project.annotator("li")
    wang = project.team.add("wang", Role.ANNOTATOR)
    window = ReviewWindow(project, wang)
    qtbot.addWidget(window)
    window.open_document(doc)
    assert window.queue.count() == 0 and window.session.item is None
    assert "you are annotator. In this project: li (lead)." in window.state.text()
