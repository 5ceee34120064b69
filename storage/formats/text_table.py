"""A CSV or TSV table of texts: doccano's CSV export (``id,text,label``), and any table whose header names a
``text`` column (with or without a UTF-8 byte-order mark; fields in double quotes may hold the separator,
doubled quotes and line breaks). One document a row, its text the ``text`` column.

doccano writes a CSV only for text classification and sequence-to-sequence projects: its ``label`` column
holds labels of whole documents (categories joined by ``#``), never entity spans (a sequence-labelling
project is exported as JSONL). Such a column, and every other one, is kept in each document's metadata and
said in a note; no span is made from it. A column whose value is a list of spans (``[[0, 2, "PER"]]``, a
JSONL turned into a table) is refused by its line, naming JSONL: spans are read from the file doccano wrote,
not from a copy whose offsets nothing checks. A file without a header naming ``text`` is refused naming its
header, never read as one article holding the header."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from model.reasons import Reason, said
from model.reasons import ReasonKind as K
from model.tagging import TagSequenceError, split_tag
from model.text import first_line_title
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.options import TEXT_NAMES, ReadOptions
from storage.formats.source import BOM, TextFile, head_text, inner_bom
from storage.formats.table_quotes import (
    AMBIGUOUS,
    STRAY,
    QuotedRow,
    id_shape,
    literal_quote,
    quote_as_text,
    quoted_rows,
)

SEPARATORS = (",", "\t", ";", "|")  # doccano's delimiter option offers these (and a space)
TEXT = "text"
TITLE = "title"
_NAME = re.compile(r"\S{1,64}")  # a column's name: no whitespace inside (an article's first line has some)
_SPANS = re.compile(r"\s*\[\s*[\[({]")  # [[0, 2, "PER"]], [(0, 2, 'PER')], [{"start_offset": …}]
_QUOTE = 200  # characters of a row a refusal quotes

_TAGS = frozenset("BIESMLUO")  # untyped tags (B, I, O): a column of tags holds O or a typed one as well

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is longer than the csv module's 128 KB


def _fields(line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=separator), [])
    except csv.Error:
        return []


def _tag_kind(value: str) -> int:
    """2 for ``O`` or a typed tag (``B-PER``), 1 for another untyped one (``B``), 0 for what is no tag."""
    if value in _TAGS:
        return 2 if value == "O" else 1
    try:
        split_tag(value)
    except TagSequenceError:
        return 0
    return 2


def _named(fields: list[str]) -> list[str]:
    """The names of a header's columns, without the empty ones at its end (Excel saves a sheet's empty
    columns as ``id,text,label,,``)."""
    names = [name.strip() for name in fields]
    while names and not names[-1]:
        names.pop()
    return names


def header_names(path: Path, line: str, text_column: str | None = None) -> tuple[str, list[str]]:
    """The separator and the column names of the header ``line`` of the file at ``path``, as the reader
    takes them."""
    separator = header_separator(line, text_column) or _guess_separator(path, line)
    return separator, _named(_fields(line, separator))


def text_names(text_column: str | None) -> tuple[str, ...]:
    """The column names (casefolded) a header must hold one of to be a table of texts: the one
    ``--text-column`` names, else ``text`` and the common names for it."""
    return (text_column.casefold(),) if text_column else (TEXT, *TEXT_NAMES)


def header_separator(line: str, text_column: str | None = None, loose: bool = True) -> str | None:
    """The separator of a header line that names a ``text`` column (or another name for it: ``text_names``)
    among others, every name without whitespace: ``id,text,label``; None for any other line (an article's
    first line). With ``text_column`` (``--text-column``), a header naming that column as well (and one
    naming ``text`` or another name for it: the reader refuses it listing its columns, rather than read as
    what its suffix says), whatever its names hold (``Unnamed: 0,review text``) where ``loose`` (a
    ``.csv`` or ``.tsv``), else every name without whitespace (a ``.txt`` whose first line is ``Text,
    photos and video: Reuters`` is an article)."""
    line = line.lstrip(BOM).strip("\r\n")
    wanted = (*text_names(None), *text_names(text_column)) if text_column else text_names(None)
    for separator in SEPARATORS:
        if separator not in line:
            continue
        names = _named(_fields(line, separator))
        if len(names) < 2:
            continue
        if loose and text_column and text_column.strip().casefold() in (name.casefold() for name in names):
            return separator
        if all(_NAME.fullmatch(name) for name in names) and any(name.casefold() in wanted for name in names):
            return separator
    return None


def names_text_column(path: Path, text_column: str | None = None) -> bool:
    """Whether the header of the file at ``path`` (its first line that is not blank) names a ``text``
    column (or another name for it: ``text_names``), read as the reader reads it: for choosing the ``.csv``
    files of a folder, where a table of something else is passed over and named in a note rather than
    refused. Only the file's head is read (``head_text``)."""
    try:
        first = next((line for line in head_text(path).split("\n") if line.strip()), "")
    except (ImportFormatError, OSError, UnicodeDecodeError):
        return True  # the reader says why it cannot be read
    _, names = header_names(path, first.lstrip(BOM).rstrip("\r"), text_column)
    wanted = text_names(text_column)
    return any(name.casefold() in wanted for name in names)


