"""Failures of reading steps, reported in the message bar instead of being lost in a Qt slot."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from gui.database_messages import database_message

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
                project = getattr(owner, "project", None)
                problem = project.problem(exc) if project is not None else None
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
