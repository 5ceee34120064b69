"""How an action refused for labels a lead renamed, merged or removed meanwhile names them: one label, or
several (``LabelGone.labels``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication


def labels_gone(labels: Sequence[str]) -> str:
    """“the label ORG is no longer in the project…”, “the labels ORG, PER are no longer…”, translated."""
    if len(labels) == 1:
        said = QCoreApplication.translate(
            "LabelGone",
            "the label {0} is no longer in the project: a lead renamed, merged or removed it meanwhile",
        )
    else:
        said = QCoreApplication.translate(
            "LabelGone",
            "the labels {0} are no longer in the project: a lead renamed, merged or removed them meanwhile",
        )
    return said.format(", ".join(labels))
