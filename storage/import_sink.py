"""Writing an import: the documents of one file in batches, their spans, and new labels, with the rows going
to the database through the driver in large statements (a corpus of a gigabyte streams in flat memory); or,
for a dry run, only counting what would be written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from model.reasons import ReasonKind as K
from model.reasons import said
from model.spans import Layer, Origin, Status
from storage.database import Database
from storage.documents import content_hash
from storage.formats import ParsedDocument
from storage.formats.options import Duplicates
from storage.import_types import (
    MAX_PARAMETERS,
    SHOWN_DUPLICATES,
    SQLITE_CACHE_KB,
    FileReport,
    ImportOptions,
    Signature,
    SpansAs,
    copy_hash,
    describe,
    signature,
)
from storage.labels import Labels
from storage.orm import DocumentRow, LabelRow, SpanRow

# -- writing, or pretending to -------------------------------------------------------------------------------


class Sink:
    """Takes documents in batches; decides which are duplicates (against the database and the file so far)."""

    def __init__(
        self, project: Database, session: Session, report: FileReport, options: ImportOptions, path: Path
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

    def __enter__(self) -> Sink:
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
                f"({', '.join([mark] * len(part))})",
                part,
            ).all()
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
        copy_hashes = [copy_hash(d) for d in batch] if keep else hashes
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
            sig = signature(doc.entities)
            earlier_sig = other if isinstance(other, tuple) else signature(other.entities)
            if earlier_sig == sig or (keep and copy in stored):
                report.skipped += 1
                continue
            report.differing_count += 1
            if len(report.differing) < SHOWN_DUPLICATES:
                here, there = describe(sig, doc.text), describe(earlier_sig, doc.text)
                report.differing.append(
                    said(K.DUPLICATE_DIFFERS, source=doc.source, earlier=source, here=here, there=there)
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
        return Labels.ensure_in(self.session, names)

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


@dataclass
class DryRunMemory:
    """What the files read so far in one dry run would have written, as the real import writes them one after
    another: their documents (a later file repeating one is a duplicate) and the labels they would add."""

    seen: dict[bytes, tuple[str, Signature]] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)


class DryRun(Sink):
    """Reads only: duplicates are looked up in the database, the earlier files of the same dry run
    (``earlier``) and the file so far."""

    def __init__(self, *args: Any, earlier: DryRunMemory | None = None) -> None:
        super().__init__(*args)
        self.earlier = earlier if earlier is not None else DryRunMemory()
        self.known_labels |= self.earlier.labels
        self.seen: dict[bytes, tuple[str, Signature]] = {}
        self.added: set[str] = set()

    def stored(self, hashes: set[str]) -> dict[str, tuple[int | None, str, Signature]]:
        found = super().stored(hashes)
        for digest in hashes:
            key = bytes.fromhex(digest)[:16]
            if digest not in found and (seen := self.seen.get(key) or self.earlier.seen.get(key)) is not None:
                found[digest] = (None, *seen)
        return found

    def add_labels(self, names: set[str]) -> list[str]:
        self.added |= names
        return sorted(names)

    def write(self, docs: list[tuple[ParsedDocument, str]]) -> None:
        for doc, digest in docs:
            self.seen[bytes.fromhex(digest)[:16]] = (doc.source, signature(doc.entities))

    def remember(self) -> None:
        """The file was read to its end: the files after it meet what it would have written."""
        self.earlier.seen.update(self.seen)
        self.earlier.labels |= self.added


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
        conn.exec_driver_sql(
            statement(per), [tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, full, per)]
        )
    if rest := rows[full:]:
        conn.exec_driver_sql(statement(len(rest)), tuple(chain.from_iterable(rest)))


# -- the entry points ---------------------------------------------------------------------------------------
