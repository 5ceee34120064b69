"""Merge the rule engine's suggestions with the model's into one non-overlapping list.

Suggestions of both sources are grouped into *clusters*: maximal runs of suggestions joined by overlaps.
Model suggestions scoring below ``threshold`` are dropped before anything else.

* **Agreement** (both sources hold exactly the same entities in the cluster): each entity is kept once, as
  the suggestion with the higher score.
* **Conflict** (both sources, different entities): settled for the whole cluster in favour of the source with
  the higher estimated acceptance rate (a rule cluster scores the mean over its suggestions); ties go to the
  higher mean score, then to the rules. Entities that both sources hold keep the higher score.
* **An organisation around the rest**: in a conflict, a source holding one ORG over the whole cluster
  (越南外交部 against 越南 LOC, 上海申花队 against 上海, 福建省南平市教委 against 南平市教委; not against
  the same span under another label) wins it, unless
  history has brought its estimated acceptance rate in conflicts below ``ENCLOSING_RATE``, the project's model
  reads the cluster otherwise (its trust is history's to decide), or one of MSRA's habits read it (中国政府 →
  中国 under the ``msra`` conventions: the project's chosen convention). News, MSRA's included, tags an
  organisation named with its place as one ORG; on the development set this raised cold F1 with LAC from
  0.751 to 0.780 (ORG 0.582 → 0.663).
* **Alone** (one source only): each suggestion is kept unless its estimated acceptance rate is below
  ``keep_rate``. With a model in the loop, a rule suggestion alone is one the model did not confirm; history
  may show that, say, jieba's person names the model does not confirm are mostly rejected.

Estimated acceptance rate of a suggestion in a situation (conflict / alone):

* coarse: ``(accepted + a0) / (accepted + rejected + a0 + r0)`` for its origin (``history[origin]``, counted
  over conflicts), with the prior pseudo-counts ``(a0, r0)`` of ``PRIOR`` (``INFORMED_PRIOR`` for a model that
  already knows news);
* fine: the counts under ``situation_key(suggestion, situation)`` (origin, detail, label, score band and
  situation), shrunk towards the coarse rate with the weight of ``SHRINKAGE`` observations;
* in a conflict, finer still: the counts under ``shape_key`` (the fine key and how the suggestion stands to
  the cluster's other readings: wider, narrower, the same span relabelled, crossing), shrunk towards the fine
  rate (``conflict_rate``). On the learning curve with LAC this raised the second half's F1 on both
  development samples (``tests/bench/curve_errors.py`` finds where the combiner chose wrong).

``history`` maps such keys to ``(accepted, rejected)`` counts. ``ModelAssistedEngine`` keeps them up to date
from confirmations; without history every suggestion alone is kept and conflicts follow ``PRIOR``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from statistics import fmean

from model.spans import Origin
from model.suggest.rules import MSRA_HABITS
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
    Origin.PRETRAINED: (2.0, 2.0),
    Origin.RULE: (3.0, 2.0),
    Origin.JIEBA: (2.0, 2.0),
}
# A model that already knows news (stacked on a base model, or trained on thousands of documents) starts
# trusted instead, like the gazetteer: history can still overrule it within a few documents.
INFORMED_PRIOR: dict[str, tuple[float, float]] = PRIOR | {Origin.MODEL: (3.0, 1.0)}
# Beside a pretrained tagger (which knows news), jieba's own name tags start distrusted: on the development
# set (``tests/bench/common.py``) the tags LAC did not confirm were accepted 37 times in 310 (LOC and PER
# alone) and lost most conflicts with it; below ``KEEP_RATE``, so they are dropped until history says
# otherwise.
WITH_PRETRAINED: dict[str, tuple[float, float]] = {Origin.JIEBA: (1.0, 2.0)}
_DEFAULT_PRIOR = (1.0, 1.0)
SHRINKAGE = 4.0
# A lone suggestion kept costs a rejection when wrong; dropped, it costs an addition (two actions) when right.
# So keeping pays when it is accepted more than a third of the time; a little above, for the estimate's
# uncertainty (and to keep a model with the distrusting prior's 1/3 out until it has a record).
KEEP_RATE = 0.35
# An enclosing ORG wins a conflict unless its acceptance rate in conflicts is below this: lower than
# ``KEEP_RATE``, since every prior (jieba's beside a pretrained tagger, an untrained model's: 1/3) starts
# above it, and a few rejections in that situation bring it below.
ENCLOSING_RATE = 0.25


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


def clusters_of(sources: Sequence[Sequence[Suggestion]]) -> list[list[list[Suggestion]]]:
    """Per cluster of overlapping suggestions (in text order), each source's suggestions in it."""
    tagged = sorted(
        ((s, i) for i, source in enumerate(sources) for s in source), key=lambda p: (p[0].start, p[0].end)
    )
    out: list[list[list[Suggestion]]] = []
    end = -1
    for s, source in tagged:
        if not out or s.start >= end:
            out.append([[] for _ in sources])
            end = s.end
        else:
            end = max(end, s.end)
        out[-1][source].append(s)
    return out


