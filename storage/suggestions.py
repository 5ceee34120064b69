"""Suggestions in the database: computing them for documents, learning from decisions, propagating them.

The engine (``model.suggest``) is pure; this service feeds it the project's confirmed and rejected spans,
stores its output in the suggestion layer, and never touches a human decision. Thread-safe: the window calls
it from a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace

from sqlalchemy import and_, delete, func, not_, or_, select

from model.ops import Insert
from model.serving import ServingSetup
from model.spans import DocState, DocumentId, Entity, Layer, Origin, OriginDetail, Status
from model.suggest import Suggestion, SuggestionEngine
from model.suggest.lesson import Lesson
from model.suggest.tokenizer import to_half_width
from storage.database import Database
from storage.decisions import Decisions, stored_origin
from storage.documents import DocumentStore
from storage.labels import Labels
from storage.orm import DocumentRow, ProgressRow, SpanRow
from storage.span_rows import insert_spans
from storage.suggest_runs import SUGGEST_AT_ONCE, by_length
from storage.training import Training

logger = logging.getLogger(__name__)

# Suggestions the engine owns and may replace; imported suggestions and spans an annotator offered across the
# corpus are kept.
ENGINE_ORIGINS = (Origin.JIEBA, Origin.RULE, Origin.DICTIONARY, Origin.PROPAGATED, Origin.MODEL)
PROPAGATION_LIMIT = 500  # documents re-suggested at once after one decision


def _engine_owned():  # type: ignore[no-untyped-def]
    return and_(
        SpanRow.layer == str(Layer.SUGGESTION),
        SpanRow.origin.in_([str(o) for o in ENGINE_ORIGINS]),
        or_(SpanRow.origin_detail.is_(None), SpanRow.origin_detail != str(OriginDetail.CORPUS_OFFER)),
    )


class SuggestionService:
    def __init__(self, db: Database, engine: SuggestionEngine | None = None) -> None:
        self._project = db
        self._documents = DocumentStore(db)
        self._labels = Labels(db)
        self._decisions = Decisions(db)
        self._training = Training(db)
        self._engine = engine
        self._lock = threading.RLock()
        self.model_id: int | None = None
        self.pretrained_missing: str | None = None  # the tagger the project asks for but cannot import
        self._suggested_with: dict[int, int | None] = {}  # document -> model id its suggestions came from
        self._history_changes = 0  # how often a decision, or an undo, changed the combiner's history
        self._suggested_at: dict[DocumentId, int] = {}  # document -> that count when it was last suggested

    @property
    def engine(self) -> SuggestionEngine:
        with self._lock:
            if self._engine is None:  # the rules first; warm_up puts the model and the tagger beside them
                labels = tuple(label.name for label in self._labels.all())
                conventions = self._training.settings().conventions
                self._engine = ServingSetup(
                    tuple(self._decisions.dictionary_rows()), labels, conventions=conventions
                ).rules()
            return self._engine

    def follow_settings(self) -> None:
        """Let the engine follow the project's conventions setting (changed by a label-set preset, or by
        ``newstag suggest --conventions`` from another process) from its next suggestion on. Called on the
        UI thread: it neither builds the engine (one built later reads the settings then) nor waits for the
        engine's lock, which a warm-up or a re-suggestion may hold for a while (``set_conventions`` swaps one
        tuple of rules; a suggestion under way keeps the tuple it began with)."""
        engine = self._engine
        if engine is None:
            return
        conventions = self._training.settings().conventions
        rules = getattr(engine, "rule_engine", engine)
        if rules.conventions != conventions:
            rules.set_conventions(conventions)

    def serving_setup(self) -> ServingSetup:
        """What the project's serving engine is made of: the window's engine is built from it, and the
        command line hands it (``portable()``) to its worker processes."""
        labels = tuple(label.name for label in self._labels.all())
        return replace(
            self._model_setup(),
            rows=tuple(self._decisions.dictionary_rows()),
            labels=labels,
            in_word=tuple(self._decisions.in_word_spans()),
        )

    def _model_setup(self, with_model: bool = True) -> ServingSetup:
        """The project's model (its newest own model, else its base model; ``storage.training``), its
        pretrained tagger, and how the combiner weighs them; no model when there is none or models are turned
        off, no tagger when the project wants none or it is not installed."""
        settings = self._training.settings()
        tagger = self._training.tagger()
        found = self._training.serving_model() if with_model and settings.enabled else None
        history = self._decisions.acceptance_history() if found is not None or tagger is not None else {}
        return ServingSetup(
            model_id=found[0] if found else None,
            crf=found[1] if found else None,
            threshold=settings.threshold,
            history=history,
            tagger=tagger,
            conventions=settings.conventions,
        )

    @property
    def rules(self) -> SuggestionEngine:
        """The rule and dictionary engine (inside the model-assisted one once a model is loaded)."""
        engine = self.engine
        return getattr(engine, "rule_engine", engine)

    def warm_up(self, stop: threading.Event | None = None) -> None:
        """Load jieba, the project dictionary, the pretrained tagger and the project's trained model, if any
        (slow: call it off the UI thread). ``stop``, looked at between these stages: set when the window
        closes, so that quitting does not wait for the rest (nor run it while the interpreter ends)."""
        with self._lock:
            self.engine.warm_up()
        for stage in (self._attach_pretrained, self.reload_model, self._recall_in_word):
            if stop is not None and stop.is_set():
                logger.info("warm-up stopped: the window closed")
                return
            stage()

    def _recall_in_word(self) -> None:
        """Rebuild the in-word memory from the database, once the engine cuts words as it will serve
        (beside a pretrained tagger jieba's part-of-speech HMM is off, and it cuts some words otherwise)."""
        spans = self._decisions.in_word_spans()
        with self._lock:
            self.rules.recall_in_word(spans)

    def _attach_pretrained(self) -> None:
        """Put the pretrained tagger beside the rules, if the project wants one and it is installed."""
        setup = self._model_setup(with_model=False)
        if setup.tagger is None:
            self.pretrained_missing = self._training.settings().pretrained or None
            return
        setup.tagger.load()
        with self._lock:
            if getattr(self.engine, "pretrained", None) is None:
                crf = getattr(self.engine, "model", None)
                self._engine = replace(setup, crf=crf).engine(self.rules)

    def reload_model(self) -> int | None:
        """Put the project's model behind the suggestions; returns its id, or None when there is none or
        models are turned off."""
        setup = self._model_setup()
        if setup.model_id is None:
            return None
        from model.crf import ModelAssistedEngine

        with self._lock:
            engine = self.engine
            if isinstance(engine, ModelAssistedEngine):
                engine.set_model(setup.crf)
            else:
                self._engine = setup.engine(engine)
            self.model_id = setup.model_id
        return setup.model_id

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
            return bool(
                s.scalar(
                    select(func.count())
                    .select_from(SpanRow)
                    .where(SpanRow.document_id == document_id, SpanRow.layer == str(Layer.SUGGESTION))
                )
            )

    def ensure(self, document_id: DocumentId) -> bool:
        """Compute and store suggestions for a document that has none, or that nobody has touched since a
        newer model arrived (so the model's suggestions reach it). True if it stored some."""
        if self.has_suggestions(document_id):
            if self.model_id is None or self._suggested_with.get(document_id) == self.model_id:
                return False
            with self._project.session_factory() as s:
                touched = s.scalar(
                    select(func.count())
                    .select_from(SpanRow)
                    .where(SpanRow.document_id == document_id, SpanRow.layer == str(Layer.ANNOTATOR))
                )
            if touched:
                return False
            return self.resuggest([document_id]) > 0
        # a first time: if another window (or process) stored suggestions for it meanwhile, keep those
        return self.resuggest([document_id], only_missing=True) > 0

    def resuggest(
        self,
        document_ids: Sequence[DocumentId],
        progress: Callable[[int], None] | None = None,
        only_missing: bool = False,
    ) -> int:
        """Replace the engine-owned suggestions of these documents with fresh ones (``only_missing``: only of
        those that still have no suggestion when the fresh ones are stored); returns how many stored."""
        stored = 0
        for start in range(0, len(document_ids), 200):
            chunk = list(document_ids[start : start + 200])
            texts = dict(self._documents.texts(chunk))
            results: dict[DocumentId, list[Suggestion]] = {}
            for ids in by_length([doc_id for doc_id in chunk if doc_id in texts], texts, SUGGEST_AT_ONCE):
                with self._lock:  # a few documents at a time: the window's own requests come in between
                    found = self.engine.suggest_many([texts[doc_id] for doc_id in ids])
                results.update(zip(ids, found, strict=True))
            stored += self.store(results, only_missing)
            self._suggested_with.update(dict.fromkeys(results, self.model_id))
            self._suggested_at.update(dict.fromkeys(results, self._history_changes))
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
                suggested = set(
                    s.scalars(
                        select(SpanRow.document_id)
                        .distinct()
                        .where(SpanRow.document_id.in_(ids), SpanRow.layer == str(Layer.SUGGESTION))
                    )
                )
                ids = [i for i in ids if i not in suggested]
                if not ids:
                    return 0
            s.execute(delete(SpanRow).where(SpanRow.document_id.in_(ids), _engine_owned()))
            kept: dict[int, list[tuple[int, int]]] = {}
            for doc_id, a, b in s.execute(
                select(SpanRow.document_id, SpanRow.start, SpanRow.end).where(
                    SpanRow.document_id.in_(ids), SpanRow.layer == str(Layer.SUGGESTION)
                )
            ):
                kept.setdefault(doc_id, []).append((a, b))
            known = set(s.scalars(select(func.distinct(SpanRow.label)))) | {
                label.name for label in self._labels.all()
            }
            rows: dict[tuple[int, int, int, str], Insert] = {}
            for doc_id in ids:
                for g in results[doc_id]:
                    covered = any(a < g.end and g.start < b for a, b in kept.get(doc_id, ()))
                    if g.label in known and not covered:
                        origin, detail = stored_origin(g)
                        rows.setdefault(
                            (doc_id, g.start, g.end, g.label),
                            Insert(
                                doc_id,
                                Layer.SUGGESTION,
                                None,
                                g.start,
                                g.end,
                                g.label,
                                Status.SUGGESTED,
                                Origin(origin),
                                detail,
                                g.score,
                            ),
                        )
            insert_spans(s, list(rows.values()), returning=False, skip_stored=True)
            return len(rows)

    def learn(
        self,
        document_id: DocumentId,
        accepted: Iterable[Entity],
        rejected: Iterable[Entity] = (),
        propagate: bool = True,
        lesson: Lesson | None = None,
    ) -> list[DocumentId]:
        """Feed decisions to the project dictionary; re-suggest unfinished documents that contain the decided
        strings. Returns the documents re-suggested. ``lesson``: what the engine learned, kept for an undo."""
        accepted, rejected = list(accepted), list(rejected)
        if not accepted and not rejected:
            return []
        text = self._documents.get(document_id).text
        with self._lock:
            if lesson is None:
                self.engine.learn(text, accepted, rejected)
            else:
                self.engine.learn(text, accepted, rejected, lesson=lesson)
                lesson.learned, lesson.since = True, self._history_changes + bool(lesson.history)
                self._history_changes = lesson.since
        if not propagate:
            return []
        surfaces = {text[e.start : e.end] for e in (*accepted, *rejected)}
        targets = self._unfinished_containing(surfaces, exclude=document_id)
        self.resuggest(targets)
        return targets

    def resync(
        self,
        document_id: DocumentId,
        surfaces: Collection[str],
        lesson: Lesson | None = None,
        again: bool = False,
    ) -> list[DocumentId]:
        """After an undo or redo: set the dictionary's counts for ``surfaces`` to what the database now holds
        (so an undone confirmation stops propagating), then re-suggest the unfinished documents containing
        them. Returns the documents re-suggested. With the ``lesson`` of an action that taught the engine,
        an undo takes back exactly what it taught (``again``, a redo: teaches it again), the combiner's
        history included, and only the strings the action itself set from the database are set again."""
        surfaces = {s for s in surfaces if s}
        recount, stale = surfaces, []
        if lesson is not None and lesson.learned != again:
            with self._lock:
                engine = self.engine
                engine.relearn(lesson) if again else engine.unlearn(lesson)  # type: ignore[attr-defined]
            lesson.learned = again
            recount = {s for s in lesson.recount if s}
            if lesson.history:  # an undo: documents suggested while it was taught follow, whatever their text
                stale = [] if again else [d for d, n in self._suggested_at.items() if n >= lesson.since]
                self._history_changes += 1
                lesson.since = self._history_changes
        if not surfaces and not stale:
            return []
        rows = self._decisions.dictionary_rows(recount) if recount else []
        fresh: dict[tuple[str, str], list[int]] = {}
        for surface, label, accepted, rejected in rows:
            entry = fresh.setdefault((to_half_width(surface), label), [0, 0])
            entry[0] += accepted
            entry[1] += rejected
        with self._lock:
            dictionary = self.rules.project_dictionary
            held = dictionary.entries_for({to_half_width(s) for s in recount})
            for surface, label in set(held) | set(fresh):
                accepted, rejected = fresh.get((surface, label), (0, 0))
                dictionary.set_counts(surface, label, accepted, rejected)
            characters = {s for s in surfaces if len(s) == 1}
            if characters:  # the in-word memory counts them again as the database now has them
                spans = self._decisions.in_word_spans(characters)
                self.rules.recall_in_word(spans, forget={to_half_width(c) for c in characters})
        targets = self._unfinished_containing(set(surfaces), exclude=document_id, also=stale)
        self.resuggest(targets)
        return targets

    def _unfinished_containing(
        self, surfaces: set[str], exclude: DocumentId, also: Collection[DocumentId] = ()
    ) -> list[DocumentId]:
        """Documents nobody has marked done that contain any of the strings, or are among ``also`` (nearest
        ids first, bounded)."""
        if not surfaces and not also:
            return []
        done = select(ProgressRow.document_id).where(ProgressRow.state == str(DocState.DONE))
        likes = [DocumentRow.text.contains(surface, autoescape=True) for surface in surfaces]
        query = (
            select(DocumentRow.id)
            .where(or_(*likes, DocumentRow.id.in_(list(also))), DocumentRow.id != exclude)
            .where(not_(DocumentRow.id.in_(done)))
            .order_by(func.abs(DocumentRow.id - exclude))
            .limit(PROPAGATION_LIMIT)
        )
        with self._project.session_factory() as s:
            return [DocumentId(i) for i in s.scalars(query)]
