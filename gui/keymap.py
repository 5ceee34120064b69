"""The annotator's own keys. A window's actions come with default keys (``gui.shortcuts``, the review
window's table, the label set's hotkeys, the menus'); the annotator can rebind any of them in Help →
Shortcuts.
A key that another action of the same window holds, or that selecting text needs, is refused with the name of
what holds it. Choices are remembered per user (``gui.settings``, key ``shortcuts``), only where they differ
from the defaults, so a later release's new defaults still reach everyone else."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from gui import settings
from gui.i18n import QT_TRANSLATE_NOOP

logger = logging.getLogger(__name__)

PORTABLE = QKeySequence.SequenceFormat.PortableText
# Keys the article itself needs: moving the cursor and selecting text, copying.
RESERVED = {
    **{
        k: QT_TRANSLATE_NOOP("Keymap", "Moving the text cursor")
        for k in ("Left", "Right", "Up", "Down", "Home", "End")
    },
    **{
        f"Shift+{k}": QT_TRANSLATE_NOOP("Keymap", "Selecting text")
        for k in ("Left", "Right", "Up", "Down", "Home", "End")
    },
    "Ctrl+C": QT_TRANSLATE_NOOP("Keymap", "Copying the selected text"),
}
HIDDEN = {"Backtab"}  # Shift+Tab's other name (bound with it before): never shown


def normal(key: str) -> str:
    """One spelling per key: ``ctrl+j`` and ``Ctrl+J`` are the same key."""
    return QKeySequence(key).toString(PORTABLE)


class KeyConflict(ValueError):
    def __init__(self, key: str, holder: str) -> None:
        super().__init__(
            QCoreApplication.translate(
                "Keymap",
                "{0} is already the key of “{1}”: choose another key, or give that one another key first.",
            ).format(key, holder)
        )
        self.key, self.holder = key, holder


class Keymap(QObject):
    """The key bindings of one window (``scope``: ``main`` or ``review``)."""

    changed = Signal()

    def __init__(self, scope: str, actions: Iterable[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.actions = {a.objectName(): a for a in actions if a.objectName()}
        self.defaults = {name: self._keys_of(a) for name, a in self.actions.items()}
        remembered = settings.load().get("shortcuts", {}).get(scope, {})
        chosen = {
            name: [normal(str(k)) for k in keys]
            for name, keys in remembered.items()
            if name in self.actions and isinstance(keys, list)
        }
        for name, keys in chosen.items():  # all at once: two actions may have swapped keys
            self._set(name, keys)
        for name in chosen:
            try:
                self._check(name, self.keys(name))
            except KeyConflict as exc:  # e.g. a new default took the key: the default wins
                logger.warning("ignoring the remembered keys of %s: %s", name, exc)
                self._set(name, self.defaults[name])

    def replace(self, prefix: str, actions: Iterable[QAction]) -> None:
        """Swap the actions named ``prefix``… for ``actions`` (the label set changed): each gets its default
        key, or the key the person gave it before when that is free."""
        for name in [n for n in self.actions if n.startswith(prefix)]:
            del self.actions[name], self.defaults[name]
        remembered = settings.load().get("shortcuts", {}).get(self.scope, {})
        for action in actions:
            name = action.objectName()
            self.actions[name], self.defaults[name] = action, self._keys_of(action)
            keys = remembered.get(name)
            if isinstance(keys, list):
                try:
                    self._check(name, [normal(str(k)) for k in keys])
                    self._set(name, [normal(str(k)) for k in keys])
                except KeyConflict:
                    pass
        self.changed.emit()

    @staticmethod
    def _keys_of(action: QAction) -> tuple[str, ...]:
        return tuple(seq.toString(PORTABLE) for seq in action.shortcuts() if not seq.isEmpty())

    def keys(self, name: str) -> tuple[str, ...]:
        return self._keys_of(self.actions[name])

    def shown_keys(self, name: str) -> str:
        return " / ".join(k for k in self.keys(name) if k not in HIDDEN)

    def text(self, name: str) -> str:
        return self.actions[name].text().replace("&", "")

    def holder(self, key: str, besides: str | None = None) -> str | None:
        """What holds ``key`` in this window (an action's text, or what the article needs it for)."""
        key = normal(key)
        if key in RESERVED:
            return self.tr(RESERVED[key])
        for name, action in self.actions.items():
            if name != besides and key in self._keys_of(action):
                return self.text(name)
        return None

    def _check(self, name: str, keys: Sequence[str]) -> None:
        for key in keys:
            holder = self.holder(key, besides=name)
            if holder is not None:
                raise KeyConflict(normal(key), holder)

    def _set(self, name: str, keys: Sequence[str]) -> None:
        action = self.actions[name]
        # Shift+Tab alone: where it arrives as Backtab, Qt's shortcut map tries Shift+Tab too; X11 offers
        # both spellings for one press, so binding Backtab as well made that press ambiguous (nothing ran)
        action.setShortcuts([QKeySequence(k) for k in keys])

    def assign(self, name: str, keys: Sequence[str]) -> None:
        """Give action ``name`` these keys (replacing its others); refused with ``KeyConflict``."""
        keys = [normal(k) for k in keys if normal(k)]
        self._check(name, keys)
        self._set(name, keys)
        self._save()

    def add(self, name: str, key: str) -> None:
        """One more key for action ``name``."""
        current = [k for k in self.keys(name) if k not in HIDDEN]
        if normal(key) not in current:
            self.assign(name, [*current, key])

    def reset(self, name: str | None = None) -> None:
        """The default keys again: of one action, or of all."""
        if name is not None:
            self._check(name, self.defaults[name])  # another action may have its default key now
        for n in [name] if name else list(self.actions):
            self.actions[n].setShortcuts([QKeySequence(k) for k in self.defaults[n]])
        self._save()

    def _save(self) -> None:
        overrides = {
            name: [k for k in self.keys(name) if k not in HIDDEN]
            for name in self.actions
            if self.keys(name) != self.defaults[name]
        }
        every = dict(settings.load().get("shortcuts", {}))
        every[self.scope] = overrides
        settings.save(shortcuts=every)
        self.changed.emit()
