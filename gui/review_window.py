"""The review screen: the queue of documents two or more annotators finished (worst agreement first), the
article once with every annotator's spans aligned, and the disagreements walked through from the keyboard.
Agreed spans are pre-accepted; the result, saved with Ctrl+S, is the document's gold layer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.article_view import ArticleView
from gui.i18n import QT_TRANSLATE_NOOP
from gui.keymap import Keymap
from gui.letter_case import CaselessLetters
from gui.permissions import refusal
from gui.plain_text import plain_action_tips, plain_label, plain_tooltip
from gui.repeat_pace import RepeatPace
from gui.reported import reported
from gui.review_session import ReviewSession
from gui.review_shortcuts import ANNOTATOR_KEYS, ONCE, REVIEW_SELECT_HELP, REVIEW_SHORTCUTS
from gui.screen_fit import remember_place, restore_place
from gui.shortcuts_dialog import ShortcutsDialog
from gui.span_style import SpanLook
from gui.terms import word
from gui.workers import Workers
from model.agreement import shown_score
from model.review import Resolution, same_as
from model.roles import Permission
from model.spans import Annotator, DocumentId, Entity
from storage.project import Project
from storage.types import QueueEntry

logger = logging.getLogger(__name__)
PLACE_KEY = "review_window_place"  # the settings key of where the window was (gui.screen_fit)


NAME_SHARE = 0.35  # of the side panel's width at most for the annotator's name: the versions get the rest


class ReviewWindow(QMainWindow):
    def __init__(self, project: Project, reviewer: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.setWindowTitle(self.tr("newstag review — {0}").format(reviewer.name))
        restore_place(self, PLACE_KEY, 1280, 820)
        self.project = project
        self.session = ReviewSession(project, reviewer, self)
        self.queue = QListWidget()
        self.queue.setObjectName("reviewQueue")
        self.queue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.article = ArticleView(self.session)
        self.panel = QTableWidget(0, 3)
        self.panel.setObjectName("disagreementPanel")
        self.panel.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Annotator"), self.tr("Their version")])
        # Never a horizontal scroll bar: the key and name columns take what they need (a long name is
        # elided, its tooltip whole), the versions wrap in the rest.
        self.panel.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel.setWordWrap(True)
        self.panel.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.panel.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.panel.verticalHeader().hide()
        self.panel.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.panel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.kind = plain_label()
        self.kind.setObjectName("disagreementKind")
        self.kind.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.kind)
        side_layout.addWidget(self.panel, 1)
        splitter = QSplitter()
        splitter.addWidget(self.queue)
        splitter.addWidget(self.article)
        splitter.addWidget(side)
        splitter.setSizes([260, 700, 320])
        self.setCentralWidget(splitter)
        self.state = plain_label()
        self.state.setObjectName("reviewState")
        self.statusBar().addPermanentWidget(self.state)
        self._build_actions()
        plain_action_tips(self)
        self.session.spansChanged.connect(self._update_panel)
        self.session.decisionsChanged.connect(self._update_panel)
        self.session.message.connect(
            lambda text, error: self.statusBar().showMessage(text, 0 if error else 5000)
        )
        self.session.labelsGone.connect(self.reload_labels)
        self.queue.currentItemChanged.connect(self._open_item)
        self.workers = Workers(self)
        self.refresh_queue()

    # -- actions -----------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        s = self.session
        self.pace = RepeatPace(self)
        handlers: dict[str, Callable[[], object]] = {
            "next": lambda: s.step(True),
            "previous": lambda: s.step(False),
            "both": lambda: s.decide(Resolution.BOTH),
            "reject": lambda: s.decide(Resolution.REJECT),
            "undo": self.pace.paced(s.undo),  # held: a decision at a time, each painted
            "save": self.save,
            "save_next": self.save_and_next,
            "help": self.show_shortcuts,
            "zoom_in": lambda: self.article.zoom(1),
            "zoom_out": lambda: self.article.zoom(-1),
            "zoom_reset": lambda: self.article.zoom(0),
            "close": self.request_close,
            **{f"take_{k}": partial(s.take, i) for i, k in enumerate(ANNOTATOR_KEYS)},
        }
        menu = self.menuBar().addMenu(self.tr("&Review"))
        menu.setObjectName("menu_Review")
        for shortcut in REVIEW_SHORTCUTS:
            if shortcut.name == "edit":
                continue
            action = QAction(self.tr(shortcut.text).format(shortcut.letter), self)
            action.setObjectName(f"review_{shortcut.name}")
            action.setShortcuts([QKeySequence(k) for k in shortcut.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setAutoRepeat(shortcut.name not in ONCE)
            action.triggered.connect(lambda _c=False, h=handlers[shortcut.name]: h())
            self.addAction(action)
            menu.addAction(action)
        self._review_menu = menu
        self._label_actions()
        self.keymap = Keymap(
            "review", [a for a in self.actions() if a.objectName().startswith("review_")], self
        )
        self._letters = CaselessLetters(self, self.keymap)  # Shift+U does what U does

    def _label_actions(self) -> list[QAction]:
        """One action per label with a hotkey: a gold span of that label over the selection."""
        made = []
        for label in self.session.labels:
            if label.hotkey:
                action = QAction(self.tr("Gold span: {0}").format(label.name), self)
                action.setObjectName(f"review_label_{label.name}")
                action.setShortcut(QKeySequence(label.hotkey))
                action.setAutoRepeat(False)
                action.triggered.connect(lambda _c=False, name=label.name: self.edit(name))
                self.addAction(action)
                self._review_menu.addAction(action)
                made.append(action)
        return made

    @reported(QT_TRANSLATE_NOOP("Reported", "Reading the labels again"))
    def reload_labels(self) -> None:
        """The label set changed (Project → Labels… of the annotation window): the gold hotkeys and the
        colours follow at once; the decisions under way stay (a renamed label's spans show their new name
        when the document is opened again)."""
        self.session.labels = self.project.labels.all()
        for action in [a for a in self.actions() if a.objectName().startswith("review_label_")]:
            self.removeAction(action)
            self._review_menu.removeAction(action)
            action.deleteLater()
        self.keymap.replace("review_label_", self._label_actions())
        self.article.set_look(SpanLook.remembered(self.session.labels))

    def show_shortcuts(self) -> ShortcutsDialog:
        helps = {f"review_{s.name}": self.tr(s.help).format(s.letter) for s in REVIEW_SHORTCUTS}
        edit = self.tr("Edit by hand: a gold {0} span over the selection inside the disagreement")
        helps |= {f"review_label_{label.name}": edit.format(label.name) for label in self.session.labels}
        select = (self.tr(REVIEW_SELECT_HELP[0]), self.tr(REVIEW_SELECT_HELP[1]))
        dialog = ShortcutsDialog(self.keymap, [select], helps, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- queue -------------------------------------------------------------------------------------

    def refresh_queue(self) -> None:
        """Recompute the queue in the worker thread (it compares every annotator's work on every document:
        0.4 s for 10,000 double-annotated documents); the list fills in when it is ready."""
        if self._refused():
            return
        self.state.setText(self.tr("Loading the review queue…"))
        failed = self.tr("Could not load the review queue: {0}")
        self.workers.submit(
            self.project.reviews.queue,
            done=self._fill_queue,
            error=lambda exc: self.state.setText(failed.format(exc)),
        )

    def _fill_queue(self, entries: list[QueueEntry]) -> None:
        self.state.setText("")
        current = self.session.item.document_id if self.session.item else None
        self.queue.blockSignals(True)
        self.queue.clear()
        for entry in entries:
            mark = "✓ " if entry.reviewed else ""
            item = QListWidgetItem(f"{mark}{shown_score(entry.agreement)}  {entry.title}")
            item.setData(Qt.ItemDataRole.UserRole, entry.document_id)
            annotators = ", ".join(entry.annotators)
            annotated = self.tr("#{0} · annotated by {1}").format(entry.document_id, annotators)
            item.setToolTip(plain_tooltip(f"{entry.title}\n{annotated}"))
            self.queue.addItem(item)
            if entry.document_id == current:
                self.queue.setCurrentItem(item)
        self.queue.blockSignals(False)
        if current is None and self.queue.count():
            self.queue.setCurrentRow(0)
        elif not self.queue.count():
            self.state.setText(
                self.tr("Nothing to review: no document has been finished by two annotators yet.")
            )

    def request_close(self) -> None:
        """Esc / Ctrl+W: close, once unsaved decisions are saved or knowingly dropped."""
        if self._may_close():
            self.close()

    def _may_close(self) -> bool:
        if self.session.saved or not self.session.decisions:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Close the review"),
            self.tr(
                "{0} decision(s) on this document are not saved. Save them as its gold layer before closing?"
            ).format(len(self.session.decisions)),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self._may_close():  # the window manager's close button
            event.ignore()
            return
        self.workers.shutdown()
        remember_place(self, PLACE_KEY)
        super().closeEvent(event)

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_document(DocumentId(int(item.data(Qt.ItemDataRole.UserRole))))

    def _refused(self) -> bool:
        """The window shows nobody's work to a person whose role does not allow reviewing (said instead)."""
        refused = refusal(self.project, self.session.reviewer, Permission.REVIEW)
        if refused is not None:
            self.state.setText(refused)
        return refused is not None

    def open_document(self, document_id: DocumentId) -> None:
        if self._refused():
            return
        self.session.open(document_id)
        self.article.setFocus()

    # -- deciding ----------------------------------------------------------------------------------

    def edit(self, label: str) -> None:
        selection = self.article.selection()
        if selection is None:
            self.statusBar().showMessage(
                self.tr("Select text inside the disagreement first, then press a label key.")
            )
            return
        self.session.edit(Entity(selection[0], selection[1], label))

    def save(self) -> bool:
        document = self.session.item.document_id if self.session.item else None
        saved = self.session.save()
        if saved:
            self._mark_reviewed(document)
        return saved

    def _mark_reviewed(self, document_id: DocumentId | None) -> None:
        """Tick the saved document in the queue where it stands. Recomputing the queue means comparing every
        annotator's work on every document (0.4 s for 10,000 double-annotated documents): it is done when the
        window opens, not after every save; reviewed documents move to the end then."""
        for i in range(self.queue.count()):
            item = self.queue.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == document_id:
                if not item.text().startswith("✓"):
                    item.setText("✓ " + item.text())
                return
        self.refresh_queue()  # not in the queue (it changed meanwhile): start afresh

    def save_and_next(self) -> None:
        """Ctrl+Return: save (unless this reviewed document has nothing unsaved: no new gold version, and
        never decisions of an earlier review overwritten by none), then the next unreviewed document; after
        the last one, say that the queue is done."""
        row = self.queue.currentRow()
        reviewed = row >= 0 and self.queue.item(row).text().startswith("✓")
        if not (reviewed and self.session.saved) and not self.save():
            return
        for i in list(range(row + 1, self.queue.count())) + list(range(row)):
            if not self.queue.item(i).text().startswith("✓"):
                self.queue.setCurrentRow(i)
                return
        self.statusBar().showMessage(
            self.tr("The review queue is done: every document in it is reviewed. Escape closes the window.")
        )

    def _fit_panel(self) -> None:
        """The name column as wide as the longest name, up to ``NAME_SHARE`` of the panel; rows as tall as
        their wrapped versions."""
        items = [self.panel.item(r, 1) for r in range(self.panel.rowCount())]
        names = [item.text() for item in items if item is not None]
        metrics = self.panel.fontMetrics()
        wanted = max(metrics.horizontalAdvance(n) for n in [*names, self.tr("Annotator")])
        self.panel.setColumnWidth(1, min(wanted + 16, int(self.panel.viewport().width() * NAME_SHARE)))
        self.panel.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_panel()

    def _update_panel(self) -> None:
        s = self.session
        names = s.annotators
        d = s.disagreement
        text = s.item.text if s.item else ""
        self.panel.setRowCount(len(names))
        nothing = self.tr("— (nothing)")
        for row, name in enumerate(names):
            versions = d.spans.get(name, ()) if d else ()
            shown = "; ".join(f"{text[e.start : e.end]} {e.label}" for e in versions) or nothing
            for col, value in enumerate(
                [ANNOTATOR_KEYS[row] if row < len(ANNOTATOR_KEYS) else "", name, shown if d else ""]
            ):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tooltip(value))
                self.panel.setItem(row, col, item)
        self._fit_panel()
        if d is None:
            if s.alignment.disagreements:
                self.kind.setText(self.tr("No disagreement selected."))
            elif s.item and s.item.version and set(s.item.gold) == set(s.alignment.agreed):
                # saved already: "save to make it gold" sent the reviewer to do again what was done
                said = self.tr("The annotators agree on everything; the gold layer holds it (version {0}).")
                self.kind.setText(said.format(s.item.version))
            else:
                self.kind.setText(
                    self.tr("The annotators agree on everything: save to make it gold (Ctrl+S).")
                )
        else:
            decided = s.decisions.get(s.current)
            where = f"“{text[d.start : d.end]}”: {word(d.kind)}"
            if decided is None:
                self.kind.setText(where)
            elif decided.resolution is Resolution.TAKE:
                self.kind.setText(self.tr("{0} — decided: took {1}").format(where, decided.source))
            elif same := same_as(decided, d):  # typed by the reviewer, equal to a version: both are true
                said = self.tr("{0} — decided: edit (the same as {1}'s version)")
                self.kind.setText(said.format(where, ", ".join(same)))
            else:
                self.kind.setText(self.tr("{0} — decided: {1}").format(where, word(decided.resolution)))
        version = s.item.version if s.item else 0
        saved = self.tr("saved") if s.saved else self.tr("not saved yet")
        # a document never reviewed has no gold ("gold version 0 · saved" said otherwise), unless imported
        imported = self.tr("imported gold ({0} span(s)), replaced when saved").format(
            len(s.item.gold) if s.item else 0
        )
        gold = self.tr("gold version {0} · {1}").format(version, saved) if version else self.tr("no gold yet")
        gold = imported if not version and s.item and s.item.gold else gold
        if not version and not s.saved:
            gold += " · " + saved
        said = self.tr("{0} of {1} disagreements open · {2} agreed · {3}")
        self.state.setText(
            said.format(s.open_count, len(s.alignment.disagreements), len(s.alignment.agreed), gold)
        )
