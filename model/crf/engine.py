"""The model in the loop: the rule engine, a CRF and a pretrained tagger behind one ``suggest``/``learn``
engine, and the learning simulation with periodic retraining that the product runs in the background.

``ModelAssistedEngine.learn`` feeds the rule engine (its project dictionary) and the conflict history the
combiner uses; it never trains. Training is someone else's job (the background trainer, or
``simulate_with_retraining`` here), which hands a new model over with ``set_model``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from model.crf.combine import (
    ALONE,
    CONFLICT,
    INFORMED_PRIOR,
    PRIOR,
    WITH_PRETRAINED,
    History,
    Priors,
    clusters_of,
    combine,
    shape_key,
    shape_of,
    situation_key,
)
from model.crf.prediction import CrfModel
from model.crf.serialisation import ModelInfo
from model.evaluate import LearningReport, simulate_learning
from model.pretrained import Analysis, PretrainedTagger, joined_organisations, read_ahead, without_titles
from model.spans import Entity
from model.suggest.engine import SuggestionEngine
from model.suggest.lesson import Lesson
from model.suggest.organisations import name_tail
from model.suggest.places import GOVERNMENT_WORDS, governments_as_names
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import to_half_width

logger = logging.getLogger(__name__)

_REMEMBERED_TEXTS = 64  # suggestions kept per text until its confirmation comes back
READ_AHEAD = 32  # texts the pretrained tagger reads in one go, one such batch ahead of the rules
INFORMED_DOCUMENTS = 2000  # a model trained on this many documents knows news without a base model


def priors_for(model: CrfModel | None, pretrained: bool = False) -> Priors:
    """The combiner's prior trust in ``model``: informed when it stacks on a base model or on a pretrained
    tagger, or was trained on ``INFORMED_DOCUMENTS`` documents or more (``model.crf.combine``); with a
    pretrained tagger among the sources, jieba's tags start distrusted."""
    informed = model is not None and (
        model.base is not None
        or getattr(model, "pretrained", None) is not None
        or model.info.documents >= INFORMED_DOCUMENTS
    )
    priors = INFORMED_PRIOR if informed else PRIOR
    return priors | WITH_PRETRAINED if pretrained else priors


