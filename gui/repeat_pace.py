"""Keys held down that step through a history (Ctrl+Z, Ctrl+Y): the keyboard repeats them about 30 times a
second, faster than a step is saved and painted, so the steps piled up unseen and the window went on undoing
after the key was let go. Here an auto-repeated press is dropped while the step before it is not painted yet;
a fresh press always acts."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)

PAINT_WAIT_MS = 250  # a step that changed nothing on the screen paints nothing: repeats resume after this


class RepeatPace(QObject):
    """One per window: ``paced(step)`` is ``step`` with the pace above. It watches the application's key
    events (whether the key being handled is a repeat: the ShortcutOverride that comes before an action's
    shortcut says so) and the window's paint events."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.repeat = False  # the key now handled is an auto-repeat of a key held down
        self.unpainted = False  # a paced step acted and the window has not painted since
        self.dropped = 0  # repeats dropped, for the log and the tests
        self._wait = QTimer(self, singleShot=True, interval=PAINT_WAIT_MS)
        self._wait.timeout.connect(self._painted)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def paced(self, step: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            if self.repeat and self.unpainted:
                self.dropped += 1
                logger.debug("a repeated key dropped: the step before it is not painted yet")
                return
            self.unpainted = True
            try:
                step()
            finally:  # counted from the step's end: a slow step used it up, and the next repeat acted unseen
                self._wait.start()

        return run

    def _painted(self) -> None:
        self.unpainted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            self.repeat = event.isAutoRepeat()
        elif kind is QEvent.Type.MouseButtonPress:  # Edit → Undo clicked: not a key held
            self.repeat = False
        elif (
            kind is QEvent.Type.Paint
            and self.unpainted
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self._wait.stop()
            self.unpainted = False
        return False
