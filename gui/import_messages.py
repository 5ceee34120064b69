"""Why the importer refused a file (and what it noted on the way: ``gui/import_notes.py``), or why a span or
a change of the team was refused, in the window's language: a refusal carries a kind and its values
(``model.reasons``); each kind's English template is marked here for ``pyside6-lupdate`` (context
``ImportMessages``; a test keeps them the same as the core's) and said with Qt's translator, the values (the
file's own words, tokens, labels, counts) as they are. A refusal without a kind, a kind this module does not
know, or a translation that lost a placeholder keeps its English: never an empty message, never a crash. In
English every message is ``str(exc)`` to the letter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.database_messages import render_fault
from gui.export_words import EXPORT_WORDS
from gui.format_words import FORMAT_WORDS
from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_notes import NOTE_WORDS
from gui.import_preview import PREVIEW_WORDS
from gui.label_words import LABEL_WORDS
from model.reasons import Reason, Said
from model.reasons import ReasonKind as K
from storage.types import ImportFormatError

CONTEXT = "ImportMessages"
WHERE_LINE = QT_TRANSLATE_NOOP("ImportMessages", "{0}, line {1}: {2}")  # file, line, why
WHERE = QT_TRANSLATE_NOOP("ImportMessages", "{0}: {1}")  # file, why
WORDS: dict[K, str] = {
    K.CANNOT_READ: QT_TRANSLATE_NOOP("ImportMessages", "cannot be read: {error}"),
    K.NOT_FOUND: QT_TRANSLATE_NOOP("ImportMessages", "does not exist"),
    K.NOT_A_FILE_FOLDER: QT_TRANSLATE_NOOP("ImportMessages", "is a folder, not a file"),
    K.NOT_A_FILE_SPECIAL: QT_TRANSLATE_NOOP(
        "ImportMessages", "is not a regular file (a pipe, a device or a socket): only files are read"
    ),
    K.BAD_BOM: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "starts with a {codec} byte-order mark but is not valid {codec}",
    ),
    K.BINARY_NUL: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "looks like a binary file (it contains NUL bytes), not text",
    ),
    K.UTF16_BROKEN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "is {codec} text without a byte-order mark, but it breaks at byte offset {offset} (cut short "
        "or damaged there); correct that line or save the file as UTF-8 and import it again",
    ),
    K.BINARY_CONTROLS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "looks like a binary file (control characters), not text",
    ),
    K.UNDECODABLE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "cannot be decoded as UTF-8, UTF-16 or GB18030: read as {encoding}, it breaks at byte "
        "0x{byte:02x} (byte offset {offset}); correct that line or save the file as UTF-8 and "
        "import it again",
    ),
    K.NUL_CHARACTER: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "holds a NUL character (U+0000), which cannot be stored; remove it and import again",
    ),
    K.INNER_BOM_LINE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has a byte-order mark (U+FEFF) inside a line: it looks like several files joined"
        " together; a byte-order mark is never text",
    ),
    K.INNER_BOM_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has a byte-order mark (U+FEFF) inside its text: it looks like several files "
        "joined together; a byte-order mark is never text",
    ),
    K.INNER_BOM_BRAT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has a byte-order mark (U+FEFF) inside its text; a byte-order mark is never text",
    ),
    K.EMPTY_ARTICLE: QT_TRANSLATE_NOOP("ImportMessages", "is empty: there is no article to import"),
    K.NO_DOCUMENT: QT_TRANSLATE_NOOP("ImportMessages", "holds no document: it is empty or only whitespace"),
    K.STORE_FAILED: QT_TRANSLATE_NOOP("ImportMessages", "could not be stored: {problem}"),
    K.PART_TEXT: QT_TRANSLATE_NOOP("ImportMessages", "the text"),
    K.PART_TITLE: QT_TRANSLATE_NOOP("ImportMessages", "the title"),
    K.PART_METADATA: QT_TRANSLATE_NOOP("ImportMessages", "the metadata"),
    K.PART_FILE_NAME: QT_TRANSLATE_NOOP("ImportMessages", "the file name"),
    K.NUL_IN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{part} holds a NUL character (U+0000), which cannot be stored; remove it and import again",
    ),
    K.LONE_SURROGATE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        '{part} holds a lone surrogate (U+{code:04X}, e.g. a JSON "\\u{code:04x}" escape '
        "without its pair), which is not valid Unicode text",
    ),
    K.LABEL_NOT_STRING: QT_TRANSLATE_NOOP("ImportMessages", "a label must be a string, not {name!r}"),
    K.LABEL_EMPTY: QT_TRANSLATE_NOOP("ImportMessages", "a label cannot be empty"),
    K.LABEL_TOO_LONG: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the label {start!r}… is {length} characters long (at most {limit})",
    ),
    K.LABEL_WHITESPACE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the label {name!r} contains whitespace (U+{code:04X}); a label is one token "
        "without whitespace or control characters",
    ),
    K.LABEL_CONTROL: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the label {name!r} contains a control character (U+{code:04X}); a label is one "
        "token without whitespace or control characters",
    ),
    K.LABEL_INVISIBLE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the label {name!r} contains an invisible character (U+{code:04X}); a label is one "
        "token without whitespace, control or invisible characters",
    ),
    K.BAD_JSON: QT_TRANSLATE_NOOP("ImportMessages", "is not valid JSON ({problem}, column {column})"),
    K.JSON_DUPLICATE_KEY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "names the key {key!r} twice in one object: which of its values is meant cannot be known",
    ),
    K.JSON_CONSTANT: QT_TRANSLATE_NOOP(
        "ImportMessages", "holds {name}, which is not a JSON value (JSON has no NaN or Infinity)"
    ),
    K.JSON_NUMBER_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ImportMessages", "holds the number {number}, too large to be read (it would be infinite)"
    ),
    K.JSON_TOO_DEEP: QT_TRANSLATE_NOOP("ImportMessages", "nests arrays or objects too deeply to be read"),
    K.JSON_NUMBER_TOO_LONG: QT_TRANSLATE_NOOP(
        "ImportMessages", "holds a number too long to be read (more than 4300 digits)"
    ),
    K.JSON_TRAILING: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has more after its JSON value: one object per line is JSON Lines (--format jsonl)",
    ),
    K.JSON_SEPARATOR: QT_TRANSLATE_NOOP(
        "ImportMessages", "is not valid JSON (expected ',' or ']' between items)"
    ),
    K.NOT_AN_OBJECT: QT_TRANSLATE_NOOP("ImportMessages", 'each item must be a JSON object with a "text" key'),
    K.EMPTY_TEXT: QT_TRANSLATE_NOOP("ImportMessages", 'has an empty "text"'),
    K.NO_TEXT: QT_TRANSLATE_NOOP("ImportMessages", 'has no "text" string'),
    K.SPANS_NOT_A_LIST: QT_TRANSLATE_NOOP("ImportMessages", '"{key}" must be a list of spans'),
    K.OFFSET_NOT_INTEGER: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span offsets must be integers, got {name} {value!r} in {item!r}",
    ),
    K.SPAN_NO_LABEL: QT_TRANSLATE_NOOP("ImportMessages", "span [{start}, {end}] has no label"),
    K.SPAN_TOO_SHORT: QT_TRANSLATE_NOOP("ImportMessages", "a span must be [start, end, label], got {item!r}"),
    K.SPAN_NOT_A_LIST: QT_TRANSLATE_NOOP(
        "ImportMessages", "a span must be a list or an object, got {item!r}"
    ),
    K.CLUENER_LABEL: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "CLUENER label {label!r} must map mentions to [[start, end], ...], got {mentions!r}",
    ),
    K.CLUENER_MENTION: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "CLUENER mention {mention!r} must have a list of [start, end] pairs, got {places!r}",
    ),
    K.CLUENER_PLACE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "CLUENER mention {mention!r}: expected [start, end_inclusive], got {place!r}",
    ),
    K.LS_NOT_A_LIST: QT_TRANSLATE_NOOP(
        "ImportMessages", 'Label Studio "{key}" must be a list, got {value!r}'
    ),
    K.LS_RESULT: QT_TRANSLATE_NOOP("ImportMessages", 'Label Studio "result" must be a list, got {results!r}'),
    K.LS_TEXT_FIELD: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'Label Studio task: cannot tell which of its data fields {fields!r} is the text (expected "text")',
    ),
    K.LS_DIFFERING: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Label Studio task {task} has {count} annotations that differ; newstag takes one "
        "set of labels per document: export one annotator's annotations",
    ),
    K.UTF16_SPLIT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}, {label!r}] does not fit the text in UTF-16 code units "
        "({units} of them; an offset may split an emoji)",
    ),
    K.SPAN_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}, {label!r}] is out of range for a text of {length} characters",
    ),
    K.SPAN_OUT_OF_RANGE_UTF16: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}, {label!r}] is out of range for a text of {length} characters counted in "
        "code points, as spaCy counts; counted in UTF-16 code units (a JavaScript tool's count), every span "
        "of the line fits: if the file was made so, import it with --offsets utf16",
    ),
    K.SPAN_EMPTY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}, {label!r}] covers nothing: its end must come after its start",
    ),
    K.SPAN_TEXT_DIFFERS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}] covers {covered!r}, but the file says {stated!r}",
    ),
    K.NOT_WORD_TAG: QT_TRANSLATE_NOOP("ImportMessages", "expected word/tag, got {token!r}"),
    K.NESTED_BRACKET: QT_TRANSLATE_NOOP("ImportMessages", "a '[' inside another bracket: {token!r}"),
    K.STRAY_CLOSE: QT_TRANSLATE_NOOP("ImportMessages", "a ']{tag}' closes no '[': {token!r}"),
    K.UNCLOSED_BRACKET: QT_TRANSLATE_NOOP("ImportMessages", "a '[' is never closed by ']tag' on its line"),
    K.PD_NO_ID: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a People's Daily line must start with its id (like 19980101-01-001-001/m), got {token!r}",
    ),
    K.NO_ROWS: QT_TRANSLATE_NOOP("ImportMessages", "has no token rows: there is nothing to import"),
    K.COLUMNS_NAMED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "--columns names {named} column(s), but the rows have {width}: {row!r}",
    ),
    K.NO_TAG_COLUMN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "expected a token, a tab (or space) and a tag, got {row!r}",
    ),
    K.COLUMNS_UNFIT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "columns TOKEN={token}, TAG={tag} do not fit rows of {width} column(s): {row!r}",
    ),
    K.MIXED_TYPED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "mixes tags with a type (line {typed}) and without one (line {untyped})",
    ),
    K.TOO_MANY_COLUMNS: QT_TRANSLATE_NOOP(
        "ImportMessages", "has more than {most} columns: it is not a CoNLL row (a token and its tags)"
    ),
    K.COLUMN_COUNT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has {count} column(s) where the rows before it have {width} (line {first}): {row!r}",
    ),
    K.COLUMN_COUNT_AGAIN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has {count} column(s) where the rows before it have {width}",
    ),
    K.EMPTY_TOKEN: QT_TRANSLATE_NOOP("ImportMessages", "has an empty token: {row!r}"),
    K.TOKEN_EDGE_SPACE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has a token with whitespace at its edge, {token!r} (a column padded with spaces?): it would be "
        "text, and a span over the token would cover it; a token is the column between the tabs, without "
        "spaces around it: {row!r}",
    ),
    K.MIXED_SCHEMES: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "mixes tag schemes: I- tags (BIO/BIOES, first at line {inside}) and M- tags "
        "(BMES, first at line {middle})",
    ),
    K.NOT_A_TAG: QT_TRANSLATE_NOOP(
        "ImportMessages", "{tag!r} is not a tag (O, or B-/I-/E-/S-/M- and a label)"
    ),
    K.IN_SCHEME: QT_TRANSLATE_NOOP("ImportMessages", "{problem} ({scheme} scheme)"),
    K.TAG_MALFORMED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "not a tag: {tag!r} (expected O or a prefix B/I/M/E/S and a label, e.g. B-PER)",
    ),
    K.TAG_OUTSIDE_SCHEME: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "tag {tag!r} does not belong to the {scheme} scheme",
    ),
    K.TAG_CONTINUES_NOTHING: QT_TRANSLATE_NOOP(
        "ImportMessages", "tag {tag!r} continues no open {label} entity"
    ),
    K.TAG_UNCLOSED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the {label} entity begun by {tag!r} is never closed by an E- tag ({scheme} scheme)",
    ),
    K.BRAT_NO_TEXT: QT_TRANSLATE_NOOP("ImportMessages", "has no text file {name} beside it"),
    K.BRAT_NO_ANNOTATIONS: QT_TRANSLATE_NOOP("ImportMessages", "has no annotation file {name} beside it"),
    K.BRAT_EMPTY: QT_TRANSLATE_NOOP("ImportMessages", "is empty: there is no text to annotate"),
    K.BRAT_BAD_LINE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "expected 'T<n><TAB>TYPE START END<TAB>text', got {row!r}",
    ),
    K.BRAT_BAD_OFFSETS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "bad offsets {spec!r} (expected 'START END', ';' between fragments)",
    ),
    K.BRAT_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "entity {entity} [{start}, {end}) is out of range for {name} ({length} characters)",
    ),
    K.BRAT_ID_TWICE: QT_TRANSLATE_NOOP(
        "ImportMessages", "the id {entity} is given twice (first on line {first}); brat needs each id once"
    ),
    K.BRAT_SPAN_EMPTY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "entity {entity} [{start}, {end}) covers nothing: its end must come after its start",
    ),
    K.BRAT_TEXT_DIFFERS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "entity {entity} covers {covered!r} in {name}, but the file says {stated!r} "
        "(offsets counted differently?)",
    ),
    K.BRAT_DISCONTINUOUS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "entity {entity} ({label}) is discontinuous ({spec}); newstag's spans are "
        "continuous (--discontinuous split imports each fragment as its own span)",
    ),
    K.OFFSET_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}) does not fit a text of {length} characters",
    ),
    K.OFFSET_DOCUMENT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}) does not fit document {document} ({length} characters)",
    ),
    K.NO_SUCH_PERSON: QT_TRANSLATE_NOOP("ImportMessages", "no one called {name} in this project"),
    K.ONLY_LEAD: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{name} is the project's only lead; make someone else lead first",
    ),
    K.PERSON_EXISTS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{name} is in this project already (newstag annotators set-role)",
    ),
    K.PERSON_NAME_TOO_LONG: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the name {name!r}… is {length} characters long (at most {limit})",
    ),
    K.PERSON_NAME_COMMA: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the name {name!r} has a comma, which separates names in lists; choose one without",
    ),
    K.ASSIGN_NOBODY: QT_TRANSLATE_NOOP("ImportMessages", "name at least one annotator"),
    K.OVERLAP_RANGE: QT_TRANSLATE_NOOP("ImportMessages", "overlap must be between 0 and 1, got {overlap}"),
    K.OVERLAP_NEEDS_TWO: QT_TRANSLATE_NOOP("ImportMessages", "overlap needs at least two annotators"),
    K.NO_ANNOTATOR: QT_TRANSLATE_NOOP("ImportMessages", "no annotator called {names}"),
    K.NO_SUCH_PERSON_LIST: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "no one called {name} in this project (newstag annotators list)",
    ),
    **NOTE_WORDS,  # the notes and warnings of a file read
    **PREVIEW_WORDS,  # how the preview describes a file read
    **EXPORT_WORDS,  # why an export was refused
    **LABEL_WORDS,  # why a change of the label set was refused
    **FORMAT_WORDS,  # other tools' own files: Prodigy, CoNLL-U's MISC, OntoNotes
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _word(reason: Reason) -> str:
    english = WORDS.get(reason.kind)
    return reason.template if english is None else _tr(english)


def say(reason: Reason) -> str:
    """``reason`` in the window's language (its English where a translation cannot be used)."""
    try:
        return reason.render(_word)
    except (KeyError, IndexError, ValueError):  # a translation that lost or mistyped a placeholder
        return reason.render()


