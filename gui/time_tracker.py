"""Time spent on a document, without idle time: the gap between two signs of activity counts only when it
is shorter than ``idle_after`` seconds."""

from __future__ import annotations

import time
from collections.abc import Callable

IDLE_AFTER = 120.0


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

    def take(self) -> float:
        """Seconds counted since the last take (the caller saves them)."""
        self.touch()
        seconds, self._pending = self._pending, 0.0
        return seconds

    def give_back(self, seconds: float) -> None:
        """Saving failed: keep the seconds for the next attempt."""
        self._pending += seconds
