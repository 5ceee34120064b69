"""Keys that reach a widget where they do nothing are said in the status bar, rather than lost without a word:
a label key no label has (in the article or the entity panel), and an article key pressed in the document
list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from gui.session import AnnotationSession

LIST_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape}
NATIVE = QKeySequence.SequenceFormat.NativeText


class StrayKeys(QObject):
    """Installed on the article, the entity panel and the document list (``listing``); ``area`` holds the
    article's single-key actions."""

    def __init__(
        self, session: AnnotationSession, area: QWidget, listing: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.area, self.listing = session, area, listing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.listing:
                return self._article_key_in_list(event)
            self._unbound_digit(event)
        return False

    def _article_key_in_list(self, event: QKeyEvent) -> bool:
        """A key of the article (X, A, 1…) pressed in the document list that starts no title there
        (``gui.title_jump`` heard it first): it is said where the key acts, and taken. Tab, Return and Escape
        keep their use in the list."""
        if not self.acts_in_article(event):
            return False
        focus = self._focus_article_key()
        if focus:
            said = self.tr("{0} acts in the article: Return (or {1}) gives the article the keys.")
        else:
            said = self.tr("{0} acts in the article: Return gives the article the keys.")
        self.session.message.emit(said.format(_pressed(event).toString(NATIVE), focus), False)
        return True

    def acts_in_article(self, event: QKeyEvent) -> bool:
        """A key pressed in the document list is one of the article's (X, A, 1…), so this filter says where it
        acts; Tab, Return and Escape keep their use in the list."""
        if event.key() in LIST_KEYS:
            return False
        pressed = _pressed(event)
        return _label_key(event) or any(
            any(key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for key in action.shortcuts())
            for action in self.area.actions()
        )  # a digit no label has is a label key too: it jumped to a title starting with it

    def _focus_article_key(self) -> str:
        """The key the keymap gives "focus the article" now (Ctrl+1 unless rebound), or "" if none."""
        window = self.parent()
        action = window.findChild(QAction, "action_focus_article") if window is not None else None
        return action.shortcut().toString(NATIVE) if action is not None else ""

    def _unbound_digit(self, event: QKeyEvent) -> None:
        """A label key (1–9) that reaches the article or the panel was taken by no shortcut: no label has
        it. Said, rather than nothing happening (a project with four labels, an annotator pressing 5)."""
        if not _label_key(event):
            return
        text = event.text()
        said = self.tr("No label has the key {0}; Project → Labels… gives a label a key.")
        self.session.message.emit(said.format(text), False)


def _pressed(event: QKeyEvent) -> QKeySequence:
    """The key as a shortcut reads it: a key of the numeric keypad is the same key there."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))


def _label_key(event: QKeyEvent) -> bool:
    """A digit 1-9 with no modifier, typed on the main keys or on the numeric keypad."""
    text = event.text()
    return (
        not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier and len(text) == 1 and "1" <= text <= "9"
    )
