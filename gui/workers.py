"""Slow work off the UI thread: a single worker thread running tasks in order (jieba warm-up, suggesting a
document, learning from decisions). A task never touches widgets; its result comes back by a queued signal
to the UI thread, where the caller's callback runs."""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

logger = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the UI thread; the worker emits through it, so the slots run in the UI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(
        self,
        key: int,
        relay: _Relay,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        stopping: threading.Event,
    ) -> None:
        super().__init__()
        self.key, self.relay, self.fn, self.args, self.stopping = key, relay, fn, args, stopping
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # reported to the UI thread, never raised into Qt
            name = getattr(self.fn, "__name__", self.fn)
            if self.stopping.is_set() or sys.is_finalizing():
                # the window has closed and the interpreter may be ending under the task (an import then
                # fails): nobody waits for the result, and a traceback in the terminal would only alarm
                logger.debug("background task %s ended by the shutdown: %r", name, exc)
                return
            logger.exception("background task %s failed", name)
            self.relay.failed.emit(self.key, exc)
            return
        self.relay.finished.emit(self.key, result)


class Workers(QObject):
    """Runs callables one after another in a background thread. ``busy`` counts tasks not yet reported."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, paused: bool = False) -> None:
        super().__init__(parent)
        self._paused = paused  # tasks wait until resume(): nothing competes with the window's first paint
        self._pending: list[_Task] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # in order: warm-up before the first ensure, one learn at a time
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._keys = itertools.count()
        # set by shutdown(): a long task (the warm-up) looks at it between its stages and stops early
        self.stopping = threading.Event()
        self._callbacks: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]
        ] = {}

    @property
    def busy(self) -> int:
        return len(self._callbacks)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        error: Callable[[Exception], None] | None = None,
        first: bool = False,
    ) -> None:
        """Run ``fn(*args)`` in the worker; ``done(result)`` or ``error(exc)`` then runs in the UI thread.
        ``first``: while paused, ahead of the tasks already waiting."""
        key = next(self._keys)
        self._callbacks[key] = (done, error)
        task = _Task(key, self._relay, fn, args, self.stopping)
        if self._paused:
            self._pending.insert(0 if first else len(self._pending), task)
        else:
            self._pool.start(task)

    def resume(self) -> None:
        """Start the tasks submitted while paused, in order."""
        self._paused = False
        pending, self._pending = self._pending, []
        for task in pending:
            self._pool.start(task)

    @Slot(int, object)
    def _on_finished(self, key: int, result: object) -> None:
        done, _ = self._callbacks.pop(key, (None, None))
        if done is not None:
            done(result)
        self._check_idle()

    @Slot(int, object)
    def _on_failed(self, key: int, exc: object) -> None:
        _, error = self._callbacks.pop(key, (None, None))
        if error is not None and isinstance(exc, Exception):
            error(exc)
        self._check_idle()

    def _check_idle(self) -> None:
        if not self._callbacks:
            self.idle.emit()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Drop queued tasks, ask the running one to stop (``stopping``) and wait for it (on window close)."""
        self.stopping.set()
        self._pending.clear()
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)
        self._callbacks.clear()
