"""Importing files into a project: each file in one transaction, all or nothing, streamed in batches so that
memory stays flat whatever the file's size; or, with ``dry_run``, the same reading and checking with nothing
written, to show what an import would do (``FileReport`` is the preview either way)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DataError, DBAPIError

from model.reasons import Reason, ReasonKind, said
from model.tagging import IPolicy
from storage.answers import taking_long
from storage.database import Database
from storage.db import DatabaseError, database_error
from storage.formats import ImportFormatError, ParsedDocument, ReadInfo
from storage.formats.boson import BosonReader
from storage.formats.brat import read_brat
from storage.formats.checks import checked
from storage.formats.conll import ConllReader
from storage.formats.detect import ALSO_SUFFIXES, SUFFIXES, Format, detect
from storage.formats.file_names import in_export_order
from storage.formats.input_file import unreadable
from storage.formats.iob import IobReader
from storage.formats.jsonl import JsonReader
from storage.formats.ontonotes import OntoNotesReader
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
from storage.formats.text_table import TextTableReader, names_text_column
from storage.formats.webanno import WebAnnoReader
from storage.formats.weibo import nominal_mentions_said
from storage.formats.wordtag import WordTagReader
from storage.formats.yedda import YeddaReader
from storage.import_sink import DryRun, DryRunMemory, Sink
from storage.import_types import BATCH, FileReport, ImportOptions, SpansAs

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
    "Importer",
    "Join",
    "OffsetUnit",
    "SpansAs",
    "detect_format",
    "expand_paths",
    "importable_suffixes",
    "parse_file",
    "passed_over",
    "read_documents",
    "unread_link",
]

logger = logging.getLogger(__name__)


def importable_suffixes() -> list[str]:
    """Every suffix a file the importer reads may have (a folder's files are chosen by them, and so are the
    Import dialog's), sorted: ``SUFFIXES`` and the ones other formats also come with."""
    return sorted(set(SUFFIXES).union(*ALSO_SUFFIXES.values()))


def expand_paths(paths: Iterable[Path], fmt: Format, text_column: str | None = None) -> list[Path]:
    """Files named directly, plus the importable files inside folders (recursively, sorted); a file named
    twice, or named and also inside a named folder, once (where it first comes). A ``.csv`` in a folder is
    taken where its header names the texts' column (``text_column``, else ``text`` or another name for it)."""
    files: list[Path] = []
    wanted = set(SUFFIXES) if fmt is Format.AUTO else {s for s, f in SUFFIXES.items() if f is fmt}
    wanted |= ALSO_SUFFIXES.get(fmt, set())
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in wanted
                and not (fmt is not Format.TXT and _brat_text(p))
                and not (p.suffix.lower() == ".csv" and not names_text_column(p, text_column))
            )
            files.extend(in_export_order(found))  # an export's folder: as it was exported (``RECORD``)
        else:
            files.append(path)
    seen: set[Path] = set()
    once = []
    for file in files:
        if (key := _identity(file)) not in seen:
            seen.add(key)
            once.append(file)
    return once


def passed_over(paths: Iterable[Path], files: Iterable[Path]) -> list[Path]:
    """The files inside the named folders that ``expand_paths`` did not take (``files``, what it gave),
    because their names are not of a kind it imports (``msra_train_bio``, ``README.md``, a ``.csv`` whose
    header names no ``text`` column: a table of something else), and
    the symbolic links it could not follow (``unread_link``: to nothing, in a loop, or to a folder), sorted;
    hidden files, brat's ``.conf`` files and the ``.txt`` half of a brat pair are not counted."""
    taken = {_identity(p) for p in files}
    return sorted(
        p
        for folder in paths
        if folder.is_dir()
        for p in folder.rglob("*")
        if (p.is_file() or p.is_symlink())
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.suffix.lower() != ".conf"
        and not _brat_text(p)
        and _identity(p) not in taken
    )


