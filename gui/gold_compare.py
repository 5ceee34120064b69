"""Compare with gold: where the adjudicated gold layer of the open document differs from the annotator's
own."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.plain_text import plain_label, plain_tooltip
from model.review import align
from model.spans import AnnotatorId, Document, Layer, Status
from storage.project import Project


class GoldComparison(QDockWidget):
    """Lists, for the open document, each place where gold and the annotator differ; a click, or Return on
    a row, emits ``locationActivated(start, end)``."""

    locationActivated = Signal(int, int)

    def __init__(self, project: Project, annotator_id: AnnotatorId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare with gold"))
        self.setObjectName("goldComparison")
        self.project, self.annotator_id = project, annotator_id
        body = QWidget()
        self.summary = plain_label(word_wrap=True)
        self.summary.setObjectName("goldSummary")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("goldDifferences")
        self.table.setHorizontalHeaderLabels([self.tr("Text"), self.tr("You"), self.tr("Gold")])
        self.table.verticalHeader().hide()
        # the three columns share the dock's width, whatever it is (a long value elided, whole in its tooltip)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellClicked.connect(self._activate)
        self.table.itemActivated.connect(lambda item: self._activate(item.row(), 0))  # Return, Enter
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.rows: list[tuple[int, int]] = []

    def show_document(self, document: Document | None) -> None:
        if document is None or not self.isVisible():
            return
        gold = [
            s.entity
            for s in self.project.annotations.spans(document.id, Layer.GOLD)
            if s.status is Status.ACCEPTED
        ]
        if not gold:
            self.summary.setText(self.tr("This document has no gold layer yet (nobody has reviewed it)."))
            self.table.setRowCount(0)
            self.rows = []
            return
        own_spans = self.project.annotations.spans(document.id, Layer.ANNOTATOR, self.annotator_id)
        own = [s.entity for s in own_spans if s.status is Status.ACCEPTED]
        alignment = align({"you": own, "gold": gold})
        text = document.text
        self.rows = [(d.start, d.end) for d in alignment.disagreements]
        said = self.tr("{0} span(s) as in gold, {1} difference(s).")
        self.summary.setText(said.format(len(alignment.agreed), len(self.rows)))
        self.table.setRowCount(len(self.rows))
        for row, d in enumerate(alignment.disagreements):
            mine = "; ".join(f"{text[e.start : e.end]} {e.label}" for e in d.spans["you"]) or "—"
            theirs = "; ".join(f"{text[e.start : e.end]} {e.label}" for e in d.spans["gold"]) or "—"
            for col, value in enumerate((text[d.start : d.end], mine, theirs)):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tooltip(value))
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, col, item)

    def _activate(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.rows):
            self.locationActivated.emit(*self.rows[row])
