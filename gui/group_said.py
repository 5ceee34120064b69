"""What the keys that decide many spans at once say in the status bar: E and Shift+E (every occurrence of the
framed span's text). Each says what it did and what it left as it was, never a count of 0 that reads as a
failure."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.editing import Plan


def everywhere_said(surface: str, label: str, plan: Plan, corpus: bool, accepted_now: bool) -> str:
    """E (Shift+E: ``corpus``) on ``surface``, its framed span ``accepted_now`` by it or accepted before."""
    offered = plan.offered_in
    if plan.labelled and not corpus:
        said = QCoreApplication.translate("GroupSaid", "Labelled {0:,} more “{1}” in this article.")
    elif plan.labelled and offered:
        said = QCoreApplication.translate(
            "GroupSaid", "Labelled {0:,} more “{1}” in this article; offered in {3:,} other document(s)."
        )
    elif plan.labelled:
        said = QCoreApplication.translate(
            "GroupSaid",
            "Labelled {0:,} more “{1}” in this article; no other unfinished document to offer it in.",
        )
    elif accepted_now and not corpus:
        said = QCoreApplication.translate("GroupSaid", "Accepted “{1}” as {2}.")
    elif accepted_now and offered:
        said = QCoreApplication.translate(
            "GroupSaid", "Accepted “{1}” as {2}; offered in {3:,} other document(s)."
        )
    elif accepted_now:
        said = QCoreApplication.translate(
            "GroupSaid", "Accepted “{1}” as {2}; no other unfinished document to offer it in."
        )
    else:
        said = QCoreApplication.translate("GroupSaid", "“{1}” offered in {3:,} other document(s).")
    if not plan.labelled and not plan.left_inside:  # not "in this article": one may lie inside an own span
        said += " " + QCoreApplication.translate("GroupSaid", "No other one to label here.")
    if plan.left_inside:  # 美国 inside 美国国务院: replacing that suggestion by a part of it
        said += " " + QCoreApplication.translate(
            "GroupSaid", "{4:,} inside a longer suggestion left as they are."
        )
    return said.format(plan.labelled, surface, label, offered, plan.left_inside)
