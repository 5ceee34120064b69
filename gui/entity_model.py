"""The entity panel's model: the article's spans grouped by string and label (裴青山 PER ×12), each group
expandable to its occurrences (shown in their context). A group of one is a single row."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from gui.i18n import QT_TRANSLATE_NOOP
from gui.session import AnnotationSession
from gui.terms import word
from model.span_groups import SpanGroup, group_spans
from model.spans import Span, Status

TEXT, LABEL, COUNT, STATUS, ORIGIN = range(5)
COLUMNS = ("text", "label", "count", "status", "origin")  # the keys remembered for hidden columns
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
FALLBACK = QColor("#888888")
GREY = QBrush(QColor("#888888"))
CONTEXT = 5  # characters either side of an occurrence
Index = QModelIndex | QPersistentModelIndex


HEADERS = (
    QT_TRANSLATE_NOOP("EntityModel", "Text"),
    QT_TRANSLATE_NOOP("EntityModel", "Label"),
    QT_TRANSLATE_NOOP("EntityModel", "Count"),
    QT_TRANSLATE_NOOP("EntityModel", "Status"),
    QT_TRANSLATE_NOOP("EntityModel", "Origin"),
)


def headers() -> tuple[str, ...]:
    """The column titles in the window's language."""
    return tuple(QCoreApplication.translate("EntityModel", h) for h in HEADERS)


def _summary(statuses: list[Status]) -> str:
    counts = Counter(statuses)
    if len(counts) == 1:
        return word(statuses[0])
    return ", ".join(f"{counts[s]} {word(s)}" for s in Status if counts[s])


def _context(text: str, span: Span) -> str:
    left = text[max(0, span.start - CONTEXT) : span.start]
    right = text[span.end : span.end + CONTEXT]
    shown = (left + text[span.start : span.end] + right).replace("\n", " ")
    return ("…" if span.start > CONTEXT else "") + shown + ("…" if span.end + CONTEXT < len(text) else "")


class EntityModel(QAbstractItemModel):
    """Top-level rows are groups (internal id 0); an occurrence row's internal id is its group's row + 1."""

    def __init__(self, session: AnnotationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._colours = {label.name: QColor(label.colour) for label in session.labels}
        self.groups: list[SpanGroup] = []
        self.rows: list[tuple[str, str, str, str, str]] = []  # one per group, as shown
        self.greyed: list[bool] = []  # per group: every span of it rejected
        self.where: list[tuple[int, int]] = []  # span index -> (group row, position in the group)
        self.counts: list[int] = []  # spans per group
        self._children: dict[int, list[tuple[str, str, str, str, str]]] = {}  # made when first shown

    def reload(self) -> None:
        self.beginResetModel()
        text = self.session.document.text if self.session.document else ""
        spans = self.session.spans
        self.groups = group_spans(text, spans)
        self._children = {}
        rows: list[tuple[str, str, str, str, str]] = []
        greyed: list[bool] = []
        where = [(0, 0)] * len(spans)
        rejected = Status.REJECTED
        for g, group in enumerate(self.groups):
            if len(group.members) == 1:  # most groups: no counting (an article opens with thousands)
                i = group.members[0]
                span = spans[i]
                rows.append((group.text, group.label, "", word(span.status), word(span.origin)))
                greyed.append(span.status is rejected)
                where[i] = (g, 0)
                continue
            members = [spans[i] for i in group.members]
            statuses = [s.status for s in members]
            origins = sorted({word(s.origin) for s in members})
            rows.append((group.text, group.label, f"×{len(members)}", _summary(statuses), ", ".join(origins)))
            greyed.append(all(s is rejected for s in statuses))
            for position, i in enumerate(group.members):
                where[i] = (g, position)
        self.rows, self.greyed, self.where = rows, greyed, where
        self.counts = [len(group.members) for group in self.groups]
        self.endResetModel()

    def _child_rows(self, g: int) -> list[tuple[str, str, str, str, str]]:
        rows = self._children.get(g)
        if rows is None:
            text = self.session.document.text if self.session.document else ""
            spans = [self.session.spans[i] for i in self.groups[g].members]
            rows = self._children[g] = [
                (_context(text, s), s.label, "", word(s.status), word(s.origin)) for s in spans]
        return rows

    # -- what a row means ---------------------------------------------------------------------------

    def spans_of(self, index: Index) -> tuple[int, ...]:
        """The span indices a row stands for: a group's members, or one occurrence."""
        if not index.isValid():
            return ()
        group = index.internalId()
        if group == 0:
            return self.groups[index.row()].members
        return (self.groups[group - 1].members[index.row()],)

    def index_of_span(self, span: int, expanded: bool) -> QModelIndex:
        """The row of span ``span``: its occurrence row if its group is ``expanded`` (and has more than one
        span), else the group's row."""
        g, position = self.where[span]
        if expanded and len(self.groups[g].members) > 1:
            return self.createIndex(position, 0, g + 1)
        return self.createIndex(g, 0, 0)

    def cell(self, index: Index) -> str:
        group = index.internalId()
        row = self.rows[index.row()] if group == 0 else self._child_rows(group - 1)[index.row()]
        return row[index.column()]

    def rejected(self, index: Index) -> bool:
        group = index.internalId()
        if group == 0:
            return self.greyed[index.row()]
        return self.session.spans[self.groups[group - 1].members[index.row()]].status is Status.REJECTED

    def set_colours(self, colours: dict[str, QColor]) -> None:
        self._colours = dict(colours)
        if self.rows:
            self.dataChanged.emit(self.index(0, LABEL), self.index(len(self.rows) - 1, LABEL))

    def colour(self, label: str) -> QColor:
        return self._colours.get(label, FALLBACK)

    # -- QAbstractItemModel ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not parent.isValid():
            return self.createIndex(row, column, 0) if 0 <= row < len(self.groups) else QModelIndex()
        if parent.internalId() == 0 and 0 <= row < len(self.groups[parent.row()].members):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # asked for every row when the view lays out (an article opens with thousands): kept short
        if parent.isValid():
            return parent.internalId() == 0 and self.counts[parent.row()] > 1
        return bool(self.groups)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            members = len(self.groups[parent.row()].members)
            return members if members > 1 else 0
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            return self.cell(index)
        if role == DECORATION and index.column() == LABEL:
            return self.colour(self.cell(index))
        if role == FOREGROUND and self.rejected(index):
            return GREY
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None
