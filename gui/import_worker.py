"""The import dialog's worker: a preview (a dry run of every file) or an import, run in its own thread and
answering only through signals. Each file is one transaction in ``project.importer``: a file that fails, or
the file under way when Stop is pressed, leaves the database exactly as it was."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from gui.database_messages import database_message
from storage.project import Project
from storage.types import DryRunMemory, FileReport, ImportOptions

logger = logging.getLogger(__name__)


class ImportStopped(Exception):
    """Raised from the progress callback when Stop is pressed: the file's transaction rolls back."""


class ImportWorker(QObject):
    """Reads (``dry_run``) or imports ``files`` one after another. ``progressed(done, total)`` counts
    documents read when ``total`` (documents, from the preview) is known, else files."""

    progressed = Signal(int, int)
    fileDone = Signal(object)  # a FileReport
    finished = Signal(object, bool)  # every FileReport, whether Stop was pressed
    failed = Signal(str)

    def __init__(
        self,
        project: Project,
        files: list[Path],
        options: ImportOptions,
        dry_run: bool,
        total_documents: int = 0,
    ) -> None:
        super().__init__()
        self._project, self._files, self._options = project, files, options
        self._dry_run, self._total = dry_run, total_documents
        self._done = 0
        self.cancel_requested = threading.Event()

    def _progress(self, documents: int) -> None:
        if self.cancel_requested.is_set():
            raise ImportStopped
        self._done += documents
        if self._total:
            self.progressed.emit(min(self._done, self._total), self._total)

    @Slot()
    def run(self) -> None:
        reports: list[FileReport] = []
        stopped = False
        earlier = DryRunMemory()  # a preview reads each file after the ones before it, as the import will
        try:
            for number, path in enumerate(self._files):
                if self.cancel_requested.is_set():
                    stopped = True
                    break
                if not self._total:
                    self.progressed.emit(number, len(self._files))
                try:
                    report = self._project.importer.import_file(
                        path,
                        options=self._options,
                        progress=self._progress,
                        dry_run=self._dry_run,
                        earlier=earlier,
                    )
                except ImportStopped:
                    stopped = True
                    break
                reports.append(report)
                self.fileDone.emit(report)
            if not stopped and not self._total:
                self.progressed.emit(len(self._files), len(self._files))
        except Exception as exc:  # a worker must always answer, or the dialog waits forever
            logger.exception("import failed")
            problem = self._project.database_problem(exc, self._project.url)
            self.failed.emit(database_message(problem or exc))
            return
        self.finished.emit(reports, stopped)
