"""The options of Document → Import…: the same as ``newstag import`` (format, where the labels go,
duplicates, and how CoNLL, JSON, brat and word/tag files are read), as a form that says which
``ImportOptions`` it means."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_messages import refused_message
from model.tagging import IPolicy
from storage.types import (
    DEFAULT_TAG_MAP,
    Columns,
    Discontinuous,
    Duplicates,
    Format,
    Grouping,
    ImportOptions,
    Join,
    OffsetUnit,
    ReadOptions,
    SpansAs,
)

logger = logging.getLogger(__name__)

CONTEXT = "ImportOptions"
FORMATS = [
    (QT_TRANSLATE_NOOP("ImportOptions", "Detect from the content"), Format.AUTO),
    (QT_TRANSLATE_NOOP("ImportOptions", "Plain text (txt): one article per file"), Format.TXT),
    (QT_TRANSLATE_NOOP("ImportOptions", "JSON Lines (jsonl): doccano, CLUENER, Label Studio"), Format.JSONL),
    (QT_TRANSLATE_NOOP("ImportOptions", "JSON array (json): Label Studio, doccano"), Format.JSON),
    (QT_TRANSLATE_NOOP("ImportOptions", "CoNLL: one token a line (BIO, BIOES, BMES)"), Format.CONLL),
    (QT_TRANSLATE_NOOP("ImportOptions", "brat standoff (.ann + .txt)"), Format.BRAT),
    (QT_TRANSLATE_NOOP("ImportOptions", "People's Daily / MSRA word/tag"), Format.WORDTAG),
    (QT_TRANSLATE_NOOP("ImportOptions", "OntoNotes .name files (ENAMEX)"), Format.ONTONOTES),
    (QT_TRANSLATE_NOOP("ImportOptions", "BosonNLP NER ({{person_name:…}} inline)"), Format.BOSON),
    (QT_TRANSLATE_NOOP("ImportOptions", "WebAnno TSV 3.x (INCEpTION, WebAnno export)"), Format.WEBANNO),
    (QT_TRANSLATE_NOOP("ImportOptions", "YEDDA .ann ([@text#Label*] inline)"), Format.YEDDA),
    (QT_TRANSLATE_NOOP("ImportOptions", "spaCy .iob (one sentence a line, word|TAG)"), Format.IOB),
    (QT_TRANSLATE_NOOP("ImportOptions", "CSV / TSV of texts (a text column, a row a document)"), Format.CSV),
]
SPANS_AS = [
    (QT_TRANSLATE_NOOP("ImportOptions", "Gold layer (decided)"), SpansAs.GOLD),
    (QT_TRANSLATE_NOOP("ImportOptions", "Suggestions to confirm"), SpansAs.SUGGESTIONS),
]
DUPLICATES = [
    (QT_TRANSLATE_NOOP("ImportOptions", "Skip a text that is stored already"), Duplicates.SKIP),
    (QT_TRANSLATE_NOOP("ImportOptions", "Keep it when its labels differ"), Duplicates.KEEP),
]
GROUPING = [
    (QT_TRANSLATE_NOOP("ImportOptions", "By -DOCSTART- if present, else one per sentence"), Grouping.AUTO),
    (QT_TRANSLATE_NOOP("ImportOptions", "By -DOCSTART- lines"), Grouping.DOCSTART),
    (QT_TRANSLATE_NOOP("ImportOptions", "One document per sentence"), Grouping.SENTENCE),
]
JOIN = [
    (QT_TRANSLATE_NOOP("ImportOptions", "Chinese without spaces, Latin words with one"), Join.AUTO),
    (QT_TRANSLATE_NOOP("ImportOptions", "A space between tokens"), Join.SPACE),
    (QT_TRANSLATE_NOOP("ImportOptions", "No space between tokens"), Join.NONE),
]
OFFSETS = [
    (QT_TRANSLATE_NOOP("ImportOptions", "Decide by each span's text"), OffsetUnit.AUTO),
    (QT_TRANSLATE_NOOP("ImportOptions", "Code points (doccano's API)"), OffsetUnit.CODEPOINTS),
    (QT_TRANSLATE_NOOP("ImportOptions", "UTF-16 code units (Label Studio)"), OffsetUnit.UTF16),
]
DISCONTINUOUS = [
    (QT_TRANSLATE_NOOP("ImportOptions", "One span per fragment"), Discontinuous.SPLIT),
    (QT_TRANSLATE_NOOP("ImportOptions", "Refuse the file"), Discontinuous.REFUSE),
]


class ImportOptionError(ValueError):
    """An option the user typed cannot work; the message says why."""


def _combo(name: str, items: Sequence[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for text, value in items:
        box.addItem(QCoreApplication.translate(CONTEXT, text), str(value))
    return box


def _edit(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class ImportOptionsForm(QWidget):
    """``changed`` whenever any option changes (a preview made before no longer says what an import does)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formatBox = _combo("formatBox", FORMATS)
        self.spansAsBox = _combo("spansAsBox", SPANS_AS)
        self.duplicatesBox = _combo("duplicatesBox", DUPLICATES)
        self.groupBox = _combo("groupBox", GROUPING)
        self.sentencesSpin = QSpinBox(minimum=0, maximum=100_000)
        self.sentencesSpin.setObjectName("sentencesSpin")
        self.sentencesSpin.setSpecialValueText(self.tr("as grouped above"))
        self.strictTags = QCheckBox(self.tr("Refuse an inside tag that continues no entity"))
        self.strictTags.setObjectName("strictTags")
        self.columnsEdit = _edit(
            "columnsEdit", placeholder=self.tr("e.g. TOKEN,POS,CHUNK,TAG or TOKEN=2,TAG=10")
        )
        self.joinBox = _combo("joinBox", JOIN)
        self.untypedEdit = _edit("untypedEdit", "ENT")
        self.offsetsBox = _combo("offsetsBox", OFFSETS)
        self.discontinuousBox = _combo("discontinuousBox", DISCONTINUOUS)
        self.tagMapEdit = _edit("tagMapEdit", ",".join(f"{k}={v}" for k, v in DEFAULT_TAG_MAP.items()))
        self.layerEdit = _edit("layerEdit", placeholder=self.tr("NamedEntity, else the one custom layer"))
        self.featureEdit = _edit("featureEdit", placeholder=self.tr("the layer's only feature"))
        self.textColumnEdit = _edit("textColumnEdit", placeholder=self.tr("text, else content, 内容, 正文…"))

        main = QFormLayout()
        main.addRow(self.tr("Format:"), self.formatBox)
        main.addRow(self.tr("Labels in the files become:"), self.spansAsBox)
        main.addRow(self.tr("Duplicates:"), self.duplicatesBox)
        conll = QGroupBox(self.tr("CoNLL and word/tag files"))
        form = QFormLayout(conll)
        form.addRow(self.tr("Documents:"), self.groupBox)
        form.addRow(self.tr("Sentences per document:"), self.sentencesSpin)
        form.addRow("", self.strictTags)
        form.addRow(self.tr("Columns:"), self.columnsEdit)
        form.addRow(self.tr("Tokens joined:"), self.joinBox)
        form.addRow(self.tr("Label of untyped tags:"), self.untypedEdit)
        form.addRow(self.tr("Word/tag entities:"), self.tagMapEdit)
        other = QGroupBox(self.tr("JSON and brat files"))
        form = QFormLayout(other)
        form.addRow(self.tr("Offsets count:"), self.offsetsBox)
        form.addRow(self.tr("Discontinuous entities:"), self.discontinuousBox)
        webanno = QGroupBox(self.tr("WebAnno TSV files (INCEpTION)"))
        form = QFormLayout(webanno)
        form.addRow(self.tr("WebAnno layer:"), self.layerEdit)
        form.addRow(self.tr("WebAnno feature:"), self.featureEdit)
        tables = QGroupBox(self.tr("Tables of texts (CSV, TSV)"))
        form = QFormLayout(tables)
        form.addRow(self.tr("Text column:"), self.textColumnEdit)
        left = QVBoxLayout()
        left.addLayout(main)
        left.addWidget(other)
        left.addWidget(webanno)
        left.addWidget(tables)
        left.addStretch(1)
        layout = QHBoxLayout(self)  # two columns: the dialog's height goes to the preview
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(conll, 1)
        for box in (
            self.formatBox,
            self.spansAsBox,
            self.duplicatesBox,
            self.groupBox,
            self.joinBox,
            self.offsetsBox,
            self.discontinuousBox,
        ):
            box.currentIndexChanged.connect(self.changed)
        edits = (self.columnsEdit, self.untypedEdit, self.tagMapEdit, self.layerEdit, self.featureEdit)
        for edit in (*edits, self.textColumnEdit):
            edit.textChanged.connect(self.changed)
        self.sentencesSpin.valueChanged.connect(self.changed)
        self.strictTags.toggled.connect(self.changed)

    def format(self) -> Format:
        return Format(self.formatBox.currentData())

    def options(self) -> ImportOptions:
        """The options the form says; ImportOptionError (worded for the user) for one that cannot work."""
        columns = self.columnsEdit.text().strip()
        try:
            parsed_columns = Columns.parse(columns) if columns else None
        except ValueError as exc:
            raise ImportOptionError(self.tr("Columns: {0}").format(refused_message(exc))) from None
        untyped = self.untypedEdit.text().strip()
        if not untyped or any(c.isspace() for c in untyped):
            raise ImportOptionError(self.tr("The label of untyped tags must be one word, e.g. ENT."))
        read = ReadOptions(
            grouping=Grouping(self.groupBox.currentData()),
            policy=IPolicy.REJECT if self.strictTags.isChecked() else IPolicy.REPAIR,
            sentences_per_document=self.sentencesSpin.value() or None,
            columns=parsed_columns,
            join=Join(self.joinBox.currentData()),
            offsets=OffsetUnit(self.offsetsBox.currentData()),
            discontinuous=Discontinuous(self.discontinuousBox.currentData()),
            untyped_label=untyped,
            tag_map=self._tag_map(),
            webanno_layer=self.layerEdit.text().strip() or None,
            webanno_feature=self.featureEdit.text().strip() or None,
            text_column=self.textColumnEdit.text().strip() or None,
        )
        return ImportOptions(
            format=self.format(),
            read=read,
            spans_as=SpansAs(self.spansAsBox.currentData()),
            duplicates=Duplicates(self.duplicatesBox.currentData()),
        )

    def _tag_map(self) -> dict[str, str]:
        spec = self.tagMapEdit.text().replace("，", ",")
        pairs = [p.strip() for p in spec.split(",") if p.strip()]
        if not pairs or not all("=" in p and all(s.strip() for s in p.split("=", 1)) for p in pairs):
            said = self.tr("Word/tag entities: expected TAG=LABEL pairs, e.g. nr=PER,ns=LOC,nt=ORG")
            raise ImportOptionError(said)
        tags = [p.split("=", 1)[0].strip() for p in pairs]
        if twice := next((t for t in tags if tags.count(t) > 1), None):
            said = self.tr("Word/tag entities: the tag {0} is mapped twice; give it one label")
            raise ImportOptionError(said.format(twice))
        return {tag.strip(): label.strip() for tag, label in (p.split("=", 1) for p in pairs)}
