"""Time spent on a document, without idle time: the gap between two signs of activity counts only when it
is shorter than ``idle_after`` seconds; saved with the annotator's progress."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from model.spans import AnnotatorId, DocumentId
from storage.project import Annotations

logger = logging.getLogger(__name__)

IDLE_AFTER = 120.0
TIME_FLUSH_MS = 60_000
SAVE_DELAY_MS = 400  # after a document is opened: its first paint comes first


class TimeTracker:
    def __init__(self, clock: Callable[[], float] = time.monotonic, idle_after: float = IDLE_AFTER) -> None:
        self._clock = clock
        self._idle_after = idle_after
        self._last: float | None = None
        self._pending = 0.0

    def start(self) -> None:
        """A document was opened: count from now."""
        self._last = self._clock()
        self._pending = 0.0

    def touch(self) -> None:
        """The annotator did something (a key, a click, an action)."""
        now = self._clock()
        if self._last is not None:
            gap = now - self._last
            if 0 < gap <= self._idle_after:
                self._pending += gap
        self._last = now

    def take(self, active: bool = True) -> float:
        """Seconds counted since the last take (the caller saves them). ``active``: the take is itself a sign
        of activity (a document opened or closed), so the time since the last one counts; a periodic save is
        not, or a window left open would count every idle minute (each save closing a gap under the limit)."""
        if active:
            self.touch()
        seconds, self._pending = self._pending, 0.0
        return seconds


class TimeKeeper(QObject):
    """Saves the time spent on the open document: when the annotator moves on, and every minute."""

    def __init__(
        self,
        store: Annotations,
        annotator_id: AnnotatorId,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._annotator_id = store, annotator_id
        self._tracker = TimeTracker(clock)
        self.document_id: DocumentId | None = None
        self._timer = QTimer(self, interval=TIME_FLUSH_MS)
        self._timer.timeout.connect(self.save_counted)
        self._timer.start()
        self._owed: dict[DocumentId, float] = {}  # seconds taken from the tracker, not saved yet
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_counted)

    def start(self, document_id: DocumentId) -> None:
        """A document was opened: what was counted for the previous one is taken now and saved a moment
        later, so that opening and painting the next one never wait for a commit of the bookkeeping."""
        self._take()
        self.document_id = document_id
        self._tracker.start()
        if self._owed:
            self._save_timer.start()

    def touch(self) -> None:
        self._tracker.touch()

    def _take(self, active: bool = True) -> None:
        if self.document_id is None:
            return
        seconds = self._tracker.take(active)
        if seconds > 0:
            self._owed[self.document_id] = self._owed.get(self.document_id, 0.0) + seconds

    def save_counted(self) -> None:
        """On a timer (every minute, and just after a document opens): save what is counted up to the last
        sign of activity; the time since then counts if the annotator acts again within ``IDLE_AFTER``."""
        self.flush(active=False)

    def flush(self, active: bool = True) -> None:
        """Save what is counted, for the open document and any still owed."""
        self._save_timer.stop()
        self._take(active)
        for document_id, seconds in list(self._owed.items()):
            try:
                self._store.add_time(document_id, self._annotator_id, seconds)
            except (
                Exception
            ) as exc:  # kept for the next attempt; the annotator is told once the store is back
                logger.warning("time spent was not saved yet: %s", exc)
                return
            del self._owed[document_id]

    def stop(self) -> None:
        self._timer.stop()
        self.flush()