class ModelAssistedEngine:
    """Rule suggestions, model suggestions and a pretrained tagger's, combined (``model.crf.combine``).
    Without a model and a tagger it is the rule engine. ``history`` holds ``(accepted, rejected)`` per origin
    over the conflicts seen so far."""

    def __init__(
        self,
        rule_engine: SuggestionEngine,
        model: CrfModel | None = None,
        *,
        threshold: float = 0.5,
        history: History | None = None,
        pretrained: PretrainedTagger | None = None,
    ) -> None:
        self.rule_engine = rule_engine
        self.model = model
        self.pretrained = pretrained
        if pretrained is not None and hasattr(rule_engine, "pos_hmm"):
            # the tagger finds unknown names; jieba's guesses at their part of speech cost the rules four
            # fifths of their time and, beside it, gain nothing (F1 on the development set and MSRA test)
            rule_engine.pos_hmm = False
        self.threshold = threshold
        self.history: dict[str, tuple[int, int]] = dict(history or {})
        self._lock = threading.Lock()
        self._whole_governments = (-1, False)  # (the project dictionary's version, _names_governments_whole)
        # per text: the rules', the model's and the pretrained tagger's suggestions
        self._recent: OrderedDict[str, tuple[list[Suggestion], list[Suggestion], list[Suggestion]]] = (
            OrderedDict()
        )

    @property
    def project_dictionary(self):  # type: ignore[no-untyped-def]
        return self.rule_engine.project_dictionary

    def set_model(self, model: CrfModel | None) -> None:
        """Swap in a newly trained model (from any thread)."""
        with self._lock:
            self.model = model

    def warm_up(self) -> None:
        self.rule_engine.warm_up()
        if self.pretrained is not None:
            self.pretrained.load()

    def prefetch(self, texts: Sequence[str]) -> None:
        """Let the pretrained tagger read ``texts`` in one batch (much faster than one by one); their
        ``suggest`` calls then find its analyses ready."""
        if self.pretrained is not None and texts:
            self.pretrained.analyse_many(texts)

    def pretrained_suggestions(self, text: str, analysis: Analysis | None = None) -> list[Suggestion]:
        """The pretrained tagger's entities in the project's labels (persons without their titles:
        ``model.pretrained.without_titles``), minus what the team keeps rejecting. ``analysis``: the tagger's
        reading of ``text``, when the caller has it."""
        if self.pretrained is None:
            return []
        if analysis is None:
            analysis = self.pretrained.analyse(text)
        found = joined_organisations(without_titles(text, analysis.entities))
        admissible = getattr(self.rule_engine, "admissible", None)
        return list(found) if admissible is None else admissible(to_half_width(text), found)

    def suggest(self, text: str) -> list[Suggestion]:
        return self.suggest_many([text])[0]

    def suggest_many(self, texts: Sequence[str]) -> list[list[Suggestion]]:
        """``suggest`` for each text. The pretrained tagger reads them in batches of ``READ_AHEAD`` texts on
        its own thread (``model.pretrained.read_ahead``), one batch ahead, while this thread runs the rules:
        on two cores the tagger costs little more than waiting for the longer of the two."""
        if self.pretrained is None or not texts:
            return [self._suggest(text, self.rule_engine.suggest(text), None) for text in texts]
        windows = [texts[i : i + READ_AHEAD] for i in range(0, len(texts), READ_AHEAD)]
        out: list[list[Suggestion]] = []
        ahead = read_ahead(self.pretrained, windows[0])
        for k, window in enumerate(windows):
            current = ahead
            if k + 1 < len(windows):
                ahead = read_ahead(self.pretrained, windows[k + 1])
            rules = [self.rule_engine.suggest(text) for text in window]
            analyses = current.result()
            out.extend(self._suggest(*args) for args in zip(window, rules, analyses, strict=True))
        return out

    def _suggest(self, text: str, rules: list[Suggestion], analysis: Analysis | None) -> list[Suggestion]:
        model = self.model
        if model is None and self.pretrained is None:
            return rules
        pretrained = self.pretrained_suggestions(text, analysis)
        predicted = [] if model is None else model.predict(text, project_dictionary=self.project_dictionary)
        rules = self._with_short_names(text, rules, [*pretrained, *predicted])
        rules, predicted, pretrained = self._governments(text, rules, predicted, pretrained)
        with self._lock:
            self._recent[text] = (rules, predicted, pretrained)
            self._recent.move_to_end(text)
            while len(self._recent) > _REMEMBERED_TEXTS:
                self._recent.popitem(last=False)
            history = dict(self.history)
        priors = priors_for(model, self.pretrained is not None)
        return combine(rules, predicted, history, self.threshold, priors=priors, pretrained=pretrained)

    def _governments(self, text: str, *sources: list[Suggestion]) -> tuple[list[Suggestion], ...]:
        """Every source's governments read as their names (``model.suggest.places.governments_as_names``)
        under MSRA's conventions, until the team accepts an organisation ending in 政府 (then its history
        decides between the readings, as before)."""
        labels = getattr(self.rule_engine, "project_label", None)
        if getattr(self.rule_engine, "conventions", None) != "msra" or labels is None:
            return sources
        org, loc = labels("ORG"), labels("LOC")
        if org is None or loc is None or self._names_governments_whole(org):
            return sources
        every = [s for source in sources for s in source]
        if not any(s.label == org and text.endswith(GOVERNMENT_WORDS, s.start, s.end) for s in every):
            return sources  # no government among them (most texts): nothing to read again
        return tuple(governments_as_names(text, found, every, org=org, loc=loc) for found in sources)

    def _names_governments_whole(self, org: str) -> bool:
        """Whether the team has accepted organisations ending in 政府 more often than it rejected them (all
        such organisations together: one exception accepted is outweighed by the next rejections)."""
        dictionary = self.rule_engine.project_dictionary
        if self._whole_governments[0] != dictionary.version:
            balance = sum(
                accepted - rejected
                for surface, label, accepted, rejected in dictionary.rows()
                if label == org and surface.endswith("政府")
            )
            self._whole_governments = (dictionary.version, balance > 0)
        return self._whole_governments[1]

    def _with_short_names(
        self, text: str, rules: list[Suggestion], others: list[Suggestion]
    ) -> list[Suggestion]:
        """The rules' suggestions and, where none of them stands, the short names of the companies and clubs
        that only the model or the pretrained tagger found under their full names (蔚来汽车 … 蔚来: the rules
        name them as they name their own, ``model.suggest.organisations.short_names``); the combiner weighs
        them as the rules' other suggestions."""
        known = {s.entity for s in rules}
        full = [
            s
            for s in others
            if s.label == "ORG" and s.entity not in known and name_tail(text[s.start : s.end]) is not None
        ]
        find = getattr(self.rule_engine, "short_names", None)
        if not full or find is None:
            return rules
        taken = list(rules)
        for s in find(text, [*full, *(r for r in rules if r.label == "ORG")]):
            if not any(s.overlaps(t) for t in taken) and not any(s.overlaps(f) for f in full):
                taken.append(s)
        return sorted(taken, key=lambda s: s.start) if len(taken) > len(rules) else rules

    def uncertainty(self, text: str) -> float:
        """How much an annotator's decisions on ``text`` would teach (``model.active``): the model's expected
        share of wrongly tagged characters, plus the clusters where the sources in use (the rules, the model,
        the pretrained tagger) do not all hold the same entities, per character."""
        if not text:
            return 0.0
        model = self.model
        sources = [self.rule_engine.suggest(text)]
        if self.pretrained is not None:
            sources.append([s for s in self.pretrained_suggestions(text) if s.score >= self.threshold])
        doubt = 0.0
        if model is not None:
            sources.append(
                [
                    s
                    for s in model.predict(text, project_dictionary=self.project_dictionary)
                    if s.score >= self.threshold
                ]
            )
            doubt = model.uncertainty(text, project_dictionary=self.project_dictionary)
        disagreements = sum(
            1
            for parts in clusters_of(sources)
            if len({frozenset(s.entity for s in part) for part in parts}) > 1
        )
        return doubt + disagreements / len(text)

    def learn(
        self,
        text: str,
        accepted: Iterable[Entity],
        rejected: Iterable[Entity] = (),
        lesson: Lesson | None = None,
    ) -> None:
        """Feed the rule engine, and count the text's last suggestions in the history (once: the text's
        suggestions are forgotten then). ``lesson``: what this changed, recorded for ``unlearn``."""
        accepted = list(accepted)
        if lesson is None:
            self.rule_engine.learn(text, accepted, list(rejected))
        else:
            lesson.text = text
            self.rule_engine.learn(text, accepted, list(rejected), lesson=lesson)
        with self._lock:
            recent = self._recent.pop(text, None)
            if recent is not None:
                counted: dict[str, tuple[int, int]] = {}
                count_decisions(counted, *recent[:2], set(accepted), self.threshold, recent[2])
                _add(self.history, counted, 1)
                if lesson is not None:
                    lesson.recent, lesson.history = recent, counted

    def unlearn(self, lesson: Lesson) -> None:
        """Take back what ``learn`` recorded in ``lesson`` (an undo): the history's counts, the project
        dictionary's, and the text's suggestions it forgot, as if the decision had never been made."""
        self.rule_engine.unlearn(lesson)
        with self._lock:
            _add(self.history, lesson.history, -1)
            if lesson.recent is not None and lesson.text not in self._recent:
                self._recent[lesson.text] = lesson.recent  # type: ignore[assignment]

    def relearn(self, lesson: Lesson) -> None:
        """Teach ``lesson`` again (a redo of what ``unlearn`` took back)."""
        self.rule_engine.relearn(lesson)
        with self._lock:
            _add(self.history, lesson.history, 1)
            if lesson.recent is not None:
                self._recent.pop(lesson.text, None)


