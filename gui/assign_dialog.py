"""Assigning documents to annotators from the window (what ``newstag assign`` does)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_messages import refused_message
from gui.plain_text import plain_label
from gui.reported import unsaved
from storage.project import Project
from storage.types import TeamError


class AssignDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign documents"))
        self.project = project
        known = [a.name for a in project.team.annotators() if a.role == "annotator"]
        self.names = QLineEdit(", ".join(known))
        self.names.setObjectName("assignAnnotators")
        self.names.setPlaceholderText(self.tr("alice, bob, carol"))
        self.overlap = QDoubleSpinBox(suffix=" %", decimals=0, maximum=100.0, value=20.0)
        self.overlap.setObjectName("assignOverlap")
        self.everything = QCheckBox(self.tr("Reassign documents that are assigned already"))
        self.everything.setObjectName("assignAll")
        self.result_label = plain_label(self._summary())
        self.result_label.setObjectName("assignResult")
        self.result_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.assign_button = buttons.addButton(self.tr("Assign"), QDialogButtonBox.ButtonRole.ActionRole)
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(self.run)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Annotators (comma-separated):"), self.names)
        form.addRow(self.tr("Documents annotated by two:"), self.overlap)
        form.addRow(self.everything)
        form.addRow(self.result_label)
        form.addRow(buttons)
        self.assign_button.setDefault(True)  # Return assigns (it pressed Close, the first button)
        self.names.setFocus()

    def say(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)

    def _summary(self) -> str:
        counts = self.project.team.assigned_counts()
        if not counts:
            return self.tr("No documents are assigned yet: every annotator sees the whole project.")
        assigned = ", ".join(f"{name} {n}" for name, n in sorted(counts.items()))
        return self.tr("Assigned now: {0}").format(assigned)

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Assigning documents"))
    def run(self) -> None:
        names = [n.strip() for n in self.names.text().replace("，", ",").split(",") if n.strip()]
        try:
            summary = self.project.team.assign(
                names, self.overlap.value() / 100.0, only_unassigned=not self.everything.isChecked()
            )
        except TeamError as exc:
            self.result_label.setText(self.tr("Not assigned: {0}.").format(refused_message(exc)))
            return
        said = self.tr("Assigned {0} document(s), {1} of them to two annotators.").format(
            summary.documents, summary.doubly_annotated
        )
        if not summary.documents:  # "Assigned 0 document(s)" left the lead guessing why
            said = (
                self.tr("Assigned nothing: these annotators have every document already.")
                if self.everything.isChecked()
                else self.tr(
                    "Assigned nothing: every document is assigned already (tick “Reassign documents that "
                    "are assigned already” to hand them out again)."
                )
            )
        self.result_label.setText(said + "\n" + self._summary())
