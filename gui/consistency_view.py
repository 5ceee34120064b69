"""The consistency check in the window: the same string labelled differently, or labelled here and not
there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gui.plain_text import plain_label
from gui.screen_fit import fit_to_screen
from gui.terms import word
from gui.workers import Workers
from model.consistency import Inconsistency, check
from storage.project import Project


def _findings(project: Project, annotator: str | None) -> list[Inconsistency]:
    texts, spans = project.team.layer_entities(annotator)
    return check(texts, spans)


class ConsistencyView(QDialog):
    """Double-clicking a finding emits ``locationActivated(document_id, start, end)``."""

    locationActivated = Signal(int, int, int)

    def __init__(self, project: Project, annotator: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consistencyView")
        self.setWindowTitle(
            self.tr("Consistency of {0}'s annotations").format(annotator)
            if annotator
            else self.tr("Consistency of the gold layer")
        )
        fit_to_screen(self, 860, 560)
        self.findings: list[Inconsistency] = []
        self.status = plain_label(self.tr("Checking…"))
        self.status.setObjectName("consistencyStatus")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("consistencyTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("String"),
                self.tr("Here"),
                self.tr("Across the corpus"),
                self.tr("Document"),
                self.tr("Finding"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self._activate)
        self.table.itemActivated.connect(lambda item: self._activate(item.row(), 0))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.workers = Workers(self)
        failed = self.tr("Could not check: {0}")
        self.workers.submit(
            _findings,
            project,
            annotator,
            done=self._show,
            error=lambda exc: self.status.setText(failed.format(exc)),
        )

    def _show(self, findings: list[Inconsistency]) -> None:
        self.findings = findings
        self.status.setText(
            self.tr("{0} finding(s). Double-click or press Enter to go there.").format(len(findings))
            if findings
            else self.tr("No inconsistencies found.")
        )
        unlabelled = self.tr("unlabelled")
        self.table.setRowCount(len(findings))
        for row, f in enumerate(findings):
            counts = ", ".join(f"{label} ×{n}" for label, n in f.elsewhere)
            values = [f.surface, f.label or unlabelled, counts, f"#{f.document_id} @{f.start}", word(f.kind)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, col, item)

    def _activate(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.findings):
            f = self.findings[row]
            self.locationActivated.emit(f.document_id, f.start, f.end)

    def done(self, result: int) -> None:
        self.workers.shutdown()
        super().done(result)
