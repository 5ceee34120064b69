"""The end-of-export report in the window's language: the lines ``ExportSummary.render`` gives the terminal,
each worded through Qt's translator (context ``ExportSummary``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.i18n import QT_TRANSLATE_NOOP
from storage.types import ExportSummary, SkipReason

CONTEXT = "ExportSummary"
_SKIPPED = {
    SkipReason.NO_LABELS: QT_TRANSLATE_NOOP(
        "ExportSummary", "skipped {0:,} document(s) without labels in the chosen layer"
    ),
    SkipReason.EMPTY: QT_TRANSLATE_NOOP(
        "ExportSummary", "skipped {0:,} document(s) with nothing left to write (only whitespace)"
    ),
    SkipReason.OVERLAP: QT_TRANSLATE_NOOP(
        "ExportSummary",
        "skipped {0:,} span(s) overlapping an earlier span of the same layer (the earlier one was kept)",
    ),
    SkipReason.WHITESPACE_ONLY: QT_TRANSLATE_NOOP(
        "ExportSummary", "skipped {0:,} span(s) covering only whitespace, which the format does not write"
    ),
    SkipReason.DROPPED_LABEL: QT_TRANSLATE_NOOP(
        "ExportSummary", "skipped {0:,} span(s) whose label was dropped or mapped to nothing"
    ),
}
_WHY = {  # one skipped span, by example
    SkipReason.NO_LABELS: QT_TRANSLATE_NOOP("ExportSummary", "without labels in the chosen layer"),
    SkipReason.EMPTY: QT_TRANSLATE_NOOP("ExportSummary", "with nothing left to write (only whitespace)"),
    SkipReason.OVERLAP: QT_TRANSLATE_NOOP(
        "ExportSummary", "overlapping an earlier span of the same layer (the earlier one was kept)"
    ),
    SkipReason.WHITESPACE_ONLY: QT_TRANSLATE_NOOP(
        "ExportSummary", "covering only whitespace, which the format does not write"
    ),
    SkipReason.DROPPED_LABEL: QT_TRANSLATE_NOOP(
        "ExportSummary", "whose label was dropped or mapped to nothing"
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def render_summary(summary: ExportSummary) -> str:
    """The report, line for line as ``summary.render()`` in English; label names, parts and paths as they
    are."""
    parts = ", ".join(f"{part} {n:,}" for part, n in sorted(summary.documents.items()) if part != "all")
    documents = QCoreApplication.translate("ExportSummary", "documents: {0:,}").format(
        summary.total_documents
    )
    lines = [
        documents + (f" ({parts})" if parts else ""),
        QCoreApplication.translate("ExportSummary", "sentences: {0:,}").format(summary.sentences),
    ]
    if summary.entities:
        counts = ", ".join(f"{label} {n:,}" for label, n in sorted(summary.entities.items()))
        lines.append(QCoreApplication.translate("ExportSummary", "entities: {0}").format(counts))
    else:
        lines.append(QCoreApplication.translate("ExportSummary", "entities: none"))
    for counter in (summary.skipped_documents, summary.skipped_spans):
        for reason, n in sorted(counter.items()):
            if n:
                lines.append(_tr(_SKIPPED[reason]).format(n))
    for ex in summary.examples:
        e = ex.entity
        if ex.kept is not None:
            k = ex.kept
            lines.append(
                QCoreApplication.translate(
                    "ExportSummary", "  document {0}: {1} [{2}, {3}) overlaps {4} [{5}, {6})"
                ).format(ex.document_id, e.label, e.start, e.end, k.label, k.start, k.end)
            )
        else:
            lines.append(
                QCoreApplication.translate("ExportSummary", "  document {0}: {1} [{2}, {3}): {4}").format(
                    ex.document_id, e.label, e.start, e.end, _tr(_WHY[ex.reason])
                )
            )
    lines += [QCoreApplication.translate("ExportSummary", "wrote {0}").format(path) for path in summary.files]
    return "\n".join(lines)
