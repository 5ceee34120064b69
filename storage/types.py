"""The value types and errors of the storage facade: what ``storage.project.Project``'s managers take and
return. ``gui/`` imports from storage only this module and the facade."""

from __future__ import annotations

from storage.backup import BackupError, BackupReport
from storage.db import DatabaseError, SchemaTooNewError
from storage.document_list import DocumentEntry
from storage.documents import NewDocument
from storage.export import ExportFormat, ExportOptions, ExportSummary, SkippedSpan, Source
from storage.export_types import ExportCancelled, ExportError, ExportOptionError, SkipReason
from storage.formats import ImportFormatError, ParsedDocument
from storage.formats.conll_writer import DEFAULT_PLACEHOLDER, ConllOptions, DocSeparator, WhitespacePolicy
from storage.formats.detect import Format
from storage.formats.options import (
    DEFAULT_TAG_MAP,
    TEXT_NAMES,
    Columns,
    Discontinuous,
    Duplicates,
    Grouping,
    Join,
    OffsetUnit,
    ReadOptions,
)
from storage.founder import Founder
from storage.import_sink import DryRunMemory
from storage.import_types import FileReport, ImportOptions, SpansAs
from storage.label_edits import LabelInUse, MergeReport
from storage.probe import DatabaseProbe
from storage.review import QueueEntry, ReviewItem
from storage.split import SplitRatios
from storage.stats import CorpusStats
from storage.team import AssignmentSummary, TeamError
from storage.trained_models import StoredModel
from storage.training import (
    BASE_ITERATIONS,
    BASE_KIND,
    MODEL_KIND,
    SETTINGS_KEY,
    ModelSettings,
    NothingToTrainOn,
    TrainingResult,
)

__all__ = [
    "BASE_ITERATIONS",
    "BASE_KIND",
    "DEFAULT_PLACEHOLDER",
    "DEFAULT_TAG_MAP",
    "MODEL_KIND",
    "SETTINGS_KEY",
    "TEXT_NAMES",
    "AssignmentSummary",
    "BackupError",
    "BackupReport",
    "Columns",
    "ConllOptions",
    "CorpusStats",
    "DatabaseError",
    "DatabaseProbe",
    "Discontinuous",
    "DocSeparator",
    "DocumentEntry",
    "DryRunMemory",
    "Duplicates",
    "ExportCancelled",
    "ExportError",
    "ExportFormat",
    "ExportOptionError",
    "ExportOptions",
    "ExportSummary",
    "FileReport",
    "Format",
    "Founder",
    "Grouping",
    "ImportFormatError",
    "ImportOptions",
    "Join",
    "LabelInUse",
    "MergeReport",
    "ModelSettings",
    "NewDocument",
    "NothingToTrainOn",
    "OffsetUnit",
    "ParsedDocument",
    "QueueEntry",
    "ReadOptions",
    "ReviewItem",
    "SchemaTooNewError",
    "SkipReason",
    "SkippedSpan",
    "Source",
    "SpansAs",
    "SplitRatios",
    "StoredModel",
    "TeamError",
    "TrainingResult",
    "WhitespacePolicy",
]