def unread_link(path: Path) -> bool:
    """A symbolic link that leads to no file: dangling, a loop (``a -> b -> a``), or to a folder (a folder
    reached through a link is not searched: it may hold the folder that holds it)."""
    return path.is_symlink() and not path.is_file()


def _identity(path: Path) -> Path:
    """The file a path names, resolved (``realpath`` never raises: a link loop is refused when it is read)."""
    return Path(os.path.realpath(path))


def _brat_text(path: Path) -> bool:
    """The .txt half of a brat pair (``X.txt`` + ``X.ann``) or the text YEDDA annotated (``X.txt`` +
    ``X.txt.ann``): imported through its .ann file, not as plain text."""
    return path.suffix.lower() == ".txt" and (
        path.with_suffix(".ann").is_file() or path.with_name(path.name + ".ann").is_file()
    )


def detect_format(path: Path) -> Format:
    return detect(path).format


def read_documents(path: Path, options: ImportOptions, info: ReadInfo) -> Iterator[ParsedDocument]:
    """The documents of one file, one at a time; what the reader learns goes to ``info``. A file that cannot
    be read at any point (deleted, or replaced by a folder, after it was named) is refused by its name."""
    try:
        yield from _read_documents(path, options, info)
    except OSError as exc:
        raise unreadable(path, exc) from exc


def _read_documents(path: Path, options: ImportOptions, info: ReadInfo) -> Iterator[ParsedDocument]:
    if not path.exists() and not path.is_symlink():
        raise ImportFormatError.of(path, ReasonKind.NOT_FOUND)
    fmt = options.format
    source: TextFile | None = None
    late: int | None = None
    if fmt is Format.AUTO:
        detection = detect(path, options.read.text_column)
        fmt, source, late = detection.format, detection.source, detection.late_mark
    read = options.read
    if fmt is Format.TXT:
        info.format = "txt"
        yield from read_txt(path, info)
    elif fmt in (Format.JSONL, Format.JSON):
        yield from JsonReader(path, read, info, source, array=fmt is Format.JSON).documents()
    elif fmt is Format.BRAT:
        yield from read_brat(path, None, read, info, source)
    elif fmt is Format.WORDTAG:
        yield from WordTagReader(path, read, info, source).documents()
    elif fmt is Format.ONTONOTES:
        yield from OntoNotesReader(path, read, info, source).documents()
    elif fmt is Format.BOSON:
        yield from BosonReader(path, read, info, source).documents()
    elif fmt is Format.WEBANNO:
        yield from WebAnnoReader(path, read, info, source).documents()
    elif fmt is Format.IOB:
        yield from IobReader(path, read, info, source).documents()
    elif fmt is Format.CSV:
        yield from TextTableReader(path, read, info, source).documents()
    elif fmt is Format.YEDDA and late is not None:
        yield from _late_yedda(path, read, info, source, late)
    elif fmt is Format.YEDDA:
        yield from YeddaReader(path, read, info, source).documents()
    else:
        yield from nominal_mentions_said(ConllReader(path, read, info, source).documents(), info)


def _late_yedda(
    path: Path, read: ReadOptions, info: ReadInfo, source: TextFile | None, late: int
) -> Iterator[ParsedDocument]:
    """A .txt whose first YEDDA mark is past its head (``late``): read as YEDDA with a warning naming that
    line; where YEDDA cannot read it, as the plain text it then surely is, with a note saying why."""
    try:
        documents = list(YeddaReader(path, read, info, source).documents())  # one document, read whole
    except ImportFormatError as exc:
        info.variant = ""
        info.notes.append(
            said(ReasonKind.NOTE_YEDDA_AS_TEXT, first=late, line=exc.line, problem=exc.refusal or exc.reason)
        )
        yield from read_txt(path, info)
        return
    info.warnings.insert(0, said(ReasonKind.WARN_YEDDA_LATE, line=late))
    yield from documents


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
                said(ReasonKind.WARN_DUPLICATE_SPANS, path=path, line=doc.line, count=dropped)
            )
            doc.entities = unique


