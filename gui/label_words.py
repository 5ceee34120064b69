"""Why a change of the label set was refused (someone changed it meanwhile), in the window's language: each
kind's English template of ``model.reasons`` marked for ``pyside6-lupdate`` in the context of
``gui/import_messages.py``, which says them. Label names stay as they are."""

from __future__ import annotations

from gui.i18n import QT_TRANSLATE_NOOP
from model.reasons import ReasonKind as K

LABEL_WORDS: dict[K, str] = {
    K.LABEL_HOTKEY_TAKEN: QT_TRANSLATE_NOOP(
        "ImportMessages", "hotkey {hotkey} belongs to {holder} already; give {holder} another key first"
    ),
    K.LABEL_EXISTS: QT_TRANSLATE_NOOP("ImportMessages", "the project has a label {name} already"),
    K.LABEL_UNKNOWN: QT_TRANSLATE_NOOP("ImportMessages", "the project has no label {name}"),
    K.LABEL_CANNOT_MERGE: QT_TRANSLATE_NOOP(
        "ImportMessages", "cannot merge {name} into {into}: name another label of the project"
    ),
    K.LABEL_NO_PRESET: QT_TRANSLATE_NOOP("ImportMessages", "no preset {preset!r} (choose from {presets})"),
    K.LABEL_UNMERGE_EXISTS: QT_TRANSLATE_NOOP(
        "ImportMessages", "the project has a label {name} already: nothing to undo"
    ),
    K.LABEL_NEVER_MERGED: QT_TRANSLATE_NOOP("ImportMessages", "{name} was never merged into another label"),
    K.LABEL_IN_USE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{name} is used by {spans} span(s); merge it into another label instead "
        "(newstag labels remove {name} --merge-into OTHER)",
    ),
}
