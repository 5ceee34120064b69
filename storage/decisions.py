"""What the annotators decided, counted (``project.decisions``): per surface string and label for the project
dictionary, per suggestion origin for the combiner's trust."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select

from model.spans import Layer, Origin, Status
from storage.database import Database
from storage.orm import DocumentRow, SpanRow


class Decisions:
    def __init__(self, db: Database) -> None:
        self._db = db

    def dictionary_rows(self, surfaces: Collection[str] | None = None) -> list[tuple[str, str, int, int]]:
        """(surface, label, accepted, rejected) over every human and gold decision in the project (only for
        ``surfaces``, if given)."""
        surface = func.substr(DocumentRow.text, SpanRow.start + 1, SpanRow.end - SpanRow.start)
        query = (
            select(surface, SpanRow.label, SpanRow.status, func.count())
            .join(DocumentRow, DocumentRow.id == SpanRow.document_id)
            .where(SpanRow.layer.in_([str(Layer.ANNOTATOR), str(Layer.GOLD)]))
            .group_by(surface, SpanRow.label, SpanRow.status)
        )
        if surfaces is not None:
            query = query.where(surface.in_(sorted(surfaces)))
        counts: dict[tuple[str, str], list[int]] = {}
        with self._db.session_factory() as s:
            for text, label, status, n in s.execute(query):
                entry = counts.setdefault((text, label), [0, 0])
                entry[0 if status == str(Status.ACCEPTED) else 1] += n
        return [(text, label, a, r) for (text, label), (a, r) in counts.items()]

    def acceptance_history(self) -> dict[str, tuple[int, int]]:
        """(accepted, rejected) per suggestion origin over every annotator's decisions: what the combiner
        trusts when the rules and the model disagree, carried over from earlier sessions."""
        query = (select(SpanRow.origin, SpanRow.status, func.count())
                 .where(SpanRow.layer == str(Layer.ANNOTATOR), SpanRow.origin != str(Origin.HUMAN))
                 .group_by(SpanRow.origin, SpanRow.status))
        history: dict[str, list[int]] = {}
        with self._db.session_factory() as s:
            for origin, status, n in s.execute(query):
                history.setdefault(origin, [0, 0])[0 if status == str(Status.ACCEPTED) else 1] += n
        return {origin: (a, r) for origin, (a, r) in history.items()}
