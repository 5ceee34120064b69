"""The Export dialog: choose format, whose labels, which documents and labels, a split; export runs in a
worker thread (which never touches a widget) with a progress bar, and ends with a summary."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.export_folder import folder_export_target
from gui.export_summary import render_summary
from gui.export_worker import ExportWorker
from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_messages import note_message, refused_message
from gui.plain_text import plain_label
from model.roles import Permission, may
from model.sentences import SentenceMode
from model.spans import Annotator, DocState
from model.tagging import Scheme
from storage.project import Project
from storage.types import (
    ConllOptions,
    DocSeparator,
    ExportFormat,
    ExportOptionError,
    ExportOptions,
    ExportSummary,
    Source,
    SplitRatios,
    WhitespacePolicy,
)

logger = logging.getLogger(__name__)

# Each choice: its text (English, marked for translation in context ExportDialog) and its value.
FORMATS = [
    (QT_TRANSLATE_NOOP("ExportDialog", "Character CoNLL (one character per line)"), ExportFormat.CONLL),
    (QT_TRANSLATE_NOOP("ExportDialog", "Word CoNLL (jieba words)"), ExportFormat.CONLL_WORD),
    (QT_TRANSLATE_NOOP("ExportDialog", "doccano JSONL"), ExportFormat.JSONL),
    (QT_TRANSLATE_NOOP("ExportDialog", "brat standoff (.txt + .ann folder)"), ExportFormat.BRAT),
    (QT_TRANSLATE_NOOP("ExportDialog", "WebAnno TSV 3.3 for INCEpTION (.tsv folder)"), ExportFormat.WEBANNO),
]
FOLDERS = (ExportFormat.BRAT, ExportFormat.WEBANNO)  # formats that write a folder of files
SCHEMES = [("BIO (IOB2)", Scheme.BIO), ("BIOES", Scheme.BIOES), ("BMES", Scheme.BMES)]  # names: as they are
SEPARATORS = [
    (QT_TRANSLATE_NOOP("ExportDialog", "Tab"), "\t"),
    (QT_TRANSLATE_NOOP("ExportDialog", "Space"), " "),
]
SENTENCES = [
    (QT_TRANSLATE_NOOP("ExportDialog", "At 。！？；… and line breaks"), SentenceMode.PUNCTUATION),
    (QT_TRANSLATE_NOOP("ExportDialog", "At line breaks only"), SentenceMode.LINES),
    (QT_TRANSLATE_NOOP("ExportDialog", "Whole document"), SentenceMode.DOCUMENT),
]
WHITESPACE = [
    (QT_TRANSLATE_NOOP("ExportDialog", "Skip spaces and U+3000"), WhitespacePolicy.SKIP),
    (QT_TRANSLATE_NOOP("ExportDialog", "Write them as ␣"), WhitespacePolicy.PLACEHOLDER),
]
DOC_SEPARATORS = [
    (QT_TRANSLATE_NOOP("ExportDialog", "-DOCSTART- line"), DocSeparator.DOCSTART),
    (QT_TRANSLATE_NOOP("ExportDialog", "Extra blank line"), DocSeparator.BLANK),
    (QT_TRANSLATE_NOOP("ExportDialog", "Nothing"), DocSeparator.NONE),
]
SOURCES = [
    (QT_TRANSLATE_NOOP("ExportDialog", "Gold (adjudicated)"), Source.GOLD),
    (QT_TRANSLATE_NOOP("ExportDialog", "One annotator's labels"), Source.ANNOTATOR),
    (
        QT_TRANSLATE_NOOP("ExportDialog", "Gold where adjudicated, else the annotator's"),
        Source.GOLD_ELSE_ANNOTATOR,
    ),
]
DOCUMENTS = [
    (QT_TRANSLATE_NOOP("ExportDialog", "All documents"), None),
    (
        QT_TRANSLATE_NOOP("ExportDialog", "Only documents the annotator marked done"),
        frozenset({DocState.DONE}),
    ),
    (
        QT_TRANSLATE_NOOP("ExportDialog", "Done or in progress"),
        frozenset({DocState.DONE, DocState.IN_PROGRESS}),
    ),
]


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    """Object names let tests (and style sheets) find the widgets."""
    widget.setObjectName(name)
    return widget


def _combo(name: str, items: Sequence[tuple[str, object]], translate: bool = True) -> QComboBox:
    """A combo box whose items carry plain values (enums arrive back as their str values: convert them); the
    texts are translated (context ``ExportDialog``) unless ``translate`` is false (names)."""
    box = _named(QComboBox(), name)
    for text, data in items:
        shown = QCoreApplication.translate("ExportDialog", text) if translate else text
        box.addItem(shown, str(data) if isinstance(data, str) else None)
    return box


class ExportDialog(QDialog):
    """Export training data from ``project``; ``annotator`` is the default for the annotator choices."""

    exportFinished = Signal(object)  # the ExportSummary, or None when the export failed or was cancelled

    def __init__(self, project: Project, annotator: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.project = project
        self.summary: ExportSummary | None = None
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self.setWindowTitle(self.tr("Export training data"))
        self._build(annotator)
        self._sync_enabled()

    # -- layout -------------------------------------------------------------------------------------

    def _build(self, annotator: Annotator) -> None:
        self.formatBox = _combo("formatBox", FORMATS)
        self.schemeBox = _combo("schemeBox", SCHEMES)
        self.separatorBox = _combo("separatorBox", SEPARATORS)
        self.sentencesBox = _combo("sentencesBox", SENTENCES)
        self.whitespaceBox = _combo("whitespaceBox", WHITESPACE)
        self.docSeparatorBox = _combo("docSeparatorBox", DOC_SEPARATORS)
        self.sourceBox = _combo("sourceBox", SOURCES)
        people = self.project.team.annotators()
        me = next((a for a in people if a.name == annotator.name), annotator)
        if not may(me.role, Permission.SEE_TEAM):  # an annotator exports their own layer (or gold) only
            people = [me]
        self.annotatorBox = _combo("annotatorBox", [(a.name, a.name) for a in people], translate=False)
        self.annotatorBox.setCurrentIndex(max(0, self.annotatorBox.findData(annotator.name)))
        self.documentsBox = _combo("documentsBox", DOCUMENTS)
        self.labelList = _named(QListWidget(), "labelList")
        for label in self.project.labels.all():
            item = QListWidgetItem(label.name)
            item.setCheckState(Qt.CheckState.Checked)
            self.labelList.addItem(item)
        self.labelList.setMaximumHeight(110)
        self.mappingEdit = _named(
            QLineEdit(placeholderText=self.tr("e.g. GPE=LOC, MISC= (drop)")), "mappingEdit"
        )
        self.skipUnlabelled = _named(QCheckBox(self.tr("Skip documents without labels")), "skipUnlabelled")
        self.skipUnlabelled.setChecked(True)
        self.splitBox = _named(QCheckBox(self.tr("Split into train / dev / test by document")), "splitBox")
        self.ratios = [
            _named(QDoubleSpinBox(decimals=2, singleStep=0.05, maximum=1.0, value=value), name)
            for name, value in (("trainRatio", 0.8), ("devRatio", 0.1), ("testRatio", 0.1))
        ]
        self.seedBox = _named(QSpinBox(maximum=2**31 - 1), "seedBox")
        self.outEdit = _named(QLineEdit(), "outEdit")
        browse = _named(QPushButton(self.tr("Browse…")), "browseButton")
        browse.clicked.connect(self._browse)
        browse.setAutoDefault(False)  # Return exports: it opened the file chooser, the dialog's first button
        self.progress = _named(QProgressBar(minimum=0, maximum=1, value=0), "progressBar")
        self.messageLabel = _named(plain_label(word_wrap=True), "messageLabel")
        self.summaryView = _named(QPlainTextEdit(readOnly=True), "summaryView")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.exportButton = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.exportButton.setObjectName("exportButton")
        self.cancelButton = self.buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancelButton.setObjectName("cancelButton")
        self.exportButton.clicked.connect(self.start_export)
        self.cancelButton.clicked.connect(self.cancel_export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.formatBox)
        form.addRow(self.tr("Tags:"), self.schemeBox)
        form.addRow(self.tr("Column separator:"), self.separatorBox)
        form.addRow(self.tr("Sentences end:"), self.sentencesBox)
        form.addRow(self.tr("Whitespace:"), self.whitespaceBox)
        form.addRow(self.tr("Between documents:"), self.docSeparatorBox)
        form.addRow(self.tr("Labels from:"), self.sourceBox)
        form.addRow(self.tr("Annotator:"), self.annotatorBox)
        form.addRow(self.tr("Documents:"), self.documentsBox)
        form.addRow("", self.skipUnlabelled)
        form.addRow(self.tr("Labels to export:"), self.labelList)
        form.addRow(self.tr("Rename or drop:"), self.mappingEdit)
        split_row = QHBoxLayout()
        for spin in self.ratios:
            split_row.addWidget(spin)
        split_row.addWidget(plain_label(self.tr("seed")))
        split_row.addWidget(self.seedBox)
        form.addRow(self.splitBox)
        form.addRow(self.tr("Train / dev / test:"), split_row)
        out_row = QHBoxLayout()
        out_row.addWidget(self.outEdit)
        out_row.addWidget(browse)
        form.addRow(self.tr("Write to:"), out_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.summaryView)
        layout.addWidget(self.buttons)
        self.exportButton.setDefault(True)  # once in the dialog: Return exports
        for box in (self.formatBox, self.sourceBox, self.documentsBox):
            box.currentIndexChanged.connect(self._sync_enabled)
        self.splitBox.toggled.connect(self._sync_enabled)

    def _sync_enabled(self) -> None:
        chosen = ExportFormat(self.formatBox.currentData())
        conll = chosen in (ExportFormat.CONLL, ExportFormat.CONLL_WORD)
        for box in (self.schemeBox, self.separatorBox, self.whitespaceBox, self.docSeparatorBox):
            box.setEnabled(conll)
        self.sentencesBox.setEnabled(conll or chosen is ExportFormat.WEBANNO)  # WebAnno TSV has sentences
        for spin in (*self.ratios, self.seedBox):
            spin.setEnabled(self.splitBox.isChecked())
        self.annotatorBox.setEnabled(self._needs_annotator())
        running = self._thread is not None
        pressed = self.exportButton.hasFocus() or self.cancelButton.hasFocus()
        self.cancelButton.setEnabled(running)  # a disabled button's focus went to whatever Qt found next
        self.exportButton.setEnabled(not running)
        if pressed:  # Stop while it runs, then Close: the keys stay on the next step
            (
                self.cancelButton if running else self.buttons.button(QDialogButtonBox.StandardButton.Close)
            ).setFocus()

    def _needs_annotator(self) -> bool:
        """Their labels, or their document states, are asked for."""
        source = Source(self.sourceBox.currentData())
        return source is not Source.GOLD or DOCUMENTS[self.documentsBox.currentIndex()][1] is not None

    def _browse(self) -> None:
        fmt = ExportFormat(self.formatBox.currentData())
        if not (self.splitBox.isChecked() or fmt in FOLDERS):
            if path := QFileDialog.getSaveFileName(self, self.tr("Export to file"))[0]:
                self.outEdit.setText(path)
        elif picked := QFileDialog.getExistingDirectory(self, self.tr("Export into folder")):
            self.outEdit.setText(str(target := folder_export_target(Path(picked), str(fmt))))
            if target != Path(picked):  # it holds files: never replaced by a Yes (gui/export_folder.py)
                self.messageLabel.setText(
                    self.tr("{0} holds files: the export goes into a new folder in it.").format(picked)
                )

    # -- options ------------------------------------------------------------------------------------

    def options(self) -> ExportOptions:
        """The options the widgets say. Raises ExportOptionError for a mapping or split that cannot work."""
        mapping: dict[str, str | None] = {}
        for item in filter(None, (x.strip() for x in self.mappingEdit.text().replace("，", ",").split(","))):
            old, sep, new = item.partition("=")
            if not sep or not old.strip():
                said = self.tr("“{0}” is not OLD=NEW (or OLD= to drop a label)")
                raise ExportOptionError(said.format(item))
            mapping[old.strip()] = new.strip() or None
        unchecked = {
            self.labelList.item(i).text()
            for i in range(self.labelList.count())
            if self.labelList.item(i).checkState() != Qt.CheckState.Checked
        }
        for name in unchecked:
            mapping.setdefault(name, None)
        split = SplitRatios(*(spin.value() for spin in self.ratios)) if self.splitBox.isChecked() else None
        source: Source = Source(self.sourceBox.currentData())
        states = DOCUMENTS[self.documentsBox.currentIndex()][1]  # a frozenset does not survive a QVariant
        return ExportOptions(
            format=ExportFormat(self.formatBox.currentData()),
            source=source,
            annotator=self.annotatorBox.currentData() if self._needs_annotator() else None,
            states=states,
            label_map=mapping,
            skip_unlabelled=self.skipUnlabelled.isChecked(),
            conll=ConllOptions(
                scheme=Scheme(self.schemeBox.currentData()),
                separator=self.separatorBox.currentData(),
                sentences=SentenceMode(self.sentencesBox.currentData()),
                whitespace=WhitespacePolicy(self.whitespaceBox.currentData()),
                doc_separator=DocSeparator(self.docSeparatorBox.currentData()),
            ),
            split=split,
            seed=self.seedBox.value(),
        )

    # -- running ------------------------------------------------------------------------------------

    def start_export(self) -> None:
        self.summaryView.clear()
        if not self.outEdit.text().strip():
            self._show_error(self.tr("Choose where to write the export."))
            return
        out = Path(self.outEdit.text().strip()).expanduser()
        if not out.is_absolute():  # the window's working folder is nobody's choice (a launcher's is /)
            self._show_error(self.tr("Give the full path to write to, or choose it with Browse…"))
            return
        try:
            options = self.options()
            there = self.project.export.existing_output(options, out)
        except ExportOptionError as exc:
            self._show_error(self.tr("Cannot export: {0}").format(refused_message(exc)))
            return
        if there is not None and not self._replace_allowed(out, there):
            self._show_error(self.tr("Nothing was exported: {0} is left as it was.").format(out))
            return
        self.messageLabel.setText(self.tr("Exporting…"))
        self._thread = QThread(self)
        self._worker = ExportWorker(self.project, options, out, overwrite=there is not None)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._sync_enabled()
        self._thread.start()

    def _replace_allowed(self, out: Path, there: str) -> bool:
        """Ask before an export replaces what is at ``out`` (as a whole, once it is complete)."""
        if out.is_dir() and not out.is_symlink():  # a link is replaced as a file is
            said = self.tr(
                "{0} already exists ({1}).\n\nReplace it? Once the new export is complete, the "
                "old folder and everything in it is deleted and the new export takes its place. "
                "Until then nothing there changes."
            )
        else:
            said = self.tr(
                "{0} already exists ({1}).\n\nReplace it? Once the new export is complete, the "
                "old file is deleted and the new export takes its place. Until then nothing there "
                "changes."
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Replace the existing export?"),
            said.format(out, note_message(there)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("replaceBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def cancel_export(self) -> None:
        if self._worker is not None:
            self._worker.cancel_requested.set()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_succeeded(self, summary: ExportSummary) -> None:
        self._stop_thread()
        self.summary = summary
        self.progress.setValue(self.progress.maximum())
        self.messageLabel.setText(self.tr("Exported {0:,} document(s).").format(summary.total_documents))
        self.summaryView.setPlainText(render_summary(summary))
        self.exportFinished.emit(summary)

    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self._show_error(message)
        self.exportFinished.emit(None)

    def _show_error(self, message: str) -> None:
        self.messageLabel.setText(message)

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self._sync_enabled()

    def done(self, result: int) -> None:
        """Closing while an export runs stops it first (its unfinished temporary is removed)."""
        if self._worker is not None:
            self._worker.cancel_requested.set()
            self._stop_thread()
        super().done(result)
