"""Training the CRF: features for every character of every document (the project dictionary seen without the
document's own confirmations, the base model's tags when stacking), then python-crfsuite's L-BFGS."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycrfsuite

from model.crf.features import FEATURE_VERSION, FeatureExtractor, LexiconData
from model.crf.segments import segments
from model.crf.serialisation import ModelInfo
from model.crf.stacking import BaseModel, add_pretrained_features, shares_attributes, stacked_features
from model.crf.tokens import tokenize
from model.pretrained import PretrainedTagger
from model.spans import Entity
from model.suggest.dictionary import MIN_PROPAGATION_RATE, Matcher, ProjectDictionary
from model.suggest.tokenizer import to_half_width
from model.tagging import Scheme, entities_to_tags
from model.temporaries import cache_folder, held_file, sweep

logger = logging.getLogger(__name__)

DEFAULT_C1 = 0.05
DEFAULT_C2 = 0.01


@dataclass(frozen=True, slots=True)
class Fitted:
    """What training made: the crfsuite model, its metadata, the lexicons its features used."""

    crf: bytes
    info: ModelInfo
    lexicons: LexiconData


class ProjectIndex:
    """The project dictionary's entries in one automaton, with counts, so a training document can leave its
    own confirmations out without rebuilding anything."""

    def __init__(self, dictionary: ProjectDictionary) -> None:
        self.counts: dict[tuple[str, str], tuple[int, int]] = {}
        labels: dict[str, list[str]] = {}
        for surface, label, accepted, rejected in dictionary.rows():
            if len(surface) >= 2:
                self.counts[(surface, label)] = (accepted, rejected)
                labels.setdefault(surface, []).append(label)
        self._matcher = Matcher((s, tuple(labs)) for s, labs in labels.items())
        self.version = dictionary.version

    def hits(self, text: str, own: Counter[tuple[str, str]] | None = None) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` of every propagating entry in ``text``, the best-accepted label of a
        surface only; ``own`` counts are taken off the accepted counts first."""
        out = []
        for start, end, labels in self._matcher.find(text):
            surface = text[start:end]
            best, best_rate = None, MIN_PROPAGATION_RATE
            for label in labels:  # type: ignore[attr-defined]
                accepted, rejected = self.counts[(surface, label)]
                if own:
                    accepted -= own.get((surface, label), 0)
                rate = accepted / (accepted + rejected + 0.5)
                if accepted >= 1 and rate >= best_rate:
                    best, best_rate = label, rate
            if best is not None:
                out.append((start, end, best))
        return out


def _clean(entities: Iterable[Entity], length: int) -> list[Entity]:
    """In-range entities without overlaps (the longest, then the first, wins)."""
    taken = bytearray(length)
    out = []
    for e in sorted(entities, key=lambda e: (-(e.end - e.start), e.start)):
        if 0 <= e.start < e.end <= length and not any(taken[e.start : e.end]):
            taken[e.start : e.end] = b"\1" * (e.end - e.start)
            out.append(e)
    return sorted(out, key=lambda e: e.start)


def _train_into_temporary(trainer: pycrfsuite.Trainer) -> bytes:
    """crfsuite writes its model to a file: a temporary in newstag's per-user cache folder, held while the
    training runs, so that one killed (SIGKILL) leaves it only until the next training sweeps it."""
    try:
        folder = cache_folder("training")
    except OSError as exc:  # no cache folder (a read-only home): the system's temporary folder, as before
        logger.warning("no cache folder for training (%s); using %s", exc, tempfile.gettempdir())
        folder = Path(tempfile.gettempdir())
    sweep(folder, _TEMP_PREFIX, _TEMP_SUFFIX, what="a training")
    fd, path = held_file(folder, _TEMP_PREFIX, _TEMP_SUFFIX)
    try:
        trainer.train(str(path))
        return path.read_bytes()
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


_TEMP_PREFIX, _TEMP_SUFFIX = "newstag-", ".crfsuite"


