"""What the keys that decide many spans at once say in the status bar: Shift+Return and Shift+X (the framed
span's group) and E and Shift+E (every occurrence of its text). Each says what it did and what it left as it
was, never "all" over spans it did not decide nor a count of 0 that reads as a failure."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.editing import EditingState, Plan
from model.span_groups import group_of
from model.spans import Status


def group_said(state: EditingState, plan: Plan, reject: bool, undo: str) -> str:
    """Shift+Return (Shift+X: ``reject``) on ``state``'s framed span, before ``plan`` was carried out: how
    many it decided, and the ones of the group it found decided already (rejected ones hidden from view
    stay rejected under Shift+Return)."""
    span = state.focused
    values = dict(plan.edit.title[1])
    if span is None:
        return ""
    whole = group_of(state.text, state.layers.view(show_rejected=True), span)
    shown = group_of(state.text, state.spans, span)
    rejected = sum(s.status is Status.REJECTED for s in whole)
    if reject:
        already, left = rejected, 0
    else:
        already = sum(s.status is Status.ACCEPTED for s in whole)
        left = rejected - sum(s.status is Status.REJECTED for s in shown)
    if reject and not already:
        said = QCoreApplication.translate("GroupSaid", "Rejected all {count:,} “{text}” {label}")
    elif reject:
        said = QCoreApplication.translate(
            "GroupSaid", "Rejected {count:,} more “{text}” {label}; {already:,} already rejected"
        )
    elif not already and not left:
        said = QCoreApplication.translate("GroupSaid", "Accepted all {count:,} “{text}” as {label}")
    elif already:
        said = QCoreApplication.translate(
            "GroupSaid", "Accepted {count:,} more “{text}” as {label}; {already:,} already accepted"
        )
    else:
        said = QCoreApplication.translate("GroupSaid", "Accepted {count:,} “{text}” as {label}")
    if left:
        said += QCoreApplication.translate("GroupSaid", "; {left:,} left rejected")
    said += QCoreApplication.translate("GroupSaid", " ({undo} takes them back).")
    return said.format(**values, already=already, left=left, undo=undo)


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
