"""Why input was refused, told apart for a program: a ``Reason`` is a kind and its values (the line's token,
the label, the counts, the file's own words), and ``TEMPLATES`` holds the English each kind is said in.
``str()`` of an ``ImportFormatError``, an ``OffsetError``, a ``TagSequenceError`` or a ``TeamError`` is that
English; the windows say the same kind in their own language (``gui/import_messages.py``), so the core holds
no wording but the English it has always printed. A value may itself be a ``Reason`` (a tag's problem inside
a CoNLL refusal, the part of a document that holds a NUL): it is said in the same language. Pure Python."""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from model.format_templates import FORMAT_TEMPLATES
from model.reason_kinds import ReasonKind

K = ReasonKind
TEMPLATES: dict[ReasonKind, str] = {
    K.CANNOT_READ: "cannot be read: {error}",
    K.NOT_FOUND: "does not exist",
    K.NOT_A_FILE_FOLDER: "is a folder, not a file",
    K.NOT_A_FILE_SPECIAL: "is not a regular file (a pipe, a device or a socket): only files are read",
    K.BAD_BOM: "starts with a {codec} byte-order mark but is not valid {codec}",
    K.BINARY_NUL: "looks like a binary file (it contains NUL bytes), not text",
    K.UTF16_BROKEN: "is {codec} text without a byte-order mark, but it breaks at byte offset {offset} "
    "(cut short or damaged there); correct that line or save the file as UTF-8 and import it again",
    K.BINARY_CONTROLS: "looks like a binary file (control characters), not text",
    K.UNDECODABLE: "cannot be decoded as UTF-8, UTF-16 or GB18030: read as {encoding}, it breaks at byte "
    "0x{byte:02x} (byte offset {offset}); correct that line or save the file as UTF-8 and import it again",
    K.NUL_CHARACTER: "holds a NUL character (U+0000), which cannot be stored; remove it and import again",
    K.INNER_BOM_LINE: "has a byte-order mark (U+FEFF) inside a line: it looks like several files joined "
    "together; a byte-order mark is never text",
    K.INNER_BOM_TEXT: "has a byte-order mark (U+FEFF) inside its text: it looks like several files joined "
    "together; a byte-order mark is never text",
    K.INNER_BOM_BRAT: "has a byte-order mark (U+FEFF) inside its text; a byte-order mark is never text",
    K.EMPTY_ARTICLE: "is empty: there is no article to import",
    K.NO_DOCUMENT: "holds no document: it is empty or only whitespace",
    K.STORE_FAILED: "could not be stored: {problem}",
    K.PART_TEXT: "the text",
    K.PART_TITLE: "the title",
    K.PART_METADATA: "the metadata",
    K.PART_FILE_NAME: "the file name",
    K.NUL_IN: "{part} holds a NUL character (U+0000), which cannot be stored; remove it and import again",
    K.LONE_SURROGATE: '{part} holds a lone surrogate (U+{code:04X}, e.g. a JSON "\\u{code:04x}" escape '
    "without its pair), which is not valid Unicode text",
    K.LABEL_NOT_STRING: "a label must be a string, not {name!r}",
    K.LABEL_EMPTY: "a label cannot be empty",
    K.LABEL_TOO_LONG: "the label {start!r}… is {length} characters long (at most {limit})",
    K.LABEL_WHITESPACE: "the label {name!r} contains whitespace (U+{code:04X}); a label is one token without "
    "whitespace or control characters",
    K.LABEL_CONTROL: "the label {name!r} contains a control character (U+{code:04X}); a label is one token "
    "without whitespace or control characters",
    K.LABEL_INVISIBLE: "the label {name!r} contains an invisible character (U+{code:04X}); a label is one "
    "token without whitespace, control or invisible characters",
    K.BAD_JSON: "is not valid JSON ({problem}, column {column})",
    K.JSON_DUPLICATE_KEY: "names the key {key!r} twice in one object: which of its values is meant cannot be "
    "known",
    K.JSON_CONSTANT: "holds {name}, which is not a JSON value (JSON has no NaN or Infinity)",
    K.JSON_NUMBER_TOO_LARGE: "holds the number {number}, too large to be read (it would be infinite)",
    K.JSON_TOO_DEEP: "nests arrays or objects too deeply to be read",
    K.JSON_NUMBER_TOO_LONG: "holds a number too long to be read (more than 4300 digits)",
    K.JSON_TRAILING: "has more after its JSON value: one object per line is JSON Lines (--format jsonl)",
    K.JSON_SEPARATOR: "is not valid JSON (expected ',' or ']' between items)",
    K.JSON_NOT_LINES: "is not JSON Lines (one object a line): it starts a JSON array, or one object over "
    "several lines, as a JSON file does (--format json)",
    K.NOT_AN_OBJECT: 'each item must be a JSON object with a "text" key',
    K.EMPTY_TEXT: 'has an empty "text"',
    K.NO_TEXT: 'has no "text" string',
    K.SPANS_NOT_A_LIST: '"{key}" must be a list of spans',
    K.OFFSET_NOT_INTEGER: "span offsets must be integers, got {name} {value!r} in {item!r}",
    K.SPAN_NO_LABEL: "span [{start}, {end}] has no label",
    K.SPAN_TOO_SHORT: "a span must be [start, end, label], got {item!r}",
    K.SPAN_NOT_A_LIST: "a span must be a list or an object, got {item!r}",
    K.CLUENER_LABEL: "CLUENER label {label!r} must map mentions to [[start, end], ...], got {mentions!r}",
    K.CLUENER_MENTION: "CLUENER mention {mention!r} must have a list of [start, end] pairs, got {places!r}",
    K.CLUENER_PLACE: "CLUENER mention {mention!r}: expected [start, end_inclusive], got {place!r}",
    K.LS_NOT_A_LIST: 'Label Studio "{key}" must be a list, got {value!r}',
    K.LS_RESULT: 'Label Studio "result" must be a list, got {results!r}',
    K.LS_TEXT_FIELD: "Label Studio task: cannot tell which of its data fields {fields!r} is the text "
    '(expected "text")',
    K.LS_DIFFERING: "Label Studio task {task} has {count} annotations that differ; newstag takes one set of "
    "labels per document: export one annotator's annotations",
    K.UTF16_SPLIT: "span [{start}, {end}, {label!r}] does not fit the text in UTF-16 code units ({units} of "
    "them; an offset may split an emoji)",
    K.SPAN_OUT_OF_RANGE: "span [{start}, {end}, {label!r}] is out of range for a text of {length} characters",
    K.SPAN_OUT_OF_RANGE_UTF16: "span [{start}, {end}, {label!r}] is out of range for a text of {length} "
    "characters counted in code points, as spaCy counts; counted in UTF-16 code units (a JavaScript tool's "
    "count), every span of the line fits: if the file was made so, import it with --offsets utf16",
    K.SPAN_EMPTY: "span [{start}, {end}, {label!r}] covers nothing: its end must come after its start",
    K.SPAN_TEXT_DIFFERS: "span [{start}, {end}] covers {covered!r}, but the file says {stated!r}",
    K.PRODIGY_ANSWER: 'a Prodigy "answer" is "accept", "reject" or "ignore", not {answer!r}',
    K.PRODIGY_BINARY: "a binary Prodigy answer (ner.teach) accepts one suggested span {spans}, not the "
    "entities of the whole text, whose others were never looked at: make complete annotations of such "
    "answers with Prodigy's ner.silver-to-gold and import that dataset",
    K.PRODIGY_VIEW: 'a Prodigy task of the "{view}" interface marks no entity spans (ner_manual and '
    "spans_manual do)",
    K.PRODIGY_TOKENS: "span [{start}, {end}, {label!r}] does not cover its tokens {first} to {last} "
    "(they are at {expected}): which of the two is right cannot be known",
    K.NOT_WORD_TAG: "expected word/tag, got {token!r}",
    K.NESTED_BRACKET: "a '[' inside another bracket: {token!r}",
    K.STRAY_CLOSE: "a ']{tag}' closes no '[': {token!r}",
    K.UNCLOSED_BRACKET: "a '[' is never closed by ']tag' on its line",
    K.PD_NO_ID: "a People's Daily line must start with its id (like 19980101-01-001-001/m), got {token!r}",
    K.NO_ROWS: "has no token rows: there is nothing to import",
    K.COLUMNS_NAMED: "--columns names {named} column(s), but the rows have {width}: {row!r}",
    K.NO_TAG_COLUMN: "expected a token, a tab (or space) and a tag, got {row!r}",
    K.COLUMNS_UNFIT: "columns TOKEN={token}, TAG={tag} do not fit rows of {width} column(s): {row!r}",
    K.MIXED_TYPED: "mixes tags with a type (line {typed}) and without one (line {untyped})",
    K.TOO_MANY_COLUMNS: "has more than {most} columns: it is not a CoNLL row (a token and its tags)",
    K.COLUMN_COUNT: "has {count} column(s) where the rows before it have {width} (line {first}): {row!r}",
    K.COLUMN_COUNT_AGAIN: "has {count} column(s) where the rows before it have {width}",
    K.EMPTY_TOKEN: "has an empty token: {row!r}",
    K.TOKEN_EDGE_SPACE: "has a token with whitespace at its edge, {token!r} (a column padded with spaces?): "
    "it would be text, and a span over the token would cover it; a token is the column between the tabs, "
    "without spaces around it: {row!r}",
    K.MISC_NO_TAG: "has no {key}= tag in its MISC column ({misc!r}), where the file keeps its tags there: "
    "a row without one was never annotated",
    K.ONTONOTES_DOC_OPEN: "the <DOC> begun on line {first} is not closed by </DOC>",
    K.ONTONOTES_DOC_STRAY: 'a </DOC> closes no <DOC DOCNO="…">',
    K.ONTONOTES_OUTSIDE: 'text outside a <DOC DOCNO="…"> … </DOC>: {row!r}',
    K.ONTONOTES_STRAY_CLOSE: "a </ENAMEX> closes no <ENAMEX>",
    K.ONTONOTES_EMPTY: 'the <ENAMEX TYPE="{label}"> covers no text (S_OFF/E_OFF beyond its words?)',
    K.ONTONOTES_NESTED: "an <ENAMEX> inside another: {tag!r}",
    K.ONTONOTES_UNCLOSED: 'the <ENAMEX TYPE="{label}"> is not closed on its line',
    K.ONTONOTES_BAD_TAG: "{tag!r} is not OntoNotes name markup "
    '(<ENAMEX TYPE="…"> with S_OFF or E_OFF, </ENAMEX>)',
    K.WARN_ONTONOTES_OFFSETS: "{count} name(s) with S_OFF/E_OFF begin or end inside a word: read as "
    "starting S_OFF characters into the first word and ending E_OFF characters before the end of the last "
    "(first at line {line}); CoNLL-2012 widens them to whole words",
    K.VARIANT_ONTONOTES: "OntoNotes .name (ENAMEX markup)",
    K.BOSON_STRAY_CLOSE: 'a "}}}}" closes no "{{{{": {row!r}',
    K.BOSON_UNCLOSED: 'a "{{{{" is not closed by "}}}}" on its line: {row!r}',
    K.BOSON_NESTED: 'a "{{{{" inside another: {row!r}',
    K.BOSON_BAD_TYPE: "{row!r} is not a BosonNLP name ({{{{type:name}}}}, the type one of person_name, "
    "location, org_name, company_name, product_name, time)",
    K.BOSON_EMPTY: "the name {row!r} holds no text",
    K.NOTE_BOSON_BREAKS: '{count} "\\n" (the released file\'s paragraph breaks inside a line) were read as '
    "line breaks",
    K.NOTE_BOSON_SPACES: "{count} name(s) with spaces inside their braces ({{{{person_name: 施宇翔}}}}): the "
    "spaces were left out of the text",
    K.VARIANT_BOSON: "BosonNLP NER ({{{{type:name}}}} inline)",
    K.MIXED_SCHEMES: "mixes tag schemes: I- tags (BIO/BIOES, first at line {inside}) and M- tags (BMES, "
    "first at line {middle})",
    K.NOT_A_TAG: "{tag!r} is not a tag (O, or B-/I-/E-/S-/M- and a label)",
    K.IN_SCHEME: "{problem} ({scheme} scheme)",
    K.TAG_MALFORMED: "not a tag: {tag!r} (expected O or a prefix B/I/M/E/S and a label, e.g. B-PER)",
    K.TAG_OUTSIDE_SCHEME: "tag {tag!r} does not belong to the {scheme} scheme",
    K.TAG_CONTINUES_NOTHING: "tag {tag!r} continues no open {label} entity",
    K.TAG_UNCLOSED: "the {label} entity begun by {tag!r} is never closed by an E- tag ({scheme} scheme)",
    K.BRAT_NO_TEXT: "has no text file {name} beside it",
    K.BRAT_NO_ANNOTATIONS: "has no annotation file {name} beside it",
    K.BRAT_EMPTY: "is empty: there is no text to annotate",
    K.BRAT_BAD_LINE: "expected 'T<n><TAB>TYPE START END<TAB>text', got {row!r}",
    K.BRAT_BAD_OFFSETS: "bad offsets {spec!r} (expected 'START END', ';' between fragments)",
    K.BRAT_OUT_OF_RANGE: "entity {entity} [{start}, {end}) is out of range for {name} ({length} characters)",
    K.BRAT_SPAN_EMPTY: "entity {entity} [{start}, {end}) covers nothing: its end must come after its start",
    K.BRAT_ID_TWICE: "the id {entity} is given twice (first on line {first}); brat needs each id once",
    K.BRAT_TEXT_DIFFERS: "entity {entity} covers {covered!r} in {name}, but the file says {stated!r} "
    "(offsets counted differently?)",
    K.BRAT_DISCONTINUOUS: "entity {entity} ({label}) is discontinuous ({spec}); newstag's spans are "
    "continuous (--discontinuous split imports each fragment as its own span)",
    K.OFFSET_TEXT: "span [{start}, {end}) does not fit a text of {length} characters",
    K.OFFSET_DOCUMENT: "span [{start}, {end}) does not fit document {document} ({length} characters)",
    K.NO_SUCH_PERSON: "no one called {name} in this project",
    K.ONLY_LEAD: "{name} is the project's only lead; make someone else lead first",
    K.PERSON_EXISTS: "{name} is in this project already (newstag annotators set-role)",
    K.PERSON_NAME_TOO_LONG: "the name {name!r}… is {length} characters long (at most {limit})",
    K.PERSON_NAME_COMMA: "the name {name!r} has a comma, which separates names in lists; choose one without",
    K.NOTE_OFFSETS_OPTION: "offsets read as {unit} (--offsets)",
    K.NOTE_NOT_IMPORTED: "{count} {what} were not imported",
    K.PART_NOT_SPANS: "result(s) that are not text spans with labels (relations, choices, text areas)",
    K.PART_PREDICTIONS: "prediction(s) (pre-annotations, not anyone's decisions)",
    K.PART_PRODIGY_REJECTED: 'Prodigy task(s) answered "reject" (their spans are not entities)',
    K.PART_PRODIGY_IGNORED: 'Prodigy task(s) answered "ignore" (skipped by the annotator)',
    K.WARN_OFFSET_UNIT: "{count} document(s) (line(s) {lines}) hold characters outside the "
    "BMP (emoji, rare hanzi) before a span, and their spans carry no "
    "text to tell the offset unit: read as code points; if the file "
    "came from doccano's annotation screen or an older Label Studio, "
    "import it with --offsets utf16",
    K.WARN_OFFSET_UNIT_BOTH: "{count} document(s) (line(s) {lines}) have spans whose own text is "
    "found at their offsets counted both in code points and in UTF-16 code "
    "units (after characters outside the BMP: emoji, rare hanzi): read as "
    "code points, as Label Studio and doccano's API count; if the file came "
    "from doccano's annotation screen or an older Label Studio, import it "
    "with --offsets utf16",
    K.NOTE_BOM_JOINED: "a byte-order mark at line {line} was read as the start of a second"
    " file joined to this one",
    K.NOTE_BOM_SECOND: "a byte-order mark at line {line} was read as the start of a second file",
    K.NOTE_BOM_DOCUMENT: "a byte-order mark at line {line} was read as the start of a second"
    " file joined to this one (a new document)",
    K.NOTE_TAG_MAP: "entities from the tags {mapping} and […]tag brackets (--tag-map)",
    K.NOTE_NAMES_MERGED: "{count} surname + given name pair(s) (adjacent nr words) were read"
    " as one person each",
    K.NOTE_NESTED: "{count} entity(ies) inside a […] bracket entity were left out: the"
    " bracket's entity covers them",
    K.NOTE_WEIBO: "every token is a character followed by its position in its word "
    "(Weibo NER's convention): the digits were dropped from the text",
    K.NOTE_UNTYPED: "tags without a type (B, I, O) were read as the label {label!r} (--untyped-label)",
    K.NOTE_JOIN_SPACE: "tokens are words: joined with a space (--join none to join them without)",
    K.NOTE_JOIN_PAIRS: "tokens are words: joined without a space, except between two Latin"
    " words (--join space|none)",
    K.NOTE_BRAT_IGNORED: "{path}: {count} line(s) that are not entities (relations, events, "
    "attributes, notes) were ignored",
    K.NOTE_BRAT_TRIGGERS: "{path}: {count} event trigger(s) (named by E lines) were skipped: "
    "they are not entities",
    K.NOTE_BRAT_TRIGGERS_CONF: "{path}: {count} event trigger(s) (named by E lines and "
    "annotation.conf's [events]) were skipped: they are not entities",
    K.NOTE_BRAT_SPLIT: "{path}: {count} discontinuous entity(ies) were imported as one "
    "span per fragment (--discontinuous refuse to refuse them)",
    K.NOTE_COMMENTS: "{count} comment line(s) (starting with #, not a token and a tag) were passed over",
    K.NOTE_MULTIWORD: "{count} CoNLL-U multiword-token or empty-node row(s) were left out"
    " (their words are read)",
    K.NOTE_MISC_TAGS: "the tags were read from the MISC column's {key}= values",
    K.WARN_REPAIRED: "{count} inside tag(s) with no entity to continue were read as "
    "entity starts (first at line {line}; --strict-tags refuses them)",
    K.NOTE_IOB1: "the tags are IOB1, as in the original CoNLL-2003 files: an I- tag after O or another type "
    "starts an entity, B- only parts two adjacent entities of one type ({count} entities so started, the "
    "first at line {line}; --strict-tags refuses them)",
    K.WARN_UNCLOSED: "{count} {scheme} entity(ies) that no E- tag closes were read as ending at their last "
    "tag (first at line {line}; --strict-tags refuses them)",
    K.WARN_DUPLICATE_SPANS: "{path}, line {line}: {count} exact duplicate span(s) in one "
    "document stored once",
    K.VARIANT_CONLLU: "CoNLL-U/CoNLL-X, {width} columns",
    K.VARIANT_WEIBO: "Weibo NER (character + word position)",
    K.VARIANT_CONLL: "CoNLL, {width} columns, {separator}-separated, {level}",
    K.SEPARATOR_TAB: "tab",
    K.SEPARATOR_SPACE: "space",
    K.SEPARATOR_MIXED: "mixed",
    K.LEVEL_CHARACTERS: "characters",
    K.LEVEL_WORDS: "words",
    K.VARIANT_PEOPLES_DAILY: "People's Daily (word/tag, articles by id)",
    K.VARIANT_WORDTAG: "word/tag, one line a document",
    K.VARIANT_BRAT: "brat standoff (.txt + .ann)",
    K.ENCODING_BOM: "{codec} (BOM)",
    K.UNIT_CODEPOINTS: "codepoints",
    K.UNIT_UTF16: "utf16",
    K.UNITS_MIXED: "mixed ({first}: {first_count} document(s), {second}: {second_count} document(s))",
    K.DUPLICATE_DIFFERS: "{source} repeats the text of {earlier} with other labels: here {here}, "
    "there {there}",
    K.NO_LABELS: "no labels",
    K.ASSIGN_NOBODY: "name at least one annotator",
    K.OVERLAP_RANGE: "overlap must be between 0 and 1, got {overlap}",
    K.OVERLAP_NEEDS_TWO: "overlap needs at least two annotators",
    K.NO_ANNOTATOR: "no annotator called {names}",
    K.NO_SUCH_PERSON_LIST: "no one called {name} in this project (newstag annotators list)",
    K.COLUMNS_ROLE: "--columns: unknown column role {name!r} (TOKEN or TAG)",
    K.COLUMNS_NUMBER: "--columns: {part!r}: the column number must be an integer",
    K.COLUMNS_ZERO: "--columns: columns are numbered from 1 (or -1 for the last)",
    K.COLUMNS_SAME: "--columns: TOKEN and TAG both name column {number}; the tag is in another column",
    K.COLUMNS_SPEC: "--columns {spec!r}: name every column, with TOKEN and TAG once each "
    "(e.g. TOKEN,POS,CHUNK,TAG), or give their numbers (e.g. TOKEN=2,TAG=10)",
    K.THERE_FOLDER: "a folder with {entries:,} file(s) and folder(s) in it",
    K.THERE_FILE: "a file",
    K.THERE_LINK: "a symbolic link to {target}, which is replaced, not what it leads to",
    K.EXPORT_IS_FILE: "{path} is a file: this export writes a folder",
    K.EXPORT_IS_FOLDER: "{path} is a folder: give the name of the file to write",
    K.EXPORT_IS_DATABASE: "{path} is this project's database: an export never writes over it; choose another "
    "name",
    K.EXPORT_HOLDS_DATABASE: "{path} holds this project's database ({database}): an export never replaces "
    "it; choose another folder",
    K.EXPORT_HOLDS_PLACE: "{path} is or holds {place} (the current folder, the home folder or a disk's "
    "root): an export replaces its folder as a whole, and never that one; name a new folder inside it "
    "instead",
    K.EXPORT_CANNOT_WRITE: "cannot write in {parent}: {error}",
    K.EXPORT_UNKNOWN_ANNOTATOR: "unknown annotator {name!r} (annotators: {known})",
    K.NOBODY: "none",
    K.EXPORT_NEEDS_ANNOTATOR: "an annotator is needed for this export (their labels, or their document "
    "states)",
    K.EXPORT_UNKNOWN_MAPPED: "unknown label(s) in the mapping: {unknown} (the project's labels: {known})",
    K.EXPORT_UNKNOWN_LABELS: "unknown label(s) to export: {missing} (available after mapping: {available})",
    K.EXPORT_BAD_NAME: "cannot export under that name: {problem}; map it to another name",
    K.EXPORT_NOT_A_TAG: "the label {label!r} cannot be written as a CoNLL tag (it contains whitespace or the "
    "separator {separator!r}); map it to another name",
    K.EXPORT_NOTHING_LABELLED: "nothing to export: none of the {chosen} document(s) chosen has a label in "
    "this layer",  # each front end adds how to keep them: its own option or checkbox
    K.EXPORT_NO_DOCUMENTS: "nothing to export: no document is chosen (the project, or the states asked for, "
    "hold none)",
    K.LABEL_HOTKEY_TAKEN: "hotkey {hotkey} belongs to {holder} already; give {holder} another key first",
    K.LABEL_EXISTS: "the project has a label {name} already",
    K.LABEL_UNKNOWN: "the project has no label {name}",
    K.LABEL_CANNOT_MERGE: "cannot merge {name} into {into}: name another label of the project",
    K.LABEL_NO_PRESET: "no preset {preset!r} (choose from {presets})",
    K.LABEL_UNMERGE_EXISTS: "the project has a label {name} already: nothing to undo",
    K.LABEL_NEVER_MERGED: "{name} was never merged into another label",
    K.LABEL_IN_USE: "{name} is used by {spans} span(s); merge it into another label instead "
    "(newstag labels remove {name} --merge-into OTHER)",
}
TEMPLATES.update(FORMAT_TEMPLATES)


