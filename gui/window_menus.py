"""The window's menus beyond annotating: export, team work (assignment, agreement, review, consistency,
compare with gold) and the model (train now, its status). Kept apart from ``main_window.py`` to keep both
small."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QWidget

from gui.i18n import QT_TRANSLATE_NOOP
from gui.menu_bar import window_menu
from gui.permissions import refusal
from gui.plain_text import plain_label
from gui.reported import unsaved
from gui.trainer import Trainer
from model.roles import Permission
from model.spans import DocumentId
from storage.project import Importer, commit_in_doubt

if TYPE_CHECKING:
    from gui.article_view import ArticleView
    from gui.document_table import DocumentListModel
    from gui.review_window import ReviewWindow
    from gui.session import AnnotationSession

logger = logging.getLogger(__name__)


def _name(action: QAction) -> str:
    menu = action.menu()
    return menu.objectName() if menu is not None else ""


class WindowMenus(QObject):
    """The Team and Model menus and Export of ``window`` (the annotation window, which hands over what the
    menus act on: its session, its article view and its message bar)."""

    def __init__(
        self,
        window: QMainWindow,
        session: AnnotationSession,
        article: ArticleView,
        list_model: DocumentListModel,
        show_message: Callable[[str, bool], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session, self.article, self.list_model = session, article, list_model
        self.show_message = show_message
        self.project, self.annotator = session.project, session.annotator
        self.dialogs: list[QWidget] = []  # keep open dialogs alive
        w = window
        self.trainer = Trainer(self.project, w, session.workers)
        self.model_label = plain_label(self.trainer.status_text())
        self.model_label.setObjectName("modelLabel")
        w.statusBar().addPermanentWidget(self.model_label)
        self.trainer.statusChanged.connect(self.model_label.setText)
        self.trainer.failed.connect(lambda text: show_message(text, True))
        self.trainer.modelTrained.connect(self._model_trained)
        session.progressChanged.connect(lambda *_: self.trainer.maybe_train())

        from gui.gold_compare import GoldComparison

        self.gold = GoldComparison(self.project, self.annotator.id, w)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.gold)
        self.gold.hide()
        self.gold.visibilityChanged.connect(self._gold_visibility_changed)
        session.documentOpened.connect(self.gold.show_document)
        self.gold.locationActivated.connect(self._go_to_difference)

        document = self._menu("Document")
        document.addSeparator()
        self._add(document, self.tr("Export training data…"), "Ctrl+Shift+S", self.export, "action_export")
        bar = w.menuBar()
        help_menu = next((a for a in bar.actions() if _name(a) == "menu_Help"), None)
        team = QMenu(self.tr("Team"), w)
        team.setObjectName("menu_Team")
        model = QMenu(self.tr("Model"), w)
        model.setObjectName("menu_Model")
        for menu in (team, model):
            if help_menu is not None:
                bar.insertMenu(help_menu, menu)
            else:
                bar.addMenu(menu)
        self._add(team, self.tr("Assign documents…"), None, self.assign, "action_assign")
        self._add(team, self.tr("Agreement…"), None, self.agreement, "action_agreement")
        self._add(team, self.tr("Review disagreements…"), "Ctrl+Shift+R", self.review_all, "action_review")
        self._add(
            team,
            self.tr("Consistency of my annotations…"),
            None,
            lambda: self.consistency(self.annotator.name),
            "action_consistency",
        )
        self._add(
            team,
            self.tr("Consistency of the gold layer…"),
            None,
            lambda: self.consistency(None),
            "action_gold_consistency",
        )
        compare = self.gold.toggleViewAction()
        compare.setText(self.tr("Compare with gold"))
        compare.setShortcut(QKeySequence("Ctrl+G"))
        compare.setObjectName("action_compare_gold")
        team.addAction(compare)
        w.addAction(compare)
        from gui.label_menu import LabelMenu

        self.label_menu = LabelMenu(w, self.project, self.annotator, show_message)
        if hasattr(w, "reload_labels"):
            self.label_menu.labelsChanged.connect(w.reload_labels)
        self._add(model, self.tr("Train the suggestion model now"), None, self.train, "action_train")
        self._add(
            model,
            self.tr("Train a base model on a labelled corpus…"),
            None,
            self.train_base,
            "action_train_base",
        )
        model.addSeparator()
        self.order_action = self._add(
            model,
            self.tr("Most uncertain documents first"),
            None,
            self.toggle_order,
            "action_order_uncertainty",
        )
        self.order_action.setCheckable(True)
        self.order_action.setChecked(self.project.ordering.document_order() == "uncertainty")
        self.apply_order()

    def _menu(self, name: str) -> QMenu:
        """The window's menu called ``name`` (its object name is ``menu_`` + name), made if it has none."""
        return window_menu(self.window, name, self.tr(name))

    def _add(
        self, menu: QMenu, text: str, keys: str | None, handler: Callable[[], object], name: str
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
            self.window.addAction(action)
        action.triggered.connect(lambda _c=False: handler())
        menu.addAction(action)
        return action

    def _show(self, dialog: QWidget) -> None:
        # the review window deletes itself on closing: a deleted one answered isVisible() with a traceback
        # and the next dialog (Export…, after Ctrl+Shift+R and Escape) never opened
        self.dialogs = [d for d in self.dialogs if shiboken6.isValid(d) and d.isVisible()]
        self.dialogs.append(dialog)
        dialog.show()
        dialog.activateWindow()  # its keys go to it, with or without a window manager

    def _gold_visibility_changed(self, visible: bool) -> None:
        """Ctrl+G shows the differences with the keys on them (↑/↓, Return goes there); hiding them gives the
        keys back to the article: the dock was for the mouse only."""
        if visible:
            self.gold.show_document(self.session.document)
            if self.gold.table.rowCount():
                self.gold.table.setFocus()
                self.gold.table.selectRow(max(self.gold.table.currentRow(), 0))
        elif (focused := QApplication.focusWidget()) is not None and self.gold.isAncestorOf(focused):
            self.article.setFocus()

    def _go_to_difference(self, start: int, end: int) -> None:
        self.article.select(start, end)
        self.article.setFocus()

    # -- handlers ----------------------------------------------------------------------------------

    def export(self) -> None:
        from gui.export_dialog import ExportDialog

        self._show(ExportDialog(self.project, self.annotator, self.window))

    def allowed(self, permission: Permission) -> bool:
        """Whether the person may do ``permission`` now (roles are read again); if not, the message bar
        says so and names who can."""
        refused = refusal(self.project, self.annotator, permission)
        if refused is not None:
            self.show_message(refused, True)
        return refused is None

    def assign(self) -> None:
        from gui.assign_dialog import AssignDialog

        if self.allowed(Permission.ASSIGN):
            self._show(AssignDialog(self.project, self.window))

    def agreement(self) -> None:
        from gui.agreement_view import AgreementView

        if not self.allowed(Permission.SEE_TEAM):
            return
        view = AgreementView(self.project, self.window)
        view.documentActivated.connect(self.review_document)
        self._show(view)

    def review_all(self) -> None:
        if self.allowed(Permission.REVIEW):
            self.review()

    def review(self) -> ReviewWindow:
        """The review window (for a reviewer or the lead: callers ask ``allowed`` first)."""
        from gui.review_window import ReviewWindow

        reviewer = self.project.annotator(self.annotator.name)
        window = ReviewWindow(self.project, reviewer)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.label_menu.labelsChanged.connect(window.reload_labels)  # gone with the window
        self._show(window)
        return window

    def review_document(self, document_id: int) -> None:
        if not self.allowed(Permission.REVIEW):
            return
        window = self.review()
        window.open_document(DocumentId(document_id))

    def consistency(self, annotator: str | None) -> None:
        """An annotator's own layer, or the gold layer (for reviewers and the lead) with ``None``."""
        from gui.consistency_view import ConsistencyView

        if annotator != self.annotator.name and not self.allowed(Permission.SEE_TEAM):
            return
        view = ConsistencyView(self.project, annotator, self.window)
        view.locationActivated.connect(self._go_to)
        self._show(view)

    def _go_to(self, document_id: int, start: int, end: int) -> None:
        self.session.open_document(DocumentId(document_id))
        self.article.select(start, end)
        self.window.activateWindow()

    def train(self) -> None:
        if not self.trainer.start():
            self.show_message(self.tr("The model is training already."), False)

    def train_base(self) -> None:
        """A project lead picks a labelled corpus (CoNLL/BIO, JSONL, brat); a base model is trained on it in
        the background and the project's models build on it from then on."""
        if self.trainer.running:
            self.show_message(self.tr("The model is training already."), False)
            return
        patterns = " ".join(f"*{suffix}" for suffix in Importer.suffixes())  # what the importer reads
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Labelled corpus for a base model"),
            "",
            self.tr("Labelled corpora ({0});;All files (*)").format(patterns),
        )
        if not path:
            return
        self.trainer.start(Path(path))
        self.show_message(
            self.tr(
                "Training a base model on {0} in the background (a large corpus takes "
                "minutes); annotation goes on meanwhile."
            ).format(Path(path).name),
            False,
        )

    def _model_trained(self) -> None:
        service = self.session.service
        if service is not None and hasattr(service, "reload_model"):
            self.session.workers.submit(self._reload_and_rank, service, done=lambda _r: self.apply_order())
        self.show_message(self.tr("A new suggestion model is trained; new documents use it."), False)

    def _reload_and_rank(self, service: Any) -> None:
        """In the background: the new model behind the suggestions, then (if the project orders documents by
        uncertainty) the order refreshed with it."""
        service.reload_model()
        if self.project.ordering.document_order() == "uncertainty":
            self.project.ordering.refresh_ranking(service)

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Changing the document order"))
    def toggle_order(self) -> None:
        """Model → Most uncertain documents first: a project setting; the first time, the order is computed in
        the background."""
        ordering = self.project.ordering
        uncertain = self.order_action.isChecked()
        try:
            ordering.set_document_order("uncertainty" if uncertain else "sequential")
        except Exception as exc:
            if not commit_in_doubt(exc):  # not saved: the menu shows the order the project keeps
                with QSignalBlocker(self.order_action):
                    self.order_action.setChecked(not uncertain)
            raise
        service = self.session.service
        if uncertain and not ordering.ranking() and service is not None:
            self.show_message(
                self.tr("Ordering the documents by how unsure the suggestions are (in the background)…"),
                False,
            )
            self.session.workers.submit(ordering.refresh_ranking, service, done=lambda _n: self.apply_order())
        self.apply_order()

    def apply_order(self) -> None:
        """Show the project's document order (``project.ordering``) in the list; Ctrl+Return follows it."""
        order = self.project.ordering.listing_order()
        self.list_model.set_ranking(order)

    def close(self) -> None:
        self.trainer.stop()
