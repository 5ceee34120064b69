"""The notes and warnings of a file read (``ReadInfo.notes``/``warnings``: a convention recognised, rows
passed over, a choice the user may want to change) in the window's language: each kind's English template of
``model.reasons`` marked for ``pyside6-lupdate`` in the context of ``gui/import_messages.py``, which says
them. A note without a kind stays as it is."""

from __future__ import annotations

from gui.i18n import QT_TRANSLATE_NOOP
from model.reasons import ReasonKind as K

NOTE_WORDS: dict[K, str] = {
    K.NOTE_OFFSETS_OPTION: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "offsets read as {unit} (--offsets)",
    ),
    K.NOTE_NOT_IMPORTED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} {what} were not imported",
    ),
    K.PART_NOT_SPANS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "result(s) that are not text spans with labels (relations, choices, text areas)",
    ),
    K.PART_PREDICTIONS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "prediction(s) (pre-annotations, not anyone's decisions)",
    ),
    K.WARN_OFFSET_UNIT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} document(s) (line(s) {lines}) hold characters outside the BMP (emoji, "
        "rare hanzi) before a span, and their spans carry no text to tell the offset "
        "unit: read as code points; if the file came from doccano's annotation screen or "
        "an older Label Studio, import it with --offsets utf16",
    ),
    K.WARN_OFFSET_UNIT_BOTH: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} document(s) (line(s) {lines}) have spans whose own text is found at their offsets "
        "counted both in code points and in UTF-16 code units (after characters outside the BMP: "
        "emoji, rare hanzi): read as code points, as Label Studio and doccano's API count; if the "
        "file came from doccano's annotation screen or an older Label Studio, import it with "
        "--offsets utf16",
    ),
    K.NOTE_BOM_JOINED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a byte-order mark at line {line} was read as the start of a second file joined to this one",
    ),
    K.NOTE_BOM_SECOND: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a byte-order mark at line {line} was read as the start of a second file",
    ),
    K.NOTE_BOM_DOCUMENT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a byte-order mark at line {line} was read as the start of a second file joined "
        "to this one (a new document)",
    ),
    K.NOTE_TAG_MAP: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "entities from the tags {mapping} and […]tag brackets (--tag-map)",
    ),
    K.NOTE_NAMES_MERGED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} surname + given name pair(s) (adjacent nr words) were read as one person each",
    ),
    K.NOTE_NESTED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} entity(ies) inside a […] bracket entity were left out: the bracket's entity covers them",
    ),
    K.NOTE_WEIBO: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "every token is a character followed by its position in its word (Weibo NER's "
        "convention): the digits were dropped from the text",
    ),
    K.NOTE_UNTYPED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "tags without a type (B, I, O) were read as the label {label!r} (--untyped-label)",
    ),
    K.NOTE_JOIN_SPACE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "tokens are words: joined with a space (--join none to join them without)",
    ),
    K.NOTE_JOIN_PAIRS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "tokens are words: joined without a space, except between two Latin words (--join space|none)",
    ),
    K.NOTE_BRAT_IGNORED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: {count} line(s) that are not entities (relations, events, attributes, notes) were ignored",
    ),
    K.NOTE_BRAT_TRIGGERS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: {count} event trigger(s) (named by E lines) were skipped: they are not entities",
    ),
    K.NOTE_BRAT_TRIGGERS_CONF: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: {count} event trigger(s) (named by E lines and annotation.conf's "
        "[events]) were skipped: they are not entities",
    ),
    K.NOTE_BRAT_SPLIT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}: {count} discontinuous entity(ies) were imported as one span per fragment"
        " (--discontinuous refuse to refuse them)",
    ),
    K.NOTE_COMMENTS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} comment line(s) (starting with #, not a token and a tag) were passed over",
    ),
    K.NOTE_MULTIWORD: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} CoNLL-U multiword-token or empty-node row(s) were left out (their words are read)",
    ),
    K.WARN_REPAIRED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} inside tag(s) with no entity to continue were read as entity starts "
        "(first at line {line}; --strict-tags refuses them)",
    ),
    K.NOTE_IOB1: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the tags are IOB1, as in the original CoNLL-2003 files: an I- tag after O or another type starts "
        "an entity, B- only parts two adjacent entities of one type ({count} entities so started, the first "
        "at line {line}; --strict-tags refuses them)",
    ),
    K.WARN_UNCLOSED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} {scheme} entity(ies) that no E- tag closes were read as ending at their last tag "
        "(first at line {line}; --strict-tags refuses them)",
    ),
    K.WARN_DUPLICATE_SPANS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{path}, line {line}: {count} exact duplicate span(s) in one document stored once",
    ),
}
