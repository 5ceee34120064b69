"""Importing files into a project: each file in one transaction, all or nothing, with a report per file."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from model.ops import Insert
from model.spans import DocumentId, Layer, Origin, Status
from model.tagging import IPolicy
from storage.database import Database
from storage.db import DatabaseError, database_error
from storage.documents import DocumentStore, NewDocument
from storage.formats import ImportFormatError, ParsedDocument
from storage.formats.brat import read_brat
from storage.formats.checks import checked
from storage.formats.conll import Grouping, read_conll
from storage.formats.jsonl import read_jsonl
from storage.formats.plaintext import read_txt
from storage.labels import Labels
from storage.span_rows import insert_spans

logger = logging.getLogger(__name__)

BATCH = 2000


class Format(enum.StrEnum):
    AUTO = "auto"
    TXT = "txt"
    JSONL = "jsonl"
    CONLL = "conll"
    BRAT = "brat"


SUFFIXES = {".txt": Format.TXT, ".jsonl": Format.JSONL, ".json": Format.JSONL,
            ".conll": Format.CONLL, ".bio": Format.CONLL, ".bioes": Format.CONLL,
            ".bmes": Format.CONLL, ".iob": Format.CONLL, ".tsv": Format.CONLL, ".ann": Format.BRAT}


class SpansAs(enum.StrEnum):
    """Where labels found in a file go: the gold layer (someone's decisions) or suggestions to confirm."""

    GOLD = "gold"
    SUGGESTIONS = "suggestions"


@dataclass(slots=True)
class FileReport:
    path: str
    imported: int = 0
    skipped: int = 0
    spans: int = 0
    error: ImportFormatError | None = None
    warnings: list[str] = field(default_factory=list)
    new_labels: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.error is not None


def expand_paths(paths: Iterable[Path], fmt: Format) -> list[Path]:
    """Files named directly, plus the importable files inside folders (recursively, sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            wanted = set(SUFFIXES) if fmt is Format.AUTO else {s for s, f in SUFFIXES.items() if f is fmt}
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted
                                and not (fmt is not Format.TXT and _brat_text(p))))
        else:
            files.append(path)
    return files


def _brat_text(path: Path) -> bool:
    """The .txt half of a brat pair: imported through its .ann file, not as plain text."""
    return path.suffix.lower() == ".txt" and path.with_suffix(".ann").is_file()


def detect_format(path: Path) -> Format:
    if (known := SUFFIXES.get(path.suffix.lower())) is not None:
        return known
    head = path.read_bytes()[:4096].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return Format.JSONL
    first = head.split(b"\n", 1)[0]
    if b"\t" in first and first.rsplit(b"\t", 1)[1].strip()[:2] in (b"O", b"B-", b"I-", b"S-"):
        return Format.CONLL
    return Format.TXT


def parse_file(
    path: Path, fmt: Format, grouping: Grouping, policy: IPolicy, warnings: list[str],
    sentences_per_document: int | None = None,
) -> Iterator[ParsedDocument]:
    if not path.exists():
        raise ImportFormatError(path, "does not exist")
    fmt = detect_format(path) if fmt is Format.AUTO else fmt
    if fmt is Format.TXT:
        return read_txt(path)
    if fmt is Format.JSONL:
        return read_jsonl(path)
    if fmt is Format.BRAT:
        return read_brat(path, warnings)
    return read_conll(path, grouping, policy, warnings, sentences_per_document)


def _import_file(
    project: Database,
    path: Path,
    fmt: Format = Format.AUTO,
    *,
    grouping: Grouping = Grouping.AUTO,
    policy: IPolicy = IPolicy.REPAIR,
    spans_as: SpansAs = SpansAs.GOLD,
    progress: Callable[[int], None] | None = None,
    sentences_per_document: int | None = None,
) -> FileReport:
    """Import one file in one transaction. Any error leaves the database exactly as it was."""
    report = FileReport(str(path))
    layer, status = (
        (Layer.GOLD, Status.ACCEPTED) if spans_as is SpansAs.GOLD else (Layer.SUGGESTION, Status.SUGGESTED)
    )
    try:
        with project.transaction() as session:
            batch: list[ParsedDocument] = []

            def flush() -> None:
                ids = DocumentStore.insert_batch(
                    session, [NewDocument(d.title, d.text, d.source, d.meta) for d in batch]
                )
                labels = {e.label for d in batch for e in d.entities}
                report.new_labels += Labels.ensure_in(session, labels)
                stored = [(doc_id, d) for doc_id, d in zip(ids, batch, strict=True) if doc_id is not None]
                spans = [Insert(DocumentId(doc_id), layer, None, e.start, e.end, e.label, status,
                                Origin.IMPORTED)
                         for doc_id, d in stored
                         for e in dict.fromkeys(d.entities)]  # a span the file repeats is stored once
                insert_spans(session, spans, {doc_id: len(d.text) for doc_id, d in stored}, returning=False)
                report.imported += sum(1 for i in ids if i is not None)
                report.skipped += sum(1 for i in ids if i is None)
                report.spans += len(spans)
                if progress:
                    progress(len(batch))
                batch.clear()

            parsed = parse_file(path, fmt, grouping, policy, report.warnings, sentences_per_document)
            for doc in checked(parsed, path):
                batch.append(doc)
                if len(batch) >= BATCH:
                    flush()
            if batch:
                flush()
    except ImportFormatError as exc:
        logger.warning("import failed: %s", exc)
        return FileReport(str(path), error=exc)
    except (DBAPIError, DatabaseError) as exc:  # disk full, read-only, damaged: the transaction rolled back
        problem = database_error(exc, project.engine.url)
        if problem is None:
            raise
        logger.warning("import of %s failed: %s", path, problem)
        return FileReport(str(path), error=ImportFormatError(path, f"could not be stored: {problem}"))
    return report


class Importer:
    """Bringing files into the project (``project.importer``); each file in one transaction."""

    expand_paths = staticmethod(expand_paths)
    parse_file = staticmethod(parse_file)

    @staticmethod
    def read(path: Path, sentences_per_document: int | None = None) -> list[ParsedDocument]:
        """Every document of a file, in any importable format, each checked (``storage.formats.checks``) as
        the import checks it; nothing is stored."""
        parsed = parse_file(path, Format.AUTO, Grouping.AUTO, IPolicy.REPAIR, [], sentences_per_document)
        return list(checked(parsed, path))

    def __init__(self, db: Database) -> None:
        self._db = db

    def import_file(
        self,
        path: Path,
        fmt: Format = Format.AUTO,
        *,
        grouping: Grouping = Grouping.AUTO,
        policy: IPolicy = IPolicy.REPAIR,
        spans_as: SpansAs = SpansAs.GOLD,
        progress: Callable[[int], None] | None = None,
        sentences_per_document: int | None = None,
    ) -> FileReport:
        """Import one file in one transaction. Any error leaves the database exactly as it was."""
        return _import_file(self._db, path, fmt, grouping=grouping, policy=policy, spans_as=spans_as,
                            progress=progress, sentences_per_document=sentences_per_document)
