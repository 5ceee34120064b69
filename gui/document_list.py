"""The document list panel: search (title or text), a state filter and the lazily loaded list."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.document_table import DocumentIdRole, DocumentListModel
from gui.i18n import QT_TRANSLATE_NOOP
from gui.plain_text import plain_label
from gui.terms import word
from model.spans import DocState, DocumentId

logger = logging.getLogger(__name__)

FILTERS = (
    (QT_TRANSLATE_NOOP("DocumentList", "All documents"), None),
    (QT_TRANSLATE_NOOP("DocumentList", "New"), DocState.NEW),
    (QT_TRANSLATE_NOOP("DocumentList", "In progress"), DocState.IN_PROGRESS),
    (QT_TRANSLATE_NOOP("DocumentList", "Done"), DocState.DONE),
)
SEARCH_DELAY_MS = 250


class DocumentList(QWidget):
    documentActivated = Signal(int)
    searchEntered = Signal()  # Return in the search box found something: the article, not the box, wants keys
    searchLeft = Signal()  # Escape in the search box: back to the article, the search kept
    listLeft = Signal()  # Return or Escape in the list: the article chosen (open already) takes the keys

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPanel")
        self.model = model
        self.search = QLineEdit(placeholderText=self.tr("Search title or text…"), clearButtonEnabled=True)
        self.search.setObjectName("documentSearch")
        self.filter = QComboBox()
        self.filter.setObjectName("documentFilter")
        for text, state in FILTERS:
            self.filter.addItem(self.tr(text), state)
        self.count = plain_label()
        self.count.setObjectName("documentCount")
        self.view = QTableView()
        self.view.setObjectName("documentList")
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(
            False
        )  # Tab leaves the list (for the article), as in every list; ↑/↓ move
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((1, word(DocState.IN_PROGRESS)), (2, "0000")):  # sizing to contents reads
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 16)  # every row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.filter, self.view, self.count):
            layout.addWidget(widget)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)
        self.filter.currentIndexChanged.connect(self.apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        model.modelReset.connect(self._update_count)
        model.rowsRemoved.connect(self._row_left)
        model.rowsInserted.connect(self._row_left)  # one came back (``update_entry``): same follow-up
        self._current: DocumentId | None = None
        self._stale: set[int] = set()
        self._writing = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh_now)
        self._update_count()

    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.filter.currentData(), self.search.text().strip())
        if self._current is not None:
            self.select_document(self._current)

    def _search_entered(self) -> None:
        """Return in the search box: the first article found opens (the open one stays if it is among
        them) and the article takes the keys; nothing found, the box keeps them to be corrected."""
        self.apply_filter()
        if self.model.total == 0:
            return
        if self._current is None or self.model.position(self._current) == 0:
            self.view.setCurrentIndex(self.model.index(0, 0))  # opens it (``documentActivated``)
        self.searchEntered.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the search box goes to the list, to choose among what was found; Escape, to the article.
        In the list (↑/↓ open the article chosen) Return or Escape gives the article the keys: the next
        Return or X would otherwise do nothing at all."""
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return super().eventFilter(watched, event)
        if watched is self.view and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.listLeft.emit()
            return True
        if watched is self.search and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() == Qt.Key.Key_Down:
                self.apply_filter()
                self.view.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.searchLeft.emit()
                return True
        return super().eventFilter(watched, event)

    def next_document(
        self, after: DocumentId | None, backwards: bool = False, unfinished: bool = False
    ) -> DocumentId | None:
        """The document after ``after`` in the list as filtered, a search typed a moment ago included."""
        if self._timer.isActive():
            self.apply_filter()
        return self.model.next_document(after, backwards, unfinished)

    @property
    def current(self) -> DocumentId | None:
        """The document of the current row (the open one)."""
        return self._current

    def open_document(self, document_id: DocumentId) -> None:
        """Make ``document_id`` the current row, loading the pages up to it, and open it (as ↑/↓ do)."""
        row = self.model.row_of(document_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))  # opens it (``documentActivated``)
        elif document_id != self._current:
            self._current = document_id
            self.documentActivated.emit(document_id)

    @property
    def filtered(self) -> bool:
        return self.model.filtered

    def _update_count(self) -> None:
        self.count.setText(self.tr("{0} document(s)").format(self.model.total))

    def _row_left(self) -> None:
        self._update_count()
        if self._current is not None:  # the view moved its current row off the removed one: put it back
            self.select_document(self._current)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._writing and not self.model.removing:
            document_id = DocumentId(current.data(DocumentIdRole))
            if document_id != self._current:
                self._current = document_id
                self.documentActivated.emit(document_id)

    def select_none(self) -> None:
        """No row current (no article open): choosing any row opens it."""
        self._current = None
        self._writing = True
        self.view.selectionModel().clear()
        self._writing = False

    def select_document(self, document_id: DocumentId) -> None:
        """Show ``document_id`` as the current row (without re-opening it)."""
        self._current = document_id
        row = self.model.row_of(document_id, max_pages=1)  # never read the corpus to highlight a row
        selection = self.view.selectionModel()
        self._writing = True  # the view still hears the selection change (it repaints two rows), we ignore it
        if row >= 0:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        else:
            selection.clear()
        self._writing = False

    def refresh(self, ids: list[int]) -> None:
        """Re-read these rows soon (coalesced: the article updates first, the list right after)."""
        self._stale.update(ids)
        self._refresh_timer.start()

    def _refresh_now(self) -> None:
        stale, self._stale = self._stale, set()
        self.model.refresh([DocumentId(i) for i in sorted(stale)])
