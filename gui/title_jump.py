"""Typing in the document list goes to the title that starts with what was typed, as in any list: "2026",
"12月" or, through an input method, "越南" reach the article without a search. The database finds it, so a
title on a page not loaded yet is found too (Qt's own keyboard search reads only the rows loaded). A key that
starts no title and acts in the article (X, a label key) is left to ``gui.stray_keys``, which says where it
acts; any other (Q) is said to start no title."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.document_list import DocumentList
from model.spans import DocumentId

MOD = Qt.KeyboardModifier
TYPING = MOD.NoModifier | MOD.ShiftModifier | MOD.KeypadModifier


class TitleJump(QObject):
    """Installed on the document list's view (after ``StrayKeys``, so it hears a key first)."""

    def __init__(
        self,
        listing: DocumentList,
        message: SignalInstance,
        acts_in_article: Callable[[QKeyEvent], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.listing, self.message = listing, message
        self.acts_in_article = acts_in_article  # ``StrayKeys.acts_in_article``: a key it says where it acts
        self.typed = ""  # what was typed so far, while keys come within the keyboard input interval
        self._last = 0.0
        listing.view.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)  # Chinese, through an IME
        listing.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~TYPING or event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                return False
            return self.typed_text(event.text(), quiet_miss=self.acts_in_article(event))
        if event.type() == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            return self.typed_text(event.commitString(), quiet_miss=False)
        return False

    def typed_text(self, text: str, quiet_miss: bool) -> bool:
        """Go to the next title starting with what was typed; True if the text was taken. A first key that
        starts no title and that ``StrayKeys`` says where it acts (``quiet_miss``) is left to it; any other
        miss is said."""
        if not text or not text.isprintable() or (text.isspace() and not self.typed):
            return False
        now = time.monotonic()
        if now - self._last > QApplication.keyboardInputInterval() / 1000:
            self.typed = ""
        self._last = now
        typed = self.typed + text
        found = self._find(typed)
        if found is None:
            if quiet_miss and not self.typed:
                return False  # X, a label key: said where it acts (``StrayKeys``)
            self.message.emit(self.tr("No title in the list starts with “{0}”.").format(typed), False)
            return True
        self.typed = typed
        self.listing.open_document(found)
        said = self.tr("The title starting with “{0}” is open; Return gives the article the keys.")
        self.message.emit(said.format(typed), False)
        return True

    def _find(self, typed: str) -> DocumentId | None:
        """The open document if its title starts with ``typed`` and more was typed (it stays), else the next
        one in the list whose title does (wrapping around), else the open one again if its title does."""
        current = self.listing.current
        here = current is not None and self.listing.model.title_of(current).lower().startswith(typed.lower())
        if here and len(typed) > 1:
            return current
        found = self.listing.model.next_document(current, titled=typed)
        return found if found is not None else (current if here else None)
