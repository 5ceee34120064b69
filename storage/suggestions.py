"""Suggestions in the database: computing them for documents, learning from decisions, propagating them.

The engine (``model.suggest``) is pure; this service feeds it the project's confirmed and rejected spans,
stores its output in the suggestion layer, and never touches a human decision. Thread-safe: the window calls
it from a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import and_, delete, func, not_, or_, select
from sqlalchemy.orm import Session

from model.spans import DocState, DocumentId, Entity, Layer, Origin, Status
from model.suggest import ProjectDictionary, Suggestion, SuggestionEngine
from model.suggest.tokenizer import to_half_width
from storage.documents import DocumentStore
from storage.orm import DocumentRow, ProgressRow, SpanRow

if TYPE_CHECKING:
    from storage.project import Project

logger = logging.getLogger(__name__)

# Suggestions the engine owns and may replace; imported suggestions and spans an annotator offered across the
# corpus are kept.
ENGINE_ORIGINS = (Origin.JIEBA, Origin.RULE, Origin.DICTIONARY, Origin.PROPAGATED, Origin.MODEL)
HUMAN_OFFER = "labelled across the corpus"
# A pretrained tagger's suggestions (origin ``pretrained`` in ``model``) are stored with origin ``model`` and
# this prefix before the detail (``pretrained:lac``): the schema's origins stay as they are.
PRETRAINED_DETAIL = "pretrained:"


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
PROPAGATION_LIMIT = 500  # documents re-suggested at once after one decision


def _engine_owned():  # type: ignore[no-untyped-def]
    return and_(
        SpanRow.layer == str(Layer.SUGGESTION),
        SpanRow.origin.in_([str(o) for o in ENGINE_ORIGINS]),
        or_(SpanRow.origin_detail.is_(None), SpanRow.origin_detail != HUMAN_OFFER),
    )


def insert_new_suggestions(session: Session, rows: list[dict[str, object]]) -> None:
    """Insert suggestion rows, skipping any the database holds already (same document, span and label)."""
    from sqlalchemy.dialects import postgresql, sqlite

    if session.get_bind().dialect.name == "postgresql":
        session.execute(postgresql.insert(SpanRow).on_conflict_do_nothing(), rows)
    else:
        session.execute(sqlite.insert(SpanRow).on_conflict_do_nothing(), rows)


def dictionary_rows(project: Project,
                    surfaces: Collection[str] | None = None) -> list[tuple[str, str, int, int]]:
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
    with project.session_factory() as s:
        for text, label, status, n in s.execute(query):
            entry = counts.setdefault((text, label), [0, 0])
            entry[0 if status == str(Status.ACCEPTED) else 1] += n
    return [(text, label, a, r) for (text, label), (a, r) in counts.items()]


def acceptance_history(project: Project) -> dict[str, tuple[int, int]]:
    """(accepted, rejected) per suggestion origin over every annotator's decisions: what the combiner trusts
    when the rules and the model disagree, carried over from earlier sessions."""
    query = (select(SpanRow.origin, SpanRow.origin_detail, SpanRow.status, func.count())
             .where(SpanRow.layer == str(Layer.ANNOTATOR), SpanRow.origin != str(Origin.HUMAN))
             .group_by(SpanRow.origin, SpanRow.origin_detail, SpanRow.status))
    history: dict[str, list[int]] = {}
    with project.session_factory() as s:
        for origin, detail, status, n in s.execute(query):
            key = origin_of(origin, detail)
            history.setdefault(key, [0, 0])[0 if status == str(Status.ACCEPTED) else 1] += n
    return {origin: (a, r) for origin, (a, r) in history.items()}


class SuggestionService:
    def __init__(self, project: Project, engine: SuggestionEngine | None = None) -> None:
        self._project = project
        self._engine = engine
        self._lock = threading.RLock()
        self.model_id: int | None = None
        self.pretrained_missing: str | None = None  # the tagger the project asks for but cannot import
        self._suggested_with: dict[int, int | None] = {}  # document -> model id its suggestions came from

    @property
    def engine(self) -> SuggestionEngine:
        with self._lock:
            if self._engine is None:
                labels = [label.name for label in self._project.labels()]
                from storage.training import model_settings

                self._engine = SuggestionEngine(
                    project_dictionary=ProjectDictionary.from_rows(dictionary_rows(self._project)),
                    labels=labels,
                    conventions=str(model_settings(self._project)["conventions"]),
                )
            return self._engine

    @property
    def rules(self) -> SuggestionEngine:
        """The rule and dictionary engine (inside the model-assisted one once a model is loaded)."""
        engine = self.engine
        return getattr(engine, "rule_engine", engine)

    def warm_up(self) -> None:
        """Load jieba, the project dictionary, the pretrained tagger and the project's trained model, if any
        (slow: call it off the UI thread)."""
        with self._lock:
            self.engine.warm_up()
        self._attach_pretrained()
        self.reload_model()

    def _assisted(self, crf: object | None) -> object:
        """The rule engine wrapped with ``crf`` and the pretrained tagger (``storage.training``)."""
        from model.crf import ModelAssistedEngine
        from storage.training import model_settings, project_tagger

        threshold = float(model_settings(self._project)["threshold"])  # type: ignore[arg-type]
        return ModelAssistedEngine(self.rules, crf, threshold=threshold,  # type: ignore[arg-type]
                                   history=acceptance_history(self._project),
                                   pretrained=project_tagger(self._project))

    def _attach_pretrained(self) -> None:
        """Put the pretrained tagger beside the rules, if the project wants one and it is installed."""
        from storage.training import model_settings, project_tagger

        tagger = project_tagger(self._project)
        if tagger is None:
            self.pretrained_missing = str(model_settings(self._project).get("pretrained") or "") or None
            return
        tagger.load()
        with self._lock:
            if getattr(self.engine, "pretrained", None) is None:
                self._engine = self._assisted(getattr(self.engine, "model", None))  # type: ignore[assignment]

    def reload_model(self) -> int | None:
        """Put the project's model (its newest own model, else its base model; ``storage.training``) behind
        the suggestions; returns its id, or None when there is none or models are turned off."""
        from storage.training import model_settings, serving_model

        if not model_settings(self._project).get("enabled", True):
            return None
        found = serving_model(self._project)
        if found is None:
            return None
        model_id, crf = found
        from model.crf import ModelAssistedEngine

        with self._lock:
            engine = self.engine
            if isinstance(engine, ModelAssistedEngine):
                engine.set_model(crf)
            else:
                self._engine = self._assisted(crf)  # type: ignore[assignment]
            self.model_id = model_id
        return model_id

    def uncertainties(self, texts: dict[DocumentId, str]) -> dict[DocumentId, float] | None:
        """Each text's uncertainty (``ModelAssistedEngine.uncertainty``), or None when the rules work alone.
        The engine is held one document at a time, so suggestions for the window go on in between."""
        with self._lock:
            engine = self.engine
            prefetch = getattr(engine, "prefetch", None)
            if prefetch is None:
                return None
            prefetch(list(texts.values()))
        out = {}
        for doc_id, text in texts.items():
            with self._lock:
                out[doc_id] = engine.uncertainty(text)  # type: ignore[attr-defined]
        return out

    def suggest_text(self, text: str) -> list[Suggestion]:
        with self._lock:
            return self.engine.suggest(text)

    def word_bounds(self, text: str) -> list[tuple[int, int]]:
        """jieba's words in ``text`` as (start, end) offsets (loads jieba first: call it once warm, or off the
        UI thread). Used to snap a selection to word boundaries."""
        with self._lock:
            tokens = self.rules.tokens(text)
        return [(t.start, t.end) for t in tokens]

    def has_suggestions(self, document_id: DocumentId) -> bool:
        with self._project.session_factory() as s:
            return bool(s.scalar(select(func.count()).select_from(SpanRow).where(
                SpanRow.document_id == document_id, SpanRow.layer == str(Layer.SUGGESTION))))

    def ensure(self, document_id: DocumentId) -> bool:
        """Compute and store suggestions for a document that has none, or that nobody has touched since a
        newer model arrived (so the model's suggestions reach it). True if it stored some."""
        if self.has_suggestions(document_id):
            if self.model_id is None or self._suggested_with.get(document_id) == self.model_id:
                return False
            with self._project.session_factory() as s:
                touched = s.scalar(select(func.count()).select_from(SpanRow).where(
                    SpanRow.document_id == document_id, SpanRow.layer == str(Layer.ANNOTATOR)))
            if touched:
                return False
            return self.resuggest([document_id]) > 0
        # a first time: if another window (or process) stored suggestions for it meanwhile, keep those
        return self.resuggest([document_id], only_missing=True) > 0

    def resuggest(self, document_ids: Sequence[DocumentId],
                  progress: Callable[[int], None] | None = None, only_missing: bool = False) -> int:
        """Replace the engine-owned suggestions of these documents with fresh ones (``only_missing``: only of
        those that still have no suggestion when the fresh ones are stored); returns how many stored."""
        stored = 0
        for start in range(0, len(document_ids), 200):
            chunk = list(document_ids[start : start + 200])
            texts = dict(self._project.documents.texts(chunk))
            prefetch = getattr(self.engine, "prefetch", None)
            if prefetch is not None:  # the pretrained tagger reads the chunk in one batch
                prefetch(list(texts.values()))
            results = {doc_id: self.suggest_text(texts[doc_id]) for doc_id in chunk if doc_id in texts}
            stored += self.store(results, only_missing)
            self._suggested_with.update(dict.fromkeys(results, self.model_id))
            if progress:
                progress(len(chunk))
        return stored

    def store(self, results: dict[DocumentId, list[Suggestion]], only_missing: bool = False) -> int:
        """Write suggestions for several documents in one transaction (replacing engine-owned ones; with
        ``only_missing``, leaving alone the documents that have suggestions by now). Idempotent under
        concurrency: writers to the same document take turns (``DocumentStore.lock``), and the database holds
        one suggestion per span and label (``uq_spans_suggestion``)."""
        if not results:
            return 0
        with self._project.transaction() as s:
            ids = sorted(results)
            DocumentStore.lock(s, ids)
            if only_missing:
                suggested = set(s.scalars(select(SpanRow.document_id).distinct().where(
                    SpanRow.document_id.in_(ids), SpanRow.layer == str(Layer.SUGGESTION))))
                ids = [i for i in ids if i not in suggested]
                if not ids:
                    return 0
            s.execute(delete(SpanRow).where(SpanRow.document_id.in_(ids), _engine_owned()))
            kept: dict[int, list[tuple[int, int]]] = {}
            for doc_id, a, b in s.execute(select(SpanRow.document_id, SpanRow.start, SpanRow.end).where(
                    SpanRow.document_id.in_(ids), SpanRow.layer == str(Layer.SUGGESTION))):
                kept.setdefault(doc_id, []).append((a, b))
            known = set(s.scalars(select(func.distinct(SpanRow.label)))) | {
                label.name for label in self._project.labels()}
            rows: dict[tuple[int, int, int, str], dict[str, object]] = {}
            for doc_id in ids:
                for g in results[doc_id]:
                    covered = any(a < g.end and g.start < b for a, b in kept.get(doc_id, ()))
                    if g.label in known and not covered:
                        origin, detail = stored_origin(g)
                        rows.setdefault((doc_id, g.start, g.end, g.label), {
                            "document_id": doc_id, "layer": str(Layer.SUGGESTION), "annotator_id": None,
                            "start": g.start, "end": g.end, "label": g.label, "origin": origin,
                            "origin_detail": detail, "status": str(Status.SUGGESTED), "score": g.score,
                            "version": 1})
            if rows:
                insert_new_suggestions(s, list(rows.values()))
            return len(rows)

    def learn(self, document_id: DocumentId, accepted: Iterable[Entity], rejected: Iterable[Entity] = (),
              propagate: bool = True) -> list[DocumentId]:
        """Feed decisions to the project dictionary; re-suggest unfinished documents that contain the decided
        strings. Returns the documents re-suggested."""
        accepted, rejected = list(accepted), list(rejected)
        if not accepted and not rejected:
            return []
        text = self._project.documents.get(document_id).text
        with self._lock:
            self.engine.learn(text, accepted, rejected)
        if not propagate:
            return []
        surfaces = {text[e.start : e.end] for e in (*accepted, *rejected)}
        targets = self._unfinished_containing(surfaces, exclude=document_id)
        self.resuggest(targets)
        return targets

    def resync(self, document_id: DocumentId, surfaces: Collection[str]) -> list[DocumentId]:
        """After an undo or redo: set the dictionary's counts for ``surfaces`` to what the database now holds
        (so an undone confirmation stops propagating), then re-suggest the unfinished documents containing
        them. Returns the documents re-suggested."""
        surfaces = {s for s in surfaces if s}
        if not surfaces:
            return []
        rows = dictionary_rows(self._project, surfaces)
        fresh: dict[tuple[str, str], list[int]] = {}
        for surface, label, accepted, rejected in rows:
            entry = fresh.setdefault((to_half_width(surface), label), [0, 0])
            entry[0] += accepted
            entry[1] += rejected
        with self._lock:
            dictionary = self.rules.project_dictionary
            held = dictionary.entries_for({to_half_width(s) for s in surfaces})
            for surface, label in set(held) | set(fresh):
                accepted, rejected = fresh.get((surface, label), (0, 0))
                dictionary.set_counts(surface, label, accepted, rejected)
        targets = self._unfinished_containing(set(surfaces), exclude=document_id)
        self.resuggest(targets)
        return targets

    def _unfinished_containing(self, surfaces: set[str], exclude: DocumentId) -> list[DocumentId]:
        """Documents nobody has marked done that contain any of the strings (nearest ids first, bounded)."""
        if not surfaces:
            return []
        done = select(ProgressRow.document_id).where(ProgressRow.state == str(DocState.DONE))
        likes = [DocumentRow.text.contains(surface, autoescape=True) for surface in surfaces]
        query = (select(DocumentRow.id).where(or_(*likes), DocumentRow.id != exclude,
                                              not_(DocumentRow.id.in_(done)))
                 .order_by(func.abs(DocumentRow.id - exclude)).limit(PROPAGATION_LIMIT))
        with self._project.session_factory() as s:
            return [DocumentId(i) for i in s.scalars(query)]
