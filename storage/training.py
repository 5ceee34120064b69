"""Training the project's CRF on its finished documents and storing it with the project.

Run it headless (``newstag train``) or let the window start that command as a background process after every
N newly finished documents; either way the model lands in the database for every annotator.

A project can also hold a **base model** (kind ``crf-base``): a CRF trained once on a labelled corpus the
project lead supplies (``newstag train --base-corpus FILE``, say a public news NER corpus). Until the project
has a model of its own, the base model makes the suggestions; after that every project model is *stacked* on
it (the base model's tags are features, see ``model.crf.stacking``), so the team's confirmations adapt a model
that already knows news instead of starting from nothing.

A **pretrained tagger** (setting ``pretrained``, default ``"lac"``; ``""`` turns it off) needs no training:
when its package is installed, its entities are suggestions of their own and its tags are features of every
project model from the first one on (``model.crf.stacking``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from model.spans import Entity
from model.suggest import ProjectDictionary
from storage.answers import taking_long
from storage.database import Database
from storage.decisions import Decisions
from storage.labels import Labels
from storage.settings import SETTINGS_KEY, Settings
from storage.trained_models import StoredModel, TrainedModels

if TYPE_CHECKING:
    from model.crf import CrfModel
    from model.pretrained import PretrainedTagger

logger = logging.getLogger(__name__)

MODEL_KIND = "crf"
BASE_KIND = "crf-base"
BASE_ITERATIONS = 100
# 30 iterations do as well as 100 on a few hundred documents, in a third of the time. Features seen only once
# (minfreq 2) teach a model of a few hundred documents little and slow every iteration: without them, 200
# documents of 200k characters train in 26 s instead of 31–35 (bench_crf.py speed).


@dataclass(frozen=True, slots=True)
class ModelSettings:
    """How the project's model is trained and used (stored under the setting ``model``)."""

    retrain_every: int = 20  # finished documents between two trainings
    threshold: float = 0.5  # the model's marginal probability a suggestion needs
    iterations: int = 30
    minfreq: float = 2
    enabled: bool = True
    pretrained: str = "lac"  # the pretrained tagger beside the rules and under the CRF ("": none)
    conventions: str = "msra"  # rules with MSRA's habits (model.suggest.rules.MSRA_HABITS), or "general"

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ModelSettings:
        """From a stored setting; unknown keys are ignored, missing ones take the defaults."""
        types = {
            "retrain_every": int,
            "threshold": float,
            "iterations": int,
            "minfreq": float,
            "enabled": bool,
            "pretrained": lambda v: str(v or ""),
            "conventions": str,
        }
        known = {f.name for f in fields(cls)}
        return cls(**{k: types[k](v) for k, v in values.items() if k in known})  # type: ignore[operator]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class NothingToTrainOn(Exception):
    """No document is finished or has a gold layer yet."""


@dataclass(frozen=True, slots=True)
class TrainingResult:
    model_id: int
    documents: int
    characters: int
    seconds: float


