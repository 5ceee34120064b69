"""The window's project actions: Document → New project…, Open project…, Open recent, Import…, Quit
(Ctrl+Q), and Project → Overview and People (``gui.people_dialog``). Switching project opens a new annotation
window on the other project and closes this one (every action is committed already); the projects opened
last are remembered (``gui.settings``, ``recent_projects``: URLs without their password)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox, QWidget

from gui import settings
from gui.database_messages import database_message
from gui.menu_bar import window_menu
from gui.permissions import refusal
from model.roles import Permission
from model.spans import DocumentId
from storage.project import IntegrityCheck, Project, probe_database, public_url
from storage.types import DatabaseError

if TYPE_CHECKING:
    from gui.document_table import DocumentListModel
    from gui.session import AnnotationSession

logger = logging.getLogger(__name__)

RECENT = 8  # projects remembered
OPEN_WINDOWS: list[QMainWindow] = []  # windows opened by switching project: kept alive until closed


def recent_projects() -> list[str]:
    value = settings.load().get("recent_projects")
    return [str(u) for u in value if isinstance(u, str)] if isinstance(value, list) else []


def remember_project(url: str) -> None:
    try:
        shown = public_url(url)
    except DatabaseError:
        return
    settings.save(recent_projects=[shown, *(u for u in recent_projects() if u != shown)][:RECENT])


def forget_project(url: str) -> None:
    settings.save(recent_projects=[u for u in recent_projects() if u != url])


def shown_url(url: str) -> str:
    """A SQLite project by its file, a server's by its URL."""
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


