"""The View menu's look settings, each remembered per user (``gui.settings``): the line spacing, the
colour-vision-safe colours, and the underline style of each label (Label styles…). Zoom is in the shortcut
table (Ctrl+= / Ctrl+- / Ctrl+0)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gui import i18n, settings
from gui.article_font import LINE_SPACINGS
from gui.label_bar import swatch
from gui.plain_text import plain_label
from gui.span_style import UNDERLINE_NAMES, UNDERLINES, SpanLook

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
        self.setWindowTitle(self.tr("Label styles"))
        layout = QVBoxLayout(self)
        note = plain_label(
            self.tr(
                "Accepted spans are underlined in their label's style, so labels differ "
                "even without colour. Remembered for you, not for the whole project."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.styles: dict[str, QComboBox] = {}
        for label in look.labels:
            box = QComboBox(self)
            box.setObjectName(f"underline_{label.name}")
            for style in UNDERLINES:
                box.addItem(self.tr(UNDERLINE_NAMES[style]), style)
            box.setCurrentIndex(box.findData(look.underline(label.name)))
            name = plain_label(label.name)
            name.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(name, box)
            self.styles[label.name] = box
        layout.addLayout(form)
        self.safe = QCheckBox(
            self.tr("Colour-vision-safe colours (instead of the project's label colours)"), self
        )
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
        return {name: str(box.currentData()) for name, box in self.styles.items()}


class ViewMenu(QObject):
    """Line spacing, colour-vision-safe colours, label styles and the language for ``window`` (the
    annotation window, which hands over the widgets that show label colours)."""

    def __init__(
        self,
        window: QWidget,
        menu: QMenu,
        article: ArticleView,
        entities: EntityPanel,
        labels: LabelBar,
        label_set: list[Label],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.article, self.entities, self.labels, self.label_set = article, entities, labels, label_set
        menu.addSeparator()
        spacing = menu.addMenu(self.tr("Line spacing"))
        spacing.setObjectName("menu_line_spacing")
        group = QActionGroup(spacing)
        self.spacing_actions: dict[float, QAction] = {}
        for text, value in LINE_SPACINGS:
            action = QAction(self.tr(text), spacing, checkable=True)
            action.setObjectName(f"action_spacing_{text.lower()}")
            action.setChecked(value == article.spacing)
            action.triggered.connect(lambda _c=False, v=value: article.set_spacing(v))
            group.addAction(action)
            spacing.addAction(action)
            self.spacing_actions[value] = action
        self.safe = QAction(self.tr("Colour-vision-safe colours"), window, checkable=True)
        self.safe.setObjectName("action_safe_colours")
        self.safe.setChecked(article.look.safe_colours)
        self.safe.toggled.connect(self.set_safe_colours)
        menu.addAction(self.safe)
        styles = QAction(self.tr("Label styles…"), window)
        styles.setObjectName("action_label_styles")
        styles.triggered.connect(self.edit_styles)
        menu.addAction(styles)
        menu.addSeparator()
        columns = menu.addMenu(self.tr("Entity panel columns"))
        columns.setObjectName("menu_entity_columns")
        columns.aboutToShow.connect(lambda: self.entities.fill_column_menu(columns))
        self.language_menu = menu.addMenu(self.tr("Language"))
        self.language_menu.setObjectName("menu_language")
        languages = QActionGroup(self.language_menu)
        chosen = i18n.chosen()
        system = i18n.LANGUAGES[i18n.resolve(i18n.SYSTEM)]
        for code, name in (
            (i18n.SYSTEM, self.tr("System default ({0})").format(system)),
            *i18n.LANGUAGES.items(),
        ):
            action = QAction(name, self.language_menu, checkable=True)
            action.setObjectName(f"action_language_{code}")
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            languages.addAction(action)
            self.language_menu.addAction(action)

    def set_language(self, language: str) -> None:
        """Remember the language; the window speaks it from the next start (every window is built in it)."""
        i18n.choose(language)
        shown = i18n.resolve(language)
        if shown == i18n.current():
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("newstag speaks {0} from its next start.").format(i18n.LANGUAGES[shown]),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("languageBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
