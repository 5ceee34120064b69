"""The entity panel: every span of the article (text, label, status, origin). Selecting a row focuses the
span in the article; focusing a span in the article selects its row."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gui.session import AnnotationSession
from model.spans import Status

logger = logging.getLogger(__name__)

HEADERS = ("Text", "Label", "Status", "Origin")
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
FALLBACK = QColor("#888888")
GREY = QBrush(QColor("#888888"))
ALIGN = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
Index = QModelIndex | QPersistentModelIndex


class EntityModel(QAbstractTableModel):
    """The session's spans as rows (same order, so a row number is a span index)."""

    def __init__(self, session: AnnotationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._colours = {label.name: QColor(label.colour) for label in session.labels}
        self.rows: list[tuple[str, str, str, str]] = []
        self.statuses: list[Status] = []

    def reload(self) -> None:
        self.beginResetModel()
        text = self.session.document.text if self.session.document else ""
        spans = self.session.spans
        self.rows = [(text[s.start : s.end], s.label, s.status.value, s.origin.value) for s in spans]
        self.statuses = [s.status for s in spans]
        self.endResetModel()

    def set_colours(self, colours: dict[str, QColor]) -> None:
        self._colours = dict(colours)
        if self.rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))

    def colour(self, label: str) -> QColor:
        return self._colours.get(label, FALLBACK)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # Called for every visible cell and role on each paint: plain int comparisons, nothing else.
        if role == DISPLAY:
            return self.rows[index.row()][index.column()]
        if role == DECORATION and index.column() == 1:
            return self._colours.get(self.rows[index.row()][1], FALLBACK)
        if role == FOREGROUND and self.statuses[index.row()] is Status.REJECTED:
            return GREY
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


class RowDelegate(QStyledItemDelegate):
    """Paints a cell straight from the model's row tuple: selection fill, the label's colour swatch, the text
    (elided in the first column). A styled item per cell costs several times more, and the panel repaints
    every visible row each time an article opens."""

    def __init__(self, model: EntityModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row, column = index.row(), index.column()
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        if selected:
            painter.fillRect(rect, palette.highlight())
        text = self.model.rows[row][column]
        left = rect.left() + 4
        if column == 1:
            swatch = QRect(left, rect.top() + 4, 10, rect.height() - 8)
            painter.fillRect(swatch, self.model.colour(text))
            left += 14
        if selected:
            painter.setPen(palette.highlightedText().color())
        elif self.model.statuses[row] is Status.REJECTED:
            painter.setPen(GREY.color())
        else:
            painter.setPen(palette.text().color())
        width = rect.right() - left - 2
        if column == 0:
            text = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, width)  # type: ignore[attr-defined]
        painter.drawText(QRect(left, rect.top(), width, rect.height()), ALIGN, text)


class EntityPanel(QTableView):
    def __init__(self, session: AnnotationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # columns keep their width
        self.session = session
        self.entities = EntityModel(session, self)
        self.setModel(self.entities)
        self.setItemDelegate(RowDelegate(self.entities, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()  # fixed widths: sizing to contents would read every row
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, characters in ((1, 6), (2, 9), (3, 10)):
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("x" * characters) + 28)
        self._spans: object = None
        self._writing = False
        session.spansChanged.connect(self._sync)
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def set_colours(self, colours: dict[str, QColor]) -> None:
        self.entities.set_colours(colours)
        self.viewport().update()

    def _sync(self) -> None:
        if self._spans is not self.session.spans:  # a new list: the spans changed, not only the focus
            self._spans = self.session.spans
            self._writing = True
            self.entities.reload()
            self._writing = False
        self._select(self.session.focused)

    def _select(self, row: int) -> None:
        selection = self.selectionModel()
        self._writing = True  # the view hears the change and repaints the rows; our handler ignores it
        if row >= 0:
            index = self.entities.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.scrollTo(index)
        else:
            selection.clear()
        self._writing = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._writing:
            self.session.set_focus(current.row())
