"""The undo stack: a thin ``QUndoCommand`` over each core ``model.commands.Edit`` (one user action).

An action is saved before it is pushed: ``execute`` saves the edit first (one transaction) and pushes it
only when that succeeded, so a refused action never reaches the stack. Undo and redo likewise save first
and move the stack's index only when that succeeded. Each returns the ``Change`` the database reported.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.edit_titles import title
from model.commands import Command, Edit
from model.ops import AnnotationStore, Change
from model.spans import DocumentId, Span, SpanId
from model.suggest.lesson import Lesson

logger = logging.getLogger(__name__)


class EditCommand(QUndoCommand):
    """One edit on the stack: redo calls its ``do``, undo its ``undo``.

    ``armed`` is False while the stack replays a change the stack's own methods below have already saved
    (``QUndoStack`` calls redo on push, and undo/redo when its index moves). Were the index moved by anything
    else (an undo view), the command saves itself; a failure there can only be logged."""

    def __init__(self, edit: Edit, store: AnnotationStore) -> None:
        super().__init__(title(edit))
        self.edit = edit
        self.store = store
        self.armed = False
        self.gone: list[SpanId] = []  # while it is undone: the marks of the spans it had inserted
        # where the action put the focus (the plan's keep, advance_from): a redo puts it there again
        self.focus: tuple[tuple[int, int] | None, int | None] = (None, None)
        self.lesson: Lesson | None = None  # what the action taught the suggestion engine, for its undo

    def redo(self) -> None:
        if self.armed:
            try:
                self.edit.do(self.store)
            except Exception:
                logger.exception("redo of %s was not saved", self.edit.text)

    def undo(self) -> None:
        if self.armed:
            try:
                self.edit.undo(self.store)
            except Exception:
                logger.exception("undo of %s was not saved", self.edit.text)


class AnnotationUndoStack(QUndoStack):
    def __init__(self, store: AnnotationStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # Python references to every pushed command: Qt owns them, we keep their Python state reachable.
        self._keep: list[EditCommand] = []
        self._marks = itertools.count(1)  # see ``_follow``

    def execute(
        self,
        edit: Edit,
        focus: tuple[tuple[int, int] | None, int | None] = (None, None),
        lesson: Lesson | None = None,
    ) -> Change:
        """Save ``edit`` (one transaction), then push it as one undo step. If saving fails the exception
        propagates and nothing is pushed. ``focus``: where the action put the focus, for its redo;
        ``lesson``: what it will teach the suggestion engine, for its undo."""
        change = edit.do(self.store)
        wrapped = EditCommand(edit, self.store)
        wrapped.focus = focus
        wrapped.lesson = lesson
        self._keep.append(wrapped)
        self.push(wrapped)
        wrapped.armed = True
        return change

    def undo_step(self) -> Change | None:
        """Undo the last step (saved first). None if there is nothing to undo."""
        if not self.canUndo():
            return None
        return self._move(self.index() - 1, undo=True)

    def redo_step(self) -> Change | None:
        if not self.canRedo():
            return None
        return self._move(self.index(), undo=False)

    def _move(self, index: int, undo: bool) -> Change:
        step = self.command(index)
        assert isinstance(step, EditCommand)
        stored = _inserted(step.edit)  # the ids of the spans it inserted, which its undo deletes
        change = step.edit.undo(self.store) if undo else step.edit.do(self.store)
        if undo:  # the steps above it name those spans by a mark of their own until a redo stores them again
            step.gone = [SpanId(-next(self._marks)) for _ in stored]
            self._follow(index, dict(zip(stored, step.gone, strict=True)))
        else:
            self._follow(index, dict(zip(step.gone, _inserted(step.edit), strict=False)))
            step.gone = []
        step.armed = False
        if undo:
            self.undo()
        else:
            self.redo()
        step.armed = True
        return change

    def _follow(self, index: int, moved: dict[SpanId, SpanId]) -> None:
        """A redo stores the spans a step had inserted under new ids: the steps above it that refer to them
        (a grow, a relabel, a withdrawal of a span drawn first) follow them there, or their redo would change
        whatever row has the old id by then (another span, or none). Between the undo and the redo they name
        them by marks no row has (negative ids, one per span): SQLite hands a deleted id out again, so a
        later step's old id may be an earlier step's new one, and only a mark tells the two apart."""
        for i in range(index + 1, self.count()):
            edit = self.edit_at(i)
            for command in edit.commands if edit is not None else []:
                for name, value in vars(command).items():  # the spans it holds: .span, .overlapped...
                    if isinstance(value, Span):
                        setattr(command, name, _moved(value, moved))
                    elif isinstance(value, list) and all(isinstance(v, Span) for v in value):
                        setattr(command, name, [_moved(v, moved) for v in value])

    def edit_at(self, index: int) -> Edit | None:
        step = self.command(index) if 0 <= index < self.count() else None
        return step.edit if isinstance(step, EditCommand) else None

    def focus_at(self, index: int) -> tuple[tuple[int, int] | None, int | None]:
        """Where the step at ``index`` put the focus when it was done: (keep, advance_from)."""
        step = self.command(index) if 0 <= index < self.count() else None
        return step.focus if isinstance(step, EditCommand) else (None, None)

    def lesson_at(self, index: int) -> Lesson | None:
        """What the step at ``index`` taught the suggestion engine (None outside the stack)."""
        step = self.command(index) if 0 <= index < self.count() else None
        return step.lesson if isinstance(step, EditCommand) else None

    def commands_at(self, index: int) -> list[Command]:
        """The core commands of the step at ``index`` (empty outside the stack)."""
        edit = self.edit_at(index)
        return edit.commands if edit is not None else []

    def document_of(self, index: int) -> DocumentId | None:
        """The document the step at ``index`` changed (None for an index outside the stack)."""
        edit = self.edit_at(index)
        return edit.ctx.document_id if edit is not None else None

    def clear(self) -> None:
        super().clear()
        self._keep.clear()


def _inserted(edit: Edit) -> list[SpanId]:
    return [i for command in edit.commands for i in getattr(command, "inserted", [])]


def _moved(span: Span, moved: dict[SpanId, SpanId]) -> Span:
    return dataclasses.replace(span, id=moved[span.id]) if span.id in moved else span