def _add(history: dict[str, tuple[int, int]], counts: dict[str, tuple[int, int]], sign: int) -> None:
    """Add ``counts`` to ``history`` (``sign`` -1: take them back; a key back at nothing is dropped)."""
    for key, (accepted, rejected) in counts.items():
        a, r = history.get(key, (0, 0))
        a, r = max(0, a + sign * accepted), max(0, r + sign * rejected)
        if a or r:
            history[key] = (a, r)
        else:
            history.pop(key, None)


def count_decisions(
    history: dict[str, tuple[int, int]],
    rules: Sequence[Suggestion],
    model: Sequence[Suggestion],
    accepted: Collection[Entity],
    threshold: float = 0.5,
    pretrained: Sequence[Suggestion] = (),
) -> None:
    """Count, for every suggestion the combiner had to decide on, whether the annotator accepted it: under its
    origin for conflicts, under its situation key (``model.crf.combine``) for conflicts and suggestions
    alone, and under its shape key for conflicts, whether the combiner showed it or not. Agreements (every
    source present in a cluster holds the same entities) are not counted: there was nothing to decide."""
    sources = [
        list(rules),
        [s for s in model if s.score >= threshold],
        [s for s in pretrained if s.score >= threshold],
    ]

    def add(key: str, ok: bool) -> None:
        a, rej = history.get(key, (0, 0))
        history[key] = (a + 1, rej) if ok else (a, rej + 1)

    for parts in clusters_of(sources):
        present = [part for part in parts if part]
        if len(present) > 1 and len({frozenset(s.entity for s in part) for part in present}) == 1:
            continue
        situation = CONFLICT if len(present) > 1 else ALONE
        everything = [s for part in present for s in part]
        for s in everything:
            ok = s.entity in accepted
            add(situation_key(s, situation), ok)
            if situation == CONFLICT:
                add(str(s.origin), ok)
                add(shape_key(s, shape_of(s, everything)), ok)


