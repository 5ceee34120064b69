"""Importing files into a project: each file in one transaction, all or nothing, streamed in batches so that
memory stays flat whatever the file's size; or, with ``dry_run``, the same reading and checking with nothing
written, to show what an import would do (``FileReport`` is the preview either way)."""

from __future__ import annotations

import enum
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from model.spans import Layer, Origin, Status
from model.tagging import IPolicy
from storage.db import DatabaseError, database_error
from storage.documents import content_hash
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.brat import read_brat
from storage.formats.checks import checked
from storage.formats.conll import ConllReader
from storage.formats.detect import SUFFIXES, Format, detect
from storage.formats.jsonl import JsonReader
from storage.formats.options import (
    Columns,
    Discontinuous,
    Duplicates,
    Grouping,
    Join,
    OffsetUnit,
    ReadOptions,
)
from storage.formats.plaintext import read_txt
from storage.formats.source import TextFile
from storage.formats.wordtag import WordTagReader
from storage.orm import DocumentRow, LabelRow, SpanRow
from storage.project import Project

__all__ = [
    "BATCH",
    "SUFFIXES",
    "Columns",
    "Discontinuous",
    "Duplicates",
    "FileReport",
    "Format",
    "Grouping",
    "ImportOptions",
    "Join",
    "OffsetUnit",
    "SpansAs",
    "detect_format",
    "expand_paths",
    "import_file",
    "parse_file",
    "preview_file",
    "read_documents",
]

logger = logging.getLogger(__name__)

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


