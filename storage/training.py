"""Training the project's CRF on its finished documents and storing it with the project.

Run it headless (``newstag train``) or let the window start that command as a background process after every
N newly finished documents; either way the model lands in the database for every annotator."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.suggest import ProjectDictionary
from storage.models import finished_count, latest_model_info, save_model, training_documents
from storage.suggestions import dictionary_rows

if TYPE_CHECKING:
    from storage.project import Project

logger = logging.getLogger(__name__)

MODEL_KIND = "crf"
SETTINGS_KEY = "model"
# 30 iterations do as well as 100 on a few hundred documents, in a third of the time (bench_crf.py)
DEFAULTS = {"retrain_every": 20, "threshold": 0.5, "iterations": 30, "enabled": True}


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


def train_project_model(project: Project, iterations: int | None = None,
                        progress: Callable[[int, int], None] | None = None) -> TrainingResult:
    from model.crf import CrfModel

    documents = training_documents(project)
    if not documents:
        raise NothingToTrainOn("no document is finished or adjudicated yet: nothing to train on")
    dictionary = ProjectDictionary.from_rows(dictionary_rows(project))
    settings = model_settings(project)
    model = CrfModel.train(documents, project_dictionary=dictionary,
                           iterations=int(iterations or settings["iterations"]),  # type: ignore[call-overload]
                           progress=progress)
    info = model.info
    model_id = save_model(project, MODEL_KIND, model.to_bytes(), info.documents, info.characters,
                          info.to_json())
    logger.info("trained model %d on %d documents in %.1f s", model_id, info.documents, info.seconds)
    return TrainingResult(model_id, info.documents, info.characters, info.seconds)


def needs_training(project: Project) -> bool:
    """True when at least ``retrain_every`` documents were finished since the newest model was trained."""
    settings = model_settings(project)
    if not settings.get("enabled", True):
        return False
    newest = latest_model_info(project, MODEL_KIND)
    trained_on = newest[2] if newest else 0
    return finished_count(project) - trained_on >= int(settings["retrain_every"])  # type: ignore[call-overload]