@dataclass(frozen=True, slots=True)
class Reason:
    """One refusal: its kind and the values its wording names. Never hashed (the values may be lists)."""

    kind: ReasonKind
    params: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, reason_kind: ReasonKind, /, **params: object) -> Reason:
        return cls(reason_kind, params)

    @property
    def template(self) -> str:
        return TEMPLATES[self.kind]

    def render(self, word: Callable[[Reason], str] | None = None) -> str:
        """The wording: ``word`` says this reason's kind (a template with ``{name}`` placeholders); by
        default the English of ``TEMPLATES``, which is what ``str()`` of the exception says. A value that is
        itself a ``Reason`` is said the same way first."""
        said = word or _english
        values = {k: v.render(word) if isinstance(v, Reason) else v for k, v in self.params.items()}
        return _fill(said(self), values)

    def __str__(self) -> str:
        return self.render()


QUOTED_AT_MOST = 200  # characters of a value quoted from the input ({row!r}): a 50 MB line is not a message


def _fill(template: str, values: Mapping[str, object]) -> str:
    """``template.format(**values)``, except that a value quoted with ``!r`` (a row, a token, a label from the
    file) is cut after ``QUOTED_AT_MOST`` characters, with an ellipsis."""
    formatter = string.Formatter()
    out: list[str] = []
    for literal, name, spec, conversion in formatter.parse(template):
        out.append(literal)
        if name is None:
            continue
        value = formatter.get_field(name, (), values)[0]
        if conversion == "r":
            quoted = repr(value[: QUOTED_AT_MOST + 1] if isinstance(value, str) else value)
            value = quoted if len(quoted) <= QUOTED_AT_MOST else quoted[:QUOTED_AT_MOST] + "…"
        elif conversion is not None:
            value = formatter.convert_field(value, conversion)
        out.append(formatter.format_field(value, formatter.format(spec or "", **values)))
    return "".join(out)


def _english(reason: Reason) -> str:
    return reason.template


class Said(str):
    """A note or warning of a file read: the English words (it is that ``str``, as the command line prints
    it) that keep their ``reason``, for a window to say in its own language."""

    reason: Reason

    def __new__(cls, reason: Reason) -> Said:
        said = super().__new__(cls, reason.render())
        said.reason = reason
        return said

    def __getnewargs__(self) -> tuple[Reason]:  # type: ignore[override]
        return (self.reason,)


def said(reason_kind: ReasonKind, /, **params: object) -> Said:
    return Said(Reason(reason_kind, params))
