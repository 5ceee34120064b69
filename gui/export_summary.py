"""The end-of-export report in the window's language: ``ExportSummary.render`` with Qt's translator
(context ``ExportSummary``). The templates it words are marked here for ``pyside6-lupdate``; they are the
English of ``storage/export_types.py`` (a test keeps the two the same)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.i18n import QT_TRANSLATE_NOOP
from storage.types import ExportSummary

CONTEXT = "ExportSummary"
TEMPLATES = (
    QT_TRANSLATE_NOOP("ExportSummary", "documents: {0:,}"),
    QT_TRANSLATE_NOOP("ExportSummary", "sentences: {0:,}"),
    QT_TRANSLATE_NOOP(
        "ExportSummary",
        "warning: no document went to {0} (written empty): {1:,} document(s) are too few for these ratios",
    ),
    QT_TRANSLATE_NOOP("ExportSummary", "entities: {0}"),
    QT_TRANSLATE_NOOP("ExportSummary", "entities: none"),
    QT_TRANSLATE_NOOP("ExportSummary", "skipped {0:,} document(s) without labels in the chosen layer"),
    QT_TRANSLATE_NOOP(
        "ExportSummary", "skipped {0:,} document(s) with nothing left to write (only whitespace)"
    ),
    QT_TRANSLATE_NOOP(
        "ExportSummary",
        "skipped {0:,} span(s) overlapping an earlier span of the same layer (the earlier one was kept)",
    ),
    QT_TRANSLATE_NOOP(
        "ExportSummary", "skipped {0:,} span(s) covering only whitespace, which the format does not write"
    ),
    QT_TRANSLATE_NOOP("ExportSummary", "skipped {0:,} span(s) whose label was dropped or mapped to nothing"),
    QT_TRANSLATE_NOOP(
        "ExportSummary",
        "skipped {0:,} span(s) beginning or ending on a tab or line break, not a WebAnno TSV token",
    ),
    QT_TRANSLATE_NOOP("ExportSummary", "without labels in the chosen layer"),
    QT_TRANSLATE_NOOP("ExportSummary", "with nothing left to write (only whitespace)"),
    QT_TRANSLATE_NOOP(
        "ExportSummary", "overlapping an earlier span of the same layer (the earlier one was kept)"
    ),
    QT_TRANSLATE_NOOP("ExportSummary", "covering only whitespace, which the format does not write"),
    QT_TRANSLATE_NOOP("ExportSummary", "whose label was dropped or mapped to nothing"),
    QT_TRANSLATE_NOOP("ExportSummary", "beginning or ending on a tab or line break, not a WebAnno TSV token"),
    QT_TRANSLATE_NOOP("ExportSummary", "  document {0}: {1} [{2}, {3}) overlaps {4} [{5}, {6})"),
    QT_TRANSLATE_NOOP("ExportSummary", "  document {0}: {1} [{2}, {3}): {4}"),
    QT_TRANSLATE_NOOP("ExportSummary", "left out: {0:,} document(s) not marked done"),
    QT_TRANSLATE_NOOP("ExportSummary", "left out: {0:,} document(s) in none of the states {1}"),
    QT_TRANSLATE_NOOP("ExportSummary", "new"),
    QT_TRANSLATE_NOOP("ExportSummary", "in progress"),
    QT_TRANSLATE_NOOP("ExportSummary", "done"),
    QT_TRANSLATE_NOOP("ExportSummary", "wrote {0}"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def render_summary(summary: ExportSummary) -> str:
    """The report in the window's language; in English, the terminal's line for line."""
    return summary.render(_tr)
