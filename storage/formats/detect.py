"""Which format a file is in: by its content first (a CoNLL file is CoNLL whatever its suffix), then by
its suffix."""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from pathlib import Path

from model.tagging import TagSequenceError, split_tag
from storage.formats import ImportFormatError
from storage.formats.boson import looks_like_boson
from storage.formats.iob import looks_like_iob
from storage.formats.ontonotes import looks_like_ontonotes
from storage.formats.source import BOM, HEAD_CHARS, TextFile
from storage.formats.text_table import looks_like_table
from storage.formats.webanno import looks_like_webanno
from storage.formats.wordtag import parse_token
from storage.formats.yedda import first_entity_line, looks_like_yedda, marks_yedda_entity, yedda_head


class Format(enum.StrEnum):
    AUTO = "auto"
    TXT = "txt"
    JSONL = "jsonl"  # JSON Lines: doccano, CLUENER, Label Studio JSON-MIN lines
    JSON = "json"  # one JSON array: Label Studio JSON / JSON-MIN, a list of doccano objects
    CONLL = "conll"  # CoNLL in any number of columns, CoNLL-U/CoNLL-X, Weibo NER
    BRAT = "brat"
    WORDTAG = "wordtag"  # People's Daily / MSRA original word/tag
    ONTONOTES = "ontonotes"  # OntoNotes 4/5 .name files (<DOC>, <ENAMEX TYPE=…>)
    BOSON = "boson"  # BosonNLP_NER_6C.txt: {{person_name:…}} inline
    WEBANNO = "webanno"  # WebAnno TSV 3.x: INCEpTION's and WebAnno's export
    YEDDA = "yedda"  # YEDDA's .ann: [@text#Label*] inline
    CSV = "csv"  # a CSV / TSV table of texts with a text column: doccano's CSV export
    IOB = "iob"  # spaCy's .iob: one sentence a line, word|TAG or word|POS|TAG tokens


SUFFIXES = {
    ".txt": Format.TXT,
    ".jsonl": Format.JSONL,
    ".json": Format.JSON,
    ".ann": Format.BRAT,
    ".name": Format.ONTONOTES,
    ".csv": Format.CSV,
    **dict.fromkeys(
        (
            ".conll",
            ".conllu",
            ".conllx",
            ".bio",
            ".bioes",
            ".bmes",
            ".iob",
            ".iob2",
            ".tsv",
            ".char",
            ".train",
            ".dev",
            ".test",
            ".ner",
            ".anns",  # YEDDA's export
        ),
        Format.CONLL,
    ),
}
# Formats whose files also come with a suffix that SUFFIXES gives another format: a folder read in one of them
# takes those files too (BosonNLP, MSRA and CoNLL corpora are released as .txt; INCEpTION exports .tsv)
ALSO_SUFFIXES = {
    Format.CONLL: {".txt"},
    Format.WORDTAG: {".txt"},
    Format.BOSON: {".txt"},
    Format.WEBANNO: {".tsv"},
    Format.YEDDA: {".ann"},
    Format.CSV: {".tsv", ".txt"},
    Format.IOB: {".iob", ".txt"},
}
_UNTYPED = frozenset("BIESMLUO")
_JSON_ARRAY = re.compile(r"\[\s*[\[{\]]")
_CONLLU_ID = re.compile(r"^\d+([-.]\d+)?$")


def is_tag(tag: str) -> bool:
    if tag in _UNTYPED:
        return True
    try:
        split_tag(tag)
    except TagSequenceError:
        return False
    return True


def _data_lines(head: str, limit: int = 400) -> list[str]:
    lines = [line.lstrip(BOM).rstrip() for line in head.split("\n")]
    return [line for line in lines if line.strip() and not line.startswith("-DOCSTART-")][:limit]


def looks_like_conll(head: str) -> bool:
    """Most token rows are ``token<whitespace>…<whitespace>tag`` with a tag, or CoNLL-U/CoNLL-X rows."""
    rows = [line for line in _data_lines(head) if not line.startswith("#")]
    if len(rows) < 2:
        return False
    conllu = sum(1 for r in rows if len(cols := r.split("\t")) >= 6 and _CONLLU_ID.match(cols[0]))
    if conllu >= 0.9 * len(rows):
        return True
    tagged = 0
    for row in rows:
        cols = row.split("\t") if "\t" in row else row.split()
        if len(cols) >= 2 and is_tag(cols[-1]):
            tagged += 1
    return tagged >= 0.9 * len(rows)


