"""What the annotators decided, counted (``project.decisions``): per surface string and label for the project
dictionary, per suggestion origin for the combiner's trust."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import case, func, select

from model.spans import PRETRAINED_DETAIL, Layer, Origin, Status, edited_from
from model.suggest import Suggestion
from model.suggest.in_word import CONTEXT, StoredSpan
from storage.database import Database
from storage.orm import DocumentRow, SpanRow


def stored_origin(s: Suggestion) -> tuple[str, str | None]:
    """``(origin, origin_detail)`` columns for a suggestion."""
    if s.origin is Origin.PRETRAINED:
        return str(Origin.MODEL), PRETRAINED_DETAIL + (s.detail or "")
    return str(s.origin), s.detail


def origin_of(origin: str, detail: str | None) -> str:
    """The combiner's origin for stored ``origin`` / ``origin_detail`` columns."""
    if origin == str(Origin.MODEL) and detail is not None and detail.startswith(PRETRAINED_DETAIL):
        return str(Origin.PRETRAINED)
    return origin


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

    def in_word_spans(self, characters: Collection[str] | None = None) -> list[StoredSpan]:
        """Every human and gold decision on a single character (only on ``characters``, if given), with the
        document's text around it: what the engine's in-word memory is rebuilt from
        (``SuggestionEngine.recall_in_word``)."""
        first = case((SpanRow.start >= CONTEXT, SpanRow.start - CONTEXT), else_=0)
        context = func.substr(DocumentRow.text, first + 1, 2 * CONTEXT + 1)
        query = (
            select(context, SpanRow.start - first, SpanRow.label, SpanRow.status)
            .join(DocumentRow, DocumentRow.id == SpanRow.document_id)
            .where(
                SpanRow.layer.in_([str(Layer.ANNOTATOR), str(Layer.GOLD)]),
                SpanRow.end - SpanRow.start == 1,
            )
        )
        if characters is not None:
            surface = func.substr(DocumentRow.text, SpanRow.start + 1, 1)
            query = query.where(surface.in_(sorted(characters)))
        with self._db.session_factory() as s:
            return [
                (text, offset, label, status == str(Status.ACCEPTED))
                for text, offset, label, status in s.execute(query)
            ]

    def acceptance_history(self) -> dict[str, tuple[int, int]]:
        """(accepted, rejected) per suggestion origin over every annotator's decisions: what the combiner
        trusts when the rules and the model disagree, carried over from earlier sessions. A machine's span the
        annotator resized or relabelled (origin ``human``, detail ``resize of model``) counts as its
        rejection, as ``model.evaluate.simulate_learning`` counts a suggestion that is not exactly right."""
        query = (
            select(SpanRow.origin, SpanRow.origin_detail, SpanRow.status, func.count())
            .where(
                SpanRow.layer == str(Layer.ANNOTATOR),
                (SpanRow.origin != str(Origin.HUMAN)) | SpanRow.origin_detail.like("% of %"),
            )
            .group_by(SpanRow.origin, SpanRow.origin_detail, SpanRow.status)
        )
        history: dict[str, list[int]] = {}
        with self._db.session_factory() as s:
            for origin, detail, status, n in s.execute(query):
                edited = edited_from(origin, detail)
                if origin == str(Origin.HUMAN) and edited is None:
                    continue
                key = edited or origin_of(origin, detail)
                rejected = edited is not None or status != str(Status.ACCEPTED)
                history.setdefault(key, [0, 0])[1 if rejected else 0] += n
        return {origin: (a, r) for origin, (a, r) in history.items()}
