"""What the exporter and its writers exchange: the document to write, what a writer did with it, the summary
of an export (and how it reads), and the typed errors export raises. No database, no Qt: writers can be
used (and tested) on their own."""

from __future__ import annotations

import enum
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from model.reasons import Reason
from model.spans import DocState, Entity


class ExportError(Exception):
    """Export could not be done; nothing was written under the target's name (``storage.export_output``).
    ``refusal``: why, as a kind and its values (``model.reasons``) where the window words it, else None."""

    def __init__(self, message: str | Reason) -> None:
        self.refusal = message if isinstance(message, Reason) else None
        super().__init__(str(message))


class ExportOptionError(ExportError, ValueError):
    """An option that cannot work: unknown annotator or label, ratios not summing to 1, a bad separator..."""


class ExportCancelled(ExportError):
    """The caller asked to stop; the partial output was removed."""


class SkipReason(enum.StrEnum):
    """Why a document or a span was not written (the GUI and CLI turn these into sentences)."""

    # documents
    NO_LABELS = "no_labels"  # no label in the chosen layer (after label filtering and mapping)
    EMPTY = "empty"  # nothing left to write after the whitespace policy
    # spans
    OVERLAP = "overlap"  # overlaps an earlier span of the same layer (the later one is skipped)
    WHITESPACE_ONLY = "whitespace_only"  # covers only characters the whitespace policy skips
    DROPPED_LABEL = "dropped_label"  # its label was mapped to nothing or is not among the labels exported
    LINE_BREAK_EDGE = (
        "line_break_edge"  # begins or ends on a tab or a line break (WebAnno TSV: no token there)
    )


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """One document as written: its text and its entities (sorted by start and end, labels mapped;
    non-overlapping for the CoNLL writers, possibly overlapping for JSONL and brat)."""

    id: int
    title: str
    text: str
    entities: Sequence[Entity]


@dataclass(slots=True)
class WriteResult:
    """What a writer did with one document."""

    sentences: int = 0
    written: list[Entity] = field(default_factory=list)
    skipped: list[tuple[SkipReason, Entity]] = field(default_factory=list)


class DocumentWriter(Protocol):
    """Writes documents one by one into one output (a file or a folder)."""

    def write(self, doc: ExportDocument) -> WriteResult: ...

    def close(self) -> None:
        """Finish: everything is written (the export then moves it into place)."""

    def abort(self) -> None:
        """Give up: remove whatever this writer created (only that)."""


