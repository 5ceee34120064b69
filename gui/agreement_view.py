"""The Agreement view: pairwise figures, the annotator matrix, and documents ranked by disagreement."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.label_bar import swatch
from gui.plain_text import plain_label, read_only_table
from gui.screen_fit import fit_to_screen
from gui.workers import Workers
from model.agreement import AgreementReport, shown_score
from storage.project import Project

logger = logging.getLogger(__name__)


def _item(value: object) -> QTableWidgetItem:
    text = shown_score(value) if value is None or isinstance(value, float) else str(value)
    item = QTableWidgetItem(text)
    if isinstance(value, int | float):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class AgreementView(QDialog):
    """Double-clicking a document emits ``documentActivated(document_id)``."""

    documentActivated = Signal(int)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.setWindowTitle(self.tr("Agreement"))
        fit_to_screen(self, 900, 640)
        self.project = project
        self.workers = Workers(self)
        self.report: AgreementReport | None = None
        self.labels = QComboBox()
        self.labels.setObjectName("agreementLabel")
        self.labels.addItem(self.tr("All labels"), None)
        for label in project.labels.all():  # in the label's colour, as everywhere
            self.labels.addItem(swatch(label.colour), label.name, label.name)
        self.labels.currentIndexChanged.connect(self.refresh)
        self.status = plain_label(self.tr("Computing…"))
        self.status.setObjectName("agreementStatus")
        self.pairs = read_only_table(
            "agreementPairs",
            [
                self.tr("Annotators"),
                self.tr("Documents"),
                self.tr("F1 exact"),
                self.tr("F1 overlap"),
                self.tr("Kappa"),
                self.tr("Matched"),
                self.tr("Only first"),
                self.tr("Only second"),
            ],
        )
        self.matrix = read_only_table("agreementMatrix", [])
        self.documents = read_only_table(
            "agreementDocuments", [self.tr("Agreement (F1)"), self.tr("Document")]
        )
        self.documents.cellDoubleClicked.connect(self._activate)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Label:")))
        top.addWidget(self.labels)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(plain_label(self.tr("Pairs (span F1; Cohen's kappa over characters, O included):")))
        layout.addWidget(self.pairs)
        layout.addWidget(plain_label(self.tr("Exact span F1 between annotators:")))
        layout.addWidget(self.matrix)
        layout.addWidget(plain_label(self.tr("Documents, worst agreement first (double-click to open):")))
        layout.addWidget(self.documents, 1)
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(self.tr("Computing…"))
        label = self.labels.currentData()
        failed = self.tr("Could not compute agreement: {0}")
        self.workers.submit(
            self.project.team.agreement,
            None,
            label,
            done=self._show,
            error=lambda exc: self.status.setText(failed.format(exc)),
        )

    def _show(self, report: AgreementReport) -> None:
        self.report = report
        compared = [p for p in report.pairs if p.documents]
        if not compared:
            self.status.setText(
                self.tr("No document has been finished by two annotators yet: nothing to compare.")
            )
        else:
            alpha = shown_score(report.alpha) if report.alpha is not None else self.tr("n/a")
            said = self.tr(
                "{0} annotators · Krippendorff's alpha {1} (characters, O included: reads higher "
                "than span F1)"
            )
            self.status.setText(said.format(len(report.annotators), alpha))
        self.pairs.setRowCount(len(compared))
        for row, p in enumerate(compared):
            values = [
                f"{p.a} × {p.b}",
                p.documents,
                p.exact.scored_f1,  # no span by either: no F1, not a perfect one
                p.overlap.scored_f1,
                p.kappa,
                p.exact.matched,
                p.exact.only_a,
                p.exact.only_b,
            ]
            for col, value in enumerate(values):
                self.pairs.setItem(row, col, _item(value))
        names = report.annotators
        matrix = report.matrix()
        self.matrix.setColumnCount(len(names))
        self.matrix.setRowCount(len(names))
        self.matrix.setHorizontalHeaderLabels(names)
        self.matrix.setVerticalHeaderLabels(names)
        self.matrix.verticalHeader().show()
        for r, a in enumerate(names):
            for c, b in enumerate(names):
                value = matrix.get((a, b))
                self.matrix.setItem(r, c, _item(value))
        titles: dict[int, str] = (
            self.project.documents.titles(report.per_document) if report.per_document else {}
        )
        ranked = report.ranked_documents()
        self.documents.setRowCount(len(ranked))
        for row, (doc, f1) in enumerate(ranked):
            self.documents.setItem(row, 0, _item(f1))
            item = QTableWidgetItem(f"#{doc} {titles.get(doc, '')}")
            item.setData(Qt.ItemDataRole.UserRole, doc)
            self.documents.setItem(row, 1, item)

    def _activate(self, row: int, _column: int) -> None:
        item = self.documents.item(row, 1)
        if item is not None:
            self.documentActivated.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def done(self, result: int) -> None:
        self.workers.shutdown()
        super().done(result)