class ProjectMenu(QObject):
    """Adds the project actions to ``window``'s Document and Project menus."""

    def __init__(
        self,
        window: QMainWindow,
        session: AnnotationSession,
        list_model: DocumentListModel,
        show_message: Callable[[str, bool], None],
    ) -> None:
        super().__init__(window)
        self.window, self.session, self.list_model = window, session, list_model
        self.project, self.annotator = session.project, session.annotator
        self.show_message = show_message
        self.owns_project = False  # a window opened by switching closes its project when it closes
        self.dialogs: list[QWidget] = []
        remember_project(self._url())
        document = self._menu("Document", self.tr("Document"))
        first = document.actions()[0]  # the window's own Document actions follow ours
        self.recent_menu = QMenu(self.tr("Open recent"), window)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        made = [
            self._action(self.tr("New project…"), "Ctrl+N", self.new_project, "action_new_project"),
            self._action(self.tr("Open project…"), "Ctrl+O", self.open_project, "action_open_project"),
        ]
        for action in made:
            document.insertAction(first, action)
        document.insertMenu(first, self.recent_menu)
        document.insertSeparator(first)
        document.insertAction(
            first, self._action(self.tr("Import…"), "Ctrl+Shift+I", self.import_files, "action_import")
        )
        document.insertSeparator(first)
        document.addSeparator()
        document.addAction(self._action(self.tr("Quit"), "Ctrl+Q", self.quit, "action_quit"))
        project = self._menu("Project", self.tr("Project"))
        project.addAction(self._action(self.tr("Overview…"), None, self.overview, "action_overview"))
        project.addAction(self._action(self.tr("People…"), None, self.people, "action_people"))
        self.fill_recent()

    def _url(self) -> str:
        return self.project.engine.url.render_as_string(hide_password=False)

    def _menu(self, name: str, title: str) -> QMenu:
        """The window's menu ``menu_<name>``; made (before Team, else before Help) when it has none."""
        return window_menu(self.window, name, title, before=("Team", "Help"))

    def _action(self, text: str, keys: str | None, handler: Callable[[], object], name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
            self.window.addAction(action)
        action.triggered.connect(lambda _c=False: handler())
        return action

    def _show(self, dialog: QWidget) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        self.dialogs.append(dialog)
        dialog.show()
        dialog.activateWindow()  # its keys go to it, with or without a window manager

    # -- import -----------------------------------------------------------------------------------

    def import_files(self) -> QWidget:
        from gui.import_dialog import ImportDialog

        dialog = ImportDialog(self.project, self.window)
        dialog.imported.connect(self._imported)
        self._show(dialog)
        return dialog

    def _imported(self, _reports: Any) -> None:
        """New documents: the list is read again, labels the import added join the label bar and its keys;
        an empty window opens the first of them."""
        self.list_model.reset()
        if {label.name for label in self.project.labels.all()} != {
            label.name for label in self.session.labels
        }:
            reload_labels = getattr(self.window, "reload_labels", None)
            if reload_labels is not None:
                reload_labels()
        if self.session.document is None:
            first = next(iter(self.project.documents.ids()), None)
            if first is not None:
                self.session.open_document(DocumentId(first))

    # -- projects ---------------------------------------------------------------------------------

    def new_project(self) -> None:
        self._choose(creating=True)

    def open_project(self) -> None:
        self._choose(creating=False)

    def _choose(self, creating: bool) -> None:
        from gui.project_dialog import ProjectDialog

        dialog = ProjectDialog(creating, self.window)
        dialog.accepted.connect(lambda: self.switch_to(dialog.url))
        self._show(dialog)

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        here = public_url(self._url())
        for number, url in enumerate(u for u in recent_projects() if u != here):
            action = self.recent_menu.addAction(shown_url(url))
            action.setObjectName(f"action_recent_{number}")
            action.triggered.connect(lambda _c=False, u=url: self.open_recent(u))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def open_recent(self, url: str) -> QMainWindow | None:
        """A remembered project: opened if it still holds one (a file gone is forgotten, and said)."""
        try:
            probe = probe_database(url)
        except DatabaseError as exc:
            self._refuse(database_message(exc))
            return None
        if not probe.project:
            forget_project(url)
            said = self.tr("{0} no longer holds a newstag project; it is removed from the recent list.")
            self._refuse(said.format(shown_url(url)))
            return None
        return self.switch_to(url)

    def switch_to(self, url: str) -> QMainWindow | None:
        """Open ``url`` in a new annotation window (the same annotator) and close this one."""
        if not url:
            return None
        try:
            project = Project.open(url, check=IntegrityCheck.BACKGROUND)
        except DatabaseError as exc:
            self._refuse(database_message(exc))
            return None
        try:
            # the window's own class: this module cannot import gui.main_window (it imports us)
            make: Callable[..., QMainWindow] = type(self.window)
            window = make(project, project.annotator(self.annotator.name), project.suggestions)
        except Exception as exc:
            project.close()
            problem = Project.database_problem(exc, url)
            if problem is None:
                raise
            self._refuse(database_message(problem))
            return None
        menu = getattr(window, "project_menu", None)
        if isinstance(menu, ProjectMenu):
            menu.owns_project = True
        remember_project(url)
        OPEN_WINDOWS.append(window)
        window.show()
        window.activateWindow()  # the keyboard to the new window, with or without a window manager
        old_project = self.project
        self.window.close()
        old_project.close()
        return window

    def _refuse(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Cannot open the project"), message, parent=self.window
        )
        box.setObjectName("projectRefusedBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.dialogs.append(box)

    def window_closed(self) -> None:
        """After the window's session closed: its dialogs close (an import under way stops and its file rolls
        back), and a project this window opened is closed with it."""
        for dialog in self.dialogs:
            dialog.close()
        self.dialogs = []
        if self.window in OPEN_WINDOWS:  # dropped once the close event is over, not during it
            window = self.window
            QTimer.singleShot(0, lambda: OPEN_WINDOWS.remove(window) if window in OPEN_WINDOWS else None)
        if self.owns_project:
            self.project.close()

    def quit(self) -> None:
        """Document → Quit: every window closes (each saves the time spent; every action is saved already)."""
        QApplication.closeAllWindows()

    # -- the lead's view ----------------------------------------------------------------------------

    def overview(self) -> QWidget | None:
        """Project → Overview: everyone's progress and agreement, so a reviewer's or the lead's view."""
        from gui.overview import Overview

        refused = refusal(self.project, self.annotator, Permission.SEE_TEAM)
        if refused is not None:
            self.show_message(refused, True)
            return None
        view = Overview(self.project, self.window)
        self._show(view)
        return view

    def people(self) -> QWidget | None:
        """Project → People: the people and their roles; adding people and giving roles is the lead's."""
        from gui.people_dialog import PeopleDialog

        refused = refusal(self.project, self.annotator, Permission.MANAGE_TEAM)
        if refused is not None:
            self.show_message(refused, True)
            return None
        dialog = PeopleDialog(self.project, self.annotator, self.window)
        self._show(dialog)
        dialog.activateWindow()
        return dialog