def expand_paths(paths: Iterable[Path], fmt: Format) -> list[Path]:
    """Files named directly, plus the importable files inside folders (recursively, sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            wanted = set(SUFFIXES) if fmt is Format.AUTO else {s for s, f in SUFFIXES.items() if f is fmt}
            if fmt is Format.CONLL:
                wanted.add(".txt")
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in wanted
                    and not (fmt is not Format.TXT and _brat_text(p))
                )
            )
        else:
            files.append(path)
    return files


def _brat_text(path: Path) -> bool:
    """The .txt half of a brat pair: imported through its .ann file, not as plain text."""
    return path.suffix.lower() == ".txt" and path.with_suffix(".ann").is_file()


def detect_format(path: Path) -> Format:
    return detect(path).format


def read_documents(path: Path, options: ImportOptions, info: ReadInfo) -> Iterator[ParsedDocument]:
    """The documents of one file, one at a time; what the reader learns goes to ``info``."""
    if not path.exists():
        raise ImportFormatError(path, "does not exist")
    fmt = options.format
    source: TextFile | None = None
    if fmt is Format.AUTO:
        detection = detect(path)
        fmt, source = detection.format, detection.source
    read = options.read
    if fmt is Format.TXT:
        info.format = "txt"
        for doc in read_txt(path):
            info.encoding = doc.meta.get("encoding", "")
            yield doc
    elif fmt in (Format.JSONL, Format.JSON):
        yield from JsonReader(path, read, info, source, array=fmt is Format.JSON).documents()
    elif fmt is Format.BRAT:
        yield from read_brat(path, None, read, info)
    elif fmt is Format.WORDTAG:
        yield from WordTagReader(path, read, info, source).documents()
    else:
        yield from ConllReader(path, read, info, source).documents()


def parse_file(
    path: Path,
    fmt: Format,
    grouping: Grouping,
    policy: IPolicy,
    warnings: list[str],
    sentences_per_document: int | None = None,
) -> Iterator[ParsedDocument]:
    """The documents of one file without a database (``newstag suggest --input``, ``train --base-corpus``)."""
    info = ReadInfo()
    options = ImportOptions(
        format=fmt,
        read=ReadOptions(grouping=grouping, policy=policy, sentences_per_document=sentences_per_document),
    )
    yield from read_documents(path, options, info)
    warnings.extend(info.notes + info.warnings)


# -- one document on its way in ----------------------------------------------------------------------------


def _admit(doc: ParsedDocument, report: FileReport, path: Path) -> None:
    """Every document passes here between its reader and the database (or the dry run's count): the place for
    checks that hold whatever the format. An exact duplicate span is stored once, with a warning."""
    if len(doc.entities) > 1:
        unique = list(dict.fromkeys(doc.entities))
        if len(unique) != len(doc.entities):
            dropped = len(doc.entities) - len(unique)
            report.warnings.append(
                f"{path}, line {doc.line}: {dropped} exact duplicate span(s) in one document stored once"
            )
            doc.entities = unique


Signature = tuple[tuple[int, int, str], ...]


def _signature(entities: Iterable[Any]) -> Signature:
    return tuple(sorted((e.start, e.end, e.label) for e in entities))


def _copy_hash(doc: ParsedDocument) -> str:
    """The content hash of a duplicate kept for its other labels: its text and its labels."""
    return content_hash(f"{doc.text}\x00{_signature(doc.entities)!r}")


def _describe(sig: Signature, text_: str) -> str:
    return "[" + ", ".join(f"{text_[a:b]}/{label}" for a, b, label in sig) + "]" if sig else "no labels"


# -- writing, or pretending to -------------------------------------------------------------------------------


class _Sink:
    """Takes documents in batches; decides which are duplicates (against the database and the file so far)."""

    def __init__(
        self, project: Project, session: Session, report: FileReport, options: ImportOptions, path: Path
    ) -> None:
        self.project, self.session, self.report, self.options, self.path = (
            project,
            session,
            report,
            options,
            path,
        )
        self.layer, self.status = (
            (Layer.GOLD, Status.ACCEPTED)
            if options.spans_as is SpansAs.GOLD
            else (Layer.SUGGESTION, Status.SUGGESTED)
        )
        self.known_labels = set(session.scalars(select(LabelRow.name)))
        self._cache_size: int | None = None

    def __enter__(self) -> _Sink:
        """SQLite: a larger page cache while the file goes in (indexes stay in memory), restored after."""
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":
            self._cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._cache_size is not None:
            self.session.connection().exec_driver_sql(f"PRAGMA cache_size = {int(self._cache_size)}")

    def stored(self, hashes: set[str]) -> dict[str, tuple[int | None, str, Signature]]:
        """hash -> (document id, source, label signature in the import's layer) for hashes already stored."""
        found: dict[str, tuple[int | None, str, Signature]] = {}
        conn = self.session.connection()
        mark = _mark(conn)
        rows: list[Any] = []
        ordered = sorted(hashes)
        for i in range(0, len(ordered), MAX_PARAMETERS):
            part = tuple(ordered[i : i + MAX_PARAMETERS])
            rows += conn.exec_driver_sql(
                "SELECT content_hash, id, source FROM documents WHERE content_hash IN "
                f"({', '.join([mark] * len(part))})", part).all()
        if not rows:
            return found
        spans: dict[int, list[tuple[int, int, str]]] = {}
        layer_rows = self.session.execute(
            select(SpanRow.document_id, SpanRow.start, SpanRow.end, SpanRow.label).where(
                SpanRow.document_id.in_([r[1] for r in rows]),
                SpanRow.layer == str(self.layer),
                SpanRow.status != str(Status.REJECTED),
            )
        )
        for doc_id, start, end, label in layer_rows:
            spans.setdefault(doc_id, []).append((start, end, label))
        for digest, doc_id, source in rows:
            found[digest] = (doc_id, source, tuple(sorted(spans.get(doc_id, []))))
        return found

    def flush(self, batch: list[ParsedDocument]) -> None:
        report = self.report
        keep = self.options.duplicates is Duplicates.KEEP
        hashes = [content_hash(d.text) for d in batch]
        copy_hashes = [_copy_hash(d) for d in batch] if keep else hashes
        stored: dict[str, tuple[int | None, str, Signature | ParsedDocument]] = {}
        stored.update(self.stored(set(hashes) | (set(copy_hashes) if keep else set())))
        fresh: list[tuple[ParsedDocument, str]] = []
        for doc, digest, copy in zip(batch, hashes, copy_hashes, strict=True):
            earlier = stored.get(digest)
            if earlier is None:
                stored[digest] = (None, doc.source, doc)  # its signature is worked out if a copy follows
                fresh.append((doc, digest))
                continue
            _, source, other = earlier
            sig = _signature(doc.entities)
            earlier_sig = other if isinstance(other, tuple) else _signature(other.entities)
            if earlier_sig == sig or (keep and copy in stored):
                report.skipped += 1
                continue
            report.differing_count += 1
            if len(report.differing) < SHOWN_DUPLICATES:
                report.differing.append(
                    f"{doc.source} repeats the text of {source} with other labels: here "
                    f"{_describe(sig, doc.text)}, there {_describe(earlier_sig, doc.text)}"
                )
            if keep:
                stored[copy] = (None, doc.source, doc)
                fresh.append((doc, copy))
                report.kept += 1
            else:
                report.skipped += 1
        labels_met = [e.label for doc, _ in fresh for e in doc.entities]
        if missing := set(labels_met) - self.known_labels:
            report.new_labels += self.add_labels(missing)
            self.known_labels |= missing
        report.spans += len(labels_met)
        report.spans_per_label.update(labels_met)
        report.imported += len(fresh)
        if fresh:
            self.write(fresh)

    def add_labels(self, names: set[str]) -> list[str]:
        return self.project.ensure_labels_in(self.session, names)

    def write(self, docs: list[tuple[ParsedDocument, str]]) -> None:
        conn = self.session.connection()
        ids = self._new_ids(conn, len(docs))
        now = datetime.now(UTC)
        doc_table, span_table = DocumentRow.__table__, SpanRow.__table__
        stamp = _processor(conn, doc_table.c.imported_at)(now)
        meta = _cached(_processor(conn, doc_table.c.meta))
        span_stamp = _processor(conn, span_table.c.created_at)(now)
        _insert(
            conn,
            "documents",
            ("id", "title", "text", "source", "content_hash", "meta", "imported_at"),
            [
                (i, d.title[:500], d.text, d.source[:1000], digest, meta(d.meta), stamp)
                for i, (d, digest) in zip(ids, docs, strict=True)
            ],
        )
        layer, status, origin = str(self.layer), str(self.status), str(Origin.IMPORTED)
        _insert(
            conn,
            "spans",
            (
                "document_id",
                "layer",
                "start",
                "end",
                "label",
                "origin",
                "status",
                "version",
                "created_at",
                "updated_at",
            ),
            [
                (i, layer, e.start, e.end, e.label, origin, status, 1, span_stamp, span_stamp)
                for i, (d, _) in zip(ids, docs, strict=True)
                for e in d.entities
            ],
        )

    @staticmethod
    def _new_ids(conn: Connection, n: int) -> list[int]:
        """Ids for ``n`` new documents. SQLite: after the largest (the transaction holds the write lock);
        PostgreSQL: from the table's sequence."""
        if conn.dialect.name == "postgresql":
            return list(
                conn.scalars(
                    text(
                        "SELECT nextval(pg_get_serial_sequence('documents', 'id')) "
                        "FROM generate_series(1, :n)"
                    ),
                    {"n": n},
                )
            )
        top = conn.scalar(select(func.coalesce(func.max(DocumentRow.id), 0))) or 0
        return list(range(top + 1, top + 1 + n))


class _DryRun(_Sink):
    """Reads only: duplicates are looked up in the database and remembered from the file so far."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.seen: dict[bytes, tuple[str, Signature]] = {}

    def stored(self, hashes: set[str]) -> dict[str, tuple[int | None, str, Signature]]:
        found = super().stored(hashes)
        for digest in hashes:
            if digest not in found and (seen := self.seen.get(bytes.fromhex(digest)[:16])) is not None:
                found[digest] = (None, *seen)
        return found

    def add_labels(self, names: set[str]) -> list[str]:
        return sorted(names)

    def write(self, docs: list[tuple[ParsedDocument, str]]) -> None:
        for doc, digest in docs:
            self.seen[bytes.fromhex(digest)[:16]] = (doc.source, _signature(doc.entities))


def _processor(conn: Connection, column: Any) -> Callable[[Any], Any]:
    """The column type's own conversion of a Python value for this database (dates and JSON for SQLite)."""
    process = column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return process or (lambda value: value)


def _cached(process: Callable[[Any], Any]) -> Callable[[dict[str, Any]], Any]:
    """``process`` remembered for metadata made of plain values (a CoNLL file's documents share theirs)."""
    memo: dict[tuple[tuple[str, Any], ...], Any] = {}

    def run(value: dict[str, Any]) -> Any:
        try:
            key = tuple(value.items())
            hash(key)
        except TypeError:
            return process(value)
        if (done := memo.get(key)) is None:
            if len(memo) > 1000:
                memo.clear()
            done = memo[key] = process(value)
        return done

    return run


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _insert(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Rows straight through the driver, the import's rows need none of the ORM's work; many rows a statement
    (SQLite checks a CHECK ... IN (...) constraint at a fixed cost per statement, not per row)."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join([_mark(conn)] * len(columns)) + ")"
    per = max(1, MAX_PARAMETERS // len(columns))

    def statement(n: int) -> str:
        return f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * n)}"

    full = len(rows) // per * per
    if full:
        conn.exec_driver_sql(statement(per), [tuple(chain.from_iterable(rows[i : i + per]))
                                              for i in range(0, full, per)])
    if rest := rows[full:]:
        conn.exec_driver_sql(statement(len(rest)), tuple(chain.from_iterable(rest)))


# -- the entry points ---------------------------------------------------------------------------------------


def _options(fmt: Format, options: ImportOptions | None, overrides: dict[str, Any]) -> ImportOptions:
    options = options or ImportOptions()
    if fmt is not Format.AUTO:
        options = replace(options, format=fmt)
    read = {k: overrides.pop(k) for k in list(overrides) if k in ReadOptions.__dataclass_fields__}
    if read:
        options = replace(options, read=replace(options.read, **read))
    return replace(options, **overrides) if overrides else options


def import_file(
    project: Project,
    path: Path,
    fmt: Format = Format.AUTO,
    *,
    options: ImportOptions | None = None,
    progress: Callable[[int], None] | None = None,
    dry_run: bool = False,
    **overrides: Any,
) -> FileReport:
    """Import one file in one transaction. Any error leaves the database exactly as it was. ``overrides``:
    fields of ``ImportOptions`` or ``ReadOptions`` (``grouping=Grouping.SENTENCE``). With ``dry_run``, nothing
    is written: the report says what the import would do."""
    options = _options(fmt, options, overrides)
    report = FileReport(str(path), dry_run=dry_run)
    info = ReadInfo()
    try:
        with project.session_factory() if dry_run else project.transaction() as session:
            with (_DryRun if dry_run else _Sink)(project, session, report, options, path) as sink:
                batch: list[ParsedDocument] = []
                for doc in checked(read_documents(path, options, info), path):
                    _admit(doc, report, path)
                    batch.append(doc)
                    if len(batch) >= BATCH:
                        sink.flush(batch)
                        if progress:
                            progress(len(batch))
                        batch = []
                if batch:
                    sink.flush(batch)
                    if progress:
                        progress(len(batch))
            if dry_run:
                session.rollback()
    except ImportFormatError as exc:
        logger.warning("import failed: %s", exc)
        failed = FileReport(str(path), dry_run=dry_run, error=exc)
        failed.take(info)
        return failed
    except (DBAPIError, DatabaseError) as exc:  # disk full, read-only, damaged: the transaction rolled back
        problem = database_error(exc, project.engine.url)
        if problem is None:
            raise
        logger.warning("import of %s failed: %s", path, problem)
        return FileReport(str(path), dry_run=dry_run,
                          error=ImportFormatError(path, f"could not be stored: {problem}"))
    report.take(info)
    return report


def preview_file(
    project: Project,
    path: Path,
    fmt: Format = Format.AUTO,
    *,
    options: ImportOptions | None = None,
    **overrides: Any,
) -> FileReport:
    """What importing ``path`` would do, with nothing written (``newstag import --dry-run``)."""
    return import_file(project, path, fmt, options=options, dry_run=True, **overrides)