class Training:
    """Training the project's CRF and choosing the one that serves (``project.training``)."""

    def __init__(self, db: Database) -> None:
        self._settings = Settings(db)
        self._labels = Labels(db)
        self._models = TrainedModels(db)
        self._decisions = Decisions(db)

    def settings(self) -> ModelSettings:
        return ModelSettings.from_dict(self._settings.get(SETTINGS_KEY))

    def set_settings(self, settings: ModelSettings) -> None:
        self._settings.set(SETTINGS_KEY, settings.as_dict())

    def tagger(self) -> PretrainedTagger | None:
        """The pretrained tagger the project's settings ask for, if its package is installed (else None, and
        a warning logged once per process)."""
        name = self.settings().pretrained
        if not name:
            return None
        from model.pretrained import default_tagger

        return default_tagger(name)

    def _load(self, stored: StoredModel, base: CrfModel | None = None) -> CrfModel | None:
        from model.crf import CrfModel, ModelFormatError

        data = self._models.data(stored.id)
        if data is None:
            return None
        try:
            needs = stored.info.get("params", {}).get("pretrained")
            return CrfModel.from_bytes(data, base=base, pretrained=self.tagger() if needs else None)
        except ModelFormatError as exc:
            logger.warning("ignoring stored model %d (%s): %s", stored.id, stored.kind, exc)
            return None

    def base_model(self) -> tuple[int, CrfModel] | None:
        """The project's newest readable base model and its id, if it has one."""
        for stored in self._models.stored(BASE_KIND):
            model = self._load(stored)
            if model is not None:
                return stored.id, model
        return None

    def serving_model(self) -> tuple[int, CrfModel] | None:
        """The model behind the suggestions and its id: the newest project model whose base model (if it
        stacks on one) is still stored, else the base model alone, else None."""
        bases = self._models.stored(BASE_KIND)
        loaded: dict[int, CrfModel | None] = {}

        def base_for(identity: dict[str, object]) -> CrfModel | None:
            for stored in bases:
                info = stored.info
                if {"trained_at": info.get("trained_at"), "characters": info.get("characters")} == identity:
                    if stored.id not in loaded:
                        loaded[stored.id] = self._load(stored)
                    return loaded[stored.id]
            return None

        for stored in self._models.stored(MODEL_KIND):
            identity = stored.info.get("params", {}).get("base")
            base = base_for(identity) if identity else None
            if identity and base is None:
                logger.info("model %d stacks on a base model that is no longer stored; skipped", stored.id)
                continue
            model = self._load(stored, base)
            if model is not None:
                return stored.id, model
        return self.base_model()

    @taking_long  # the reads of every finished document, and the model's save
    def train_project_model(
        self,
        iterations: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        reading: Callable[[int, int], None] | None = None,
    ) -> TrainingResult:
        """Train on the finished documents (stacked on the base model, if the project has one) and store
        it."""
        from model.crf import CrfModel

        documents = self._models.training_documents()
        if not documents:
            raise NothingToTrainOn("no document is finished or adjudicated yet: nothing to train on")
        dictionary = ProjectDictionary.from_rows(self._decisions.dictionary_rows())
        settings = self.settings()
        found = self.base_model()
        model = CrfModel.train(
            documents,
            project_dictionary=dictionary,
            iterations=int(iterations or settings.iterations),
            minfreq=settings.minfreq,
            base=found[1] if found else None,
            pretrained=self.tagger(),
            progress=progress,
            reading=reading,
        )
        info = model.info
        model_id = self._models.save(
            MODEL_KIND, model.to_bytes(), info.documents, info.characters, info.to_json()
        )
        logger.info("trained model %d on %d documents in %.1f s", model_id, info.documents, info.seconds)
        return TrainingResult(model_id, info.documents, info.characters, info.seconds)

    @taking_long
    def train_base_model(
        self,
        documents: Sequence[tuple[str, Sequence[Entity]]],
        iterations: int = BASE_ITERATIONS,
        progress: Callable[[int, int], None] | None = None,
        reading: Callable[[int, int], None] | None = None,
    ) -> TrainingResult:
        """Train a base model on ``documents`` (a labelled corpus from outside the project) and store it; the
        project's next model stacks on it. Entities with labels outside the project's label set are left
        out."""
        from model.crf import CrfModel

        labels = self._labels.names()
        kept = [(text, [e for e in entities if e.label in labels]) for text, entities in documents]
        if not any(entities for _, entities in kept):
            raise NothingToTrainOn(
                "the corpus holds no entity with one of the project's labels ("
                + ", ".join(sorted(labels))
                + ")"
            )
        model = CrfModel.train(kept, iterations=iterations, progress=progress, reading=reading)
        info = model.info
        model_id = self._models.save(
            BASE_KIND, model.to_bytes(), info.documents, info.characters, info.to_json()
        )
        logger.info("trained base model %d on %d documents in %.1f s", model_id, info.documents, info.seconds)
        return TrainingResult(model_id, info.documents, info.characters, info.seconds)

    def needs_training(self) -> bool:
        """True when at least ``retrain_every`` documents were finished since the newest model was
        trained."""
        settings = self.settings()
        if not settings.enabled:
            return False
        newest = self._models.latest_info(MODEL_KIND)
        trained_on = newest[2] if newest else 0
        return self._models.finished_count() - trained_on >= settings.retrain_every