def clusters(
    rules: Sequence[Suggestion], model: Sequence[Suggestion]
) -> list[tuple[list[Suggestion], list[Suggestion]]]:
    """``(rule suggestions, model suggestions)`` per cluster of overlapping suggestions, in text order."""
    return [(r, m) for r, m in clusters_of((rules, model))]


def _with_best_scores(chosen: list[Suggestion], others: Iterable[Suggestion]) -> list[Suggestion]:
    best: dict[object, Suggestion] = {}
    for s in others:
        if s.entity not in best or s.score > best[s.entity].score:
            best[s.entity] = s
    out = []
    for s in chosen:
        twin = best.get(s.entity)
        out.append(twin if twin is not None and twin.score > s.score else s)
    return out


def shape_of(s: Suggestion, everything: Sequence[Suggestion]) -> str:
    """How ``s`` stands to the other readings of its conflict (``everything``: the cluster's suggestions):
    ``relabel`` (another reading has its span under another label), ``wide`` (it covers every other reading
    it overlaps: 欧佩克组织 against 欧佩克), ``narrow`` (another reading covers it: 傅全 against 傅全有) or
    ``cross``."""
    others = [o for o in everything if o.entity != s.entity and o.start < s.end and s.start < o.end]
    if any(o.start == s.start and o.end == s.end for o in others):
        return "relabel"
    if all(s.start <= o.start and o.end <= s.end for o in others):
        return "wide"
    if any(o.start <= s.start and s.end <= o.end for o in others):
        return "narrow"
    return "cross"


def shape_key(s: Suggestion, shape: str) -> str:
    """The finest history key, for conflicts: ``"model|crf|PER|hi|conflict|wide"``."""
    return f"{situation_key(s, CONFLICT)}|{shape}"


def conflict_rate(
    s: Suggestion, everything: Sequence[Suggestion], history: History | None, priors: Priors | None
) -> float:
    """Estimated acceptance rate of ``s`` in a conflict among ``everything``: the counts under its shape's
    key (``shape_of``), shrunk towards its situation's rate (``rate``) with the weight of ``SHRINKAGE``
    observations. A source's longer reading and its shorter one are not equally often right (merged
    organisations against the CRF's shorter name, the CRF's persons with a title against LAC's without), and
    history learns which, per source."""
    fine = rate(s, CONFLICT, history, priors)
    accepted, rejected = (history or {}).get(shape_key(s, shape_of(s, everything)), (0, 0))
    return (accepted + SHRINKAGE * fine) / (accepted + rejected + SHRINKAGE)


def part_rate(
    part: Sequence[Suggestion],
    history: History | None,
    priors: Priors | None,
    everything: Sequence[Suggestion] = (),
) -> float:
    """A source's estimated acceptance rate in a conflict: the mean over its suggestions in the cluster
    (``everything``: all of the cluster's suggestions, for their shapes; without it, the situation's rate)."""
    if not everything:
        return fmean(rate(s, CONFLICT, history, priors) for s in part)
    return fmean(conflict_rate(s, everything, history, priors) for s in part)


