"""Work cut into independent jobs that any thread may take: the pretrained tagger's batches, read by its own
thread and, once the caller has done its part (jieba and the rules), by the caller too, so that both cores
run the network instead of one of them waiting (``model.pretrained.read_ahead``)."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Reading(Generic[T]):
    """``jobs`` run once each, by whichever threads call ``work``; ``result`` joins in, waits for the jobs
    other threads took and returns ``finish()`` (computed once). A job's exception is raised by ``result``."""

    def __init__(self, jobs: list[Callable[[], None]], finish: Callable[[], T]) -> None:
        self._jobs = deque(jobs)
        self._left = len(jobs)
        self._finish = finish
        self._done = threading.Condition()
        self._error: BaseException | None = None
        self._value: tuple[T] | None = None

    def work(self) -> None:
        """Run jobs until none is left to take."""
        while True:
            try:
                job = self._jobs.popleft()  # atomic: two threads never take the same job
            except IndexError:
                return
            try:
                job()
            except BaseException as exc:  # handed to whoever asks for the result
                self._error = self._error or exc
            with self._done:
                self._left -= 1
                self._done.notify_all()

    def result(self) -> T:
        self.work()
        with self._done:
            self._done.wait_for(lambda: self._left == 0)
            if self._error is not None:
                raise self._error
            if self._value is None:
                self._value = (self._finish(),)
            return self._value[0]