def refusal_message(exc: ImportFormatError) -> str:
    """The file, the line where there is one, and why it was refused, in the window's language."""
    if exc.fault is not None:  # the database could not store it: the fault's own wording
        said = say(Reason.of(K.STORE_FAILED, problem=render_fault(exc.fault)))
    elif exc.refusal is not None:
        said = say(exc.refusal)
    else:
        return str(exc)
    try:
        if exc.line is None:
            return _tr(WHERE).format(exc.path, said)
        return _tr(WHERE_LINE).format(exc.path, exc.line, said)
    except (KeyError, IndexError, ValueError):
        return (
            WHERE.format(exc.path, said) if exc.line is None else WHERE_LINE.format(exc.path, exc.line, said)
        )


def note_message(note: str) -> str:
    """A note or warning of a file read in the window's language; one without a kind as it is."""
    return say(note.reason) if isinstance(note, Said) else note


def refused_message(exc: BaseException) -> str:
    """Any refusal in the window's language: an import's (``refusal_message``), or an error carrying a
    ``refusal`` (``OffsetError``, ``TeamError``, ``TagSequenceError``); anything else in its own words."""
    if isinstance(exc, ImportFormatError):
        return refusal_message(exc)
    refusal = getattr(exc, "refusal", None)
    return say(refusal) if isinstance(refusal, Reason) else str(exc)
