"""The View menu's look settings, each remembered per user (``gui.settings``): the line spacing, the
colour-vision-safe colours, and the underline style of each label (Label styles…). Zoom is in the shortcut
table (Ctrl+= / Ctrl+- / Ctrl+0)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from gui import settings
from gui.article_font import LINE_SPACINGS
from gui.label_bar import swatch
from gui.plain_text import plain_label
from gui.span_style import UNDERLINES, SpanLook

if TYPE_CHECKING:
    from gui.article_view import ArticleView
    from gui.entity_panel import EntityPanel
    from gui.label_bar import LabelBar
    from model.spans import Label

logger = logging.getLogger(__name__)


class LabelStyleDialog(QDialog):
    """One underline style per label (or none), and the colour-vision-safe colours."""

    def __init__(self, look: SpanLook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelStyleDialog")
        self.setWindowTitle("Label styles")
        layout = QVBoxLayout(self)
        note = plain_label("Accepted spans are underlined in their label's style, so labels differ even "
                           "without colour. Remembered for you, not for the whole project.")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.styles: dict[str, QComboBox] = {}
        for label in look.labels:
            box = QComboBox(self)
            box.setObjectName(f"underline_{label.name}")
            box.addItems(list(UNDERLINES))
            box.setCurrentText(look.underline(label.name))
            name = plain_label(label.name)
            name.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(name, box)
            self.styles[label.name] = box
        layout.addLayout(form)
        self.safe = QCheckBox("Colour-vision-safe colours (instead of the project's label colours)", self)
        self.safe.setObjectName("safeColours")
        self.safe.setChecked(look.safe_colours)
        layout.addWidget(self.safe)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dict[str, str]:
        return {name: box.currentText() for name, box in self.styles.items()}


class ViewMenu:
    """Line spacing, colour-vision-safe colours and label styles for ``window`` (the annotation window, which
    hands over the widgets that show label colours)."""

    def __init__(self, window: QWidget, menu: QMenu, article: ArticleView, entities: EntityPanel,
                 labels: LabelBar, label_set: list[Label]) -> None:
        self.window = window
        self.article, self.entities, self.labels, self.label_set = article, entities, labels, label_set
        menu.addSeparator()
        spacing = menu.addMenu("Line spacing")
        spacing.setObjectName("menu_line_spacing")
        group = QActionGroup(spacing)
        self.spacing_actions: dict[float, QAction] = {}
        for text, value in LINE_SPACINGS:
            action = QAction(text, spacing, checkable=True)
            action.setObjectName(f"action_spacing_{text.lower()}")
            action.setChecked(value == article.spacing)
            action.triggered.connect(lambda _c=False, v=value: article.set_spacing(v))
            group.addAction(action)
            spacing.addAction(action)
            self.spacing_actions[value] = action
        self.safe = QAction("Colour-vision-safe colours", window, checkable=True)
        self.safe.setObjectName("action_safe_colours")
        self.safe.setChecked(article.look.safe_colours)
        self.safe.toggled.connect(self.set_safe_colours)
        menu.addAction(self.safe)
        styles = QAction("Label styles…", window)
        styles.setObjectName("action_label_styles")
        styles.triggered.connect(self.edit_styles)
        menu.addAction(styles)

    def set_safe_colours(self, safe: bool) -> None:
        settings.save(safe_colours=safe)
        self.apply()

    def edit_styles(self) -> LabelStyleDialog:
        dialog = LabelStyleDialog(self.article.look, self.window)
        dialog.accepted.connect(lambda: self._styles_chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _styles_chosen(self, dialog: LabelStyleDialog) -> None:
        settings.save(underlines=dialog.chosen(), safe_colours=dialog.safe.isChecked())
        self.safe.blockSignals(True)
        self.safe.setChecked(dialog.safe.isChecked())
        self.safe.blockSignals(False)
        self.apply()

    def apply(self) -> None:
        """Every part of the window that shows label colours follows the remembered look."""
        look = SpanLook.remembered(self.label_set)
        self.article.set_look(look)
        colours: dict[str, QColor] = look.colours
        self.entities.set_colours(colours)
        for name, button in self.labels.buttons.items():
            button.setIcon(swatch(colours[name].name()))
