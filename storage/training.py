"""Training the project's CRF on its finished documents and storing it with the project.

Run it headless (``newstag train``) or let the window start that command as a background process after every
N newly finished documents; either way the model lands in the database for every annotator.

A project can also hold a **base model** (kind ``crf-base``): a CRF trained once on a labelled corpus the
project lead supplies (``newstag train --base-corpus FILE``, say a public news NER corpus). Until the project
has a model of its own, the base model makes the suggestions; after that every project model is *stacked* on
it (the base model's tags are features, see ``model.crf.model``), so the team's confirmations adapt a model
that already knows news instead of starting from nothing.

A **pretrained tagger** (setting ``pretrained``, default ``"lac"``; ``""`` turns it off) needs no training:
when its package is installed, its entities are suggestions of their own and its tags are features of every
project model from the first one on (``model.crf.model``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.spans import Entity
from model.suggest import ProjectDictionary
from storage.models import (
    StoredModel,
    finished_count,
    latest_model_info,
    model_data,
    save_model,
    stored_models,
    training_documents,
)
from storage.suggestions import dictionary_rows

if TYPE_CHECKING:
    from model.crf import CrfModel
    from model.pretrained import PretrainedTagger
    from storage.project import Project

logger = logging.getLogger(__name__)

MODEL_KIND = "crf"
BASE_KIND = "crf-base"
BASE_ITERATIONS = 100
SETTINGS_KEY = "model"
# 30 iterations do as well as 100 on a few hundred documents, in a third of the time. Features seen only once
# (minfreq 2) teach a model of a few hundred documents little and slow every iteration: without them, 200
# documents of 200k characters train in 26 s instead of 31–35 (bench_crf.py speed).
# conventions: "msra" (the rules follow MSRA's habits, model.suggest.rules.MSRA_HABITS) or "general".
DEFAULTS = {"retrain_every": 20, "threshold": 0.5, "iterations": 30, "minfreq": 2, "enabled": True,
            "pretrained": "lac", "conventions": "msra"}


class NothingToTrainOn(Exception):
    """No document is finished or has a gold layer yet."""


@dataclass(frozen=True, slots=True)
class TrainingResult:
    model_id: int
    documents: int
    characters: int
    seconds: float


def model_settings(project: Project) -> dict[str, object]:
    return DEFAULTS | project.setting(SETTINGS_KEY)


def project_tagger(project: Project) -> PretrainedTagger | None:
    """The pretrained tagger the project's settings ask for, if its package is installed (else None, and a
    warning logged once per process)."""
    name = str(model_settings(project).get("pretrained") or "")
    if not name:
        return None
    from model.pretrained import default_tagger

    return default_tagger(name)


def _load(project: Project, stored: StoredModel, base: CrfModel | None = None) -> CrfModel | None:
    from model.crf import CrfModel, ModelFormatError

    data = model_data(project, stored.id)
    if data is None:
        return None
    try:
        needs = stored.info.get("params", {}).get("pretrained")
        return CrfModel.from_bytes(data, base=base, pretrained=project_tagger(project) if needs else None)
    except ModelFormatError as exc:
        logger.warning("ignoring stored model %d (%s): %s", stored.id, stored.kind, exc)
        return None


def base_model(project: Project) -> tuple[int, CrfModel] | None:
    """The project's newest readable base model and its id, if it has one."""
    for stored in stored_models(project, BASE_KIND):
        model = _load(project, stored)
        if model is not None:
            return stored.id, model
    return None


def serving_model(project: Project) -> tuple[int, CrfModel] | None:
    """The model behind the suggestions and its id: the newest project model whose base model (if it stacks
    on one) is still stored, else the base model alone, else None."""
    bases = stored_models(project, BASE_KIND)
    loaded: dict[int, CrfModel | None] = {}

    def base_for(identity: dict[str, object]) -> CrfModel | None:
        for stored in bases:
            info = stored.info
            if {"trained_at": info.get("trained_at"), "characters": info.get("characters")} == identity:
                if stored.id not in loaded:
                    loaded[stored.id] = _load(project, stored)
                return loaded[stored.id]
        return None

    for stored in stored_models(project, MODEL_KIND):
        identity = stored.info.get("params", {}).get("base")
        base = base_for(identity) if identity else None
        if identity and base is None:
            logger.info("model %d stacks on a base model that is no longer stored; skipped", stored.id)
            continue
        model = _load(project, stored, base)
        if model is not None:
            return stored.id, model
    return base_model(project)


def train_project_model(project: Project, iterations: int | None = None,
                        progress: Callable[[int, int], None] | None = None,
                        reading: Callable[[int, int], None] | None = None) -> TrainingResult:
    """Train on the finished documents (stacked on the base model, if the project has one) and store it."""
    from model.crf import CrfModel

    documents = training_documents(project)
    if not documents:
        raise NothingToTrainOn("no document is finished or adjudicated yet: nothing to train on")
    dictionary = ProjectDictionary.from_rows(dictionary_rows(project))
    settings = model_settings(project)
    found = base_model(project)
    model = CrfModel.train(documents, project_dictionary=dictionary,
                           iterations=int(iterations or settings["iterations"]),  # type: ignore[call-overload]
                           minfreq=float(settings["minfreq"]),  # type: ignore[arg-type]
                           base=found[1] if found else None, pretrained=project_tagger(project),
                           progress=progress, reading=reading)
    info = model.info
    model_id = save_model(project, MODEL_KIND, model.to_bytes(), info.documents, info.characters,
                          info.to_json())
    logger.info("trained model %d on %d documents in %.1f s", model_id, info.documents, info.seconds)
    return TrainingResult(model_id, info.documents, info.characters, info.seconds)


def train_base_model(project: Project, documents: Sequence[tuple[str, Sequence[Entity]]],
                     iterations: int = BASE_ITERATIONS,
                     progress: Callable[[int, int], None] | None = None,
                     reading: Callable[[int, int], None] | None = None) -> TrainingResult:
    """Train a base model on ``documents`` (a labelled corpus from outside the project) and store it; the
    project's next model stacks on it. Entities with labels outside the project's label set are left out."""
    from model.crf import CrfModel

    labels = {label.name for label in project.labels()}
    kept = [(text, [e for e in entities if e.label in labels]) for text, entities in documents]
    if not any(entities for _, entities in kept):
        raise NothingToTrainOn("the corpus holds no entity with one of the project's labels ("
                               + ", ".join(sorted(labels)) + ")")
    model = CrfModel.train(kept, iterations=iterations, progress=progress, reading=reading)
    info = model.info
    model_id = save_model(project, BASE_KIND, model.to_bytes(), info.documents, info.characters,
                          info.to_json())
    logger.info("trained base model %d on %d documents in %.1f s", model_id, info.documents, info.seconds)
    return TrainingResult(model_id, info.documents, info.characters, info.seconds)


def needs_training(project: Project) -> bool:
    """True when at least ``retrain_every`` documents were finished since the newest model was trained."""
    settings = model_settings(project)
    if not settings.get("enabled", True):
        return False
    newest = latest_model_info(project, MODEL_KIND)
    trained_on = newest[2] if newest else 0
    return finished_count(project) - trained_on >= int(settings["retrain_every"])  # type: ignore[call-overload]
