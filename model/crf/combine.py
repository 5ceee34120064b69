"""Merge the rule engine's suggestions with the model's into one non-overlapping list.

Suggestions of both sources are grouped into *clusters*: maximal runs of suggestions joined by overlaps.
Model suggestions scoring below ``threshold`` are dropped before anything else.

* **Agreement** (both sources hold exactly the same entities in the cluster): each entity is kept once, as
  the suggestion with the higher score.
* **Conflict** (both sources, different entities): settled for the whole cluster in favour of the source with
  the higher estimated acceptance rate (a rule cluster scores the mean over its suggestions); ties go to the
  higher mean score, then to the rules. Entities that both sources hold keep the higher score.
* **Alone** (one source only): each suggestion is kept unless its estimated acceptance rate is below
  ``keep_rate``. With a model in the loop, a rule suggestion alone is one the model did not confirm; history
  may show that, say, jieba's person names the model does not confirm are mostly rejected.

Estimated acceptance rate of a suggestion in a situation (conflict / alone):

* coarse: ``(accepted + a0) / (accepted + rejected + a0 + r0)`` for its origin (``history[origin]``, counted
  over conflicts), with the prior pseudo-counts ``(a0, r0)`` of ``PRIOR`` (``INFORMED_PRIOR`` for a model that
  already knows news);
* fine: the counts under ``situation_key(suggestion, situation)`` (origin, detail, label, score band and
  situation), shrunk towards the coarse rate with the weight of ``SHRINKAGE`` observations.

``history`` maps such keys to ``(accepted, rejected)`` counts. ``ModelAssistedEngine`` keeps them up to date
from confirmations; without history every suggestion alone is kept and conflicts follow ``PRIOR``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from statistics import fmean

from model.spans import Origin
from model.suggest.suggestion import Suggestion

History = Mapping[str, tuple[int, int]]
Priors = Mapping[str, tuple[float, float]]

CONFLICT = "conflict"
ALONE = "alone"
# Prior pseudo-counts (accepted, rejected) per origin: confirmed strings first, then the gazetteer and the
# merging rules, jieba last. The model starts distrusted (rate 1/3, below KEEP_RATE): a model trained on the
# first few documents is worse than the rules, so it loses conflicts and its lone suggestions are held back
# until history shows they are accepted. Three to five observations' worth, so a little history overrules.
PRIOR: dict[str, tuple[float, float]] = {
    Origin.PROPAGATED: (4.0, 1.0),
    Origin.DICTIONARY: (3.0, 1.0),
    Origin.MODEL: (1.0, 2.0),
    Origin.RULE: (3.0, 2.0),
    Origin.JIEBA: (2.0, 2.0),
}
# A model that already knows news (stacked on a base model, or trained on thousands of documents) starts
# trusted instead, like the gazetteer: history can still overrule it within a few documents.
INFORMED_PRIOR: dict[str, tuple[float, float]] = PRIOR | {Origin.MODEL: (3.0, 1.0)}
_DEFAULT_PRIOR = (1.0, 1.0)
SHRINKAGE = 4.0
# A lone suggestion kept costs a rejection when wrong; dropped, it costs an addition (two actions) when right.
# So keeping pays when it is accepted more than a third of the time; a little above, for the estimate's
# uncertainty (and to keep a model with the distrusting prior's 1/3 out until it has a record).
KEEP_RATE = 0.35


def acceptance(origin: str, history: History | None = None, priors: Priors | None = None) -> float:
    """Smoothed acceptance rate of an origin (the coarse rate)."""
    a0, r0 = (PRIOR if priors is None else priors).get(origin, _DEFAULT_PRIOR)
    accepted, rejected = (history or {}).get(str(origin), (0, 0))
    return (accepted + a0) / (accepted + rejected + a0 + r0)


def score_band(score: float) -> str:
    return "hi" if score >= 0.9 else "mid" if score >= 0.7 else "lo"


def situation_key(s: Suggestion, situation: str) -> str:
    """The fine history key: ``"jieba|nr|PER|mid|alone"``."""
    return f"{s.origin}|{s.detail or ''}|{s.label}|{score_band(s.score)}|{situation}"


def rate(
    s: Suggestion, situation: str, history: History | None = None, priors: Priors | None = None
) -> float:
    """Estimated acceptance rate of ``s`` in ``situation`` (module docstring)."""
    coarse = acceptance(s.origin, history, priors)
    accepted, rejected = (history or {}).get(situation_key(s, situation), (0, 0))
    return (accepted + SHRINKAGE * coarse) / (accepted + rejected + SHRINKAGE)


def clusters(
    rules: Sequence[Suggestion], model: Sequence[Suggestion]
) -> list[tuple[list[Suggestion], list[Suggestion]]]:
    """``(rule suggestions, model suggestions)`` per cluster of overlapping suggestions, in text order."""
    tagged = sorted([(s, 0) for s in rules] + [(s, 1) for s in model], key=lambda p: (p[0].start, p[0].end))
    out: list[tuple[list[Suggestion], list[Suggestion]]] = []
    end = -1
    for s, source in tagged:
        if not out or s.start >= end:
            out.append(([], []))
            end = s.end
        else:
            end = max(end, s.end)
        out[-1][source].append(s)
    return out


def _with_best_scores(chosen: list[Suggestion], other: list[Suggestion]) -> list[Suggestion]:
    by_entity = {s.entity: s for s in other}
    out = []
    for s in chosen:
        twin = by_entity.get(s.entity)
        out.append(twin if twin is not None and twin.score > s.score else s)
    return out


def prefer_model(
    rules: Sequence[Suggestion],
    model: Sequence[Suggestion],
    history: History | None,
    priors: Priors | None = None,
) -> bool:
    """Whether a conflict goes to the model (module docstring)."""
    rule_rate = fmean(rate(s, CONFLICT, history, priors) for s in rules)
    model_rate = fmean(rate(s, CONFLICT, history, priors) for s in model)
    if model_rate != rule_rate:
        return model_rate > rule_rate
    return fmean(s.score for s in model) > fmean(s.score for s in rules)


def combine(
    rule_suggestions: Iterable[Suggestion],
    model_suggestions: Iterable[Suggestion],
    history: History | None = None,
    threshold: float = 0.5,
    keep_rate: float = KEEP_RATE,
    priors: Priors | None = None,
) -> list[Suggestion]:
    """One sorted, non-overlapping list (module docstring). Rule suggestions must not overlap each other,
    nor model suggestions each other (each engine's own output never does)."""
    rules = list(rule_suggestions)
    model = [s for s in model_suggestions if s.score >= threshold]
    out: list[Suggestion] = []
    for r, m in clusters(rules, model):
        if not m or not r:
            out.extend(s for s in r or m if rate(s, ALONE, history, priors) >= keep_rate)
        elif {s.entity for s in r} == {s.entity for s in m}:
            out.extend(_with_best_scores(r, m))
        elif prefer_model(r, m, history, priors):
            out.extend(_with_best_scores(m, r))
        else:
            out.extend(_with_best_scores(r, m))
    out.sort(key=lambda s: s.start)
    return out
