"""The English of the refusals and notes of WebAnno TSV, YEDDA, spaCy .iob and People's Daily 2014
files (``storage/formats/webanno.py``, ``yedda.py``, ``iob.py``, ``wordtag.py``), part of
``model.reasons.TEMPLATES``. Pure Python."""

from __future__ import annotations

from model.reason_kinds import ReasonKind as K

FORMAT_TEMPLATES: dict[K, str] = {
    K.LS_HYPERTEXT: "a Label Studio HyperText result (hypertextlabels {labels!r}): its text is a web page "
    "(HTML) and its spans are placed in the page's elements, where newstag reads plain text: label the texts "
    "in a Text project (<Text>, <Labels>) and export that",
    K.NOTE_JSON_CATEGORIES: "{count} document(s) (the first at line {line}) have a {key!r} list of labels of "
    "the whole text ({example!r}: doccano's text-classification or sequence-to-sequence export), not entity "
    "spans: kept in each document's metadata; no span was imported from them",
    K.IOB_TOKEN: "{token!r} is not a token of spaCy's .iob format: one sentence a line, every token word|TAG "
    "or word|POS|TAG with a tag (O, or B-/I-/L-/U-/E-/S-/M- and a label), as many parts as its line's "
    "first, {first!r}",
    K.VARIANT_IOB: "spaCy .iob, one sentence a line, tokens {parts}",
    K.WEBANNO_VERSION: "is not a WebAnno TSV 3.x file: its first line is {row!r} (read: WebAnno TSV 3.0 to "
    "3.3, as INCEpTION and WebAnno 3 export them)",
    K.WEBANNO_NO_NE: "has no named-entity layer "
    "(#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value) and no single custom span layer "
    "with one feature; its span layers: {layers}; choose the one that holds the labels with --layer NAME "
    "(and --feature NAME), in the Import dialog: WebAnno layer",
    K.WEBANNO_NO_VALUE: "the named-entity layer has no value feature: {row!r}",
    K.WEBANNO_MISPLACED: "{row!r} is out of place: a sentence is its #Text= lines, then its token rows (the "
    "first one a token, not a sub-token), then a blank line",
    K.WEBANNO_NO_TEXT: "a token row before the #Text= line of its sentence: {row!r}",
    K.WEBANNO_ROW: "not a WebAnno token row (id, begin-end, token and {columns} column(s) the header "
    "declares): {row!r}",
    K.WEBANNO_OFFSETS: "the offsets {begin}-{end} do not cover the token {token!r} of this row in the text "
    "of the #Text= lines (they hold {found!r}); offsets count UTF-16 code units, as INCEpTION writes them",
    K.WEBANNO_OVERLAP: "this sentence starts at {begin}, before the end of the one above ({end}): its #Text= "
    "lines and offsets disagree",
    K.WEBANNO_UNLABELLED: "an annotation without a label ({value!r}): give it one in INCEpTION and export "
    "again",
    K.WEBANNO_ID_LABELS: "the entity [{ident}] is {first!r} here but {second!r} at line {at}",
    K.NOTE_WEBANNO_LAYERS: "layers other than the one the labels were read from were left out: {layers}",
    K.WEBANNO_NO_LAYER: "has no span layer {layer!r} (--layer); its span layers: {layers}",
    K.WEBANNO_WHICH_FEATURE: "the layer {layer} has several features ({features}): choose the one that holds "
    "the labels with --feature NAME, in the Import dialog: WebAnno feature",
    K.WEBANNO_NO_FEATURE: "the layer {layer} has no feature {feature!r} (--feature); its features: "
    "{features}",
    K.WEBANNO_FEATURELESS: "the layer {layer} has no feature, so nothing in it names a label: choose another "
    "layer with --layer NAME, in the Import dialog: WebAnno layer",
    K.NOTE_WEBANNO_CUSTOM: "no named-entity layer: the labels were read from the custom layer {layer}, its "
    "feature {feature} (--layer NAME chooses another)",
    K.WARN_WEBANNO_ZERO_WIDTH: "{count} annotation(s) of no width (first at line {line}) were skipped: a "
    "span covers at least one character",
    K.VARIANT_WEBANNO: "WebAnno TSV {version} (INCEpTION / WebAnno export)",
    K.YEDDA_BROKEN: "a YEDDA mark ({mark}) that is not [@text#Label*]: {row!r}",
    K.YEDDA_NESTED: "a YEDDA entity inside another: {row!r}",
    K.YEDDA_EMPTY: "a YEDDA entity without text or label: {row!r}",
    K.WARN_YEDDA_RECOMMENDED: "{count} entity(ies) YEDDA recommended ([$text#Label*], never confirmed by "
    "the annotator, first at line {line}) were imported like confirmed ones, as YEDDA's own export does",
    K.VARIANT_YEDDA: "YEDDA .ann ([@text#Label*] inline)",
    K.WARN_YEDDA_LATE: "read as YEDDA: its first YEDDA mark ([@text#Label*]) is at line {line}, past the "
    "first lines; the marks were taken out of the text and stored as spans. If the file is plain text that "
    "only mentions such a mark, import it again with --format txt",
    K.NOTE_YEDDA_AS_TEXT: "read as plain text, its marks kept in the text: a YEDDA mark is at line {first}, "
    "past the first lines, but the file does not read as YEDDA (line {line}: {problem})",
    K.NOTE_SUBTAGS: "sub-tags read as their family's label: {subtags}",
    K.VARIANT_PEOPLES_DAILY_2014: "People's Daily 2014 (word/tag, ICTCLAS tags, one line a document)",
    K.TABLE_NO_TEXT: "has no column named text in its header {row!r}: a CSV or TSV file is read as a table "
    "of texts, one document a row, from its text column (as doccano exports and imports it); name the column "
    "that holds the texts with --text-column NAME (the Import dialog: Text column), or save the texts as "
    "plain text or JSON Lines",
    K.TABLE_COLUMN_TWICE: "names the column {name!r} twice in its header: which one is meant cannot be known",
    K.TABLE_FIELDS: "has {count} field(s) where the header (line {header}) has {width}: {row!r}; a field "
    "that holds the separator, a quote or a line break must be in double quotes",
    K.TABLE_BROKEN: "is not a well-formed CSV row ({problem}); a field that holds the separator, a quote "
    "or a line break must be in double quotes, its quotes doubled",
    K.TABLE_SPANS: "the {column} column holds spans ({value!r}), which a CSV does not carry reliably: "
    "export the project as JSONL from doccano (which exports sequence labelling as JSONL only) or as JSON "
    "from Label Studio, and import that",
    K.TABLE_EMPTY_TEXT: "has an empty text (column {column})",
    K.TABLE_TAGS: "the {column} column holds a tag on every row ({value!r} here), as a CoNLL file of one "
    "token a row does, not labels of whole texts: read as a table, each {text} would be a document of its "
    "own and no span would be made; remove the header, write the token and its tag separated by a tab (a "
    "blank line between sentences) and import it with --format conll",
    K.TABLE_RUNAWAY_QUOTE: "a field in double quotes runs from here to line {end} holding tabs and line "
    "breaks, as a stray quote at the start of a field does: it takes in the rows after it, up to the next "
    'quote. Double a quote that belongs to the text ("") and put its field in double quotes, or save the '
    "texts as JSON Lines",
    K.TABLE_NO_NAMED_COLUMN: "has no column named {name!r} (--text-column) in its header; its columns: "
    "{columns}",
    K.TABLE_TEXT_NAMES: "names several columns that may hold the texts ({found}) and none named text; its "
    "columns: {columns}. Say which with --text-column NAME (the Import dialog: Text column)",
    K.TABLE_STRAY_QUOTE: "a field in double quotes runs from here to line {end}, and each of these lines "
    "reads as a whole row of {width} fields on its own, as when a stray quote at the start of a field takes "
    'in the rows after it, up to the next quote. Double a quote that belongs to the text ("") and put its '
    "field in double quotes, or save the texts as JSON Lines",
    K.NOTE_TABLE_TEXT_NAME: "no column is named text: the texts were read from the column {column} "
    "(--text-column NAME names another)",
    K.NOTE_TABLE_LITERAL_QUOTE: "a double quote inside a field that does not start with one was read as "
    "part of the text, as Excel reads it (line {line}; {count} line(s) in all)",
    K.NOTE_TABLE_QUOTED_TEXT: "a field opening with a double quote that closes before the field ends "
    "({row!r}) was read as text, its quotes kept, the line having the header's fields so read "
    "(line {line}; {count} line(s) in all)",
    K.WARN_TABLE_QUOTED_ROWS: "a field in double quotes runs from line {line} to line {end}, and each of "
    "these lines would read as a whole row of its own: read as one text with its line breaks, as the CSV "
    "standard says ({count} such field(s) in all). If a stray quote opened it, double the quotes that belong "
    'to the text ("") or save the texts as JSON Lines',
    K.NOTE_TABLE_CATEGORIES: "the {column} column holds labels of whole documents ({example!r}: a "
    "text-classification export, categories joined by #), not entity spans: kept in each document's "
    "metadata; no span was imported",
    K.NOTE_TABLE_COLUMNS: "columns kept in each document's metadata: {columns}",
    K.VARIANT_TABLE: "table of texts: fields separated by {separator!r}, one document a row, its text from "
    "the column {column}",
    K.WARN_WEIBO_NOMINAL: "{count} nominal mention(s) (Weibo NER's .NOM tags, like 老师, 记者: not names) "
    "were imported as labels of their own, {nominal}, apart from the names (.NAM tags: {names}); "
    "to count them as names, merge each label into its name label: newstag labels remove {example} "
    "--merge-into {into}",
}
