"""The suggestion engine behind the annotation window, always off the UI thread: loading jieba, making sure
an opened document has suggestions, learning from each decision, and following an undo. Results come back as
signals; it never touches a widget."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from gui.workers import Workers
from model.span_rules import word_at
from model.spans import DocumentId, Entity
from model.suggest.lesson import Lesson

CONTEXT = 32  # characters of context either side of a place given to jieba


class BackgroundLearning(QObject):
    ready = Signal()  # jieba is loaded: word boundaries can be asked for
    suggested = Signal(int)  # a document that had none now has suggestions
    relearned = Signal(list)  # documents re-suggested after a decision (or an undone one)

    def __init__(self, service: Any, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service, self.workers = service, workers
        self.warm = False
        self.asking: set[DocumentId] = set()  # documents whose suggestions the engine is making

    def start(self) -> None:
        """Load jieba first, before whatever was asked for meanwhile."""
        if self.service is not None:
            self.workers.submit(self.service.warm_up, self.workers.stopping, done=self._warmed, first=True)

    def _warmed(self, _result: object) -> None:
        self.warm = True
        self.ready.emit()

    def ensure(self, document_id: DocumentId) -> None:
        if self.service is not None:
            self.asking.add(document_id)
            self.workers.submit(
                self.service.ensure,
                document_id,
                done=lambda stored: self._ensured(document_id, bool(stored)),
                error=lambda _exc: self.asking.discard(document_id),
            )

    def _ensured(self, document_id: DocumentId, stored: bool) -> None:
        self.asking.discard(document_id)
        if stored:
            self.suggested.emit(int(document_id))

    def learn(
        self,
        document_id: DocumentId,
        accepted: Sequence[Entity],
        rejected: Sequence[Entity],
        lesson: Lesson | None = None,
    ) -> None:
        """Teach the engine an action's decisions; ``lesson`` (kept with the action's undo step) records
        what it learned, for ``unlearn``."""
        if self.service is None or not (accepted or rejected):
            return
        self.workers.submit(
            self.service.learn,
            document_id,
            list(accepted),
            list(rejected),
            True,
            lesson,
            done=self._relearned,
        )

    def resync(
        self,
        document_id: DocumentId,
        surfaces: Collection[str],
        lesson: Lesson | None = None,
        again: bool = False,
    ) -> None:
        """What an undone (or redone: ``again``) decision taught the engine follows the database again:
        ``lesson``, what the action taught it, is taken back (taught again), in order with the learning (the
        worker runs one task at a time)."""
        resync = getattr(self.service, "resync", None)
        if resync is None:
            return
        if lesson is not None:
            self.workers.submit(resync, document_id, sorted(surfaces), lesson, again, done=self._relearned)
        elif surfaces:
            self.workers.submit(resync, document_id, sorted(surfaces), done=self._relearned)

    def _relearned(self, ids: object) -> None:
        ids = list(ids) if isinstance(ids, list) else []
        if ids:
            self.relearned.emit(ids)

    def word_bounds(self, text: str) -> list[tuple[int, int]] | None:
        """jieba's words in ``text`` as (start, end); None while jieba is still loading."""
        if not self.warm or self.service is None:
            return None
        return list(self.service.word_bounds(text))

    def words_around(self, text: str, start: int, end: int) -> list[tuple[int, int]] | None:
        """jieba's words over ``text[start:end]`` and ``CONTEXT`` characters either side, as offsets into
        ``text``; None while jieba is still loading."""
        lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
        bounds = self.word_bounds(text[lo:hi])
        return None if bounds is None else [(a + lo, b + lo) for a, b in bounds]

    def word_at(self, text: str, offset: int) -> tuple[int, int] | None:
        """The word (``model.span_rules.word_at``) at ``offset``; None while jieba is still loading."""
        bounds = self.words_around(text, offset, offset + 1)
        return None if bounds is None else word_at(bounds, text, offset)
