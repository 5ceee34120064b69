"""The label bar: each label's colour, name and hotkey; clicking one applies it like its hotkey."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from gui.plain_text import plain_tooltip
from gui.terms import description
from model.spans import Label

logger = logging.getLogger(__name__)


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class LabelBar(QWidget):
    labelClicked = Signal(str)

    def __init__(self, labels: list[Label], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.buttons: dict[str, QToolButton] = {}
        for label in labels:
            button = QToolButton(self)
            button.setObjectName(f"labelButton_{label.name}")
            button.setText(f"{label.hotkey}  {label.name}" if label.hotkey else label.name)
            button.setIcon(swatch(label.colour))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keyboard in the article
            tip = description(label) or label.name
            hotkey = self.tr("Hotkey: {0}").format(label.hotkey)
            button.setToolTip(plain_tooltip(f"{tip}\n{hotkey}" if label.hotkey else tip))
            button.clicked.connect(lambda _checked=False, name=label.name: self.labelClicked.emit(name))
            layout.addWidget(button)
            self.buttons[label.name] = button
        layout.addStretch(1)

    def set_keys(self, keys: dict[str, str]) -> None:
        """Show each label's key (the annotator may have rebound it)."""
        for name, button in self.buttons.items():
            key = keys.get(name, "")
            button.setText(f"{key}  {name}" if key else name)
