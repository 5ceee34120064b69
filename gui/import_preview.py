"""How the import preview describes a file read (``FileReport.variant``, ``encoding``, ``offset_unit`` and the
duplicates with other labels: each a ``Said`` of ``model.reasons``) in the window's language: each kind's
English template marked for ``pyside6-lupdate`` in the context of ``gui/import_messages.py``, which says them.
Format names (CoNLL, doccano, Label Studio) and the file's own words stay as they are."""

from __future__ import annotations

from gui.i18n import QT_TRANSLATE_NOOP
from model.reasons import ReasonKind as K

PREVIEW_WORDS: dict[K, str] = {
    K.VARIANT_CONLLU: QT_TRANSLATE_NOOP("ImportMessages", "CoNLL-U/CoNLL-X, {width} columns"),
    K.VARIANT_WEIBO: QT_TRANSLATE_NOOP("ImportMessages", "Weibo NER (character + word position)"),
    K.VARIANT_CONLL: QT_TRANSLATE_NOOP(
        "ImportMessages", "CoNLL, {width} columns, {separator}-separated, {level}"
    ),
    K.SEPARATOR_TAB: QT_TRANSLATE_NOOP("ImportMessages", "tab"),
    K.SEPARATOR_SPACE: QT_TRANSLATE_NOOP("ImportMessages", "space"),
    K.SEPARATOR_MIXED: QT_TRANSLATE_NOOP("ImportMessages", "mixed"),
    K.LEVEL_CHARACTERS: QT_TRANSLATE_NOOP("ImportMessages", "characters"),
    K.LEVEL_WORDS: QT_TRANSLATE_NOOP("ImportMessages", "words"),
    K.VARIANT_PEOPLES_DAILY: QT_TRANSLATE_NOOP("ImportMessages", "People's Daily (word/tag, articles by id)"),
    K.VARIANT_WORDTAG: QT_TRANSLATE_NOOP("ImportMessages", "word/tag, one line a document"),
    K.VARIANT_BRAT: QT_TRANSLATE_NOOP("ImportMessages", "brat standoff (.txt + .ann)"),
    K.ENCODING_BOM: QT_TRANSLATE_NOOP("ImportMessages", "{codec} (BOM)"),
    K.UNIT_CODEPOINTS: QT_TRANSLATE_NOOP("ImportMessages", "codepoints"),
    K.UNIT_UTF16: QT_TRANSLATE_NOOP("ImportMessages", "utf16"),
    K.UNITS_MIXED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "mixed ({first}: {first_count} document(s), {second}: {second_count} document(s))",
    ),
    K.DUPLICATE_DIFFERS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{source} repeats the text of {earlier} with other labels: here {here}, there {there}",
    ),
    K.NO_LABELS: QT_TRANSLATE_NOOP("ImportMessages", "no labels"),
    K.COLUMNS_ROLE: QT_TRANSLATE_NOOP(
        "ImportMessages", "--columns: unknown column role {name!r} (TOKEN or TAG)"
    ),
    K.COLUMNS_NUMBER: QT_TRANSLATE_NOOP(
        "ImportMessages", "--columns: {part!r}: the column number must be an integer"
    ),
    K.COLUMNS_ZERO: QT_TRANSLATE_NOOP(
        "ImportMessages", "--columns: columns are numbered from 1 (or -1 for the last)"
    ),
    K.COLUMNS_SAME: QT_TRANSLATE_NOOP(
        "ImportMessages", "--columns: TOKEN and TAG both name column {number}; the tag is in another column"
    ),
    K.COLUMNS_SPEC: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "--columns {spec!r}: name every column, with TOKEN and TAG once each (e.g. TOKEN,POS,CHUNK,TAG),"
        " or give their numbers (e.g. TOKEN=2,TAG=10)",
    ),
}
