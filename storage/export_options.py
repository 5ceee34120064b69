"""What an export is asked for: the format, whose labels, which documents and labels, how split."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from model.spans import DocState
from storage.formats.conll_writer import ConllOptions
from storage.split import SplitRatios


class ExportFormat(enum.StrEnum):
    CONLL = "conll"  # character-level CoNLL
    CONLL_WORD = "conll-word"  # jieba words
    JSONL = "jsonl"  # doccano
    BRAT = "brat"  # .txt + .ann pairs in a folder
    WEBANNO = "webanno"  # WebAnno TSV 3.3 (INCEpTION), one .tsv per document in a folder


class Source(enum.StrEnum):
    ANNOTATOR = "annotator"
    GOLD = "gold"
    GOLD_ELSE_ANNOTATOR = "gold-else-annotator"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    format: ExportFormat = ExportFormat.CONLL
    source: Source = Source.GOLD
    annotator: str | None = None  # needed by ANNOTATOR, GOLD_ELSE_ANNOTATOR and any state filter
    states: frozenset[DocState] | None = None  # the annotator's document states to export; None: all
    label_map: Mapping[str, str | None] = field(default_factory=dict)  # old -> new name, or None: drop
    labels: frozenset[str] | None = None  # export only these (names after mapping); None: all
    skip_unlabelled: bool = True  # skip documents with no label in the chosen layer
    conll: ConllOptions = field(default_factory=ConllOptions)
    split: SplitRatios | None = None
    seed: int = 0