class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """Reports iterations to ``progress`` and crfsuite's log to the debug logger, never to stdout."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        super().__init__(verbose=False)
        self._progress = progress
        self._total = total

    def message(self, message: str) -> None:
        event = self.logparser.feed(message)
        if event is None:
            return
        logger.debug("crfsuite %s: %s", event, self.logparser.last_log.strip()[-300:])
        if event == "iteration" and self._progress is not None:
            self._progress(int(self.logparser.last_iteration.get("num", 0)), self._total)


def fit(
    documents: Sequence[tuple[str, Sequence[Entity]]],
    *,
    gazetteer: Mapping[str, str] | None = None,
    project_dictionary: ProjectDictionary | None = None,
    iterations: int = 100,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    minfreq: float = 0.0,
    algorithm: str = "lbfgs",
    base: BaseModel | None = None,
    stacking: str = "auto",
    pretrained: PretrainedTagger | None = None,
    progress: Callable[[int, int], None] | None = None,
    reading: Callable[[int, int], None] | None = None,
) -> Fitted:
    """Train on ``(text, entities)`` documents. ``gazetteer`` (surface → label) defaults to the bundled
    one; ``project_dictionary`` adds its hits as features (see the module docstring). ``reading`` is
    called as ``(documents read, documents)`` while the features are built, then ``progress`` as
    ``(iteration, iterations)``, both from the training thread. ``base``: a model trained on other
    data (say, the public MSRA corpus) whose tags become features (stacking); predicting runs both.
    ``stacking``: ``light`` (the base model's tags only: the project model learns how far to trust them,
    tag by tag and in sequence), ``full`` (every character feature and the project dictionary's hits as
    well) or ``auto``: light unless the documents hold labels the base model does not know. Why light: on
    MSRA's test set in documents of 20 sentences, retrained every 10 documents, the second half scores
    F1 0.837 with full stacking, 0.845 with the base tags and dictionary hits, 0.852 with the base tags
    alone (``bench_crf.py curve --base``, minfreq 0); what a few dozen documents teach about characters,
    words and confirmed strings mostly fits those documents. The project's confirmed strings still reach
    the suggestions through the rule engine's dictionary and the combiner. ``pretrained``: a pretrained
    tagger whose tags become features too (``model.crf.stacking``), with or without a base model."""
    if algorithm not in ("lbfgs", "l2sgd"):
        raise ValueError(f"unknown training algorithm {algorithm!r} (lbfgs or l2sgd)")
    if not any(text for text, _ in documents):
        raise ValueError("no text to train on")
    t0 = time.perf_counter()
    lexicons = LexiconData.bundled(gazetteer)
    extractor = FeatureExtractor(lexicons)
    index = (
        ProjectIndex(project_dictionary)
        if project_dictionary is not None and len(project_dictionary)
        else None
    )
    trainer = _Trainer(progress, iterations)
    share = shares_attributes(base, lexicons)
    if stacking not in ("auto", "light", "full"):
        raise ValueError(f"unknown stacking {stacking!r} (auto, light or full)")
    if stacking == "auto" and base is not None:
        # light unless the project has labels the base model never learnt (then only characters tell)
        found = {e.label for _, entities in documents for e in entities}
        stacking = "light" if found <= set(base.info.labels) else "full"
    light = base is not None and stacking == "light"
    characters = 0
    labels: set[str] = set()
    analyses: list[Any] = []
    for number, (text, entities) in enumerate(documents, start=1):
        if pretrained is not None and number > len(analyses):  # the tagger runs 64 documents at a time
            analyses.extend(pretrained.analyse_many([t for t, _ in documents[number - 1 : number + 63]]))
        if reading is not None and (number % 100 == 0 or number == len(documents)):
            reading(number, len(documents))
        norm = to_half_width(text)
        gold = _clean(entities, len(text))
        labels.update(e.label for e in gold)
        characters += len(text)
        own = Counter((norm[e.start : e.end], e.label) for e in gold)
        hits = index.hits(norm, own) if index is not None else []
        for start, end in segments(norm, gold):
            piece = norm[start:end]
            inside = [Entity(e.start - start, e.end - start, e.label) for e in gold
                      if start <= e.start and e.end <= end]  # fmt: skip
            local = [(a - start, b - start, lab) for a, b, lab in hits if start <= a and b <= end]
            tokens = tokenize(piece)
            if base is None:
                xseq = extractor.features(piece, tokens, text[start:end], local)
            else:
                xseq = stacked_features(extractor, base, share, light, piece, text[start:end], tokens, local)
            if pretrained is not None:
                analysis = analyses[number - 1]
                add_pretrained_features(xseq, analysis.tags[start:end], analysis.runner_up[start:end])
            trainer.append(xseq, entities_to_tags(len(piece), inside, Scheme.BIOES))
    params: dict[str, Any] = {"c1": c1} if algorithm == "lbfgs" else {}
    params |= {
        "c2": c2,
        "max_iterations": iterations,
        "feature.minfreq": minfreq,
        "feature.possible_transitions": True,
        "feature.possible_states": False,
    }
    trainer.select(algorithm, "crf1d")
    trainer.set_params(params)
    crf = _train_into_temporary(trainer)
    info = ModelInfo(
        documents=len(documents),
        characters=characters,
        trained_at=datetime.now(UTC),
        iterations=iterations,
        params={
            **params,
            "algorithm": algorithm,
            "scheme": "bioes",
            "feature_version": FEATURE_VERSION,
            "project_features": index is not None,
            "base": base.identity if base is not None else None,
            "stacking": ("light" if light else "full") if base is not None else None,
            "pretrained": pretrained.identity if pretrained is not None else None,
        },
        labels=tuple(sorted(labels)),
        seconds=round(time.perf_counter() - t0, 3),
    )
    logger.info("CRF trained on %d documents (%d chars) in %.1f s", len(documents), characters, info.seconds)
    return Fitted(crf, info, lexicons)
