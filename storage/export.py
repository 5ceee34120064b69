"""Exporting training data: whose labels, which documents, which labels, how split, into which format.

``export(project, options, out)`` streams documents from the database in batches (server-side where the
backend has it), writes each one as soon as it is read, and returns an ``ExportSummary``. Nothing about a
document is kept after it is written except counters, so memory stays flat whatever the corpus size.

Whose labels: an annotator's accepted spans, the accepted gold spans, or per document gold where the
document is adjudicated and a named annotator's otherwise. Machine suggestions are never exported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, literal, not_, or_, select
from sqlalchemy.orm import Session, aliased

from model.labels import label_reason
from model.reasons import Reason
from model.reasons import ReasonKind as K
from model.sentences import SentenceMode, blocks, split_sentences
from model.spans import DocState, Entity, Layer, Status
from storage.answers import taking_long
from storage.database import Database
from storage.db import sqlite_path
from storage.export_options import ExportFormat, ExportOptions, Source
from storage.export_output import (
    ExportOutput,
    ExportTargetExists,
    abandon,
    cannot_write,
    existing,
    guard_database,
)
from storage.export_types import (
    DocumentWriter,
    ExportCancelled,
    ExportDocument,
    ExportError,
    ExportOptionError,
    ExportSummary,
    SkippedSpan,
    SkipReason,
)
from storage.export_writers import open_writer, output_paths, writes_folder
from storage.formats.conll_writer import check_label
from storage.orm import AnnotatorRow, DocumentRow, LabelRow, ProgressRow, SpanRow
from storage.split import Part, assign_parts

__all__ = [
    "ExportCancelled",
    "ExportError",
    "ExportFormat",
    "ExportOptionError",
    "ExportOptions",
    "ExportSummary",
    "ExportTargetExists",
    "Exporter",
    "SkipReason",
    "SkippedSpan",
    "Source",
    "adjudicated",
]

logger = logging.getLogger(__name__)

BATCH = 1000
EXAMPLES = 20  # skipped spans listed one by one in the summary; the rest are counted


def adjudicated(document_id: Any) -> ColumnElement[bool]:
    """Whether a document counts as adjudicated: it has at least one gold-layer row. The one place that
    says so (a review feature may add an explicit marker)."""
    gold = aliased(SpanRow)
    return exists().where(gold.document_id == document_id, gold.layer == str(Layer.GOLD))


# -- planning ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plan:
    options: ExportOptions
    annotator_id: int | None
    mapping: dict[str, str | None]  # every label of the project -> the name written, or None


def _plan(session: Session, options: ExportOptions) -> _Plan:
    annotator_id = None
    needs_annotator = options.source is not Source.GOLD or options.states is not None
    if options.annotator is not None:
        annotator_id = session.scalar(select(AnnotatorRow.id).where(AnnotatorRow.name == options.annotator))
        if annotator_id is None:
            names = session.scalars(select(AnnotatorRow.name).order_by(AnnotatorRow.name))
            known = ", ".join(names) or Reason.of(K.NOBODY)
            raise ExportOptionError(
                Reason.of(K.EXPORT_UNKNOWN_ANNOTATOR, name=options.annotator, known=known)
            )
    elif needs_annotator:
        raise ExportOptionError(Reason.of(K.EXPORT_NEEDS_ANNOTATOR))
    known_labels = set(session.scalars(select(LabelRow.name)))  # spans' labels are among them (foreign key)
    unknown = sorted(set(options.label_map) - known_labels)
    if unknown:
        known = ", ".join(sorted(known_labels))
        raise ExportOptionError(Reason.of(K.EXPORT_UNKNOWN_MAPPED, unknown=", ".join(unknown), known=known))
    mapping: dict[str, str | None] = {}
    for name in known_labels:
        target = options.label_map.get(name, name)
        target = target.strip() if target else None
        mapping[name] = target or None
    if options.labels is not None:
        available = {t for t in mapping.values() if t}
        missing = sorted(options.labels - available)
        if missing:
            said = Reason.of(
                K.EXPORT_UNKNOWN_LABELS, missing=", ".join(missing), available=", ".join(sorted(available))
            )
            raise ExportOptionError(said)
        mapping = {k: (v if v in options.labels else None) for k, v in mapping.items()}
    targets = sorted({t for t in mapping.values() if t})
    if options.format in (ExportFormat.CONLL, ExportFormat.CONLL_WORD):
        options.conll.check()
        for target in targets:
            check_label(target, options.conll.separator)
    for target in targets:  # one rule for every format: a brat type or a JSON label is a label too
        if (problem := label_reason(target)) is not None:
            raise ExportOptionError(Reason.of(K.EXPORT_BAD_NAME, problem=problem))
    return _Plan(options, annotator_id, mapping)


def _layer_conditions(plan: _Plan, span: Any) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    gold = and_(span.layer == str(Layer.GOLD), span.status == str(Status.ACCEPTED))
    if plan.annotator_id is None:
        return gold, false()
    own = and_(
        span.layer == str(Layer.ANNOTATOR),
        span.annotator_id == plan.annotator_id,
        span.status == str(Status.ACCEPTED),
    )
    return gold, own


def _labelled(plan: _Plan) -> ColumnElement[bool]:
    """A document has at least one span that will be written (before overlap and whitespace checks)."""
    wanted = sorted(k for k, v in plan.mapping.items() if v)
    span = aliased(SpanRow)
    gold, own = _layer_conditions(plan, span)

    def has(condition: ColumnElement[bool]) -> ColumnElement[bool]:
        return exists().where(span.document_id == DocumentRow.id, condition, span.label.in_(wanted))

    source = plan.options.source
    if source is Source.GOLD:
        return has(gold)
    if source is Source.ANNOTATOR:
        return has(own)
    is_adjudicated = adjudicated(DocumentRow.id)
    return or_(and_(is_adjudicated, has(gold)), and_(not_(is_adjudicated), has(own)))


def _document_filter(plan: _Plan, query: Any) -> Any:
    states = plan.options.states
    if states is not None:
        state = func.coalesce(ProgressRow.state, str(DocState.NEW))
        query = query.outerjoin(
            ProgressRow,
            and_(ProgressRow.document_id == DocumentRow.id, ProgressRow.annotator_id == plan.annotator_id),
        )
        query = query.where(state.in_(sorted(str(s) for s in states)))
    return query


def _count(session: Session, plan: _Plan, labelled_only: bool) -> int:
    query = _document_filter(plan, select(func.count(DocumentRow.id)))
    if labelled_only:
        query = query.where(_labelled(plan))
    return session.scalar(query) or 0


# -- reading ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Read:
    id: int
    title: str
    text: str
    adjudicated: bool
    spans: list[tuple[int, int, int, str, str]]  # (id, start, end, label, layer), sorted by start, end, id


def _documents(session: Session, plan: _Plan) -> Iterator[_Read]:
    """Documents in id order with their candidate spans, read in batches from a streamed query."""
    is_adjudicated = (
        adjudicated(DocumentRow.id)
        if plan.options.source is Source.GOLD_ELSE_ANNOTATOR
        else literal(plan.options.source is Source.GOLD)
    )
    query = select(DocumentRow.id, DocumentRow.title, DocumentRow.text, is_adjudicated.label("adjudicated"))
    query = _document_filter(plan, query)
    if plan.options.skip_unlabelled:
        query = query.where(_labelled(plan))
    query = query.order_by(DocumentRow.id).execution_options(yield_per=BATCH)
    gold, own = _layer_conditions(plan, SpanRow)
    for batch in session.execute(query).partitions():
        low, high = batch[0].id, batch[-1].id
        spans: dict[int, list[tuple[int, int, int, str, str]]] = {}
        rows = session.execute(
            select(SpanRow.document_id, SpanRow.id, SpanRow.start, SpanRow.end, SpanRow.label, SpanRow.layer)
            .where(SpanRow.document_id.between(low, high), or_(gold, own))
            .order_by(SpanRow.document_id, SpanRow.start, SpanRow.end, SpanRow.id)
        )
        for doc_id, span_id, start, end, label, layer in rows:
            spans.setdefault(doc_id, []).append((span_id, start, end, label, layer))
        for row in batch:
            yield _Read(row.id, row.title, row.text, bool(row.adjudicated), spans.get(row.id, []))


# Formats that carry overlapping (nested, crossing) spans; a CoNLL tag sequence cannot.
OVERLAPPING = (ExportFormat.JSONL, ExportFormat.BRAT, ExportFormat.WEBANNO)


# Formats that write sentences: a document with none (only blanks) is not written at all.
SENTENCE_FORMATS = (ExportFormat.CONLL, ExportFormat.CONLL_WORD, ExportFormat.WEBANNO)


def _entities(plan: _Plan, doc: _Read, summary: ExportSummary) -> list[Entity]:
    """The document's entities in the chosen layer: labels mapped, dropped ones counted, and, for the
    formats that cannot carry overlapping spans, of overlapping spans only the first (by start, then end)
    kept and the others reported."""
    layer = str(Layer.GOLD) if doc.adjudicated else str(Layer.ANNOTATOR)
    overlaps = plan.options.format in OVERLAPPING
    kept: list[Entity] = []
    for _, start, end, label, span_layer in doc.spans:
        if span_layer != layer:
            continue
        target = plan.mapping.get(label)
        entity = Entity(start, end, target or label)
        if target is None:
            summary.skipped_spans[SkipReason.DROPPED_LABEL] += 1
            continue
        if kept and start < kept[-1].end and not overlaps:
            _skip_span(summary, SkippedSpan(doc.id, entity, SkipReason.OVERLAP, kept[-1]))
            continue
        kept.append(entity)
    return kept


def _skip_span(summary: ExportSummary, skipped: SkippedSpan) -> None:
    summary.skipped_spans[skipped.reason] += 1
    if len(summary.examples) < EXAMPLES:
        summary.examples.append(skipped)


# -- writing ----------------------------------------------------------------------------------------


def _assignment(session: Session, plan: _Plan) -> dict[int, Part]:
    query = _document_filter(plan, select(DocumentRow.id))
    if plan.options.skip_unlabelled:
        query = query.where(_labelled(plan))
    assert plan.options.split is not None
    return assign_parts(list(session.scalars(query)), plan.options.split, plan.options.seed)


def _write_all(
    session: Session,
    plan: _Plan,
    writers: Mapping[str, DocumentWriter],
    parts: Mapping[int, Part] | None,
    summary: ExportSummary,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    options = plan.options
    done = 0
    for doc in _documents(session, plan):
        if cancelled is not None and done % 100 == 0 and cancelled():
            raise ExportCancelled("export cancelled")
        entities = _entities(plan, doc, summary)
        done += 1
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
        if not entities and options.skip_unlabelled:
            summary.skipped_documents[SkipReason.NO_LABELS] += 1
            continue
        part = parts[doc.id].value if parts is not None else "all"
        result = writers[part].write(ExportDocument(doc.id, doc.title, doc.text, entities))
        for reason, entity in result.skipped:
            _skip_span(summary, SkippedSpan(doc.id, entity, reason))
        if options.format in SENTENCE_FORMATS and result.sentences == 0:
            summary.skipped_documents[SkipReason.EMPTY] += 1
            continue
        summary.documents[part] += 1
        summary.sentences += result.sentences or _sentences(doc.text, entities, options.conll.sentences)
        summary.entities.update(e.label for e in result.written)
    if progress is not None:
        progress(done, total)


def _sentences(text: str, entities: Sequence[Entity], mode: SentenceMode) -> int:
    return len(blocks(split_sentences(text, mode), entities))


class Exporter:
    """Writing the project's annotations out (``project.export``): one file, or one per part of a split."""

    output_paths = staticmethod(output_paths)

    def __init__(self, db: Database) -> None:
        self._db = db
        self._database = sqlite_path(db.engine.url)

    def existing_output(self, options: ExportOptions, out: Path) -> str | None:
        """What is at ``out`` already, that the export would replace with ``overwrite`` (None: nothing).
        ExportOptionError if a file is where a folder goes or the reverse, or if ``out`` is (or, a folder,
        holds) the project's SQLite database."""
        guard_database(out, writes_folder(options), self._database)
        return existing(out, writes_folder(options))

    @taking_long  # reads over the whole corpus; a server that never answers ends it
    def run(
        self,
        options: ExportOptions,
        out: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        overwrite: bool = False,
    ) -> ExportSummary:
        """Write the export into a temporary sibling of ``out`` and move it into place once complete. Raises
        ExportOptionError before writing anything if an option cannot work, ExportTargetExists if ``out``
        holds something and ``overwrite`` is not given (with it, ``out`` is replaced as a whole)."""
        project = self._db
        summary = ExportSummary()
        with project.session_factory() as session:
            plan = _plan(session, options)
            guard_database(out, writes_folder(options), self._database)
            output = ExportOutput(out, writes_folder(options), overwrite)
            total = _count(session, plan, labelled_only=options.skip_unlabelled)
            candidates = _count(session, plan, labelled_only=False) if options.skip_unlabelled else total
            if options.skip_unlabelled:
                summary.skipped_documents[SkipReason.NO_LABELS] = candidates - total
            if options.states is not None:  # the documents the state filter left out are said, not hidden
                summary.left_out = (session.scalar(select(func.count(DocumentRow.id))) or 0) - candidates
                summary.states = tuple(str(s) for s in DocState if s in options.states)
            if not total:  # an empty file would pass for training data; nothing is written
                if candidates:
                    raise ExportOptionError(Reason.of(K.EXPORT_NOTHING_LABELLED, chosen=candidates))
                raise ExportOptionError(Reason.of(K.EXPORT_NO_DOCUMENTS))
            parts = _assignment(session, plan) if options.split else None
            writers: dict[str, DocumentWriter] = {}
            staging = output.begin()
            try:
                for name, path in output_paths(options, staging).items():
                    writers[name] = open_writer(options, path)
                _write_all(session, plan, writers, parts, summary, total, progress, cancelled)
                if parts is not None:
                    summary.empty_parts = [p.value for p in Part if not summary.documents[p.value]]
                for writer in writers.values():
                    writer.close()
                output.commit()
            except BaseException as exc:
                abandon(writers.values(), output)
                if isinstance(exc, OSError):
                    raise cannot_write(out, exc) from exc
                raise
        summary.files = list(output_paths(options, out).values())
        logger.info("exported %d documents to %s", summary.total_documents, out)
        return summary