def _options(fmt: Format, options: ImportOptions | None, overrides: dict[str, Any]) -> ImportOptions:
    options = options or ImportOptions()
    if fmt is not Format.AUTO:
        options = replace(options, format=fmt)
    read = {k: overrides.pop(k) for k in list(overrides) if k in ReadOptions.__dataclass_fields__}
    if read:
        options = replace(options, read=replace(options.read, **read))
    return replace(options, **overrides) if overrides else options


class Importer:
    """Bringing files into the project (``project.importer``); each file in one transaction."""

    expand_paths = staticmethod(expand_paths)
    suffixes = staticmethod(importable_suffixes)
    passed_over = staticmethod(passed_over)
    unread_link = staticmethod(unread_link)
    parse_file = staticmethod(parse_file)

    def __init__(self, db: Database) -> None:
        self._db = db

    @taking_long  # a batch may rightly take longer than a key waits; a server that never answers ends it
    def import_file(
        self,
        path: Path,
        fmt: Format = Format.AUTO,
        *,
        options: ImportOptions | None = None,
        progress: Callable[[int], None] | None = None,
        dry_run: bool = False,
        earlier: DryRunMemory | None = None,
        **overrides: Any,
    ) -> FileReport:
        """Import one file in one transaction. Any error leaves the database exactly as it was.
        ``overrides``: fields of ``ImportOptions`` or ``ReadOptions`` (``grouping=Grouping.SENTENCE``). With
        ``dry_run``, nothing is written: the report says what the import would do, after the files of the same
        dry run read before it with the same ``earlier`` (their documents are duplicates here too)."""
        project = self._db
        options = _options(fmt, options, overrides)
        report = FileReport(str(path), dry_run=dry_run)
        info = ReadInfo()
        try:
            with project.session_factory() if dry_run else project.transaction() as session:
                sink = (
                    DryRun(project, session, report, options, path, earlier=earlier)
                    if dry_run
                    else Sink(project, session, report, options, path)
                )
                with sink:
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
            logger.info("import failed: %s", exc)  # the report says it: the caller prints or shows it
            failed = FileReport(str(path), dry_run=dry_run, error=exc)
            failed.take(info)
            return failed
        except (DBAPIError, DatabaseError) as exc:  # disk full, read-only, damaged: rolled back
            problem = database_error(exc, project.engine.url)
            if problem is None and isinstance(exc, DataError):  # a value the database refuses: this file's
                first = str(exc.orig or exc).strip().splitlines()[0]
                why = Reason.of(ReasonKind.STORE_FAILED, problem=f"the database refused a value ({first})")
                logger.warning("import of %s failed: %s", path, why)
                return FileReport(str(path), dry_run=dry_run, error=ImportFormatError(path, why))
            if problem is None:
                raise
            logger.info("import of %s failed: %s", path, problem)
            why = Reason.of(ReasonKind.STORE_FAILED, problem=str(problem))
            refusal = ImportFormatError(path, why, fault=problem.fault)
            return FileReport(str(path), dry_run=dry_run, error=refusal)
        if isinstance(sink, DryRun):
            sink.remember()
        report.take(info)
        return report

    def preview_file(
        self,
        path: Path,
        fmt: Format = Format.AUTO,
        *,
        options: ImportOptions | None = None,
        earlier: DryRunMemory | None = None,
        **overrides: Any,
    ) -> FileReport:
        """What importing ``path`` would do, with nothing written (``newstag import --dry-run``)."""
        return self.import_file(path, fmt, options=options, dry_run=True, earlier=earlier, **overrides)

    @staticmethod
    def read(path: Path, sentences_per_document: int | None = None) -> list[ParsedDocument]:
        """Every document of a file, in any importable format, each checked (``storage.formats.checks``) as
        the import checks it; nothing is stored."""
        parsed = parse_file(path, Format.AUTO, Grouping.AUTO, IPolicy.REPAIR, [], sentences_per_document)
        return list(checked(parsed, path))