def looks_like_wordtag(head: str) -> bool:
    lines = _data_lines(head, 50)
    tokens = [t for line in lines for t in line.split()]
    if not tokens or max(len(line.split()) for line in lines) < 2:
        return False
    return sum(1 for t in tokens if parse_token(t) is not None) >= 0.9 * len(tokens)


def _json_kind(head: str) -> Format | None:
    if _JSON_ARRAY.match(head):
        return Format.JSON
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return Format.JSON  # one object over several lines
        except (RecursionError, ValueError):  # nested too deeply, a number too long: the reader says so
            return Format.JSONL
        return Format.JSONL
    return None


@dataclass(frozen=True, slots=True)
class Detection:
    format: Format
    source: TextFile | None  # the file with its encoding settled (for brat, the .ann named, if it reads)
    late_mark: int | None = None  # a .txt read as YEDDA for a mark past its head: that mark's line


def _ann(path: Path) -> Detection:
    """A ``.ann`` file: YEDDA's (``[@text#Label*]`` inline, no brat line) or brat's, with its encoding settled
    (none where it cannot be read: the brat reader says why). A brat ``.ann`` has its lines of standoff from
    the start; a file without one in its head whose first mark comes later (a long article YEDDA annotated
    near its end) is looked through to the end, so that it is not taken for brat."""
    try:
        source = TextFile.open(path)
        yedda = yedda_head(source.head())
        if yedda is None:
            yedda = marks_yedda_entity(source.lines())
    except ImportFormatError:
        return Detection(Format.BRAT, None)
    return Detection(Format.YEDDA if yedda else Format.BRAT, source)


def detect(path: Path, text_column: str | None = None) -> Detection:
    """The format of ``path``; the file's encoding is settled on the way (a bad file is refused here).
    ``text_column``: the column a table of texts holds them in (``--text-column``), where not ``text``."""
    suffix = path.suffix.lower()
    if suffix == ".ann":
        return _ann(path)
    if suffix == ".txt" and path.with_suffix(".ann").is_file():
        return Detection(Format.BRAT, None)
    source = TextFile.open(path)
    raw = source.head()
    head = raw.lstrip(BOM).lstrip()
    if looks_like_webanno(head):
        return Detection(Format.WEBANNO, source)
    found = Format.BOSON if head.startswith("{{") and looks_like_boson(head) else _json_kind(head)
    if found is None and looks_like_ontonotes(head):
        found = Format.ONTONOTES
    if found is None and looks_like_boson(head):
        found = Format.BOSON
    if found is None and looks_like_yedda(head):
        found = Format.YEDDA
    if (
        found is None
        and looks_like_iob(head, suffix, cut=len(raw) >= HEAD_CHARS)
        and not looks_like_table(head, text_column, suffix)
    ):
        found = Format.IOB  # a first line naming a text column is a table's header, whatever its rows
    if found is None and looks_like_conll(head):
        found = Format.CONLL
    if found is None and looks_like_wordtag(head):
        found = Format.WORDTAG
    if found is None and looks_like_table(
        head, text_column, suffix
    ):  # id,text,label (a .csv without one is refused by name)
        found = Format.CSV
    if found is None:
        found = SUFFIXES.get(suffix, Format.TXT)
        if found is Format.BRAT:
            found = Format.TXT
        # a YEDDA file named .txt whose first mark comes after the head (the 200th line, the 64th KB): read
        # as plain text, its marks would be stored as text without a word; read as YEDDA, with a warning
        # naming the mark's line (a plain text may only mention one), and as plain text if YEDDA fails
        if found is Format.TXT and (late := first_entity_line(source.lines())) is not None:
            return Detection(Format.YEDDA, source, late)
    return Detection(found, source)


def detect_format(path: Path) -> Format:
    return detect(path).format