class OutputFile:
    """A text file a writer creates at a path the export gave it (inside the export's temporary, see
    ``storage.export_output``); removed on ``abort``. UTF-8, ``\\n`` line endings whatever the platform."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # a symbolic link planted under the name (in the temporary) is refused, never followed
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o666)
        self._file = os.fdopen(fd, "w", encoding="utf-8", newline="\n", buffering=1 << 20)

    def write(self, text: str) -> None:
        self._file.write(text)

    def close(self) -> None:
        self._file.close()

    def abort(self) -> None:
        try:
            self._file.close()  # flushes what is buffered: on a full disk that fails again
        except OSError:
            pass  # the file is being thrown away: what it could not hold does not matter
        finally:
            self.path.unlink(missing_ok=True)


# What the summary says of each kind of thing left out.
SPLIT_ORDER = ("train", "dev", "test")  # the parts of storage.split.Part, in the order a split names them

STATE_TEXT = {str(DocState.NEW): "new", str(DocState.IN_PROGRESS): "in progress", str(DocState.DONE): "done"}
SKIP_TEXT = {
    SkipReason.NO_LABELS: "document(s) without labels in the chosen layer",
    SkipReason.EMPTY: "document(s) with nothing left to write (only whitespace)",
    SkipReason.OVERLAP: "span(s) overlapping an earlier span of the same layer (the earlier one was kept)",
    SkipReason.WHITESPACE_ONLY: "span(s) covering only whitespace, which the format does not write",
    SkipReason.DROPPED_LABEL: "span(s) whose label was dropped or mapped to nothing",
    SkipReason.LINE_BREAK_EDGE: "span(s) beginning or ending on a tab or line break, not a WebAnno TSV token",
}


@dataclass(frozen=True, slots=True)
class SkippedSpan:
    document_id: int
    entity: Entity
    reason: SkipReason
    kept: Entity | None = None  # for an overlap: the earlier span that was kept


@dataclass(slots=True)
class ExportSummary:
    files: list[Path] = field(default_factory=list)
    documents: Counter[str] = field(default_factory=Counter)  # per part ("all" when not split)
    sentences: int = 0
    entities: Counter[str] = field(default_factory=Counter)  # per label, as written
    skipped_documents: Counter[SkipReason] = field(default_factory=Counter)
    skipped_spans: Counter[SkipReason] = field(default_factory=Counter)
    examples: list[SkippedSpan] = field(default_factory=list)
    empty_parts: list[str] = field(default_factory=list)  # parts of a split that got no document
    # documents left out as not in the annotator's chosen states (--only-done, --state), and those states
    left_out: int = 0
    states: tuple[str, ...] = ()

    @property
    def total_documents(self) -> int:
        return sum(self.documents.values())

    def render(self, tr: Callable[[str], str] = str) -> str:
        """The end-of-export report, for the terminal and the dialog; ``tr`` words each line's template in
        the reader's language (the dialog passes Qt's translator; labels, parts and paths stay as
        they are)."""
        named = [part for part in self.documents if part != "all"]  # train, dev, test, in the split's order
        order = sorted(
            named, key=lambda p: (SPLIT_ORDER.index(p) if p in SPLIT_ORDER else len(SPLIT_ORDER), p)
        )
        parts = ", ".join(f"{part} {self.documents[part]:,}" for part in order)
        lines = [
            tr("documents: {0:,}").format(self.total_documents) + (f" ({parts})" if parts else ""),
            tr("sentences: {0:,}").format(self.sentences),
        ]
        if self.empty_parts:  # an empty dev or test file passes for one silently
            lines.insert(
                1,
                tr(
                    "warning: no document went to {0} (written empty): {1:,} document(s) are too few for "
                    "these ratios"
                ).format(", ".join(self.empty_parts), self.total_documents),
            )
        if self.entities:
            counts = ", ".join(f"{label} {n:,}" for label, n in sorted(self.entities.items()))
            lines.append(tr("entities: {0}").format(counts))
        else:
            lines.append(tr("entities: none"))
        if self.left_out:  # "documents: 40" did not say that 12 more were there, not marked done
            if self.states == (str(DocState.DONE),):
                lines.append(tr("left out: {0:,} document(s) not marked done").format(self.left_out))
            else:
                wanted = ", ".join(tr(STATE_TEXT.get(state, state)) for state in self.states)
                lines.append(
                    tr("left out: {0:,} document(s) in none of the states {1}").format(self.left_out, wanted)
                )
        for counter in (self.skipped_documents, self.skipped_spans):
            for reason, n in sorted(counter.items()):
                if n:
                    lines.append(tr("skipped {0:,} " + SKIP_TEXT[reason]).format(n))
        for ex in self.examples:
            e, k = ex.entity, ex.kept
            if k is not None:
                lines.append(
                    tr("  document {0}: {1} [{2}, {3}) overlaps {4} [{5}, {6})").format(
                        ex.document_id, e.label, e.start, e.end, k.label, k.start, k.end
                    )
                )
            else:
                why = tr(SKIP_TEXT[ex.reason].split(" ", 1)[1])
                lines.append(
                    tr("  document {0}: {1} [{2}, {3}): {4}").format(
                        ex.document_id, e.label, e.start, e.end, why
                    )
                )
        lines += [tr("wrote {0}").format(path) for path in self.files]
        return "\n".join(lines)
