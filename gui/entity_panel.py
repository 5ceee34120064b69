"""The entity panel: the article's spans grouped by string and label (裴青山 PER ×12, expandable to each
occurrence in its context). Selecting a row focuses its span in the article (a group: its first span, or the
focused one if it is in the group); focusing a span in the article selects its row. The Text column is as
wide as its longest string; the other columns can be hidden (right-click the header; remembered), and a whole
group accepted or rejected from the row's context menu or with the group keys."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QColor, QKeyEvent, QMouseEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gui import settings
from gui.entity_model import COLUMNS, COUNT, GREY, LABEL, ORIGIN, STATUS, TEXT, EntityModel, Index, headers
from gui.session import AnnotationSession
from gui.terms import word
from model.spans import Origin, Status

logger = logging.getLogger(__name__)

ALIGN = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
SELECTED = QStyle.StateFlag.State_Selected.value
ARROW = 14  # pixels for a group's arrow, and the indent of its occurrences
HIDDEN_KEY = "entity_panel_hidden_columns"
DEFAULT_HIDDEN = ("origin",)  # until the annotator chooses: the focused span's origin is in the status bar
MIN_TEXT = 80  # pixels the Text column keeps however many columns are shown
WIDEST = {LABEL: "MISC", COUNT: "×999", STATUS: Status.SUGGESTED, ORIGIN: Origin.DICTIONARY}  # as shown


class RowDelegate(QStyledItemDelegate):
    """Paints a cell straight from the model: selection fill, a group's arrow (▸ closed, ▾ open), an
    occurrence's indent, the label's colour swatch, the text (elided when it does not fit). A styled item per
    cell costs several times more, and the panel repaints every visible row each time an article opens."""

    def __init__(self, model: EntityModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._advances: dict[str, int] = {}  # each string's width: most cells fit and need no eliding

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Called for every visible cell on each paint: no enum arithmetic, one measurement per string.
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        selected = bool(option.state.value & SELECTED)  # type: ignore[attr-defined]
        if selected:
            painter.fillRect(rect, palette.highlight())
        row, column = index.row(), index.column()
        model = self.model
        text = model.cell(row, column)
        left = rect.left() + 4
        if selected:
            painter.setPen(palette.highlightedText().color())
        elif model.rejected(row):
            painter.setPen(GREY.color())
        else:
            painter.setPen(palette.text().color())
        if column == TEXT:
            if model.can_open(row):
                arrow = "▾" if model.is_open(model.group_of_row(row)) else "▸"
                painter.drawText(QRect(left, rect.top(), ARROW, rect.height()), ALIGN, arrow)
            left += 2 * ARROW if model.is_occurrence(row) else ARROW
        elif column == LABEL:
            swatch = QRect(left, rect.top() + 4, 10, rect.height() - 8)
            painter.fillRect(swatch, model.colour(text))
            left += 14
        width = rect.right() - left - 2
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        advance = self._advances.get(text)
        if advance is None:
            advance = self._advances[text] = metrics.horizontalAdvance(text)
        if advance > width:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
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
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        self._widths: dict[int, int] = {}  # each column but Text, as wide as its widest word
        for column, sample in WIDEST.items():  # fixed widths: sizing to contents would read every row
            title = headers()[column]
            widest = sample
            if isinstance(sample, Status | Origin):  # the longest word in this language (已接受, not 建议)
                widest = max((word(m) for m in type(sample)), key=metrics.horizontalAdvance)
            swatch = 28 if column == LABEL else 14
            self._widths[column] = max(
                metrics.horizontalAdvance(widest) + swatch, metrics.horizontalAdvance(title) + 16
            )
            header.resizeSection(column, self._widths[column])
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._row_menu)
        self._advances: dict[str, int] = {}  # width of each string met, so a reload measures only new ones
        self._group_actions: list[QAction] = []
        self._spans: object = None
        self._writing = False
        self._hidden: set[str] = set()
        for key in settings.load().get(HIDDEN_KEY, DEFAULT_HIDDEN):
            if key in COLUMNS and key != COLUMNS[TEXT]:
                self.set_column_shown(key, False, remember=False)
        self._opened_in: object = None  # the document whose groups are open
        session.spansChanged.connect(self._sync)
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def header(self) -> QHeaderView:
        return self.horizontalHeader()

    def set_colours(self, colours: dict[str, QColor]) -> None:
        self.entities.set_colours(colours)
        self.viewport().update()

    def set_group_actions(self, actions: Sequence[QAction]) -> None:
        """The window's accept-group and reject-group actions, offered in a row's context menu."""
        self._group_actions = list(actions)

    # -- columns ----------------------------------------------------------------------------------------

    def hidden_columns(self) -> set[str]:
        return set(self._hidden)

    def set_column_shown(self, key: str, shown: bool, remember: bool = True) -> None:
        column = COLUMNS.index(key)
        if column == TEXT:
            return  # the text is what the panel is for
        self.setColumnHidden(column, not shown)
        (self._hidden.discard if shown else self._hidden.add)(key)
        self._fit_text_column()
        if remember:
            settings.save(**{HIDDEN_KEY: sorted(self._hidden)})

    def column_menu(self, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(self.tr("Columns"), parent or self)
        menu.setObjectName("entityColumnsMenu")
        self.fill_column_menu(menu)
        return menu

    def fill_column_menu(self, menu: QMenu) -> None:
        """A checkable entry per column but Text (View → Entity panel columns, the header's menu)."""
        menu.clear()
        for column, key in enumerate(COLUMNS):
            if column == TEXT:
                continue
            action = menu.addAction(headers()[column])
            action.setObjectName(f"column_{key}")
            action.setCheckable(True)
            action.setChecked(key not in self._hidden)
            action.toggled.connect(lambda shown, k=key: self.set_column_shown(k, shown))

    def _header_menu(self, point: QPoint) -> None:
        self.column_menu().popup(self.header().mapToGlobal(point))

    def _fit_text_column(self) -> None:
        """The Text column as wide as its longest group string (and its title), as far as the other shown
        columns leave room (a longer string is elided); the last column takes what is left, so the panel
        needs no horizontal scroll bar."""
        metrics, advances = self.fontMetrics(), self._advances
        widest = 0
        for row in self.entities.rows:
            text = row[TEXT]
            width = advances.get(text)
            if width is None:
                width = advances[text] = metrics.horizontalAdvance(text)
            widest = max(widest, width)
        title = metrics.horizontalAdvance(headers()[TEXT])
        needed = max(widest, title) + ARROW + 16
        header = self.header()
        # the Status column as wide as its longest text ("5 suggested, 1 accepted"), as far as the Text column
        # keeps MIN_TEXT: beyond that it is elided (its tooltip says it whole), never a horizontal scroll bar
        widths = dict(self._widths)
        shown = {c: w for c, w in widths.items() if c not in (TEXT, STATUS) and not header.isSectionHidden(c)}
        at_most = max(widths[STATUS], self.viewport().width() - sum(shown.values()) - MIN_TEXT)
        for text in {row[STATUS] for row in self.entities.rows}:
            width = advances.get(text)
            if width is None:
                width = advances[text] = metrics.horizontalAdvance(text)
            widths[STATUS] = min(at_most, max(widths[STATUS], width + 14))
        if header.sectionSize(STATUS) != widths[STATUS]:
            header.resizeSection(STATUS, widths[STATUS])
        others = sum(width for c, width in widths.items() if not header.isSectionHidden(c))
        room = self.viewport().width() - others
        header.resizeSection(TEXT, max(MIN_TEXT, min(needed, room)))
        # never narrower than that (a small window's splitter gave the panel less: a horizontal scroll bar)
        fixed = sum(w for c, w in self._widths.items() if not header.isSectionHidden(c))
        chrome = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()  # always shown
        self.setMinimumWidth(fixed + MIN_TEXT + chrome)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text_column()

    # -- opening groups -------------------------------------------------------------------------------

    def is_open(self, row: int) -> bool:
        """Whether the group of table row ``row`` shows its occurrences."""
        return self.entities.is_open(self.entities.group_of_row(row))

    def set_open(self, row: int, open_: bool) -> None:
        """Open (or close) the group of table row ``row``; the focused span keeps its row selected."""
        self._writing = True  # rows come and go under the current one: that moves no focus
        self.entities.set_open(self.entities.group_of_row(row), open_)
        self._writing = False
        self._select(self.session.focused)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if (
            index.isValid()
            and index.column() == TEXT
            and self.entities.can_open(index.row())
            and event.position().x() < self.visualRect(index).left() + ARROW + 4
        ):
            self.set_open(index.row(), not self.is_open(index.row()))  # the arrow
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and self.entities.can_open(index.row()):
            self.set_open(index.row(), not self.is_open(index.row()))
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """→ opens the selected group, ← closes it (from one of its occurrences too)."""
        row = self.currentIndex().row()
        if row >= 0 and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            if event.key() == Qt.Key.Key_Right and self.entities.can_open(row):
                self.set_open(row, True)
            elif event.key() == Qt.Key.Key_Left:
                self.set_open(row, False)
            return
        super().keyPressEvent(event)

    # -- rows and focus ---------------------------------------------------------------------------------

    def current_spans(self) -> tuple[int, ...]:
        """The span indices of the selected row (a group's members, or one occurrence)."""
        return self.entities.spans_of(self.currentIndex().row())

    def row_of_span(self, span: int) -> QModelIndex:
        return self.entities.index(self.entities.row_of_span(span), 0)

    def _sync(self) -> None:
        if self._spans is not self.session.spans:  # a new list: the spans changed, not only the focus
            self._spans = self.session.spans
            document = self.session.document.id if self.session.document else None
            keep = self.entities.open_keys() if document == self._opened_in else set()
            self._opened_in = document  # another document opens with every group closed
            self._writing = True
            self.entities.reload(keep)
            self._fit_text_column()
            self._writing = False
        self._select(self.session.focused)

    def _select(self, span: int) -> None:
        selection = self.selectionModel()
        self._writing = True  # the view hears the change and repaints the rows; our handler ignores it
        if span >= 0:
            index = self.row_of_span(span)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.scrollTo(index)
        else:
            selection.clear()
        self._writing = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._writing:
            return
        spans = self.entities.spans_of(current.row())
        if self.session.focused not in spans:
            self.session.set_focus(spans[0])

    def _row_menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        menu = QMenu(self)
        menu.setObjectName("entityRowMenu")
        if index.isValid():
            spans = self.entities.spans_of(index.row())
            if self.session.focused not in spans:
                self.session.set_focus(spans[0])
            article = getattr(self.window(), "article", None)  # the menu names its row: a selection is done
            if article is not None:  # with (else the group keys refuse, describing that selection)
                cursor = article.textCursor()
                cursor.clearSelection()
                article.setTextCursor(cursor)
            for action in self._group_actions:
                menu.addAction(action)
            menu.addSeparator()
        menu.addMenu(self.column_menu(menu))
        menu.popup(self.viewport().mapToGlobal(point))
