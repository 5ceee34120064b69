"""Project → People…: the lead's view of the project's people (what ``newstag annotators`` does). A table of
the people (name, role, documents done and to do); the lead gives the selected person a role (Set role) or
adds a person with a role. Each change goes through the same storage calls as the command line, is one
transaction and one row of the event log, and is said under the table; what the roles refuse (the project's
only lead demoted, a name taken, someone not the lead any more) is said there too and nothing is written.

Roles are read from the database before each change, so a lead who demotes themselves is refused from then
on, here and in the window's other lead and reviewer actions, at once. Those menu entries stay enabled: used,
they say who may. From the keyboard: Tab moves between the table, the role, Set role, the new name, its role
and Add (arrows choose in the table and the roles); Return in the table goes on to the role, on the role
sets it, on the new name or its role adds the person; Escape closes."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_messages import refused_message
from gui.permissions import refusal
from gui.plain_text import plain_label, push_button, read_only_table
from gui.reported import unsaved
from gui.screen_fit import fit_to_screen
from gui.terms import word
from gui.workers import Workers
from model.roles import Permission, last_lead_problem, may
from model.spans import Annotator, Role
from storage.project import Project
from storage.types import TeamError

logger = logging.getLogger(__name__)

NAME, ROLE, DONE, TO_DO = range(4)
ERROR_STYLE = "color: #b00020;"


def read_progress(project: Project, people: list[Annotator]) -> dict[str, tuple[int, int]]:
    """Per person, documents done and documents to do (the status bar's figures), in the worker."""
    return {p.name: project.document_list.progress(p.id) for p in people}


class PeopleDialog(QDialog):
    """The project's people and their roles, for the lead (the window asks ``Permission.MANAGE_TEAM``)."""

    progressRead = Signal()

    def __init__(self, project: Project, me: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleDialog")
        self.setWindowTitle(self.tr("People"))
        fit_to_screen(self, 620, 420)
        self.project, self.me = project, me
        self.people: list[Annotator] = []
        self.progress: dict[str, tuple[int, int]] = {}
        self.workers = Workers(self)
        self.table = read_only_table(
            "peopleTable",
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Documents done"),
                self.tr("Documents (assigned, or all)"),
            ],
            stretch_last=True,
        )
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # arrows choose a person; Tab goes on to their role
        self.table.currentCellChanged.connect(lambda *_: self._show_role())
        self.role_box = self._roles("roleBox")
        self.set_button = push_button(self.tr("Set role"), "setRoleButton", self.set_role)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newPersonName")
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.new_role_box = self._roles("newPersonRole")
        self.add_button = push_button(self.tr("Add"), "addPersonButton", self.add_person)
        self.message = plain_label(name="peopleMessage", word_wrap=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in close.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Return is ours (keyPressEvent), never Close
        close.rejected.connect(self.reject)
        selected = QHBoxLayout()
        role_label = plain_label(self.tr("The selected person's role:"))
        role_label.setBuddy(self.role_box)  # what a screen reader says on the combo box
        selected.addWidget(role_label)
        selected.addWidget(self.role_box)
        selected.addWidget(self.set_button)
        selected.addStretch(1)
        new = QHBoxLayout()
        new_label = plain_label(self.tr("Add a person:"))
        new_label.setBuddy(self.name_edit)
        new.addWidget(new_label)
        new.addWidget(self.name_edit, 1)
        new.addWidget(self.new_role_box)
        new.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(selected)
        layout.addLayout(new)
        layout.addWidget(self.message)
        layout.addWidget(close)
        for first, second in (
            (self.table, self.role_box),
            (self.role_box, self.set_button),
            (self.set_button, self.name_edit),
            (self.name_edit, self.new_role_box),
            (self.new_role_box, self.add_button),
        ):
            QWidget.setTabOrder(first, second)
        self.reload(select=me.name)
        self.table.setFocus()

    def _roles(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for role in Role:
            box.addItem(word(role), str(role))
        return box

    # -- the table, as the database has it ----------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """The people and roles as stored now; whether this person may still change them; the documents
        done and to do read in the background."""
        previous = self.current_name()
        self.people = self.project.team.annotators()
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            self._cell(row, NAME, person.name)
            self._cell(row, ROLE, word(person.role))
            done, to_do = self.progress.get(person.name, (None, None))
            self._cell(row, DONE, "…" if done is None else f"{done:,}", number=True)
            self._cell(row, TO_DO, "…" if to_do is None else f"{to_do:,}", number=True)
        names = [p.name for p in self.people]
        chosen = select if select in names else previous
        self.table.setCurrentCell(names.index(chosen) if chosen in names else 0, NAME)
        self._show_role()
        me = next((p for p in self.people if p.name == self.me.name), None)
        managing = me is not None and may(me.role, Permission.MANAGE_TEAM)
        for widget in (self.role_box, self.set_button, self.name_edit, self.new_role_box, self.add_button):
            widget.setEnabled(managing)
        self.workers.submit(read_progress, self.project, list(self.people), done=self._show_progress)

    def _cell(self, row: int, column: int, text: str, number: bool = False) -> None:
        item = QTableWidgetItem(text)
        if number:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)

    def _show_progress(self, progress: dict[str, tuple[int, int]]) -> None:
        self.progress = progress
        for row, person in enumerate(self.people):
            done, to_do = progress.get(person.name, (0, 0))
            self._cell(row, DONE, f"{done:,}", number=True)
            self._cell(row, TO_DO, f"{to_do:,}", number=True)
        self.progressRead.emit()

    def current(self) -> Annotator | None:
        row = self.table.currentRow()
        return self.people[row] if 0 <= row < len(self.people) else None

    def current_name(self) -> str | None:
        person = self.current()
        return None if person is None else person.name

    def _show_role(self) -> None:
        person = self.current()
        if person is not None:
            self.role_box.setCurrentIndex(self.role_box.findData(str(person.role)))

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return by where the focus is: in the table, on to the person's role; on the role or Set role, sets
        it; on the new name, its role or Add, adds the person; on Close, closes."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if focus is self.table:
                self.role_box.setFocus()
            elif focus in (self.role_box, self.set_button):
                self.set_role()
            elif focus in (self.name_edit, self.new_role_box, self.add_button):
                self.add_person()
            elif isinstance(focus, QPushButton):
                focus.click()
            else:
                super().keyPressEvent(event)
            return
        super().keyPressEvent(event)

    # -- changes ------------------------------------------------------------------------------------

    def _refused(self) -> bool:
        """Whether this person may not change the team now (roles are read again); if not, said here."""
        refused = refusal(self.project, self.me, Permission.MANAGE_TEAM)
        if refused is not None:
            self.reload()
            self.say(refused, error=True)
        return refused is not None

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Changing the role"))
    def set_role(self) -> None:
        person = self.current()
        if person is None:
            self.say(self.tr("Choose a person first."), error=True)
            return
        role = Role(self.role_box.currentData())
        if self._refused():
            return
        problem = last_lead_problem(self.project.team.annotators(), person.name, role)
        if problem is not None:
            self.reload(person.name)
            said = self.tr("{0} is the project's only lead: make someone else lead first, then change {0}.")
            self.say(said.format(person.name), error=True)
            return
        if role == person.role:
            self.say(self.tr("{0}'s role is {1} already: nothing to save.").format(person.name, word(role)))
            return
        try:
            saved = self.project.team.set_role(person.name, role, by=self.me.id)
        except TeamError as exc:  # changed by someone else meanwhile: the team's reason, in our words
            self.reload(person.name)
            self.say(self.tr("Not saved: {0}").format(refused_message(exc)), error=True)
            return
        logger.info("%s gave %s the role %s", self.me.name, saved.name, saved.role)
        said = self.tr("Saved: {0}'s role is now {1}.").format(saved.name, word(saved.role))
        if saved.name == self.me.name and not may(saved.role, Permission.MANAGE_TEAM):
            said += " " + self.tr(
                "You are no longer the lead: from now on this window refuses you the lead's actions "
                "(this dialog, Labels…, Assign documents…) and says who may, without a restart."
            )
        self._saved(said, saved.name)

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Adding the person"))
    def add_person(self) -> None:
        name = self.name_edit.text().strip()
        role = Role(self.new_role_box.currentData())
        if not name:
            self.say(self.tr("Type the new person's name first."), error=True)
            self.name_edit.setFocus()
            return
        if self._refused():
            return
        if self.project.team.find(name) is not None:
            self.reload(name)
            said = self.tr("{0} is in this project already: give them a role with Set role.")
            self.say(said.format(name), error=True)
            return
        try:
            person = self.project.team.add(name, role, by=self.me.id)
        except (TeamError, ValueError) as exc:
            self.reload()
            self.say(self.tr("Not saved: {0}").format(refused_message(exc)), error=True)
            return
        logger.info("%s added %s as %s", self.me.name, person.name, person.role)
        self.name_edit.clear()
        self._saved(
            self.tr("Saved: {0} added, with the role {1}.").format(person.name, word(person.role)),
            person.name,
        )

    def _saved(self, said: str, name: str) -> None:
        """A change saved: said at once, then the table read back within the answer bound in all, the
        server's probe included (``unsaved`` says "saved, but could not be read afterwards" if it fails)."""
        self.say(said)
        self.message.repaint()  # the window waits on the read: say it now
        with self.project.reading_back():
            self.reload(name)

    def done(self, result: int) -> None:
        self.workers.shutdown()
        super().done(result)
