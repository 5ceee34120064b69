"""Project → Overview, the lead's view: documents by state, progress and time per annotator, agreement at a
glance, the review queue and the model's state — what ``newstag stats`` and ``newstag agreement`` print, from
the same storage calls, read in the background and read again every half minute or on Refresh (F5)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.database_messages import database_message
from gui.plain_text import plain_label, read_only_table
from gui.screen_fit import fit_to_screen
from gui.terms import word
from gui.workers import Workers
from model.agreement import AgreementReport, shown_score
from model.spans import DocState
from storage.project import Project
from storage.types import BASE_KIND, MODEL_KIND, CorpusStats, ModelSettings, QueueEntry

logger = logging.getLogger(__name__)

REFRESH_MS = 30_000


@dataclass(frozen=True, slots=True)
class OverviewData:
    stats: CorpusStats
    assigned: dict[str, int]
    agreement: AgreementReport
    queue: list[QueueEntry]
    model: tuple[int, datetime, int] | None
    base: tuple[int, datetime, int] | None
    finished: int
    settings: ModelSettings
    read_at: datetime


def gather(project: Project) -> OverviewData:
    """Everything the overview shows, read in one go (in the worker thread)."""
    return OverviewData(
        stats=project.stats(),
        assigned=project.team.assigned_counts(),
        agreement=project.team.agreement(None, None),
        queue=project.reviews.queue(),
        model=project.trained_models.latest_info(MODEL_KIND),
        base=project.trained_models.latest_info(BASE_KIND),
        finished=project.trained_models.finished_count(),
        settings=project.training.settings(),
        read_at=datetime.now(),
    )


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            text = (
                shown_score(value)
                if value is None or isinstance(value, float)
                else f"{value:,}"
                if isinstance(value, int)
                else str(value)
            )
            item = QTableWidgetItem(text)
            if isinstance(value, int | float):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _duration(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class Overview(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setWindowTitle(self.tr("Project overview"))
        fit_to_screen(self, 860, 720)
        self.project = project
        self.data: OverviewData | None = None
        self.workers = Workers(self)
        self._reading = False
        self.status = plain_label(self.tr("Reading…"), name="overviewStatus", word_wrap=True)
        self.refreshButton = QPushButton(self.tr("Refresh"))
        self.refreshButton.setObjectName("refreshButton")
        self.refreshButton.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.documents = plain_label(name="overviewDocuments", word_wrap=True)
        self.annotators = read_only_table(
            "overviewAnnotators",
            [
                self.tr("Annotator"),
                self.tr("Assigned"),
                self.tr("Done"),
                self.tr("In progress"),
                self.tr("Time (h:mm:ss)"),
                self.tr("Minutes per document done"),
            ],
            stretch_last=True,
        )
        self.agreementLabel = plain_label(name="overviewAgreement", word_wrap=True)
        self.pairs = read_only_table(
            "overviewPairs",
            [
                self.tr("Annotators"),
                self.tr("Documents"),
                self.tr("F1 exact"),
                self.tr("F1 overlap"),
                self.tr("Kappa"),
            ],
            stretch_last=True,
        )
        self.reviewLabel = plain_label(name="overviewReview", word_wrap=True)
        self.modelLabel = plain_label(name="overviewModel", word_wrap=True)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refreshButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for title, widget, stretch in (
            (self.tr("Documents"), self.documents, 0),
            (self.tr("Progress and time per annotator"), self.annotators, 2),
            (self.tr("Agreement (documents finished by two annotators)"), self.agreementLabel, 0),
            (None, self.pairs, 1),
            (self.tr("Review"), self.reviewLabel, 0),
            (self.tr("Suggestion model"), self.modelLabel, 0),
        ):
            if title:
                heading = plain_label(title)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                layout.addWidget(heading)
            layout.addWidget(widget, stretch)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        if self._reading:
            return
        self._reading = True
        self.refreshButton.setEnabled(False)
        failed = self.tr("Could not read the project: {0}")
        self.workers.submit(
            gather,
            self.project,
            done=self._show,
            error=lambda e: self._failed(failed.format(database_message(self.project.problem(e) or e))),
        )

    def _failed(self, message: str) -> None:
        self._reading = False
        self.refreshButton.setEnabled(True)
        self.status.setText(message)

    def _show(self, data: OverviewData) -> None:
        self._reading = False
        self.refreshButton.setEnabled(True)
        self.data = data
        s = data.stats
        said = self.tr("{0} · read at {1:%H:%M:%S}; read again every {2} seconds (F5: now)")
        self.status.setText(said.format(self.project.url, data.read_at, REFRESH_MS // 1000))
        states = s.states
        said = self.tr(
            "{0:,} document(s), {1:,} characters: {2:,} {3}, {4:,} {5}, {6:,} {7} "
            "(done: by at least one annotator)."
        )
        self.documents.setText(
            said.format(
                s.documents,
                s.characters,
                states.get("done", 0),
                word(DocState.DONE),
                states.get("in_progress", 0),
                word(DocState.IN_PROGRESS),
                states.get("new", 0),
                word(DocState.NEW),
            )
        )
        names = sorted(set(s.progress) | set(data.assigned))
        rows: list[list[object]] = []
        for name in names:
            p = s.progress.get(name, {})
            done, seconds = int(p.get("done", 0)), float(p.get("seconds", 0.0))
            # the time the finished documents took, not the time spent on unfinished ones as well
            per_doc = f"{float(p.get('done_seconds', 0.0)) / 60 / done:.1f}" if done else "–"
            rows.append(
                [
                    name,
                    data.assigned.get(name, 0),
                    done,
                    int(p.get("in_progress", 0)),
                    _duration(seconds),
                    per_doc,
                ]
            )
        _fill(self.annotators, rows)
        compared = [p for p in data.agreement.pairs if p.documents]
        if not compared:
            self.agreementLabel.setText(self.tr("No document has been finished by two annotators yet."))
        else:
            scored = [f for p in compared if (f := p.exact.scored_f1) is not None]  # no span by either: no F1
            mean = shown_score(sum(scored) / len(scored)) if scored else "–"
            alpha = data.agreement.alpha
            said = self.tr(
                "Mean pairwise span F1 (exact) {0}; Krippendorff's alpha {1}; worst document #{2} (F1 {3})."
            )
            ranked = data.agreement.ranked_documents()
            worst = ranked[0] if ranked else (0, 0.0)
            self.agreementLabel.setText(
                said.format(
                    mean,
                    shown_score(alpha),
                    worst[0],
                    shown_score(worst[1]),
                )
            )
        _fill(
            self.pairs,
            [
                [
                    f"{p.a} × {p.b}",
                    p.documents,
                    p.exact.scored_f1,
                    p.overlap.scored_f1,
                    p.kappa,
                ]
                for p in compared
            ],
        )
        reviewed = sum(1 for e in data.queue if e.reviewed)
        self.reviewLabel.setText(
            self.tr(
                "{0} document(s) finished by two or more annotators: {1} reviewed, {2} to review."
            ).format(len(data.queue), reviewed, len(data.queue) - reviewed)
        )
        self.modelLabel.setText(self._model_text(data))

    def _model_text(self, data: OverviewData) -> str:
        settings = data.settings
        if not settings.enabled:
            head = self.tr("The project's model is switched off.")
        elif data.model is None:
            head = self.tr(
                "No model trained on this project yet; the first trains after {0} finished document(s)."
            ).format(settings.retrain_every)
        else:
            _id, trained_at, documents = data.model
            head = self.tr(
                "Trained {0:%Y-%m-%d %H:%M} on {1:,} finished document(s); "
                "it retrains every {2} newly finished."
            ).format(trained_at.astimezone(), documents, settings.retrain_every)
        lines = [head, self.tr("Finished documents now: {0:,}.").format(data.finished)]
        if data.base is not None:
            lines.append(self.tr("Built on a base model trained on {0:,} document(s).").format(data.base[2]))
        tagger = settings.pretrained or self.tr("none")
        lines.append(
            self.tr("Pretrained tagger: {0}; conventions: {1}.").format(tagger, settings.conventions)
        )
        return "\n".join(lines)

    def done(self, result: int) -> None:
        self.timer.stop()
        self.workers.shutdown()
        super().done(result)