def looks_like_table(head: str, text_column: str | None = None, suffix: str = ".csv") -> bool:
    """The first line of ``head`` is a header naming a ``text`` column (or another name for it:
    ``text_names``; a looser header for a ``.csv`` or ``.tsv``: ``header_separator``), and the line after
    it is not empty (a table has rows)."""
    lines = head.lstrip(BOM).split("\n", 2)
    loose = suffix.lower() in (".csv", ".tsv")
    return (
        len(lines) >= 2
        and bool(lines[1].strip())
        and header_separator(lines[0], text_column, loose) is not None
    )


def _guess_separator(path: Path, line: str) -> str:
    """For a header naming no ``text`` column: the separator its suffix or its content suggests."""
    if path.suffix.lower() == ".tsv" or "\t" in line:
        return "\t"
    return max(SEPARATORS, key=line.count) if any(s in line for s in SEPARATORS) else ","


class TextTableReader:
    def __init__(
        self, path: Path, options: ReadOptions, info: ReadInfo, source: TextFile | None = None
    ) -> None:
        self.path, self.options, self.info = path, options, info
        self.source = source or TextFile.open(path)

    def fail(self, line: int, kind: K, **params: object) -> ImportFormatError:
        return ImportFormatError(self.path, Reason.of(kind, **params), line)

    def _lines(self, numbers: list[int], recent: list[str]) -> Iterator[str]:
        """The file's lines for the csv module, each with its newline; ``numbers`` ends with the number of
        the line last handed out, ``recent`` gets each line handed out (emptied by the caller for each row).
        A byte-order mark is passed over at the start, refused elsewhere."""
        for number, line in self.source.lines():
            if number == 1 and line.startswith(BOM):
                line = line[1:]
            if BOM in line:
                raise inner_bom(self.path, number)
            numbers.append(number)
            recent.append(line)
            yield line + "\n"

    def _text_column(self, header: int, row: str, names: list[str], keys: list[str]) -> int:
        """Where the texts are: the column ``--text-column`` names, else ``text``, else the one column with
        another common name for it (``TEXT_NAMES``, said in a note); refused naming the columns otherwise."""
        columns = ", ".join(names)
        if wanted := self.options.text_column:
            if wanted.casefold() not in keys:
                raise self.fail(header, K.TABLE_NO_NAMED_COLUMN, name=wanted, columns=columns)
            return keys.index(wanted.casefold())
        if TEXT in keys:
            return keys.index(TEXT)
        found = [i for i, key in enumerate(keys) if key in TEXT_NAMES]
        if len(found) > 1:
            both = ", ".join(names[i] for i in found)
            raise self.fail(header, K.TABLE_TEXT_NAMES, found=both, columns=columns)
        if not found:
            raise self.fail(header, K.TABLE_NO_TEXT, row=row.rstrip("\n")[:_QUOTE])
        self.info.notes.append(said(K.NOTE_TABLE_TEXT_NAME, column=names[found[0]]))
        return found[0]

    def documents(self) -> Iterator[ParsedDocument]:
        info = self.info
        info.format, info.encoding = "csv", self.source.encoding
        numbers: list[int] = [0]
        recent: list[str] = []  # the lines of the row under way
        lines = self._lines(numbers, recent)
        first = next((line for line in lines if line.strip()), None)  # blank lines above the header
        if first is None:
            return  # an empty file: refused as one holding no document
        header = numbers[-1]
        separator, names = header_names(self.path, first, self.options.text_column)
        keys = [name.casefold() for name in names]
        for i, key in enumerate(keys):
            if key in keys[:i]:
                raise self.fail(header, K.TABLE_COLUMN_TWICE, name=names[i])
        width = len(_fields(first, separator))  # with the unnamed columns at its end
        text_at = self._text_column(header, first, names, keys)
        title_at = keys.index(TITLE) if TITLE in keys and keys.index(TITLE) != text_at else None
        literal_quotes: list[int] = []  # the lines with a quote inside a field not in quotes
        quoted_texts: list[tuple[int, str]] = []  # the lines (and line) whose field's quote closes early
        ambiguous: list[QuotedRow] = []  # fields in quotes over lines that each read as a row
        waiting: QuotedRow | None = None  # the last of them, while the row after it is not read
        previous = ""  # the id column's value in the row before
        id_at = keys.index("id") if "id" in keys and keys.index("id") != text_at else (0 if text_at else None)
        fallback = "id" not in keys  # the first column taken as ids only where its one-line values differ
        ids: set[str] = set()  # the id column's values in the one-line rows
        repeated = False  # a value found twice there
        pending: list[tuple[int, int, list[str]]] = []  # stray by the fallback column, if its values differ
        info.variant = said(K.VARIANT_TABLE, separator=separator, column=names[text_at])
        reader = csv.reader(lines, delimiter=separator, strict=True)
        examples: dict[str, str] = {}
        untagged: set[str] = set()  # the columns holding a value that is no tag
        tagged: dict[str, tuple[int, str]] = {}  # a column's first O or typed tag (B-PER), and its line
        while True:
            start = numbers[-1] + 1
            recent.clear()
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # at the line read last, but a quote never closed where it opens
                line = start if "end of data" in str(exc) else numbers[-1]
                read = quote_as_text(recent, separator, (len(names), width)) if line == start else None
                if read is None:
                    raise self.fail(line, K.TABLE_BROKEN, problem=str(exc)) from None
                row = read
                quoted_texts.append((start, recent[0].rstrip("\r")[:_QUOTE]))
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line between rows
            value = row[id_at].strip() if id_at is not None and id_at < len(row) else ""
            if waiting is not None:
                waiting.after, waiting = value, None
            if numbers[-1] > start:
                if separator == "\t" and any("\t" in f and "\n" in f for f in row):
                    raise self.fail(start, K.TABLE_RUNAWAY_QUOTE, end=numbers[-1])
                verdict = quoted_rows(recent, separator, (len(names), width), id_at, ids)
                if verdict == STRAY and fallback:
                    pending.append((start, numbers[-1], list(recent)))
                elif verdict == STRAY:
                    raise self.fail(start, K.TABLE_STRAY_QUOTE, end=numbers[-1], width=len(names))
                if verdict == AMBIGUOUS:
                    waiting = QuotedRow(start, numbers[-1], previous, value)
                    ambiguous.append(waiting)
            else:
                if id_shape(value):
                    repeated = repeated or value in ids
                    ids.add(value)
                if (not quoted_texts or quoted_texts[-1][0] != start) and literal_quote(
                    recent[-1], separator
                ):
                    literal_quotes.append(start)
            previous = value
            if len(row) not in (len(names), width) or any(value.strip() for value in row[len(names) :]):
                shown = separator.join(row)[:_QUOTE]
                raise self.fail(
                    start, K.TABLE_FIELDS, count=len(row), header=header, width=len(names), row=shown
                )
            row = row[: len(names)]
            text = row[text_at]
            if not text.strip():
                raise self.fail(start, K.TABLE_EMPTY_TEXT, column=names[text_at])
            others = {names[i]: value for i, value in enumerate(row) if i not in (text_at, title_at)}
            for column, value in others.items():
                if _SPANS.match(value):
                    raise self.fail(start, K.TABLE_SPANS, column=column, value=value[:_QUOTE])
                if value.strip():
                    examples.setdefault(column, value)
                    kind = _tag_kind(value.strip())
                    if not kind:
                        untagged.add(column)
                    elif kind == 2:
                        tagged.setdefault(column, (start, value))
            title = row[title_at].strip() if title_at is not None else ""
            yield ParsedDocument(
                title=title or first_line_title(text),
                text=text,
                source=f"{self.path}:{start}",
                meta={"format": "csv", "encoding": self.source.encoding, "columns": others},
                line=start,
            )
        for column, (line, value) in tagged.items():
            if column not in untagged:  # one token a row with its tag: CoNLL with a header, not texts
                raise self.fail(line, K.TABLE_TAGS, column=column, value=value[:_QUOTE], text=names[text_at])
        for line, end, lines_of in pending:
            if not repeated and quoted_rows(lines_of, separator, (len(names), width), id_at, ids) == STRAY:
                raise self.fail(line, K.TABLE_STRAY_QUOTE, end=end, width=len(names))
            ambiguous.append(QuotedRow(line, end))
        if not repeated:  # ids going on one by one around a row say its lines are text: no warning
            ambiguous = [row for row in ambiguous if not row.ids_rule_out_a_stray_quote()]
        if ambiguous:
            earliest, count = min(ambiguous, key=lambda row: row.line), len(ambiguous)
            info.warnings.append(
                said(K.WARN_TABLE_QUOTED_ROWS, line=earliest.line, end=earliest.end, count=count)
            )
        if quoted_texts:
            (line, row_text), count = quoted_texts[0], len(quoted_texts)
            info.notes.append(said(K.NOTE_TABLE_QUOTED_TEXT, line=line, row=row_text, count=count))
        if literal_quotes:
            info.notes.append(
                said(K.NOTE_TABLE_LITERAL_QUOTE, line=literal_quotes[0], count=len(literal_quotes))
            )
        for column, value in examples.items():
            if column.casefold() in ("label", "labels"):
                info.notes.append(said(K.NOTE_TABLE_CATEGORIES, column=column, example=value[:40]))
        kept = [name for i, name in enumerate(names) if i not in (text_at, title_at)]
        if kept:
            info.notes.append(said(K.NOTE_TABLE_COLUMNS, columns=", ".join(kept)))
