"""The export dialog's worker: one export run in its own thread, answering only through signals."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from gui.database_messages import database_message
from gui.import_messages import refused_message
from model.reasons import ReasonKind
from storage.project import Project
from storage.types import ExportCancelled, ExportError, ExportOptionError, ExportOptions

logger = logging.getLogger(__name__)


class ExportWorker(QObject):
    """Runs one export in its thread. Talks to the dialog only through signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, project: Project, options: ExportOptions, out: Path, overwrite: bool = False) -> None:
        super().__init__()
        self._project, self._options, self._out, self._overwrite = project, options, out, overwrite
        self.cancel_requested = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            summary = self._project.export.run(
                self._options,
                self._out,
                progress=self.progressed.emit,
                cancelled=self.cancel_requested.is_set,
                overwrite=self._overwrite,
            )
        except ExportCancelled:
            self.failed.emit(self.tr("Export cancelled; nothing was written."))
        except ExportOptionError as exc:
            said = self.tr("Cannot export: {0}").format(refused_message(exc))
            refusal = getattr(exc, "refusal", None)
            if refusal is not None and refusal.kind is ReasonKind.EXPORT_NOTHING_LABELLED:
                # the dialog's own control, not the command line's --keep-unlabelled
                said += " " + self.tr("(untick “Skip documents without labels” to write them without labels)")
            self.failed.emit(said)
        except (ExportError, OSError) as exc:
            self.failed.emit(self.tr("Export failed: {0}").format(refused_message(exc)))
        except Exception as exc:  # a worker must always answer, or the dialog waits forever
            logger.exception("export failed")
            problem = self._project.problem(exc)  # the server stopped answering: said as the window says it
            said = database_message(problem) if problem is not None else str(exc)
            self.failed.emit(self.tr("Export failed: {0}").format(said))
        else:
            self.succeeded.emit(summary)
