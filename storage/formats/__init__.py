"""Readers and writers for the exchange formats newstag speaks.

A reader turns a file into ``ParsedDocument``s, one at a time (a file of any size is read in flat memory),
and records in a ``ReadInfo`` what it found: the format it recognised, the encoding, the tag scheme, the
columns, the offset unit, and every note and warning. A file is either read with exactly the spans its
format means or refused with an ``ImportFormatError`` naming the file and the line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model.faults import Fault
from model.reasons import Reason, ReasonKind, Said, said
from model.spans import Entity


class ImportFormatError(Exception):
    """Bad input: names the file and, where it can, the line. Raised before anything is written.
    ``refusal``: why, as a kind and its values (``model.reasons``), which the window says in its language;
    ``reason``: the same in English (None for ``refusal`` when only English words were given)."""

    def __init__(
        self, path: Path | str, message: str | Reason, line: int | None = None, fault: Fault | None = None
    ) -> None:
        self.path = str(path)
        self.line = line
        self.refusal = message if isinstance(message, Reason) else None
        self.reason = str(message)
        self.fault = fault  # the database could not store the file: what went wrong (``model.faults``)
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {self.reason}")

    @classmethod
    def of(
        cls, path: Path | str, kind: ReasonKind, line: int | None = None, **params: object
    ) -> ImportFormatError:
        """The refusal of ``kind`` with its values (``model.reasons.TEMPLATES`` words it in English)."""
        return cls(path, Reason(kind, params), line)


@dataclass(slots=True)
class ParsedDocument:
    """A document read from a file, before it meets the database. ``line``: where it starts in the file."""

    title: str
    text: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    line: int | None = None


@dataclass(slots=True)
class ReadInfo:
    """What a reader learned about one file. ``notes`` say how the file was read (a convention recognised, a
    trigger skipped); ``warnings`` are for something harmless or for a choice the user may want to change."""

    format: str = ""
    variant: str = ""
    encoding: str = ""
    scheme: str | None = None
    columns: str | None = None
    offset_units: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def offset_unit(self) -> str | None:
        """``codepoints``, ``utf16``, ``mixed (...)`` or None where the format has no offsets; a ``Said``
        (that English, with its kind for the window) for the units it knows."""
        units = self.offset_units.most_common()
        if not units:
            return None
        if any(u not in UNIT_KINDS for u, _ in units) or len(units) > 2:
            if len(units) == 1:
                return units[0][0]
            return "mixed (" + ", ".join(f"{u}: {n} document(s)" for u, n in units) + ")"
        if len(units) == 1:
            return Said(unit_reason(units[0][0]))
        (first, first_count), (second, second_count) = units
        return said(
            ReasonKind.UNITS_MIXED,
            first=unit_reason(first),
            first_count=first_count,
            second=unit_reason(second),
            second_count=second_count,
        )


UNIT_KINDS = {"codepoints": ReasonKind.UNIT_CODEPOINTS, "utf16": ReasonKind.UNIT_UTF16}


def unit_reason(unit: str) -> Reason:
    """An offset unit (``codepoints``, ``utf16``) as a kind the window words; its English is the unit."""
    return Reason(UNIT_KINDS[str(unit)])


def bom_encoding(codec: str) -> Said:
    """The encoding of a file that starts with a byte-order mark, as shown: ``utf-8 (BOM)``."""
    return said(ReasonKind.ENCODING_BOM, codec=codec.replace("-sig", ""))