@dataclass(frozen=True, slots=True)
class RetrainingResult:
    report: LearningReport
    retrainings: int
    training_seconds: float
    models: list[ModelInfo] = field(default_factory=list)
    history: dict[str, tuple[int, int]] = field(default_factory=dict)


def simulate_with_retraining(
    documents: Sequence[tuple[str, Sequence[Entity]]],
    rule_engine_factory: Callable[[], SuggestionEngine],
    labels: Collection[str] | None = None,
    *,
    every: int = 10,
    threshold: float = 0.5,
    base: CrfModel | None = None,
    pretrained: PretrainedTagger | None = None,
    **train_options: Any,
) -> RetrainingResult:
    """``simulate_learning`` with a ``ModelAssistedEngine`` whose CRF is retrained, after every ``every``
    confirmed documents, on all documents confirmed so far (with the project dictionary as it stands), as
    the background trainer would. ``train_options`` go to ``CrfModel.train`` (``iterations``, ``c1`` ...).
    With a ``base`` model (trained on public data and shipped), the engine starts with it and every project
    model is stacked on it (its tags are features, see ``model.crf.stacking``). With a ``pretrained`` tagger,
    its entities join the suggestions from the first document on and its tags are features of every model."""
    if every < 1:
        raise ValueError("every must be at least 1")
    infos: list[ModelInfo] = []
    engines: list[ModelAssistedEngine] = []
    seconds = 0.0

    class _Retraining(ModelAssistedEngine):
        def __init__(self) -> None:
            super().__init__(rule_engine_factory(), base, threshold=threshold, pretrained=pretrained)
            self.seen: list[tuple[str, list[Entity]]] = []

        def learn(
            self,
            text: str,
            accepted: Iterable[Entity],
            rejected: Iterable[Entity] = (),
            lesson: Lesson | None = None,
        ) -> None:
            nonlocal seconds
            accepted = list(accepted)
            super().learn(text, accepted, rejected, lesson)
            self.seen.append((text, accepted))
            if len(self.seen) % every == 0 and len(self.seen) < len(documents):
                t0 = time.perf_counter()
                model = CrfModel.train(
                    self.seen,
                    project_dictionary=self.project_dictionary,
                    base=base,
                    pretrained=pretrained,
                    **train_options,
                )
                seconds += time.perf_counter() - t0
                infos.append(model.info)
                self.set_model(model)
                logger.info("retrained on %d documents", len(self.seen))

    def factory() -> ModelAssistedEngine:
        engine = _Retraining()
        engines.append(engine)
        return engine

    report = simulate_learning(documents, factory, labels)
    history = engines[-1].history if engines else {}
    return RetrainingResult(report, len(infos), seconds, infos, dict(history))
