"""What an import is asked and what it reports: options, the per-file report, and how a document's labels are
compared with a stored copy's."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from model.reasons import Reason
from model.reasons import ReasonKind as K
from storage.documents import content_hash
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.detect import Format
from storage.formats.options import Duplicates, ReadOptions

BATCH = 2000
MAX_PARAMETERS = 999  # bound parameters in one statement (SQLite before 3.32 allows no more)
SQLITE_CACHE_KB = 32768  # SQLite's page cache during an import (its default is 2 MB)
SHOWN_DUPLICATES = 20  # differing duplicates described one by one; the rest counted


class SpansAs(enum.StrEnum):
    """Where labels found in a file go: the gold layer (someone's decisions) or suggestions to confirm."""

    GOLD = "gold"
    SUGGESTIONS = "suggestions"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    format: Format = Format.AUTO
    read: ReadOptions = field(default_factory=ReadOptions)
    spans_as: SpansAs = SpansAs.GOLD
    duplicates: Duplicates = Duplicates.SKIP

    def __post_init__(self) -> None:
        for name, kind in (("format", Format), ("spans_as", SpansAs), ("duplicates", Duplicates)):
            object.__setattr__(self, name, kind(getattr(self, name)))


@dataclass(slots=True)
class FileReport:
    """What importing one file did, or, for a dry run, would do."""

    path: str
    dry_run: bool = False
    format: str = ""
    variant: str = ""
    encoding: str = ""
    scheme: str | None = None
    columns: str | None = None
    offset_unit: str | None = None
    imported: int = 0  # documents imported (dry run: that would be)
    skipped: int = 0  # duplicates skipped
    kept: int = 0  # duplicates with other labels kept as their own documents (--duplicates keep)
    spans: int = 0
    spans_per_label: Counter[str] = field(default_factory=Counter)
    new_labels: list[str] = field(default_factory=list)
    differing: list[str] = field(
        default_factory=list
    )  # duplicates whose labels differ, first SHOWN_DUPLICATES
    differing_count: int = 0
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: ImportFormatError | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def take(self, info: ReadInfo) -> None:
        self.format, self.variant, self.encoding = info.format, info.variant, info.encoding
        self.scheme, self.columns, self.offset_unit = info.scheme, info.columns, info.offset_unit
        self.notes, self.warnings = list(info.notes), [*info.warnings, *self.warnings]


Signature = tuple[tuple[int, int, str], ...]


def signature(entities: Iterable[Any]) -> Signature:
    return tuple(sorted((e.start, e.end, e.label) for e in entities))


def copy_hash(doc: ParsedDocument) -> str:
    """The content hash of a duplicate kept for its other labels: its text and its labels."""
    return content_hash(f"{doc.text}\x00{signature(doc.entities)!r}")


def describe(sig: Signature, text_: str) -> str | Reason:
    """A document's labels as the report lists them (the text and label of each), or "no labels"."""
    return (
        "[" + ", ".join(f"{text_[a:b]}/{label}" for a, b, label in sig) + "]"
        if sig
        else Reason.of(K.NO_LABELS)
    )
