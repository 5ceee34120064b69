"""Which writer an export opens, and where its files go (one file, a folder per split part, the folder of
brat and of WebAnno TSV)."""

from __future__ import annotations

from pathlib import Path

from storage.export_options import ExportFormat, ExportOptions
from storage.export_types import DocumentWriter
from storage.formats.brat import BratWriter
from storage.formats.conll_writer import ConllOptions, ConllWriter, Level
from storage.formats.jsonl_writer import SUFFIX as JSONL_SUFFIX
from storage.formats.jsonl_writer import JsonlWriter
from storage.formats.webanno_writer import WebAnnoWriter
from storage.split import Part

FOLDER_FORMATS = (ExportFormat.BRAT, ExportFormat.WEBANNO)  # a folder of files, one or two per document


def _suffix(options: ExportOptions) -> str:
    if options.format is ExportFormat.JSONL:
        return JSONL_SUFFIX
    return options.conll.suffix


def open_writer(options: ExportOptions, path: Path) -> DocumentWriter:
    if options.format is ExportFormat.BRAT:
        return BratWriter(path)
    if options.format is ExportFormat.WEBANNO:
        return WebAnnoWriter(path, options.conll.sentences)
    if options.format is ExportFormat.JSONL:
        return JsonlWriter(path)
    level = Level.WORD if options.format is ExportFormat.CONLL_WORD else Level.CHAR
    conll = ConllOptions(
        level,
        options.conll.scheme,
        options.conll.separator,
        options.conll.sentences,
        options.conll.whitespace,
        options.conll.placeholder,
        options.conll.doc_separator,
    )
    return ConllWriter(path, conll)


def writes_folder(options: ExportOptions) -> bool:
    """A split, brat and WebAnno TSV write a folder; the others one file."""
    return options.split is not None or options.format in FOLDER_FORMATS


def output_paths(options: ExportOptions, out: Path) -> dict[str, Path]:
    """Where each part goes: ``out`` itself without a split; ``out/train.bio`` (or ``out/train/`` for
    brat and WebAnno TSV) and so on with one."""
    if options.split is None:
        return {"all": out}
    suffix = "" if options.format in FOLDER_FORMATS else _suffix(options)
    return {part.value: out / f"{part.value}{suffix}" for part in Part}
