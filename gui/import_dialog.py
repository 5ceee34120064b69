"""Document → Import…: files or folders, the options of ``newstag import``, a preview of what would be
imported before anything is written (the importer's dry run: the report ``newstag import --dry-run``
prints), then the import in a worker thread with a progress bar and the result per file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QThread, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.import_messages import note_message, refusal_message
from gui.import_options import ImportOptionError, ImportOptionsForm
from gui.import_worker import ImportWorker
from gui.passed_note import passed_note
from gui.plain_text import plain_label
from gui.screen_fit import fit_to_screen
from storage.project import Importer, Project
from storage.types import FileReport, ImportOptions

logger = logging.getLogger(__name__)


def _local_paths(data: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()] if data.hasUrls() else []


def _cell(value: object) -> QTableWidgetItem:
    item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
    if isinstance(value, int):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class ImportDialog(QDialog):
    """``imported(reports)`` after an import wrote something (the window refreshes its document list)."""

    imported = Signal(object)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import documents"))
        fit_to_screen(self, 1180, 780)
        self.project = project
        self.previewed: list[FileReport] = []  # the preview the Import button would carry out
        self.reports: list[FileReport] = []  # the last run's reports, preview or import
        self._options: ImportOptions | None = None
        self._passed_over: list[Path] = []  # files in the chosen folders not read (said in the preview)
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._dry_run = True
        self.setAcceptDrops(True)  # files and folders dragged from a file manager are added to the list
        self._build()
        self._sync()

    def _build(self) -> None:
        self.fileList = QListWidget()
        self.fileList.setObjectName("fileList")
        self.fileList.setMaximumHeight(90)
        buttons = QHBoxLayout()
        self.addFilesButton = QPushButton(self.tr("Add files…"))
        self.addFolderButton = QPushButton(self.tr("Add folder…"))
        self.removeButton = QPushButton(self.tr("Remove"))
        for button, name, slot in (
            (self.addFilesButton, "addFilesButton", self._add_files),
            (self.addFolderButton, "addFolderButton", self._add_folder),
            (self.removeButton, "removeButton", self._remove_selected),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.form = ImportOptionsForm()
        self.form.changed.connect(self._invalidate)
        self.progress = QProgressBar(minimum=0, maximum=1, value=0)
        self.progress.setObjectName("progressBar")
        self.messageLabel = plain_label(word_wrap=True, name="messageLabel")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("previewTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Format"),
                self.tr("Documents"),
                self.tr("Duplicates"),
                self.tr("Spans"),
                self.tr("Spans per label"),
                self.tr("Labels added"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the details and the buttons
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setObjectName("detailsView")
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.previewButton = self.box.addButton(self.tr("Preview"), role)
        self.importButton = self.box.addButton(self.tr("Import"), role)
        self.stopButton = self.box.addButton(self.tr("Stop"), role)
        for button, name, slot in (
            (self.previewButton, "previewButton", self.start_preview),
            (self.importButton, "importButton", self.start_import),
            (self.stopButton, "stopButton", self.stop),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
        self.box.rejected.connect(self.reject)

        top = QWidget()
        left = QVBoxLayout(top)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(plain_label(self.tr("Files and folders (folders are searched for importable files):")))
        left.addWidget(self.fileList)
        left.addLayout(buttons)
        left.addWidget(self.form)
        bottom = QWidget()
        below = QVBoxLayout(bottom)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.progress)
        below.addWidget(self.messageLabel)
        below.addWidget(self.table, 3)
        below.addWidget(self.details, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(self.box)

    # -- files ------------------------------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        known = set(self.paths())
        for path in paths:
            if path not in known:
                self.fileList.addItem(str(path))
                known.add(path)
        self._invalidate()

    def paths(self) -> list[Path]:
        return [Path(self.fileList.item(i).text()) for i in range(self.fileList.count())]

    def _add_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in Importer.suffixes())  # the importer's own table
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Files to import"),
            "",
            self.tr("Importable files ({0});;All files (*)").format(patterns),
        )
        self.add_paths([Path(f) for f in files])

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to import"))
        if folder:
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._thread is None and _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData())
        if self._thread is None and paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    def _remove_selected(self) -> None:
        for item in self.fileList.selectedItems():
            self.fileList.takeItem(self.fileList.row(item))
        self._invalidate()

    # -- running ------------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        """Files or options changed: the preview no longer says what Import would do."""
        if self._thread is None:
            self.previewed = []
            self._sync()

    def _sync(self) -> None:
        running = self._thread is not None
        readable = [r for r in self.previewed if not r.failed]
        # A focused button that gets disabled hands the keys to whatever Qt finds next (Close, the file
        # list): they go on to the next step instead, Stop while it runs, then Import or the result.
        steps = (self.previewButton, self.importButton, self.stopButton)
        pressed = any(b.hasFocus() for b in steps)
        self.stopButton.setEnabled(running)
        if pressed and running:
            self.stopButton.setFocus()
        self.previewButton.setEnabled(not running and self.fileList.count() > 0)
        self.importButton.setEnabled(not running and bool(readable))
        # Return does the next step wherever the keys are (the file list too, where it pressed Add files…)
        self.importButton.setDefault(self.importButton.isEnabled())
        self.previewButton.setDefault(self.previewButton.isEnabled() and not readable)
        for widget in (self.form, self.addFilesButton, self.addFolderButton, self.removeButton):
            widget.setEnabled(not running)
        if pressed and not running:
            (self.importButton if self.importButton.isEnabled() else self.table).setFocus()

    def start_preview(self) -> None:
        """Read every file as the import would, writing nothing (the importer's dry run)."""
        try:
            options = self.form.options()
        except ImportOptionError as exc:
            self.messageLabel.setText(str(exc))
            return
        files = Importer.expand_paths(self.paths(), options.format, options.read.text_column)  # each once
        self._passed_over = Importer.passed_over(self.paths(), files)
        if not files:
            self.messageLabel.setText(self.tr("No importable file in what was chosen.") + self._passed_note())
            return
        self._options = options
        self.previewed = []
        self._run(files, options, dry_run=True)
        self.messageLabel.setText(self.tr("Reading {0} file(s); nothing is written…").format(len(files)))

    def start_import(self) -> None:
        """Import the files the preview found readable, with the options it was made with."""
        if self._options is None or not self.previewed:
            return
        readable = [r for r in self.previewed if not r.failed]
        total = sum(r.imported + r.skipped for r in readable)
        self._run([Path(r.path) for r in readable], self._options, dry_run=False, total=total)
        self.messageLabel.setText(self.tr("Importing {0} file(s)…").format(len(readable)))

    def _run(self, files: list[Path], options: ImportOptions, dry_run: bool, total: int = 0) -> None:
        self.reports = []
        self._dry_run = dry_run
        self.table.setRowCount(0)
        self.details.clear()
        self.progress.setMaximum(max(total, len(files), 1))
        self.progress.setValue(0)
        self._thread = QThread(self)
        self._worker = ImportWorker(self.project, files, options, dry_run, total)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.fileDone.connect(self._on_file)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._sync()
        self._thread.start()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel_requested.set()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_file(self, report: FileReport) -> None:
        self.reports.append(report)
        row = self.table.rowCount()
        self.table.insertRow(row)
        shape = report.format + (f" ({note_message(report.variant)})" if report.variant else "")
        if report.failed:
            cells: list[object] = [Path(report.path).name, shape, self.tr("refused"), "", "", "", ""]
        else:
            cells = [
                Path(report.path).name,
                shape,
                report.imported,
                report.skipped,
                report.spans,
                ", ".join(f"{label} {n:,}" for label, n in sorted(report.spans_per_label.items())),
                ", ".join(report.new_labels),
            ]
        for column, value in enumerate(cells):
            item = _cell(value)
            if column == 0:
                item.setToolTip(report.path)
            self.table.setItem(row, column, item)
        if row == 0:
            self.table.selectRow(0)
            self._show_details(0)

    def _show_details(self, row: int) -> None:
        """The selected file's notes, warnings or the reason it was refused (the importer's own words)."""
        if not 0 <= row < len(self.reports):
            self.details.clear()
            return
        report = self.reports[row]
        lines = [report.path]
        if report.error is not None:
            said = refusal_message(report.error)  # in the window's language, naming the file and line
            lines.append(self.tr("Refused: {0}").format(said))
            lines.append(self.tr("Nothing from this file is imported."))
        reading = (  # how the file was read; scheme and columns are names (bio, TOKEN,TAG)
            (self.tr("encoding {0}"), report.encoding),
            (self.tr("scheme {0}"), report.scheme),
            (self.tr("columns {0}"), report.columns),
            (self.tr("offsets {0}"), report.offset_unit),
        )
        details = [said.format(note_message(value)) for said, value in reading if value]
        if details:
            lines.append(self.tr("; ", "between the parts of how a file was read").join(details))
        if report.kept:
            lines.append(
                self.tr("{0} duplicate(s) with other labels kept as their own documents").format(report.kept)
            )
        lines += [
            self.tr("Duplicate with other labels: {0}").format(note_message(d)) for d in report.differing
        ]
        lines += [self.tr("Note: {0}").format(note_message(n)) for n in report.notes]
        lines += [self.tr("Warning: {0}").format(note_message(w)) for w in report.warnings]
        self.details.setPlainText("\n".join(lines))

    def _on_finished(self, reports: list[FileReport], stopped: bool) -> None:
        self._stop_thread()
        self.progress.setValue(self.progress.maximum())
        good = [r for r in reports if not r.failed]
        failed = len(reports) - len(good)
        documents, spans = sum(r.imported for r in good), sum(r.spans for r in good)
        labels = sorted({name for r in good for name in r.new_labels})
        if self._dry_run:
            self.previewed = [] if stopped else list(reports)
            said = self.tr(
                "Preview: {0:,} document(s) with {1:,} span(s) from {2} file(s) would be imported, "
                "{3:,} duplicate(s) skipped. Nothing was written."
            ).format(documents, spans, len(good), sum(r.skipped for r in good))
            if failed:
                said += " " + self.tr("{0} file(s) refused; nothing from them would be imported.").format(
                    failed
                )
            if labels:
                said += " " + self.tr("Labels that would be added: {0}.").format(", ".join(labels))
            said += self._passed_note()
            if stopped:
                said = self.tr("Preview stopped; nothing was written.")
        else:
            self.previewed = []
            said = self.tr(
                "Imported {0:,} document(s) with {1:,} span(s) from {2} file(s); {3:,} duplicate(s) skipped."
            ).format(documents, spans, len(good), sum(r.skipped for r in good))
            if failed:
                said += " " + self.tr("{0} file(s) failed; nothing from them was written.").format(failed)
            if labels:
                said += " " + self.tr("Labels added: {0}.").format(", ".join(labels))
            if stopped:
                said += " " + self.tr(
                    "Stopped: the file under way was not imported (nothing from it was written)."
                )
            if documents or labels:
                self.imported.emit(reports)
        self.messageLabel.setText(said)
        self._sync()

    def _passed_note(self) -> str:
        return passed_note(self._passed_over)

    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.previewed = []
        self.progress.reset()  # a bar left part-filled would say the import is still under way
        self.messageLabel.setText(self.tr("The import failed: {0}").format(message))
        self._sync()

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None

    def done(self, result: int) -> None:
        """Closing while a file is read or imported stops it first (that file's transaction rolls back)."""
        if self._worker is not None:
            self._worker.cancel_requested.set()
            self._stop_thread()
        super().done(result)