def prefer_model(
    rules: Sequence[Suggestion],
    model: Sequence[Suggestion],
    history: History | None,
    priors: Priors | None = None,
) -> bool:
    """Whether a conflict goes to the model (module docstring)."""
    return _winner([list(rules), list(model)], history, priors) == 1


def _winner(parts: list[list[Suggestion]], history: History | None, priors: Priors | None) -> int:
    """The index of the part whose entities a conflict goes to. Parts holding the same entities back one
    option together: its rate is ``1 - prod(1 - rate)`` over them (independent evidence). Ties go to the
    higher mean score, then to the earlier part (the rules)."""
    everything = [s for part in parts for s in part]
    options: dict[frozenset[object], list[int]] = {}
    for i, part in enumerate(parts):
        if part:
            options.setdefault(frozenset(s.entity for s in part), []).append(i)
    best, best_key = -1, (-1.0, -1.0)
    for holders in options.values():
        doubt = 1.0
        for i in holders:
            doubt *= 1.0 - part_rate(parts[i], history, priors, everything)
        score = max(fmean(s.score for s in parts[i]) for i in holders)
        key = (round(1.0 - doubt, 12), score)
        if key > best_key:
            best, best_key = holders[0], key
    return best


def enclosing_org(parts: Sequence[Sequence[Suggestion]]) -> int | None:
    """The index of the first part holding a single ORG that spans the whole cluster, if one does, no other
    reading has that same span under another label (俄罗斯 ORG against 俄罗斯 LOC is a dispute over the label,
    which history settles, not an organisation around a place) and no rule of MSRA's habits
    (``model.suggest.rules.MSRA_HABITS``, run under the ``msra`` conventions) made a reading of it."""
    everything = [s for part in parts for s in part]
    start = min(s.start for s in everything)
    end = max(s.end for s in everything)
    if any(s.origin is Origin.RULE and s.detail in MSRA_HABITS for s in everything):
        return None  # the project follows MSRA's habits (中国政府 → 中国): that reading is its convention
    for i, part in enumerate(parts):
        if len(part) == 1 and part[0].label == "ORG" and part[0].start == start and part[0].end == end:
            relabelled = any(s.start == start and s.end == end and s.label != "ORG" for s in everything)
            return None if relabelled else i
    return None


def combine(
    rule_suggestions: Iterable[Suggestion],
    model_suggestions: Iterable[Suggestion],
    history: History | None = None,
    threshold: float = 0.5,
    keep_rate: float = KEEP_RATE,
    priors: Priors | None = None,
    pretrained: Iterable[Suggestion] = (),
) -> list[Suggestion]:
    """One sorted, non-overlapping list (module docstring). Rule suggestions must not overlap each other,
    nor model suggestions each other (each engine's own output never does); the same for ``pretrained``,
    a third source (a pretrained tagger, ``model.pretrained``) whose suggestions below ``threshold`` are
    dropped too."""
    sources = [
        list(rule_suggestions),
        [s for s in model_suggestions if s.score >= threshold],
        [s for s in pretrained if s.score >= threshold],
    ]
    out: list[Suggestion] = []
    for parts in clusters_of(sources):
        present = [part for part in parts if part]
        if len(present) == 1:
            out.extend(s for s in present[0] if rate(s, ALONE, history, priors) >= keep_rate)
            continue
        everything = [s for part in present for s in part]
        if len({frozenset(s.entity for s in part) for part in present}) == 1:
            out.extend(_with_best_scores(present[0], everything))
        else:
            winner = enclosing_org(parts)
            if (
                winner is None
                or (parts[1] and winner != 1)  # the project's model reads it otherwise: history decides
                or rate(parts[winner][0], CONFLICT, history, priors) < ENCLOSING_RATE
            ):
                winner = _winner(parts, history, priors)
            out.extend(_with_best_scores(parts[winner], everything))
    out.sort(key=lambda s: s.start)
    return out
