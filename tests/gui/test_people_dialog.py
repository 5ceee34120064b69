"""Project → People…, on SQLite and PostgreSQL, driven by clicks in the menus and keys in the dialog: the lead
gives roles and adds people through the same storage calls as ``newstag annotators`` (one event each, with
who did it), is refused what the command line refuses (the only lead demoted, a name taken) with nothing
written, and after demoting themselves is refused the lead's actions at once; annotators and reviewers are
refused the dialog with a message naming who may."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui import i18n
from gui.main_window import MainWindow
from gui.people_dialog import PeopleDialog
from model.spans import Annotator, Role
from storage.orm import EventRow
from storage.project import Project
from storage.types import TeamError
from tests.conftest import snapshot
from tests.gui.helpers import CTRL, NO, SHIFT
from tests.gui.test_roles_window import click_menu, open_as  # noqa: F401  (a fixture)
from tests.gui.test_translation import english_words

K = Qt.Key


def open_people(qtbot: QtBot, window: MainWindow) -> PeopleDialog:
    click_menu(qtbot, window, "menu_Project", "action_people")
    dialog = window.project_menu.dialogs[-1]
    assert isinstance(dialog, PeopleDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def key(
    qtbot: QtBot, dialog: PeopleDialog, k: Qt.Key, times: int = 1, modifier: Qt.KeyboardModifier = NO
) -> None:
    """A key press where the keyboard focus is, as a person types it."""
    for _ in range(times):
        focus = dialog.focusWidget()
        assert isinstance(focus, QWidget)
        qtbot.keyClick(focus, k, modifier)


def rows(dialog: PeopleDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]


def roles(project: Project) -> dict[str, str]:
    return {p.name: str(p.role) for p in project.team.annotators()}


def events(project: Project) -> list[tuple[int | None, str, dict[str, str]]]:
    with project.session_factory() as s:
        return [
            (e.annotator_id, e.action, e.payload) for e in s.scalars(select(EventRow).order_by(EventRow.id))
        ]


def test_the_lead_gives_roles_and_adds_people_from_the_keyboard(
    qtbot: QtBot,
    project: Project,
    open_as: Callable[[str], MainWindow],  # noqa: F811
) -> None:
    li = project.annotator("li")
    window = open_as("li")
    dialog = open_people(qtbot, window)
    qtbot.waitUntil(lambda: "…" not in str(rows(dialog)))  # done / to do, read in the background
    assert rows(dialog) == [
        ["li", "lead", "0", "1"],
        ["rita", "reviewer", "0", "1"],
        ["wang", "annotator", "0", "1"],
    ]
    assert dialog.focusWidget() is dialog.table and dialog.current_name() == "li"

    key(qtbot, dialog, K.Key_Down, 2)  # wang
    key(qtbot, dialog, K.Key_Tab)  # the role of the selected person (Tab leaves the table)
    assert dialog.focusWidget() is dialog.role_box and dialog.role_box.currentData() == "annotator"
    key(qtbot, dialog, K.Key_Tab, modifier=SHIFT)
    assert dialog.focusWidget() is dialog.table
    key(qtbot, dialog, K.Key_Return)  # Return in the table: on to the role too
    assert dialog.focusWidget() is dialog.role_box
    key(qtbot, dialog, K.Key_Down)  # reviewer
    key(qtbot, dialog, K.Key_Return)
    assert roles(project)["wang"] == "reviewer"
    assert dialog.message.text() == "Saved: wang's role is now reviewer."
    assert rows(dialog)[2][:2] == ["wang", "reviewer"]

    key(qtbot, dialog, K.Key_Tab, 2)  # Set role, then the new person's name
    assert dialog.focusWidget() is dialog.name_edit
    qtbot.keyClicks(dialog.name_edit, "zoe")
    key(qtbot, dialog, K.Key_Return)  # added with the default role: annotator
    assert roles(project)["zoe"] == "annotator" and dialog.name_edit.text() == ""
    assert dialog.message.text() == "Saved: zoe added, with the role annotator."
    assert dialog.current_name() == "zoe"
    assert events(project)[-2:] == [  # after the fixture's own additions
        (li.id, "role_set", {"name": "wang", "role": "reviewer", "was": "annotator"}),
        (li.id, "annotator_add", {"name": "zoe", "role": "annotator", "asked": "annotator"}),
    ]

    before = snapshot(project)
    qtbot.keyClicks(dialog.name_edit, "rita")  # a name taken: refused as the command line refuses it
    key(qtbot, dialog, K.Key_Return)
    assert dialog.message.text() == "rita is in this project already: give them a role with Set role."
    dialog.table.setFocus()
    key(qtbot, dialog, K.Key_Home, modifier=CTRL)  # li, the only lead
    assert dialog.current_name() == "li"
    dialog.role_box.setFocus()
    key(qtbot, dialog, K.Key_Up, 2)  # annotator
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("li is the project's only lead: make someone else lead first")
    assert dialog.role_box.currentData() == "lead"  # the dialog shows what the database holds
    assert snapshot(project) == before
    key(qtbot, dialog, K.Key_Escape)  # closes it
    assert not dialog.isVisible()


def test_a_lead_who_demotes_themselves_is_refused_the_leads_actions_at_once(
    qtbot: QtBot,
    project: Project,
    open_as: Callable[[str], MainWindow],  # noqa: F811
) -> None:
    window = open_as("li")
    dialog = open_people(qtbot, window)
    key(qtbot, dialog, K.Key_Down)  # rita becomes a lead too
    dialog.role_box.setFocus()
    key(qtbot, dialog, K.Key_Down)
    key(qtbot, dialog, K.Key_Return)
    assert roles(project)["rita"] == "lead"
    dialog.table.setFocus()
    key(qtbot, dialog, K.Key_Up)  # li, no longer the only lead, becomes a reviewer
    dialog.role_box.setFocus()
    key(qtbot, dialog, K.Key_Up)
    key(qtbot, dialog, K.Key_Return)
    assert roles(project) == {"li": "reviewer", "rita": "lead", "wang": "annotator"}
    assert "You are no longer the lead" in dialog.message.text()
    assert not dialog.set_button.isEnabled() and not dialog.add_button.isEnabled()
    dialog.close()
    click_menu(qtbot, window, "menu_Project", "action_labels")  # the open window follows, no restart
    assert "the lead may edit the label set; you are reviewer" in window.message_bar.text()
    assert window.menus.label_menu.editor is None
    window.message_bar.hide()
    click_menu(qtbot, window, "menu_Project", "action_people")
    text = window.message_bar.text()
    assert (
        text == "Only the lead may add people and give roles; you are reviewer. In this project: rita (lead)."
    )
    click_menu(qtbot, window, "menu_Team", "action_review")  # a reviewer still reviews
    assert window.menus.dialogs


def test_a_change_made_elsewhere_is_read_again_before_saving(
    qtbot: QtBot,
    project: Project,
    open_as: Callable[[str], MainWindow],  # noqa: F811
) -> None:
    window = open_as("li")
    dialog = open_people(qtbot, window)
    project.team.set_role("rita", Role.LEAD)  # on the command line, meanwhile: li is demoted by rita
    project.team.set_role("li", Role.ANNOTATOR)
    before = snapshot(project)
    dialog.table.setFocus()
    key(qtbot, dialog, K.Key_End, modifier=CTRL)  # wang
    dialog.role_box.setFocus()
    key(qtbot, dialog, K.Key_Down, 2)
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("Only the lead may add people and give roles; you are annotator.")
    assert "rita (lead)" in dialog.message.text()
    assert rows(dialog)[0][:2] == ["li", "annotator"] and not dialog.set_button.isEnabled()
    assert snapshot(project) == before
    dialog.close()


def test_annotators_and_reviewers_are_refused_with_who_may(
    qtbot: QtBot,
    project: Project,
    open_as: Callable[[str], MainWindow],  # noqa: F811
) -> None:
    before = snapshot(project)
    for name, role in (("wang", "annotator"), ("rita", "reviewer")):
        window = open_as(name)
        click_menu(qtbot, window, "menu_Project", "action_people")
        assert window.message_bar.text() == (
            f"Only the lead may add people and give roles; you are {role}. In this project: li (lead)."
        )
        assert not window.project_menu.dialogs
    assert snapshot(project) == before


def test_a_name_taken_meanwhile_is_refused_in_the_windows_language(
    qtbot: QtBot,
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    open_as: Callable[[str], MainWindow],  # noqa: F811
) -> None:
    """The dialog finds no zoe, then the command line adds her before the dialog's own add: only storage
    catches the name taken, and the dialog words its reason in Chinese, as it words its own refusals."""
    team = project.team
    real_find = team.find
    raced: list[str] = []

    def find_then_race(name: str) -> Annotator | None:
        found = real_find(name)
        if not raced:  # the dialog's check has read the team: now someone else adds the same name
            raced.append(name)
            team.add(name, Role.REVIEWER)
        return found

    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        window = open_as("li")
        dialog = open_people(qtbot, window)
        monkeypatch.setattr(team, "find", find_then_race)
        dialog.name_edit.setFocus()
        qtbot.keyClicks(dialog.name_edit, "zoe")
        key(qtbot, dialog, K.Key_Return)
        said = dialog.message.text()
    finally:
        i18n.install(i18n.ENGLISH)
    assert raced == ["zoe"] and roles(project)["zoe"] == "reviewer"  # the other program's zoe, not ours
    assert said == "未保存：zoe已在本项目中（newstag annotators set-role）"
    assert english_words(said.replace("zoe", " ").replace("newstag annotators set-role", " ")) == []
    with pytest.raises(TeamError) as caught:
        team.add("zoe", Role.ANNOTATOR)
    assert str(caught.value) == "zoe is in this project already (newstag annotators set-role)"  # the CLI's
