"""The refusals and notes of the formats read from other tools' own files (Prodigy's answers, CoNLL-U with its
entities in MISC, OntoNotes ``.name`` files, BosonNLP, WebAnno TSV, YEDDA, People's Daily 2014), marked for
``pyside6-lupdate`` in the context of ``gui/import_messages.py``, which says them; each the English of
``model.reasons.TEMPLATES``."""

from __future__ import annotations

from gui.i18n import QT_TRANSLATE_NOOP
from model.reasons import ReasonKind as K

FORMAT_WORDS: dict[K, str] = {
    K.LS_HYPERTEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a Label Studio HyperText result (hypertextlabels {labels!r}): its text is a web page (HTML) and its "
        "spans are placed in the page's elements, where newstag reads plain text: label the texts in a Text "
        "project (<Text>, <Labels>) and export that",
    ),
    K.NOTE_JSON_CATEGORIES: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} document(s) (the first at line {line}) have a {key!r} list of labels of the whole text "
        "({example!r}: doccano's text-classification or sequence-to-sequence export), not entity spans: kept "
        "in each document's metadata; no span was imported from them",
    ),
    K.IOB_TOKEN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{token!r} is not a token of spaCy's .iob format: one sentence a line, every token word|TAG "
        "or word|POS|TAG with a tag (O, or B-/I-/L-/U-/E-/S-/M- and a label), as many parts as its "
        "line's first, {first!r}",
    ),
    K.VARIANT_IOB: QT_TRANSLATE_NOOP("ImportMessages", "spaCy .iob, one sentence a line, tokens {parts}"),
    K.PART_PRODIGY_REJECTED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'Prodigy task(s) answered "reject" (their spans are not entities)',
    ),
    K.PART_PRODIGY_IGNORED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'Prodigy task(s) answered "ignore" (skipped by the annotator)',
    ),
    K.PRODIGY_ANSWER: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'a Prodigy "answer" is "accept", "reject" or "ignore", not {answer!r}',
    ),
    K.PRODIGY_BINARY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a binary Prodigy answer (ner.teach) accepts one suggested span {spans}, not the entities of the "
        "whole text, whose others were never looked at: make complete annotations of such answers with "
        "Prodigy's ner.silver-to-gold and import that dataset",
    ),
    K.PRODIGY_VIEW: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'a Prodigy task of the "{view}" interface marks no entity spans (ner_manual and spans_manual do)',
    ),
    K.PRODIGY_TOKENS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "span [{start}, {end}, {label!r}] does not cover its tokens {first} to {last} (they are at "
        "{expected}): which of the two is right cannot be known",
    ),
    K.MISC_NO_TAG: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has no {key}= tag in its MISC column ({misc!r}), where the file keeps its tags there: a row "
        "without one was never annotated",
    ),
    K.NOTE_MISC_TAGS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the tags were read from the MISC column's {key}= values",
    ),
    K.JSON_NOT_LINES: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "is not JSON Lines (one object a line): it starts a JSON array, or one object over several lines, as "
        "a JSON file does (--format json)",
    ),
    K.ONTONOTES_DOC_OPEN: QT_TRANSLATE_NOOP(
        "ImportMessages", "the <DOC> begun on line {first} is not closed by </DOC>"
    ),
    K.ONTONOTES_DOC_STRAY: QT_TRANSLATE_NOOP("ImportMessages", 'a </DOC> closes no <DOC DOCNO="…">'),
    K.ONTONOTES_OUTSIDE: QT_TRANSLATE_NOOP(
        "ImportMessages", 'text outside a <DOC DOCNO="…"> … </DOC>: {row!r}'
    ),
    K.ONTONOTES_STRAY_CLOSE: QT_TRANSLATE_NOOP("ImportMessages", "a </ENAMEX> closes no <ENAMEX>"),
    K.ONTONOTES_EMPTY: QT_TRANSLATE_NOOP(
        "ImportMessages", 'the <ENAMEX TYPE="{label}"> covers no text (S_OFF/E_OFF beyond its words?)'
    ),
    K.ONTONOTES_NESTED: QT_TRANSLATE_NOOP("ImportMessages", "an <ENAMEX> inside another: {tag!r}"),
    K.ONTONOTES_UNCLOSED: QT_TRANSLATE_NOOP(
        "ImportMessages", 'the <ENAMEX TYPE="{label}"> is not closed on its line'
    ),
    K.ONTONOTES_BAD_TAG: QT_TRANSLATE_NOOP(
        "ImportMessages",
        '{tag!r} is not OntoNotes name markup (<ENAMEX TYPE="…"> with S_OFF or E_OFF, </ENAMEX>)',
    ),
    K.WARN_ONTONOTES_OFFSETS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} name(s) with S_OFF/E_OFF begin or end inside a word: read as starting S_OFF characters "
        "into the first word and ending E_OFF characters before the end of the last (first at line "
        "{line}); CoNLL-2012 widens them to whole words",
    ),
    K.VARIANT_ONTONOTES: QT_TRANSLATE_NOOP("ImportMessages", "OntoNotes .name (ENAMEX markup)"),
    K.BOSON_STRAY_CLOSE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'a "}}}}" closes no "{{{{": {row!r}',
    ),
    K.BOSON_UNCLOSED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'a "{{{{" is not closed by "}}}}" on its line: {row!r}',
    ),
    K.BOSON_NESTED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        'a "{{{{" inside another: {row!r}',
    ),
    K.BOSON_BAD_TYPE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{row!r} is not a BosonNLP name ({{{{type:name}}}}, the type one of person_name, location, "
        "org_name, company_name, product_name, time)",
    ),
    K.BOSON_EMPTY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the name {row!r} holds no text",
    ),
    K.NOTE_BOSON_BREAKS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        '{count} "\\n" (the released file\'s paragraph breaks inside a line) were read as line breaks',
    ),
    K.NOTE_BOSON_SPACES: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} name(s) with spaces inside their braces ({{{{person_name: 施宇翔}}}}): the spaces were "
        "left out of the text",
    ),
    K.VARIANT_BOSON: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "BosonNLP NER ({{{{type:name}}}} inline)",
    ),
    K.WEBANNO_VERSION: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "is not a WebAnno TSV 3.x file: its first line is {row!r} (read: WebAnno TSV 3.0 to 3.3, as "
        "INCEpTION and WebAnno 3 export them)",
    ),
    K.WEBANNO_NO_NE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has no named-entity layer "
        "(#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value) and no single custom "
        "span layer with one feature; its span layers: {layers}; choose the one that holds the "
        "labels with --layer NAME (and --feature NAME), in the Import dialog: WebAnno layer",
    ),
    K.WEBANNO_NO_VALUE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the named-entity layer has no value feature: {row!r}",
    ),
    K.WEBANNO_MISPLACED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{row!r} is out of place: a sentence is its #Text= lines, then its token rows (the first one "
        "a token, not a sub-token), then a blank line",
    ),
    K.WEBANNO_NO_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a token row before the #Text= line of its sentence: {row!r}",
    ),
    K.WEBANNO_ROW: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "not a WebAnno token row (id, begin-end, token and {columns} column(s) the header declares): {row!r}",
    ),
    K.WEBANNO_OFFSETS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the offsets {begin}-{end} do not cover the token {token!r} of this row in the text of the "
        "#Text= lines (they hold {found!r}); offsets count UTF-16 code units, as INCEpTION writes "
        "them",
    ),
    K.WEBANNO_OVERLAP: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "this sentence starts at {begin}, before the end of the one above ({end}): its #Text= lines "
        "and offsets disagree",
    ),
    K.WEBANNO_UNLABELLED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "an annotation without a label ({value!r}): give it one in INCEpTION and export again",
    ),
    K.WEBANNO_ID_LABELS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the entity [{ident}] is {first!r} here but {second!r} at line {at}",
    ),
    K.NOTE_WEBANNO_LAYERS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "layers other than the one the labels were read from were left out: {layers}",
    ),
    K.WEBANNO_NO_LAYER: QT_TRANSLATE_NOOP(
        "ImportMessages", "has no span layer {layer!r} (--layer); its span layers: {layers}"
    ),
    K.WEBANNO_WHICH_FEATURE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the layer {layer} has several features ({features}): choose the one that holds the labels "
        "with --feature NAME, in the Import dialog: WebAnno feature",
    ),
    K.WEBANNO_NO_FEATURE: QT_TRANSLATE_NOOP(
        "ImportMessages", "the layer {layer} has no feature {feature!r} (--feature); its features: {features}"
    ),
    K.WEBANNO_FEATURELESS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the layer {layer} has no feature, so nothing in it names a label: choose another layer with "
        "--layer NAME, in the Import dialog: WebAnno layer",
    ),
    K.NOTE_WEBANNO_CUSTOM: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "no named-entity layer: the labels were read from the custom layer {layer}, its feature "
        "{feature} (--layer NAME chooses another)",
    ),
    K.WARN_WEBANNO_ZERO_WIDTH: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} annotation(s) of no width (first at line {line}) were skipped: a span covers at "
        "least one character",
    ),
    K.VARIANT_WEBANNO: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "WebAnno TSV {version} (INCEpTION / WebAnno export)",
    ),
    K.YEDDA_BROKEN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a YEDDA mark ({mark}) that is not [@text#Label*]: {row!r}",
    ),
    K.YEDDA_NESTED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a YEDDA entity inside another: {row!r}",
    ),
    K.YEDDA_EMPTY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a YEDDA entity without text or label: {row!r}",
    ),
    K.WARN_YEDDA_RECOMMENDED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} entity(ies) YEDDA recommended ([$text#Label*], never confirmed by the annotator, "
        "first at line {line}) were imported like confirmed ones, as YEDDA's own export does",
    ),
    K.VARIANT_YEDDA: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "YEDDA .ann ([@text#Label*] inline)",
    ),
    K.WARN_YEDDA_LATE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "read as YEDDA: its first YEDDA mark ([@text#Label*]) is at line {line}, past the first lines; the "
        "marks were taken out of the text and stored as spans. If the file is plain text that only mentions "
        "such a mark, import it again with --format txt",
    ),
    K.NOTE_YEDDA_AS_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "read as plain text, its marks kept in the text: a YEDDA mark is at line {first}, past the first "
        "lines, but the file does not read as YEDDA (line {line}: {problem})",
    ),
    K.NOTE_SUBTAGS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "sub-tags read as their family's label: {subtags}",
    ),
    K.VARIANT_PEOPLES_DAILY_2014: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "People's Daily 2014 (word/tag, ICTCLAS tags, one line a document)",
    ),
    K.TABLE_NO_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has no column named text in its header {row!r}: a CSV or TSV file is read as a table of "
        "texts, one document a row, from its text column (as doccano exports and imports it); name "
        "the column that holds the texts with --text-column NAME (the Import dialog: Text column), "
        "or save the texts as plain text or JSON Lines",
    ),
    K.TABLE_COLUMN_TWICE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "names the column {name!r} twice in its header: which one is meant cannot be known",
    ),
    K.TABLE_FIELDS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has {count} field(s) where the header (line {header}) has {width}: {row!r}; a field that holds the "
        "separator, a quote or a line break must be in double quotes",
    ),
    K.TABLE_BROKEN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "is not a well-formed CSV row ({problem}); a field that holds the separator, a quote or a line "
        "break must be in double quotes, its quotes doubled",
    ),
    K.TABLE_SPANS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the {column} column holds spans ({value!r}), which a CSV does not carry reliably: export the "
        "project as JSONL from doccano (which exports sequence labelling as JSONL only) or as JSON from "
        "Label Studio, and import that",
    ),
    K.TABLE_EMPTY_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has an empty text (column {column})",
    ),
    K.TABLE_TAGS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the {column} column holds a tag on every row ({value!r} here), as a CoNLL file of one token a row "
        "does, not labels of whole texts: read as a table, each {text} would be a document of its own and "
        "no span would be made; remove the header, write the token and its tag separated by a tab (a blank "
        "line between sentences) and import it with --format conll",
    ),
    K.TABLE_RUNAWAY_QUOTE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a field in double quotes runs from here to line {end} holding tabs and line breaks, as a stray "
        "quote at the start of a field does: it takes in the rows after it, up to the next quote. Double a "
        'quote that belongs to the text ("") and put its field in double quotes, or save the texts as '
        "JSON Lines",
    ),
    K.TABLE_NO_NAMED_COLUMN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "has no column named {name!r} (--text-column) in its header; its columns: {columns}",
    ),
    K.TABLE_TEXT_NAMES: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "names several columns that may hold the texts ({found}) and none named text; its columns: "
        "{columns}. Say which with --text-column NAME (the Import dialog: Text column)",
    ),
    K.TABLE_STRAY_QUOTE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a field in double quotes runs from here to line {end}, and each of these lines reads as a "
        "whole row of {width} fields on its own, as when a stray quote at the start of a field "
        "takes in the rows after it, up to the next quote. Double a quote that belongs to the text "
        '("") and put its field in double quotes, or save the texts as JSON Lines',
    ),
    K.NOTE_TABLE_TEXT_NAME: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "no column is named text: the texts were read from the column {column} (--text-column NAME "
        "names another)",
    ),
    K.NOTE_TABLE_LITERAL_QUOTE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a double quote inside a field that does not start with one was read as part of the text, "
        "as Excel reads it (line {line}; {count} line(s) in all)",
    ),
    K.NOTE_TABLE_QUOTED_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a field opening with a double quote that closes before the field ends ({row!r}) was "
        "read as text, its quotes kept, the line having the header's fields so read (line {line}; {count} "
        "line(s) in all)",
    ),
    K.WARN_TABLE_QUOTED_ROWS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "a field in double quotes runs from line {line} to line {end}, and each of these lines would read "
        "as a whole row of its own: read as one text with its line breaks, as the CSV standard says "
        "({count} such field(s) in all). If a stray quote opened it, double the quotes that belong to the "
        'text ("") or save the texts as JSON Lines',
    ),
    K.NOTE_TABLE_CATEGORIES: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "the {column} column holds labels of whole documents ({example!r}: a text-classification export, "
        "categories joined by #), not entity spans: kept in each document's metadata; no span was "
        "imported",
    ),
    K.NOTE_TABLE_COLUMNS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "columns kept in each document's metadata: {columns}",
    ),
    K.VARIANT_TABLE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "table of texts: fields separated by {separator!r}, one document a row, its text from the column "
        "{column}",
    ),
    K.WARN_WEIBO_NOMINAL: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "{count} nominal mention(s) (Weibo NER's .NOM tags, like 老师, 记者: not names) "
        "were imported as labels of their own, {nominal}, apart from the names (.NAM tags: {names}); "
        "to count them as names, merge each label into its name label: newstag labels remove {example} "
        "--merge-into {into}",
    ),
}
