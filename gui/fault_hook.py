"""The last word on a database fault that no step of the window caught (a read in a Qt slot or a model's
``fetchMore``, a dialog's first read): said in the annotation window's message bar, naming the database and
that what was asked was not done, instead of a traceback on stderr. Anything else goes to the hook before."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from gui.database_messages import database_message
from gui.i18n import QT_TRANSLATE_NOOP

logger = logging.getLogger(__name__)

NOT_DONE = QT_TRANSLATE_NOOP("FaultHook", "What you asked for was not done: {0}")


def _speaker() -> Any:
    """The window that says it: the active one's annotation window (a dialog's parent), else any."""
    widget: QWidget | None = QApplication.activeWindow()
    while widget is not None and not hasattr(widget, "show_message"):
        widget = widget.parentWidget()
    if widget is not None:
        return widget
    return next((w for w in QApplication.topLevelWidgets() if hasattr(w, "show_message")), None)


def said(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> bool:
    """Say ``exc`` in the window when it is a fault of the window's database; whether it was said."""
    window = _speaker()
    project = getattr(window, "project", None)
    problem = project.problem(exc) if project is not None and isinstance(exc, Exception) else None
    if problem is None:
        return False
    logger.error("not done: %s", problem, exc_info=(kind, exc, tb))
    window.show_message(
        QCoreApplication.translate("FaultHook", NOT_DONE).format(database_message(problem)), True
    )
    return True


def install() -> None:
    """Make ``said`` the first to hear an exception nobody caught."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not said(kind, exc, tb):
            previous(kind, exc, tb)

    sys.excepthook = hook
