"""Training the project's model without blocking the window: ``newstag train`` in a separate process,
started on demand or after every N newly finished documents. The model lands in the database; the window
then loads it behind the suggestions and shows when it was trained and on how many documents."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from gui.workers import Workers
from storage.project import Project
from storage.types import BASE_KIND, MODEL_KIND

logger = logging.getLogger(__name__)


class Trainer(QObject):
    statusChanged = Signal(str)
    modelTrained = Signal()
    failed = Signal(str)

    def __init__(
        self, project: Project, parent: QObject | None = None, workers: Workers | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.workers = workers  # where the "enough new documents?" query runs, off the UI thread
        self.process: QProcess | None = None
        self._stopping = False
        self._checking = False
        self._training_base = False
        self._step = ""  # the training process's last progress report

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def status_text(self) -> str:
        if self.running:
            if self._training_base:
                what = (
                    self.tr("Model: training the base model ({0})…")
                    if self._step
                    else self.tr("Model: training the base model…")
                )
            else:
                what = self.tr("Model: training ({0})…") if self._step else self.tr("Model: training…")
            return what.format(self._step)
        info = self.project.trained_models.latest_info(MODEL_KIND)
        base = self.project.trained_models.latest_info(BASE_KIND)
        if info is None:
            if base is not None:
                said = self.tr("Model: base model ({0:,} documents), none trained on this project yet")
                return said.format(base[2])
            return self.tr("Model: none yet")
        _id, trained_at, documents = info
        when = f"{trained_at.astimezone():%Y-%m-%d %H:%M}"
        if base is not None:
            return self.tr("Model: trained {0} on {1:,} documents on a base model").format(when, documents)
        return self.tr("Model: trained {0} on {1:,} documents").format(when, documents)

    def maybe_train(self) -> None:
        """Start training if enough documents were finished since the last model. The check counts finished
        documents over the whole corpus, so with ``workers`` it runs there and training starts when it
        answers."""
        if self.running or self._checking:
            return
        if self.workers is None:
            if self.project.training.needs_training():
                self.start()
            return
        self._checking = True
        self.workers.submit(
            self.project.training.needs_training, done=self._checked, error=self._check_failed
        )

    def _checked(self, needed: object) -> None:
        self._checking = False
        if needed and not self._stopping:
            self.start()

    def _check_failed(self, exc: Exception) -> None:
        self._checking = False
        logger.warning("could not check whether the model needs training: %s", exc)

    def start(self, base_corpus: Path | None = None) -> bool:
        """Train the project's model (or, with ``base_corpus``, a base model on that labelled corpus) in a
        separate process; False if a training run is going on already."""
        if self.running:
            return False
        self._training_base = base_corpus is not None
        self._step = ""
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("NEWSTAG_DB", self.project.engine.url.render_as_string(hide_password=False))
        env.insert("PYTHONPATH", os.pathsep.join(p for p in sys.path if p))
        process.setProcessEnvironment(env)
        process.setProgram(sys.executable)
        extra = ["--base-corpus", str(base_corpus)] if base_corpus is not None else []
        process.setArguments(["-m", "gui.cli", "train", "--quiet", "--progress-lines", *extra])
        process.readyReadStandardOutput.connect(self._progress)
        process.finished.connect(self._finished)
        self.process = process
        process.start()
        self.statusChanged.emit(self.status_text())
        return True

    def _progress(self) -> None:
        """``features N TOTAL`` / ``iteration N TOTAL`` lines of the training process, to the status bar."""
        if self.process is None:
            return
        lines = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace").splitlines()
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[0] in ("features", "iteration") and parts[1].isdigit():
                done, total = int(parts[1]), int(parts[2])
                self._step = (
                    self.tr("features of {0:,} / {1:,} documents")
                    if parts[0] == "features"
                    else self.tr("iteration {0} / {1}")
                ).format(done, total)
                self.statusChanged.emit(self.status_text())

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process = self.process
        self.process = None
        if self._stopping:  # we ended it ourselves (the window is closing): not a failure
            return
        output = bytes(process.readAllStandardError().data()).decode("utf-8", "replace") if process else ""
        if code == 0:
            logger.info("model trained")
            self.modelTrained.emit()
        else:
            last = output.strip().splitlines()[-1] if output.strip() else ""
            reason = last or self.tr("exit code {0}").format(code)
            self.failed.emit(self.tr("Training the model failed: {0}").format(reason))
        self.statusChanged.emit(self.status_text())

    def stop(self, timeout_ms: int = 3000) -> None:
        """On close: a training run that has not finished is abandoned (nothing partial is stored)."""
        if self.running and self.process is not None:
            self._stopping = True
            self.process.terminate()
            if not self.process.waitForFinished(timeout_ms):
                self.process.kill()
                self.process.waitForFinished(timeout_ms)
