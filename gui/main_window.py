"""The annotation window: document list, article with its spans, entity panel, label bar, status bar.

Layout only: the widgets read the ``AnnotationSession``; the actions (built from ``gui.shortcuts``) call it
or its ``AnnotationActions``.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from gui import settings
from gui.actions import AnnotationActions
from gui.article_view import ArticleView
from gui.database_messages import damaged_box
from gui.document_list import DocumentList
from gui.document_table import DocumentListModel
from gui.entity_panel import EntityPanel
from gui.i18n import QT_TRANSLATE_NOOP
from gui.keymap import Keymap
from gui.label_bar import LabelBar
from gui.plain_text import plain_action_tips, plain_label
from gui.project_menu import ProjectMenu
from gui.qt_compat import guard_none_refcount
from gui.repeat_pace import RepeatPace
from gui.reported import reported
from gui.screen_fit import remember_place, restore_place
from gui.session import AnnotationSession
from gui.settings_notice import settings_message
from gui.shortcuts import CHECKABLE, ONCE, SHORTCUTS, Scope, shown
from gui.shortcuts_dialog import ShortcutsDialog, annotation_shortcuts
from gui.status_line import StatusLine
from gui.stray_keys import StrayKeys
from gui.title_jump import TitleJump
from gui.view_menu import ViewMenu
from gui.window_focus import FocusReturn
from gui.window_menus import WindowMenus
from model.spans import Annotator, Document, DocumentId
from storage.project import Project, SuggestionService

logger = logging.getLogger(__name__)
PLACE_KEY = "window_place"  # the settings key of where the window was (gui.screen_fit)

ERROR_STYLE = "background: #fde2e1; color: #8a1c14; border: 1px solid #e0a19c; padding: 6px;"
START_DELAY_MS = 150
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
}


class MainWindow(QMainWindow):
    def __init__(
        self,
        project: Project,
        annotator: Annotator,
        service: SuggestionService | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        guard_none_refcount()
        super().__init__()
        self.setObjectName("mainWindow")
        self.project, self.annotator = project, annotator
        self.session = AnnotationSession(project, annotator, service, clock, self)
        self.edits = AnnotationActions(self.session, self)
        self.edits.labelsGone.connect(self.reload_labels)
        self.pace = RepeatPace(self)
        restore_place(self, PLACE_KEY, 1400, 860)

        self.documents = DocumentList(DocumentListModel(project.document_list, annotator.id, self))
        self.session.listing = self.documents  # the next article is the list's, as filtered
        self.article = ArticleView(self.session)
        self.entities = EntityPanel(self.session)
        self.labels = LabelBar(self.session.labels)
        self.message_bar = plain_label(word_wrap=True)
        self.message_bar.setObjectName("messageBar")
        self.message_bar.setVisible(False)
        self.message_bar.setStyleSheet(ERROR_STYLE)
        self.message_bar.setTextFormat(Qt.TextFormat.PlainText)

        work = QWidget()
        work.setObjectName("articlePane")
        column = self._article_column = QVBoxLayout(work)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.message_bar, self.labels, self.article):
            column.addWidget(widget)
        self.annotation_area = QSplitter(Qt.Orientation.Horizontal)
        self.annotation_area.setObjectName("annotationArea")
        self.annotation_area.addWidget(work)
        self.annotation_area.addWidget(self.entities)
        self.annotation_area.setSizes([760, 330])
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(self.documents)
        outer.addWidget(self.annotation_area)
        outer.setSizes([300, 1100])
        self.setCentralWidget(outer)
        # Tab / Shift+Tab: search → state filter → document list → article (where Tab then goes from
        # suggestion to suggestion) → entity panel
        chain = (
            self.documents.search,
            self.documents.filter,
            self.documents.view,
            self.article,
            self.entities,
        )
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

        self.actions_by_command: dict[str, QAction] = {}
        self.status = StatusLine(
            self, self.session, self.article, self.documents.model, self.actions_by_command
        )
        self.focus_label, self.suggester_label = self.status.focus_label, self.status.suggester_label
        self.suggestions_label, self.progress_label = (
            self.status.suggestions_label,
            self.status.progress_label,
        )
        self.position_label, self.rejected_label = self.status.position_label, self.status.rejected_label
        self.annotator_label = self.status.annotator_label

        self._build_actions()
        self._connect()
        self.entities.set_group_actions(
            [self.actions_by_command["accept_group"], self.actions_by_command["reject_group"]]
        )
        self.menus = WindowMenus(self, self.session, self.article, self.documents.model, self.show_message)
        self.status.add_model_state(self.menus.model_label)
        self.project_menu = ProjectMenu(self, self.session, self.documents.model, self.show_message)
        self.view_menu = ViewMenu(
            self, self._menus["View"], self.article, self.entities, self.labels, self.session.labels
        )
        self.view_menu.apply()
        # Every key of the window, the annotator's to rebind (Help → Shortcuts)
        self.keymap = Keymap(
            "main",
            [a for a in self.findChildren(QAction) if a.objectName().startswith("action_") and a.shortcuts()],
            self,
        )
        self.keymap.changed.connect(self._keys_changed)
        self._keys_changed()
        plain_action_tips(self)
        for watched in (self.article, self.article.viewport(), self.entities, self.entities.viewport()):
            watched.installEventFilter(self)
        self.stray_keys = StrayKeys(self.session, self.annotation_area, self.documents.view, self)
        for watched in (self.article, self.entities, self.documents.view):
            watched.installEventFilter(self.stray_keys)
        self.title_jump = TitleJump(  # typing in the list: a title
            self.documents, self.session.message, self.stray_keys.acts_in_article, self
        )
        self.focus_return = FocusReturn(self)  # the keyboard back here when a dialog closes, WM or not

        if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
            self.show_message(
                self.tr(
                    "No installed font has Chinese characters, so articles show boxes. "
                    "Install one (Debian or Ubuntu: sudo apt-get install fonts-noto-cjk) "
                    "and start newstag again."
                ),
                True,
            )
        if (trouble := settings.take_notice()) is not None:  # the user's file, unusable, is kept aside
            self.show_message(settings_message(trouble), True)
        self.suggester_label.setText(self.tr("Loading suggestions…") if service is not None else "")
        # Background work (jieba) starts once the window has painted: nothing competes with the first paint.
        self._start_timer = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self._start_timer.timeout.connect(self.session.start)
        self._start_timer.start()
        listing = project.document_list  # the article left unfinished last time, else the list's first
        first = (
            listing.last_worked_on(annotator.id)
            or listing.next_document(annotator.id, None, unfinished=True)
            or next(iter(project.documents.ids()), None)
        )
        if first is not None:
            self.session.open_document(first)
        else:
            self.setWindowTitle(f"newstag — {annotator.name}")
        self.article.setFocus()

    # -- actions -------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        titles = {
            "Document": self.tr("Document"),
            "Edit": self.tr("Edit"),
            "Annotate": self.tr("Annotate"),
            "View": self.tr("View"),
            "Help": self.tr("Help"),
        }
        menus = self._menus = {name: self.menuBar().addMenu(title) for name, title in titles.items()}
        for name, menu in menus.items():
            menu.setObjectName(f"menu_{name}")
        handlers: dict[str, Callable[..., object]] = {
            "grow_start": lambda: self.edits.resize_focused("start", -1),
            "shrink_start": lambda: self.edits.resize_focused("start", 1),
            "shrink_end": lambda: self.edits.resize_focused("end", -1),
            "grow_end": lambda: self.edits.resize_focused("end", 1),
            "label_everywhere": lambda: self.edits.label_everywhere(corpus=False),
            "label_everywhere_corpus": lambda: self.edits.label_everywhere(corpus=True),
            "clear_focus": self._clear_focus,
            "toggle_snap": self.edits.set_snap_words,
            "toggle_rejected": self.session.set_show_rejected,
            "focus_article": self.article.setFocus,
            "focus_search": self._focus_search,
            "show_shortcuts": self.show_shortcuts,
            "zoom_in": lambda: self.article.zoom(1),
            "zoom_out": lambda: self.article.zoom(-1),
            "zoom_reset": lambda: self.article.zoom(0),
            "undo": self.pace.paced(self.edits.undo),  # held: a step at a time, each painted
            "redo": self.pace.paced(self.edits.redo),
        }
        for shortcut in SHORTCUTS:
            action = QAction(shown(shortcut.text), self)
            action.setObjectName(f"action_{shortcut.command}")
            action.setShortcuts([QKeySequence(k) for k in shortcut.keys])
            action.setStatusTip(shown(shortcut.help))
            action.setAutoRepeat(shortcut.command not in ONCE)
            if shortcut.command in CHECKABLE:
                action.setCheckable(True)
                action.toggled.connect(handlers[shortcut.command])
            else:
                handler = (
                    handlers.get(shortcut.command)
                    or getattr(self.edits, shortcut.command, None)
                    or getattr(self.session, shortcut.command)
                )
                action.triggered.connect(lambda _checked=False, h=handler: h())
            self._attach(action, shortcut.scope)
            menus[shortcut.menu].addAction(action)
            self.actions_by_command[shortcut.command] = action
        # the Edit menu names the step (Undo Accept PER 裴青山), as QUndoStack.createUndoAction would; the
        # actions stay ours because a step is saved before the stack moves
        stack = self.session.undo_stack
        for command, alone, named, changed in (
            ("undo", self.tr("Undo"), self.tr("Undo {0}"), stack.undoTextChanged),
            ("redo", self.tr("Redo"), self.tr("Redo {0}"), stack.redoTextChanged),
        ):
            action = self.actions_by_command[command]
            changed.connect(lambda text, a=action, o=alone, n=named: a.setText(n.format(text) if text else o))
        menus["Annotate"].addSeparator()
        self._label_actions()

    def _label_actions(self) -> list[QAction]:
        """Annotate → Label as …, one for each label with a hotkey."""
        made = []
        for label in self.session.labels:
            if not label.hotkey:
                continue
            action = QAction(self.tr("Label as {0}").format(label.name), self)
            action.setObjectName(f"action_label_{label.name}")
            action.setShortcut(QKeySequence(label.hotkey))
            action.setAutoRepeat(False)  # a held label key labels once (``ONCE``)
            action.triggered.connect(lambda _checked=False, name=label.name: self.apply_label(name))
            self._attach(action, Scope.ARTICLE)
            self._menus["Annotate"].addAction(action)
            self.actions_by_command[f"label_{label.name}"] = action
            made.append(action)
        return made

    @reported(QT_TRANSLATE_NOOP("Reported", "Reading the labels again"))
    def reload_labels(self) -> None:
        """The label set changed (Project → Labels…): the label bar, the hotkeys, the colours and the open
        document follow it."""
        self.session.labels = labels = self.project.labels.all()
        self.project.suggestions.follow_settings()  # a preset may have chosen other conventions
        for command in [c for c in self.actions_by_command if c.startswith("label_")]:
            action = self.actions_by_command.pop(command)
            self._menus["Annotate"].removeAction(action)
            self.annotation_area.removeAction(action)
            action.deleteLater()
        self.keymap.replace("action_label_", self._label_actions())
        bar = LabelBar(labels)
        bar.labelClicked.connect(self.apply_label)
        self._article_column.replaceWidget(self.labels, bar)
        self.labels.deleteLater()
        self.labels = self.view_menu.labels = bar
        self.view_menu.label_set = labels
        self.view_menu.apply()
        self._keys_changed()
        if self.session.document is not None:  # a renamed or merged label: its spans read again
            self.session.reload()

    def _attach(self, action: QAction, scope: Scope) -> None:
        if scope is Scope.ARTICLE:  # single keys: only while the article (or its entity panel) has the focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.annotation_area.addAction(action)
        else:
            self.addAction(action)

    def _connect(self) -> None:
        s = self.session
        s.documentOpened.connect(self._document_opened)
        s.spansChanged.connect(self.status.spans_changed)
        s.documentsUpdated.connect(self.documents.refresh)
        s.entryChanged.connect(self.documents.model.update_entry)
        s.progressChanged.connect(self.status.progress)
        s.message.connect(self.show_message)
        s.suggestionsReady.connect(lambda: self.suggester_label.setText(self.tr("Suggestions ready")))
        s.databaseDamaged.connect(self._database_damaged)
        self.documents.documentActivated.connect(self._open_chosen)
        self.documents.searchEntered.connect(self.article.setFocus)
        self.documents.searchLeft.connect(self.article.setFocus)
        self.documents.listLeft.connect(self.article.setFocus)
        self.labels.labelClicked.connect(self.apply_label)
        self.article.selectionChanged.connect(self.status.selection_changed)
        self.documents.model.modelReset.connect(self.status.show_position)
        self.documents.model.rowsRemoved.connect(self.status.show_position)
        self.documents.model.rowsInserted.connect(self.status.show_position)  # an article back in the filter
        self.actions_by_command["toggle_rejected"].toggled.connect(self.status.show_rejected)

    def apply_label(self, name: str) -> None:
        self.edits.apply_label(name, self.article.selection())

    def _clear_focus(self) -> None:
        cursor = self.article.textCursor()
        if not cursor.hasSelection():  # Escape peels: the selection first, then the focused span
            self.session.clear_focus()
        cursor.clearSelection()
        self.article.setTextCursor(cursor)

    def _focus_search(self) -> None:
        self.documents.search.setFocus()
        self.documents.search.selectAll()

    def show_shortcuts(self) -> ShortcutsDialog:
        return annotation_shortcuts(self.keymap, self.session.labels, self)

    def _keys_changed(self) -> None:
        """The label bar shows each label's key as the annotator set it."""
        self.labels.set_keys(
            {
                label.name: action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
                for label in self.session.labels
                if (action := self.actions_by_command.get(f"label_{label.name}")) is not None
            }
        )

    # -- reacting to the session ------------------------------------------------------------------

    def _document_opened(self, document: Document) -> None:
        self.setWindowTitle(f"newstag — {document.title or f'#{document.id}'} — {self.annotator.name}")
        self.documents.select_document(document.id)
        self.status.show_position()

    def _open_chosen(self, document_id: int) -> None:
        """The article chosen in the list; not opened (the database could not be read), the list shows the
        article still open again, so that choosing it once more tries again."""
        self.session.open_document(DocumentId(document_id))
        shown = self.session.document
        if shown is None:  # none open before either: no row is chosen
            self.documents.select_none()
        elif shown.id != document_id:
            self.documents.select_document(shown.id)

    def _database_damaged(self, reason: str) -> None:
        """The integrity check found damage: every action is refused from now on; say why, and what to do."""
        self.show_message(reason, True)
        damaged_box(self, reason).open()

    def show_message(self, text: str, error: bool) -> None:
        if error:
            self.message_bar.setText(text)
            self.message_bar.show()
            logger.warning("%s", text)
        elif not text:  # an action saved: what an earlier one said no longer holds
            self.message_bar.hide()
            self.statusBar().clearMessage()
        else:
            self.statusBar().showMessage(text, 8000)

    # -- time and closing --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.session.tracker.touch()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_place(self, PLACE_KEY)
        self.hide()  # gone at once; saving the time and waiting for the worker happen behind
        self.menus.close()
        self.session.close()
        self.project_menu.window_closed()
        super().closeEvent(event)
