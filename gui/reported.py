"""Failures of reading steps, reported in the message bar instead of being lost in a Qt slot; and writes of
the dialogs (labels, people, assignment, review, the document order) that the database refused, said where
the dialog speaks."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from gui.database_messages import database_message
from gui.i18n import QT_TRANSLATE_NOOP
from storage.project import commit_in_doubt, committed_here

logger = logging.getLogger(__name__)


def reported(what: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Report a failure of a reading step (the database went away while opening or looking something up)
    in the message bar, naming ``what`` was attempted (English, marked for translation in context
    ``Reported``), instead of losing it in a Qt slot. The decorated
    method's object has a ``message`` signal (or a ``session`` that has one)."""

    def wrap(method: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(method)
        def guarded(self: QObject, *args: object, **kwargs: object) -> None:
            try:
                method(self, *args, **kwargs)
            except Exception as exc:
                logger.exception("%s failed", what)
                owner: Any = getattr(self, "session", self)
                problem = database_problem(owner, exc)
                said = QCoreApplication.translate(
                    "Reported", "{0} failed: the database could not be read ({1})."
                )
                owner.message.emit(
                    said.format(
                        QCoreApplication.translate("Reported", what), database_message(problem or exc)
                    ),
                    True,
                )

        return guarded

    return wrap


NOT_SAVED = QT_TRANSLATE_NOOP("Reported", "{0} failed, nothing was saved: {1}")
MAY_NOT_BE_SAVED = QT_TRANSLATE_NOOP("Reported", "{0} may not have been saved: {1}")
SAVED_THEN_FAILED = QT_TRANSLATE_NOOP(
    "Reported", "{0}: saved, but the database could not be read afterwards: {1}"
)


def unsaved(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A write the database refused as a whole (the server stopped answering or went away, a lock, a full
    disk: ``project.problem``) is said where the decorated method's object speaks (its ``say``, else its
    ``message`` signal, else its ``show_message``), naming ``what`` was not done (English, marked for
    translation in context ``Reported``), instead of a traceback from a Qt slot. Anything else is raised."""

    def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def guarded(self: QObject, *args: object, **kwargs: object) -> Any:
            before = committed_here()
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:
                problem = database_problem(self, exc)
                if problem is None:
                    raise
                logger.warning("%s failed: %s", what, problem)
                if committed_here() > before:  # saved; what came after it (a read, say) failed
                    template = SAVED_THEN_FAILED
                elif commit_in_doubt(exc):  # the COMMIT's answer lost, and the server cannot be asked
                    template = MAY_NOT_BE_SAVED
                else:
                    template = NOT_SAVED
                said = QCoreApplication.translate("Reported", template).format(
                    QCoreApplication.translate("Reported", what), database_message(problem)
                )
                speak(self, said)
                return None

        return guarded

    return wrap


def database_problem(owner: object, exc: BaseException) -> Exception | None:
    """What ``exc`` means for the database as a whole (``project.problem``); None: something else."""
    project = getattr(owner, "project", None) or getattr(getattr(owner, "session", None), "project", None)
    return None if project is None else project.problem(exc)


def speak(owner: Any, said: str) -> None:
    """``said``, as an error, where ``owner`` speaks."""
    if hasattr(owner, "say"):
        owner.say(said, error=True)
    elif hasattr(owner, "message") and hasattr(owner.message, "emit"):
        owner.message.emit(said, True)
    else:
        owner.show_message(said, True)
