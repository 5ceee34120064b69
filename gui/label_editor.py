"""Project → Labels…: the lead's editor of the label set (what ``newstag labels`` does). A table of the labels
(name, colour, hotkey, description, spans that use it); each change is saved at once, one transaction and one
event, and a change the label set refuses (a taken hotkey, a name that cannot be a label) is said in the
dialog and leaves the table as the database has it. A label in use is not removed: its spans are merged into
another label the lead picks."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_messages import refused_message
from gui.label_bar import swatch
from gui.plain_text import plain_label, push_button
from gui.reported import unsaved
from gui.screen_fit import fit_to_screen
from gui.terms import description
from model.label_presets import PRESET_COLOURS, PRESET_CONVENTIONS
from model.labels import HOTKEYS, LabelError, is_label
from model.spans import Annotator, Label
from storage.project import Project
from storage.types import LabelInUse

logger = logging.getLogger(__name__)

NAME, COLOUR, HOTKEY, DESCRIPTION, USED = range(5)
ERROR_STYLE = "color: #b00020;"


class MergeDialog(QDialog):
    """Asks into which label the spans of a label in use go."""

    def __init__(self, name: str, spans: int, others: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge {0}").format(name))
        text = self.tr(
            "{0} is used by {1} span(s), so it cannot simply be removed. Merge it into another label: its "
            "spans take that label (undo: newstag labels unmerge {0})."
        ).format(name, spans)
        self.target = QComboBox()
        self.target.setObjectName("mergeTarget")
        self.target.addItems(others)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(text, word_wrap=True))
        layout.addWidget(self.target)
        layout.addWidget(buttons)


class LabelEditor(QDialog):
    """The label set's editor, for the lead (the window asks ``Permission.EDIT_LABELS`` before opening it)."""

    labelsChanged = Signal()
    tableReloaded = Signal()

    def __init__(self, project: Project, lead: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelEditor")
        self.setWindowTitle(self.tr("Labels"))
        fit_to_screen(self, 760, 420)
        self.project, self.lead = project, lead
        self.labels: list[Label] = []
        self.colour_dialog: QColorDialog | None = None
        self.merge_dialog: MergeDialog | None = None

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("labelTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Colour"), self.tr("Hotkey"), self.tr("Description"), self.tr("Spans")]
        )
        self.table.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab goes on to Add, Remove…
        self.table.itemChanged.connect(self._cell_edited)
        self.message = plain_label(word_wrap=True)
        self.message.setObjectName("labelEditorMessage")

        self.add_button = push_button(self.tr("Add"), "addLabelButton", self.add_label)
        self.remove_button = push_button(self.tr("Remove…"), "removeLabelButton", self.remove_label)
        self.up_button = push_button(self.tr("Move up"), "moveUpButton", lambda: self.move_label(-1))
        self.down_button = push_button(self.tr("Move down"), "moveDownButton", lambda: self.move_label(1))
        self.presets = QComboBox()
        self.presets.setObjectName("presetCombo")
        self.presets.addItem(self.tr("default (PER, LOC, ORG, MISC)"), "default")
        self.presets.addItem(self.tr("OntoNotes (18 types)"), "ontonotes")
        self.presets.addItem(self.tr("CLUENER (10 types)"), "cluener")
        self.preset_button = push_button(self.tr("Add preset"), "addPresetButton", self.add_preset)
        row = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.presets)
        row.addWidget(self.preset_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    # -- the table, as the database has it ----------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.labels = self.project.labels.all()
        used = self.project.labels.usage()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.labels))
        for row, label in enumerate(self.labels):
            self._set(row, NAME, label.name)
            self._set(row, HOTKEY, label.hotkey or "")
            self._set(row, DESCRIPTION, description(label))
            self._set(row, USED, str(used.get(label.name, 0)), editable=False)
            self._set(row, COLOUR, "", editable=False)  # the button shows it
            button = QToolButton()
            button.setObjectName(f"colourButton_{label.name}")
            button.setIcon(swatch(label.colour))
            button.setToolTip(self.tr("Choose the colour of {0}").format(label.name))
            button.clicked.connect(lambda _c=False, name=label.name: self.choose_colour(name))
            self.table.setCellWidget(row, COLOUR, button)
        self.table.blockSignals(False)
        if select is not None:
            self.select(select)
        self.tableReloaded.emit()

    def _set(self, row: int, column: int, text: str, editable: bool = True) -> None:
        item = QTableWidgetItem(text)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, column, item)

    def select(self, name: str) -> None:
        for row, label in enumerate(self.labels):
            if label.name == name:
                self.table.setCurrentCell(row, NAME)

    def current(self) -> Label | None:
        row = self.table.currentRow()
        return self.labels[row] if 0 <= row < len(self.labels) else None

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _saved(self, text: str, select: str | None = None) -> None:
        """The change is saved: said at once, then the table read back (within the answer bound in all, the
        server's probe included: a server frozen just after the COMMIT was said ~15 s after the click)."""
        self.say(text)
        self.message.repaint()  # the window waits on the read: say it now
        try:
            with self.project.reading_back():
                self.reload(select)
        except Exception:
            # the labels changed, read back or not: the windows read them again, but only once this dialog
            # has said "saved, but could not be read afterwards" (``unsaved``); their reads, now, waited for
            # the server again before it was said (the bound, the probe, then each window's own wait)
            QTimer.singleShot(0, self, self.labelsChanged.emit)
            raise
        self.labelsChanged.emit()

    # -- edits ------------------------------------------------------------------------------------

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        """A cell typed into: saved once the view is done with its editor (the table is rebuilt then)."""
        row, column, value = item.row(), item.column(), item.text().strip()
        QTimer.singleShot(0, lambda: self._apply(row, column, value))

    def _apply(self, row: int, column: int, value: str) -> None:
        if not 0 <= row < len(self.labels):
            return
        label = self.labels[row]
        if column == NAME and value != label.name:
            self._edit(label, new_name=value)
        elif column == HOTKEY and value != (label.hotkey or ""):
            self._edit(label, hotkey=value or None)
        elif column == DESCRIPTION and value != description(label):
            self._edit(label, description=value)

    def _problem(self, label: Label, new_name: str | None, hotkey: str | bool | None) -> str | None:
        """What the label set would refuse, said in the window's language."""
        if new_name is not None:
            if not is_label(new_name):
                return self.tr(
                    "“{0}” cannot be a label: a label is 1 to 64 characters with no spaces or control "
                    "characters."
                ).format(new_name)
            if any(other.name == new_name for other in self.labels):
                return self.tr("There is a label {0} already.").format(new_name)
        if hotkey is not False and hotkey is not None:
            if hotkey not in HOTKEYS:
                return self.tr("A label's hotkey is one of 1 to 9, or nothing.")
            holder = next((o.name for o in self.labels if o.hotkey == hotkey and o.name != label.name), None)
            if holder is not None:
                return self.tr("Hotkey {0} belongs to {1} already; give {1} another key first.").format(
                    hotkey, holder
                )
        return None

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Changing the label"))
    def _edit(self, label: Label, **change: str | None) -> None:
        problem = self._problem(label, change.get("new_name"), change.get("hotkey", False))
        if problem is not None:
            self.reload(label.name)
            self.say(problem, error=True)
            return
        try:
            new = self.project.labels.edit(label.name, by=self.lead.id, **change)  # type: ignore[arg-type]
        except ValueError as exc:  # changed by someone else meanwhile: the label set's own words
            self._refused(exc, label.name)
            return
        self._saved(self.tr("{0} saved.").format(new.name), new.name)

    def choose_colour(self, name: str) -> QColorDialog:
        label = next(lab for lab in self.labels if lab.name == name)
        dialog = QColorDialog(QColor(label.colour), self)
        dialog.setObjectName("labelColourDialog")
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.setWindowTitle(self.tr("Colour of {0}").format(name))
        dialog.colorSelected.connect(lambda colour: self._colour_chosen(name, colour))
        self.colour_dialog = dialog
        dialog.open()
        return dialog

    def _colour_chosen(self, name: str, colour: QColor) -> None:
        label = next(lab for lab in self.labels if lab.name == name)
        self._edit(label, colour=colour.name())

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Adding a label"))
    def add_label(self) -> None:
        """A new label at the end, named NEW (NEW2, …), in an unused colour; its name opens for typing."""
        names = {label.name for label in self.labels}
        name = next(n for n in (f"NEW{i}" if i > 1 else "NEW" for i in range(1, 1000)) if n not in names)
        used = {label.colour.upper() for label in self.labels}
        colour = next((c for c in PRESET_COLOURS if c.upper() not in used), "#777777")
        self.project.labels.add(Label(name, colour), by=self.lead.id)
        self._saved(self.tr("{0} added: type its name.").format(name), name)
        item = self.table.item(self.table.currentRow(), NAME)
        if item is not None:
            self.table.editItem(item)

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Removing the label"))
    def remove_label(self) -> None:
        label = self.current()
        if label is None:
            self.say(self.tr("Choose the label to remove first."), error=True)
            return
        try:
            self.project.labels.remove(label.name, by=self.lead.id)
        except LabelInUse as exc:
            others = [lab.name for lab in self.labels if lab.name != label.name]
            self.merge_dialog = MergeDialog(label.name, exc.spans, others, self)
            self.merge_dialog.accepted.connect(lambda: self._merge(label.name))
            self.merge_dialog.open()
            return
        except LabelError as exc:  # removed by someone else meanwhile
            self._refused(exc)
            return
        self._saved(self.tr("{0} removed.").format(label.name))

    def _refused(self, exc: ValueError, name: str | None = None) -> None:
        """A change someone else's change made impossible meanwhile: the label set's reason, in our words."""
        self.reload(name)
        self.say(self.tr("Not saved: {0}").format(refused_message(exc)), error=True)

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Merging the labels"))
    def _merge(self, name: str) -> None:
        assert self.merge_dialog is not None
        into = self.merge_dialog.target.currentText()
        try:
            report = self.project.labels.remove(name, merge_into=into, by=self.lead.id)
        except LabelError as exc:  # either label removed by someone else meanwhile
            self._refused(exc)
            return
        self._saved(
            self.tr("{0} merged into {1}: {2} span(s) relabelled.").format(name, into, report.spans), into
        )

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Reordering the labels"))
    def move_label(self, step: int) -> None:
        label = self.current()
        if label is None:
            return
        names = [lab.name for lab in self.labels]
        i = names.index(label.name)
        j = max(0, min(len(names) - 1, i + step))
        names[i], names[j] = names[j], names[i]
        try:
            self.project.labels.order(names, by=self.lead.id)
        except LabelError as exc:
            self._refused(exc)
            return
        self._saved(self.tr("Order saved."), label.name)

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Adding the preset's labels"))
    def add_preset(self) -> None:
        preset = str(self.presets.currentData())
        added = self.project.labels.preset(preset, by=self.lead.id)
        if PRESET_CONVENTIONS[preset] == "msra":
            conventions = self.tr("Suggestions follow MSRA's conventions (中美 as two places).")
        else:
            conventions = self.tr("Suggestions follow news in general, without MSRA's habits.")
        if not added:
            self._saved(self.tr("The project has every label of this preset already.") + " " + conventions)
            return
        done = self.tr("Added {0} label(s): {1}.").format(len(added), ", ".join(a.name for a in added))
        self._saved(done + " " + conventions)
