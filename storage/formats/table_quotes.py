"""A field in double quotes in a table of texts, and what it may hide: a stray quote opening a field
swallows the rows after it up to the next quote (told by the values of the id column going on one by one
inside it); a quote closing before its field ends (``"一带一路"倡议``), or inside a field that does not
start with one, is text."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

_ID_RUN = re.compile(r"[0-9A-Za-z]*[0-9][0-9A-Za-z]*")
_LETTER_ID = re.compile(r"[A-Za-z]|[^\s0-9]*[^\sA-Za-z0-9][A-Za-z]")  # A, doc_B, item-c
STRAY, AMBIGUOUS = "stray", "ambiguous"


def id_shape(value: str) -> str | None:
    """The shape of a value shaped like an id: ``17``, ``doc-017``, ``a1`` (each run of letters and digits
    holding a digit read as ``0``), or, without a digit, one letter alone or after a prefix ending in a
    mark (``A``, ``doc_B``, ``item-c``: the letter read as ``A``); None for one that is not (a word, two
    letters, whitespace in it, over 64 characters)."""
    if not value or len(value) > 64 or re.search(r"\s", value):
        return None
    if re.search(r"[0-9]", value):
        return _ID_RUN.sub("0", value)
    return value[:-1] + "A" if _LETTER_ID.fullmatch(value) else None


def next_id(value: str) -> str | None:
    """The id after ``value``: its last run of digits plus one, as wide as it was (``9`` → ``10``,
    ``doc-017`` → ``doc-018``), or its letter's next one in the same case (``A`` → ``B``, ``doc_b`` →
    ``doc_c``; none after ``Z``: ``AA`` or the end, nothing says which); None for a value not shaped like
    an id (``id_shape``)."""
    if id_shape(value) is None:
        return None
    runs = list(re.finditer(r"[0-9]+", value))
    if not runs:
        return None if value[-1] in "Zz" else value[:-1] + chr(ord(value[-1]) + 1)
    run = runs[-1]
    digits = str(int(run.group()) + 1).zfill(len(run.group()))
    return value[: run.start()] + digits + value[run.end() :]


def fresh_run(values: list[str], ids: set[str]) -> bool:
    """Whether ``values[1:]`` go on from ``values[0]`` as ids do, one by one (``8``, ``9``, ``10``), none
    of them an id already seen (``ids``)."""
    expected: str | None = values[0].strip()
    for value in values[1:]:
        expected = next_id(expected) if expected else None
        if expected is None or value.strip() != expected or expected in ids:
            return False
    return True


def quoted_rows(
    lines: list[str], separator: str, widths: tuple[int, int], id_at: int | None, ids: set[str]
) -> str | None:
    """What the lines of one row, a field in quotes running over them, say: ``STRAY`` where the values the
    lines after the first hold in the id column (``id_at``), the quotes taken as text, go on from the row's
    own one by one, none an id of a one-line row (``ids``, values), whatever the lines' widths: a stray
    quote at the start of a field has taken in the rows after it, up to the next quote. ``AMBIGUOUS``
    where each line reads as a whole row (the header's named columns, or all its columns where the
    unnamed ones at its end are empty: ``widths``) but their ids do not say so (a text first, as pandas
    writes it: ``"转发微博,太好了\n哈哈",pos``; a line of a text starting with ``2026,``): read as the
    CSV standard says, with a warning. None otherwise; blank lines are passed over."""
    named, full = widths
    filled = [line for line in lines if line.strip()]
    if named < 2 or len(filled) < 2:
        return None
    rows = [next(csv.reader([line], delimiter=separator, quoting=csv.QUOTE_NONE), []) for line in filled]
    if id_at is not None and fresh_run(
        [fields[id_at] if id_at < len(fields) else "" for fields in rows], ids
    ):
        return STRAY  # whatever their widths: a swallowed row may hold a separator of its own
    for fields in rows:
        if len(fields) != named and (len(fields) != full or any(v.strip() for v in fields[named:])):
            return None
    return AMBIGUOUS


@dataclass
class QuotedRow:
    """A row whose field in quotes runs over lines ``line`` to ``end`` that each read as a row
    (``AMBIGUOUS``), with the id column's values of the row before (``before``), its own (``own``) and
    the row after (``after``; None where none follows)."""

    line: int
    end: int
    before: str = ""
    own: str = ""
    after: str | None = None

    def ids_rule_out_a_stray_quote(self) -> bool:
        """Whether the ids go on one by one across the row (to the one after it, or, for the last row, from
        the one before it): no row is missing, so no stray quote took rows in, and its lines are text."""
        if self.after is not None:
            return bool(self.own) and next_id(self.own) == self.after
        return bool(self.before) and next_id(self.before) == self.own


def literal_quote(line: str, separator: str) -> bool:
    """Whether the one-line row ``line`` holds a double quote inside a field that does not start with one
    (``他说"好"``), which the csv module, as Excel and pandas, reads as part of the text."""
    at = 0
    while True:
        if line.startswith('"', at):  # a field in quotes (well formed: the csv module read it)
            close = at
            while (close := line.find('"', close + 1)) >= 0 and line.startswith('"', close + 1):
                close += 1
            if close < 0:
                return False
            at = close + 1
        end = line.find(separator, at)
        if '"' in line[at : len(line) if end < 0 else end]:
            return True
        if end < 0:
            return False
        at = end + 1


def quote_as_text(recent: list[str], separator: str, widths: tuple[int, int]) -> list[str] | None:
    """The one-line row ``recent`` read with its quotes as text, where a field opening with a quote
    closed before the field ends (``1,"一带一路"倡议,pos``) stopped the csv module, every field so read
    that opens with a quote holds its closing one, and the line so read has the header's width
    (``quoted_rows``' ``widths``); None otherwise."""
    if len(recent) != 1:
        return None
    fields = next(csv.reader([recent[0]], delimiter=separator, quoting=csv.QUOTE_NONE), [])
    named, full = widths
    if any(value.startswith('"') and value.count('"') % 2 for value in fields):
        return None  # a quote not closed in its field took the separator after it (1,"北京,上海"会议)
    if len(fields) == named or (len(fields) == full and not any(v.strip() for v in fields[named:])):
        return fields
    return None
