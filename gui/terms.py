"""The words of the core's enumerations (a span's status and origin, a document's state, a disagreement's
kind, a review decision) in the window's language. The core's values stay English in the database and the
event log; only what is shown is translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui import i18n
from gui.i18n import QT_TRANSLATE_NOOP
from model.consistency import Finding
from model.review import Kind, Resolution
from model.spans import DEFAULT_LABELS, DocState, Label, Origin, Role, Status

CONTEXT = "Terms"
_WORDS: dict[object, str] = {
    Status.SUGGESTED: QT_TRANSLATE_NOOP("Terms", "suggested"),
    Status.ACCEPTED: QT_TRANSLATE_NOOP("Terms", "accepted"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Terms", "rejected"),
    Origin.JIEBA: QT_TRANSLATE_NOOP("Terms", "jieba"),
    Origin.RULE: QT_TRANSLATE_NOOP("Terms", "rule"),
    Origin.DICTIONARY: QT_TRANSLATE_NOOP("Terms", "dictionary"),
    Origin.PROPAGATED: QT_TRANSLATE_NOOP("Terms", "propagated"),
    Origin.MODEL: QT_TRANSLATE_NOOP("Terms", "model"),
    Origin.PRETRAINED: QT_TRANSLATE_NOOP("Terms", "pretrained"),
    Origin.HUMAN: QT_TRANSLATE_NOOP("Terms", "human"),
    Origin.IMPORTED: QT_TRANSLATE_NOOP("Terms", "imported"),
    DocState.NEW: QT_TRANSLATE_NOOP("Terms", "new"),
    DocState.IN_PROGRESS: QT_TRANSLATE_NOOP("Terms", "in progress"),
    DocState.DONE: QT_TRANSLATE_NOOP("Terms", "done"),
    Role.ANNOTATOR: QT_TRANSLATE_NOOP("Terms", "annotator"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Terms", "reviewer"),
    Role.LEAD: QT_TRANSLATE_NOOP("Terms", "lead"),
    Kind.LABEL: QT_TRANSLATE_NOOP("Terms", "label differs"),
    Kind.BOUNDARY: QT_TRANSLATE_NOOP("Terms", "boundary differs"),
    Kind.ONLY_ONE: QT_TRANSLATE_NOOP("Terms", "only one annotator marked it"),
    Kind.MIXED: QT_TRANSLATE_NOOP("Terms", "label and boundary differ"),
    Resolution.BOTH: QT_TRANSLATE_NOOP("Terms", "both"),
    Resolution.REJECT: QT_TRANSLATE_NOOP("Terms", "reject all"),
    Resolution.EDIT: QT_TRANSLATE_NOOP("Terms", "edit"),
    Finding.LABEL_VARIES: QT_TRANSLATE_NOOP("Terms", "labelled differently elsewhere"),
    Finding.UNLABELLED: QT_TRANSLATE_NOOP("Terms", "labelled elsewhere, not here"),
}


# The default labels' descriptions (a project's own descriptions are its data, shown as written)
_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Terms", "Person: real or fictional people, including transliterated names"),
    QT_TRANSLATE_NOOP("Terms", "Location: countries, regions, cities, geographic features"),
    QT_TRANSLATE_NOOP("Terms", "Organisation: governments, ministries, parties, companies, agencies"),
    QT_TRANSLATE_NOOP("Terms", "Other named things: titles in 《》, events, laws, products"),
)
_DEFAULT_DESCRIPTIONS = {label.description for label in DEFAULT_LABELS}


def description(label: Label) -> str:
    """A label's description; a default label's default description in the window's language."""
    if label.description in _DEFAULT_DESCRIPTIONS:
        return QCoreApplication.translate(CONTEXT, label.description)
    return label.description


_shown: dict[object, str] = {}  # translated once per language installed (``i18n.generation``)
_generation = [-1]


def word(value: Status | Origin | DocState | Role | Kind | Resolution | Finding) -> str:
    """``value`` as the window shows it."""
    if _generation[0] != i18n.generation:
        _shown.clear()
        _generation[0] = i18n.generation
    shown = _shown.get(value)
    if shown is None:
        english = _WORDS.get(value)
        shown = _shown[value] = QCoreApplication.translate(CONTEXT, english) if english else str(value)
    return shown


def origin_said(origin: Origin) -> str:
    """Where a span came from, labelled, for a line that lists a span's label, status and origin: “from:
    jieba”, not a bare last word that a reader cannot place."""
    return QCoreApplication.translate("Terms", "from: {0}").format(word(origin))
