"""The undo stack: thin ``QUndoCommand``s over the core's ``model.commands`` (redo calls ``do``, undo calls
``undo``).

An action is saved before it is pushed: ``execute`` runs the core commands first and pushes them only when
all were saved, so a refused action never reaches the stack. Undo and redo likewise run the core command
first and move the stack's index only when it succeeded. A multi-step edit is one macro (one undo step).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from model.commands import Command
from model.ops import AnnotationStore
from model.spans import DocumentId

logger = logging.getLogger(__name__)


class StoreCommand(QUndoCommand):
    """One core command on the stack: redo calls its ``do``, undo its ``undo``.

    ``armed`` is False while the stack replays a change the stack's own methods below have already saved
    (``QUndoStack`` calls redo on push, and undo/redo when its index moves). Were the index moved by anything
    else (an undo view), the command saves itself; a failure there can only be logged."""

    def __init__(self, command: Command, store: AnnotationStore) -> None:
        super().__init__(command.text)
        self.command = command
        self.store = store
        self.armed = False

    def redo(self) -> None:
        if self.armed:
            try:
                self.command.do(self.store)
            except Exception:
                logger.exception("redo of %s was not saved", self.command.text)

    def undo(self) -> None:
        if self.armed:
            try:
                self.command.undo(self.store)
            except Exception:
                logger.exception("undo of %s was not saved", self.command.text)


class AnnotationUndoStack(QUndoStack):
    def __init__(self, store: AnnotationStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # Python references to every pushed command: Qt owns them, we keep their Python state reachable.
        self._keep: list[QUndoCommand] = []

    def execute(self, commands: Sequence[Command], text: str | None = None) -> None:
        """Save ``commands`` in order, then push them as one undo step. If one fails, the ones already saved
        are undone and the exception propagates: nothing is pushed."""
        _run(commands, forward=True, store=self.store)
        wrapped = [StoreCommand(c, self.store) for c in commands]
        self._keep.extend(wrapped)
        if len(wrapped) == 1:
            self.push(wrapped[0])
        else:
            self.beginMacro(text or commands[0].text)
            for w in wrapped:
                self.push(w)
            self.endMacro()
        _arm(wrapped, True)

    def undo_step(self) -> str | None:
        """Undo the last step (saved first). Returns its text, or None if there is nothing to undo."""
        if not self.canUndo():
            return None
        step = self.command(self.index() - 1)
        wrapped = _wrapped(step)
        _run([w.command for w in wrapped], forward=False, store=self.store)
        _arm(wrapped, False)
        self.undo()
        _arm(wrapped, True)
        return step.text()

    def redo_step(self) -> str | None:
        if not self.canRedo():
            return None
        step = self.command(self.index())
        wrapped = _wrapped(step)
        _run([w.command for w in wrapped], forward=True, store=self.store)
        _arm(wrapped, False)
        self.redo()
        _arm(wrapped, True)
        return step.text()

    def commands_at(self, index: int) -> list[Command]:
        """The core commands of the step at ``index`` (empty outside the stack)."""
        if not 0 <= index < self.count():
            return []
        return [w.command for w in _wrapped(self.command(index))]

    def document_of(self, index: int) -> DocumentId | None:
        """The document the step at ``index`` changed (None for an index outside the stack)."""
        commands = self.commands_at(index)
        return commands[0].ctx.document_id if commands else None

    def clear(self) -> None:
        super().clear()
        self._keep.clear()


def _wrapped(step: QUndoCommand) -> list[StoreCommand]:
    """The core commands of one undo step (a macro's children in the order they were done)."""
    if isinstance(step, StoreCommand):
        return [step]
    children = [step.child(i) for i in range(step.childCount())]
    return [c for c in children if isinstance(c, StoreCommand)]


def _arm(wrapped: Sequence[StoreCommand], armed: bool) -> None:
    for w in wrapped:
        w.armed = armed


def _run(commands: Sequence[Command], forward: bool, store: AnnotationStore) -> None:
    """Do (or undo, in reverse) every command; on a failure, revert the ones already done and re-raise."""
    ordered = list(commands) if forward else list(reversed(commands))
    done: list[Command] = []
    try:
        for command in ordered:
            if forward:
                command.do(store)
            else:
                command.undo(store)
            done.append(command)
    except Exception:
        for command in reversed(done):
            try:
                if forward:
                    command.undo(store)
                else:
                    command.do(store)
            except Exception:  # the database went away mid-step: say so in the log, the caller reports
                logger.exception("could not revert %s after a failed step", command.text)
        raise
