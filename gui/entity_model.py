"""The entity panel's model: the article's spans grouped by string and label (裴青山 PER ×12), each group
expandable to its occurrences (shown in their context). A group of one is a single row.

A flat table: a group's occurrences are rows inserted below it while it is open. So the view never asks for
parents or children, and an article with thousands of spans opens and paints as fast as a plain list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
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
from model.spans import Origin, Span, Status

TEXT, LABEL, COUNT, STATUS, ORIGIN = range(5)
COLUMNS = ("text", "label", "count", "status", "origin")  # the keys remembered for hidden columns
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
FALLBACK = QColor("#888888")
GREY = QBrush(QColor("#888888"))
CONTEXT = 5  # characters either side of an occurrence
GROUP = -1  # the position of a group's own row
Index = QModelIndex | QPersistentModelIndex
Row = tuple[str, str, str, str, str]

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


class EntityModel(QAbstractTableModel):
    """Rows are ``(group, position)``: a group's own row (position ``GROUP``), then, while the group is open,
    one row per occurrence."""

    def __init__(self, session: AnnotationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._colours = {label.name: QColor(label.colour) for label in session.labels}
        self.groups: list[SpanGroup] = []
        self.rows: list[Row] = []  # one per group, as shown
        self.greyed: list[bool] = []  # per group: every span of it rejected
        self.counts: list[int] = []  # spans per group
        self.where: list[tuple[int, int]] = []  # span index -> (group, position in the group)
        self.shown: list[tuple[int, int]] = []  # table row -> (group, position or GROUP)
        self._first: list[int] = []  # group -> the table row of its own row
        self._open: set[int] = set()  # groups shown with their occurrences
        self._children: dict[int, list[Row]] = {}  # made when first shown

    def reload(self, open_: Collection[tuple[str, str]] = ()) -> None:
        """Group the session's spans afresh; the groups keyed (string, label) in ``open_`` show their
        occurrences."""
        self.beginResetModel()
        text = self.session.document.text if self.session.document else ""
        spans = self.session.spans
        self.groups = group_spans(text, spans)
        self._children = {}
        statuses = {s: word(s) for s in Status}
        origins = {o: word(o) for o in Origin}
        rows: list[Row] = []
        greyed: list[bool] = []
        where = [(0, 0)] * len(spans)
        rejected = Status.REJECTED
        for g, group in enumerate(self.groups):
            if len(group.members) == 1:  # most groups: nothing to count (an article opens with thousands)
                i = group.members[0]
                span = spans[i]
                rows.append((group.text, group.label, "", statuses[span.status], origins[span.origin]))
                greyed.append(span.status is rejected)
                where[i] = (g, 0)
                continue
            members = [spans[i] for i in group.members]
            kinds = [s.status for s in members]
            rows.append(
                (
                    group.text,
                    group.label,
                    f"×{len(members)}",
                    _summary(kinds),
                    ", ".join(sorted({origins[s.origin] for s in members})),
                )
            )
            greyed.append(all(s is rejected for s in kinds))
            for position, i in enumerate(group.members):
                where[i] = (g, position)
        self.rows, self.greyed, self.where = rows, greyed, where
        self.counts = [len(group.members) for group in self.groups]
        self._open = {
            g for g, row in enumerate(rows) if self.counts[g] > 1 and (row[TEXT], row[LABEL]) in open_
        }
        self._lay_out()
        self.endResetModel()

    def _lay_out(self) -> None:
        shown: list[tuple[int, int]] = []
        first: list[int] = []
        opened = self._open
        for g in range(len(self.groups)):
            first.append(len(shown))
            shown.append((g, GROUP))
            if g in opened:
                shown.extend((g, p) for p in range(self.counts[g]))
        self.shown, self._first = shown, first

    def _child_rows(self, g: int) -> list[Row]:
        rows = self._children.get(g)
        if rows is None:
            text = self.session.document.text if self.session.document else ""
            spans = [self.session.spans[i] for i in self.groups[g].members]
            rows = self._children[g] = [
                (_context(text, s), s.label, "", word(s.status), word(s.origin)) for s in spans
            ]
        return rows

    # -- opening and closing groups -------------------------------------------------------------------

    def is_open(self, g: int) -> bool:
        return g in self._open

    def can_open(self, row: int) -> bool:
        """The row is a group's own row, of a group of more than one span."""
        g, position = self.shown[row]
        return position == GROUP and self.counts[g] > 1

    def set_open(self, g: int, open_: bool) -> None:
        if open_ == (g in self._open) or self.counts[g] < 2:
            return
        first = self._first[g] + 1
        if open_:
            self.beginInsertRows(QModelIndex(), first, first + self.counts[g] - 1)
            self._open.add(g)
            self._lay_out()
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), first, first + self.counts[g] - 1)
            self._open.discard(g)
            self._lay_out()
            self.endRemoveRows()

    def open_keys(self) -> set[tuple[str, str]]:
        """The open groups as (string, label), kept across a reload."""
        return {(self.rows[g][TEXT], self.rows[g][LABEL]) for g in self._open}

    # -- what a row means ---------------------------------------------------------------------------

    def group_of_row(self, row: int) -> int:
        return self.shown[row][0]

    def spans_of(self, row: int) -> tuple[int, ...]:
        """The span indices a row stands for: a group's members, or one occurrence."""
        if not 0 <= row < len(self.shown):
            return ()
        g, position = self.shown[row]
        members = self.groups[g].members
        return members if position == GROUP else (members[position],)

    def row_of_span(self, span: int) -> int:
        """The row of span ``span``: its occurrence's row while its group is open, else the group's row."""
        g, position = self.where[span]
        return self._first[g] + 1 + position if g in self._open else self._first[g]

    def cell(self, row: int, column: int) -> str:
        g, position = self.shown[row]
        return (self.rows[g] if position == GROUP else self._child_rows(g)[position])[column]

    def is_occurrence(self, row: int) -> bool:
        return self.shown[row][1] != GROUP

    def rejected(self, row: int) -> bool:
        g, position = self.shown[row]
        if position == GROUP:
            return self.greyed[g]
        return self.session.spans[self.groups[g].members[position]].status is Status.REJECTED

    def set_colours(self, colours: dict[str, QColor]) -> None:
        self._colours = dict(colours)
        if self.shown:
            self.dataChanged.emit(self.index(0, LABEL), self.index(len(self.shown) - 1, LABEL))

    def colour(self, label: str) -> QColor:
        return self._colours.get(label, FALLBACK)

    # -- QAbstractTableModel --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            return self.cell(index.row(), index.column())
        if role == TOOLTIP and index.column() in (TEXT, STATUS):  # either may be elided in a narrow panel
            return self.cell(index.row(), index.column())
        if role == DECORATION and index.column() == LABEL:
            return self.colour(self.cell(index.row(), LABEL))
        if role == FOREGROUND and self.rejected(index.row()):
            return GREY
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None
