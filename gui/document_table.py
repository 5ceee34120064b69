"""The document list as a Qt model over the database, loaded a page at a time (``canFetchMore`` /
``fetchMore``), so a corpus of 100,000 documents scrolls without reading them all."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gui.i18n import QT_TRANSLATE_NOOP
from gui.plain_text import plain_tooltip
from gui.terms import word
from model.spans import AnnotatorId, DocState, DocumentId
from storage.project import DocumentList
from storage.types import DocumentEntry

logger = logging.getLogger(__name__)

PAGE = 200
HEADERS = (
    QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentListModel", "State"),
    QT_TRANSLATE_NOOP("DocumentListModel", "Open"),
)
DocumentIdRole = int(Qt.ItemDataRole.UserRole.value) + 1
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)

NOT_SUGGESTED = "…"  # in the Open column: no suggestion computed yet (blank: none left)

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    def __init__(
        self, documents: DocumentList, annotator_id: AnnotatorId, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._annotator_id = annotator_id
        self._state: DocState | None = None
        self._search = ""
        self._ranking: list[DocumentId] = []  # most uncertain first (storage.ordering), or document order
        self._states = {state: word(state) for state in DocState}  # in the window's language
        self._entries: list[DocumentEntry] = []
        self._rows: dict[DocumentId, int] = {}
        self._total = 0
        self._positions: dict[DocumentId, int] = {}
        self.removing = False  # a row is leaving: the view's current row moves, no document was chosen
        self._left: dict[DocumentId, DocumentEntry] = {}  # rows the filter let go since the list was read
        self.reset()

    # -- filter ----------------------------------------------------------------------------------

    def set_filter(self, state: DocState | str | None, search: str) -> None:
        state = None if state is None else DocState(state)  # a combo box gives the enum back as a str
        if (state, search) != (self._state, self._search):
            self._state, self._search = state, search
            self.reset()

    def set_ranking(self, ranking: list[DocumentId]) -> None:
        """List the ``ranking``'s documents first, in its order (empty: document order)."""
        if ranking != self._ranking:
            self._ranking = list(ranking)
            self.reset()

    def reset(self) -> None:
        self.beginResetModel()
        self._entries, self._rows, self._positions, self._left = [], {}, {}, {}
        self._total = self._documents.count_documents(self._annotator_id, self._state, self._search)
        self.endResetModel()

    def position(self, document_id: DocumentId) -> int:
        """The document's place (from 1) in the filtered list, in list order; 0 if the filter leaves it out.
        A loaded row answers at once; otherwise a count (remembered until the list changes)."""
        row = self._rows.get(document_id, -1)
        if row >= 0:
            return row + 1
        if document_id not in self._positions:
            self._positions[document_id] = self._documents.position(
                self._annotator_id, document_id, self._state, self._search, self._ranking
            )
        return self._positions[document_id]

    def next_document(
        self, after: DocumentId | None, backwards: bool = False, unfinished: bool = False, titled: str = ""
    ) -> DocumentId | None:
        """The document after ``after`` in this list (its filter and its order; with ``titled``, the next
        whose title starts so); wraps around."""
        return self._documents.next_document(
            self._annotator_id, after, unfinished, backwards, self._ranking, self._state, self._search, titled
        )

    @property
    def filtered(self) -> bool:
        """Does the filter leave documents out (a state or a search)?"""
        return self._state is not None or bool(self._search)

    @property
    def total(self) -> int:
        """Documents matching the filter (loaded or not)."""
        return self._total

    # -- lazy loading ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._entries) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._documents.page(
            self._annotator_id, len(self._entries), PAGE, self._state, self._search, self._ranking
        )
        if not page:
            self._total = len(self._entries)
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for i, entry in enumerate(page, start=first):
            self._rows[entry.id] = i
        self._entries.extend(page)
        self.endInsertRows()

    def row_of(self, document_id: DocumentId, load: bool = True, max_pages: int = 50) -> int:
        """The row of a document (loading pages until it shows up, at most ``max_pages``); -1 if absent."""
        for _ in range(max_pages):
            row = self._rows.get(document_id, -1)
            if row >= 0 or not load or not self.canFetchMore():
                return row
            if self._ranking:  # not in document order: no shortcut
                self.fetchMore()
                continue
            if self._entries and self._entries[-1].id > document_id:  # ordered by id: it is filtered out
                return -1
            if self._entries and document_id > self._entries[-1].id + PAGE * max_pages:
                return -1  # far beyond the loaded rows (ids are dense): not worth reading pages for
            self.fetchMore()
        return self._rows.get(document_id, -1)

    def refresh(self, ids: list[DocumentId]) -> None:
        """Re-read the rows of these documents (state, open suggestions) if they are loaded."""
        self._positions.clear()  # a state changed: a filtered document may have come or gone
        loaded = [i for i in ids if i in self._rows]
        for entry in self._documents.entries(self._annotator_id, loaded):
            self._replace(self._rows[entry.id], entry)

    def update_entry(self, document_id: int, state: DocState | None, open_suggestions: int | None) -> None:
        """Follow a saved change to one loaded row (its state and open suggestions) without reading."""
        row = self._rows.get(DocumentId(document_id), -1)
        if row < 0:
            self._come_back(DocumentId(document_id), state, open_suggestions)
            return
        entry = self._entries[row]
        new = replace(entry, state=state or entry.state, open_suggestions=open_suggestions)
        if new.state is not entry.state:
            self._positions.clear()  # a filtered document may have come or gone
        self._replace(row, new)

    def _replace(self, row: int, entry: DocumentEntry) -> None:
        """Show a row's new state; a row whose state the filter no longer holds leaves the list (a document
        marked done under "New"), so the count and "article N of M" stay those of the filter."""
        if self._entries[row] == entry:
            return
        if self._state is None or entry.state == self._state:
            self._entries[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        self.removing = True
        self.beginRemoveRows(QModelIndex(), row, row)
        self._left[entry.id] = entry
        del self._entries[row]
        self._rows = {e.id: i for i, e in enumerate(self._entries)}
        self._total -= 1
        self._positions.clear()
        self.endRemoveRows()
        self.removing = False

    def _come_back(self, document_id: DocumentId, state: DocState | None, open_: int | None) -> None:
        """A row that left the list for its state takes its place again when its state is the filter's once
        more (an undo makes an article new again under "New"), without reading. One that left it before this
        filter was chosen (marked done, then "New" chosen, then Ctrl+Z) is read, if the search holds it."""
        if state is None or state != self._state:
            return
        entry = self._left.pop(document_id, None)
        if entry is None:
            if not self._documents.position(
                self._annotator_id, document_id, self._state, self._search, self._ranking
            ):
                return
            entry = next(iter(self._documents.entries(self._annotator_id, [document_id])), None)
            if entry is None:
                return
        places = {d: k for k, d in enumerate(self._ranking)}
        key = _key(places, document_id)
        row = next((i for i, e in enumerate(self._entries) if _key(places, e.id) > key), len(self._entries))
        later = row == len(self._entries) and self.canFetchMore()
        self._positions.clear()
        if (
            later
        ):  # beyond the loaded rows: a later page brings it; it may be counted already (read, not left)
            self._total = self._documents.count_documents(self._annotator_id, self._state, self._search)
            return
        self._total += 1  # among the loaded rows, yet not one of them: the filter did not hold it when read
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, replace(entry, state=state, open_suggestions=open_))
        self._rows = {e.id: i for i, e in enumerate(self._entries)}
        self.endInsertRows()

    # -- model -------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def entry(self, row: int) -> DocumentEntry:
        return self._entries[row]

    def title_of(self, document_id: DocumentId) -> str:
        """The title of a loaded row ("" for a row not loaded)."""
        row = self._rows.get(document_id, -1)
        return self._entries[row].title if row >= 0 else ""

    def data(self, index: Index, role: int = 0) -> Any:
        # Called for every visible cell and role on each paint: plain int comparisons first.
        if role == DISPLAY:
            entry = self._entries[index.row()]
            column = index.column()
            if column == 0:
                return entry.title or f"#{entry.id}"
            if column == 1:
                return self._states[entry.state]
            return NOT_SUGGESTED if entry.open_suggestions is None else (entry.open_suggestions or "")
        if role == DocumentIdRole:
            return int(self._entries[index.row()].id)
        if role == TOOLTIP and index.column() == 0:
            return plain_tooltip(self._entries[index.row()].title)
        if role == TOOLTIP and index.column() == 2:
            return self._open_tooltip(self._entries[index.row()].open_suggestions)
        if role == ALIGNMENT and index.column() == 2:
            return RIGHT
        return None

    def _open_tooltip(self, count: int | None) -> str:
        if count is None:
            return self.tr("Not suggested yet: opening it asks for suggestions")
        if count == 1:
            return self.tr("1 suggestion left")
        return self.tr("{0:,} suggestions left").format(count)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None


def _key(places: dict[DocumentId, int], document_id: DocumentId) -> tuple[int, int]:
    """Where a document sorts in the list (``storage.document_list``: the ranking's first, then by id)."""
    return places.get(document_id, len(places)), int(document_id)
