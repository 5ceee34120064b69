"""The most useful document next (what Prodigy and INCEpTION call active learning): documents ordered by how
unsure the suggestions are, and a simulation that measures what that order buys over reading in sequence.

A document's uncertainty (``ModelAssistedEngine.uncertainty``) is the serving model's expected share of
wrongly tagged characters (one minus the marginal probability of each character's tag, averaged) plus the
number of places where the sources (the rules, the model, the pretrained tagger) disagree, per character. Per
character, so that long documents are not favoured for their length alone.

``simulate_ordering`` keeps a fixed part of the gold documents aside (the last ``held_out`` share), and feeds
the rest to the engine in the chosen order, retraining the CRF every ``every`` documents as the product does;
after each retraining the order of the documents not yet read is refreshed (as the window refreshes it in the
background) and the suggestions are scored on the held-out part. Sequential order is the baseline.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from model.crf.engine import ModelAssistedEngine
from model.crf.prediction import CrfModel
from model.evaluate import evaluate
from model.pretrained import PretrainedTagger
from model.spans import Entity
from model.suggest.engine import SuggestionEngine

logger = logging.getLogger(__name__)

ORDERS = ("sequential", "uncertainty")


def rank_by_uncertainty(engine: ModelAssistedEngine, texts: Sequence[tuple[int, str]]) -> list[int]:
    """The keys of ``(key, text)`` pairs, most uncertain first (ties keep their order)."""
    prefetch = getattr(engine, "prefetch", None)
    if prefetch is not None:
        prefetch([t for _, t in texts])
    scored = [(key, engine.uncertainty(text)) for key, text in texts]
    return [key for key, _ in sorted(scored, key=lambda kv: -kv[1])]


@dataclass(frozen=True, slots=True)
class OrderPoint:
    documents: int  # documents read (and fed back) before the held-out part was scored
    f1: float
    effort_per_entity: float


@dataclass(frozen=True, slots=True)
class OrderingReport:
    order: str
    held_out: int  # documents kept aside
    points: list[OrderPoint] = field(default_factory=list)
    read: list[int] = field(default_factory=list)  # the indices of the documents in the order they were read
    seconds: float = 0.0


def simulate_ordering(
    documents: Sequence[tuple[str, Sequence[Entity]]],
    rule_engine_factory: Callable[[], SuggestionEngine],
    labels: Collection[str] | None = None,
    *,
    order: str = "uncertainty",
    every: int = 10,
    held_out: float = 0.2,
    threshold: float = 0.5,
    base: CrfModel | None = None,
    pretrained: PretrainedTagger | None = None,
    engine_factory: Callable[[], ModelAssistedEngine] | None = None,
    train: Callable[..., Any] | None = None,
    **train_options: Any,
) -> OrderingReport:
    """Read the documents outside the held-out part in ``order`` (module docstring). ``engine_factory`` and
    ``train`` (``CrfModel.train``'s signature) replace the real engine and trainer in tests."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r} (sequential or uncertainty)")
    if every < 1:
        raise ValueError("every must be at least 1")
    if not 0 < held_out < 1:
        raise ValueError("held_out must be between 0 and 1")
    t0 = time.perf_counter()
    cut = len(documents) - max(1, round(len(documents) * held_out))
    pool, kept = list(documents[:cut]), list(documents[cut:])
    if engine_factory is not None:
        engine = engine_factory()
    else:
        engine = ModelAssistedEngine(rule_engine_factory(), base, threshold=threshold, pretrained=pretrained)
    trainer = train or CrfModel.train

    def score() -> OrderPoint:
        report = evaluate((([s.entity for s in engine.suggest(text)], gold) for text, gold in kept), labels)
        return OrderPoint(len(seen), report.f1, report.effort.per_entity)

    seen: list[tuple[str, list[Entity]]] = []
    read: list[int] = []
    points = [score()]
    remaining = list(range(len(pool)))
    ranking: list[int] | None = None
    while remaining:
        if order == "uncertainty" and ranking is None:
            ranking = rank_by_uncertainty(engine, [(i, pool[i][0]) for i in remaining])
        pick = ranking.pop(0) if ranking is not None else remaining[0]
        remaining.remove(pick)
        read.append(pick)
        text, gold = pool[pick]
        suggested = [s.entity for s in engine.suggest(text)]
        gold_list = list(gold)
        engine.learn(text, gold_list, [e for e in suggested if e not in set(gold_list)])
        seen.append((text, gold_list))
        if len(seen) % every == 0 or not remaining:
            model = trainer(
                seen,
                project_dictionary=engine.project_dictionary,
                base=base,
                pretrained=pretrained,
                **train_options,
            )
            engine.set_model(model)
            ranking = None  # refreshed with the new model, as the window does after a retraining
            points.append(score())
            logger.info("%s order: %d documents read, held-out F1 %.3f", order, len(seen), points[-1].f1)
    return OrderingReport(order, len(kept), points, read, time.perf_counter() - t0)
