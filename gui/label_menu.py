"""The Project menu's Labels… (the label set's editor), the lead's. Kept apart from
``window_menus.py`` so that each menu stays small."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.menu_bar import window_menu
from gui.permissions import refusal
from model.roles import Permission
from model.spans import Annotator
from storage.project import Project


class LabelMenu(QObject):
    """Project → Labels…: refused to all but the lead, with a message naming who can."""

    labelsChanged = Signal()

    def __init__(
        self,
        window: QMainWindow,
        project: Project,
        person: Annotator,
        show_message: Callable[[str, bool], None],
    ) -> None:
        super().__init__(window)
        self.window, self.project, self.person, self.show_message = window, project, person, show_message
        self.editor: object | None = None
        menu = self._menu()
        self.labels_action = QAction(self.tr("Labels…"), window)
        self.labels_action.setObjectName("action_labels")
        self.labels_action.triggered.connect(lambda _c=False: self.edit_labels())
        menu.addAction(self.labels_action)

    def _menu(self) -> QMenu:
        """The window's Project menu (object name ``menu_Project``), made before Team if it has none."""
        return window_menu(self.window, "Project", self.tr("Project"), before=("Team",))

    def edit_labels(self) -> None:
        from gui.label_editor import LabelEditor

        refused = refusal(self.project, self.person, Permission.EDIT_LABELS)
        if refused is not None:
            self.show_message(refused, True)
            return
        editor = LabelEditor(self.project, self.person, self.window)
        editor.labelsChanged.connect(self.labelsChanged)
        self.editor = editor
        editor.open()
