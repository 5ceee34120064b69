"""Text from the database or from people (article text, titles, labels, names) is shown as typed, never as
HTML: a QLabel guesses "rich text" from a ``<b>`` in its text, and so does a tooltip. Every label newstag
makes is plain text; every tooltip that may hold such text is escaped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableWidget, QWidget


def plain_label(
    text: str = "", parent: QWidget | None = None, *, name: str | None = None, word_wrap: bool = False
) -> QLabel:
    """A QLabel that never renders its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(word_wrap)
    if name:
        label.setObjectName(name)
    label.setText(text)
    return label


def plain_action_tips(widget: QWidget) -> None:
    """Escape the tooltips of ``widget``'s actions (by default an action's text, e.g. "Label as <u>U</u>")."""
    for action in widget.findChildren(QAction):
        action.setToolTip(plain_tooltip(action.toolTip()))


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it: escaped, line breaks kept (Qt has no plain-text tooltips)."""
    return GuiQt.convertFromPlainText(text, GuiQt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def read_only_table(name: str, headers: list[str], stretch_last: bool = False) -> QTableWidget:
    """A table of plain-text cells to read (QTableWidgetItem never renders HTML): rows selected whole,
    columns fitted to their contents, the last one stretched to the edge when ``stretch_last``."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # arrows move in the table, Tab goes on to the buttons
    return table


def push_button(text: str, name: str, handler: Callable[[], object]) -> QPushButton:
    """A dialog's button calling ``handler``; never the default (Return belongs to the field with focus)."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _c=False: handler())
    return button
