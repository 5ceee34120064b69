"""Why an export was refused, and what it would replace, in the window's language: each kind's English
template of ``model.reasons`` marked for ``pyside6-lupdate`` in the context of ``gui/import_messages.py``,
which says them. Paths, annotator and label names stay as they are."""

from __future__ import annotations

from gui.i18n import QT_TRANSLATE_NOOP
from model.reasons import ReasonKind as K

EXPORT_WORDS: dict[K, str] = {
    K.THERE_FOLDER: QT_TRANSLATE_NOOP(
        "ImportMessages", "a folder with {entries:,} file(s) and folder(s) in it"
    ),
    K.THERE_FILE: QT_TRANSLATE_NOOP("ImportMessages", "a file"),
    K.THERE_LINK: QT_TRANSLATE_NOOP(
        "ImportMessages", "a symbolic link to {target}, which is replaced, not what it leads to"
    ),
    K.EXPORT_IS_FILE: QT_TRANSLATE_NOOP("ImportMessages", "{path} is a file: this export writes a folder"),
    K.EXPORT_IS_FOLDER: QT_TRANSLATE_NOOP(
        "ImportMessages", "{path} is a folder: give the name of the file to write"
    ),
    K.EXPORT_IS_DATABASE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path} is this project's database: an export never writes over it; choose another name",
    ),
    K.EXPORT_HOLDS_DATABASE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path} holds this project's database ({database}): an export never replaces it; choose another "
        "folder",
    ),
    K.EXPORT_HOLDS_PLACE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path} is or holds {place} (the current folder, the home folder or a disk's root): an export "
        "replaces its folder as a whole, and never that one; name a new folder inside it instead",
    ),
    K.EXPORT_CANNOT_WRITE: QT_TRANSLATE_NOOP("ImportMessages", "cannot write in {parent}: {error}"),
    K.EXPORT_UNKNOWN_ANNOTATOR: QT_TRANSLATE_NOOP(
        "ImportMessages", "unknown annotator {name!r} (annotators: {known})"
    ),
    K.NOBODY: QT_TRANSLATE_NOOP("ImportMessages", "none"),
    K.EXPORT_NEEDS_ANNOTATOR: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "an annotator is needed for this export (their labels, or their document states)",
    ),
    K.EXPORT_UNKNOWN_MAPPED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "unknown label(s) in the mapping: {unknown} (the project's labels: {known})",
    ),
    K.EXPORT_UNKNOWN_LABELS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "unknown label(s) to export: {missing} (available after mapping: {available})",
    ),
    K.EXPORT_BAD_NAME: QT_TRANSLATE_NOOP(
        "ImportMessages", "cannot export under that name: {problem}; map it to another name"
    ),
    K.EXPORT_NOT_A_TAG: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the label {label!r} cannot be written as a CoNLL tag (it contains whitespace or the "
        "separator {separator!r}); map it to another name",
    ),
    K.EXPORT_NOTHING_LABELLED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "nothing to export: none of the {chosen} document(s) chosen has a label in this layer",
    ),
    K.EXPORT_NO_DOCUMENTS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "nothing to export: no document is chosen (the project, or the states asked for, hold none)",
    ),
}
