"""The model in the loop: a character-level CRF for Chinese news NER (``CrfModel``), the combiner that merges
its suggestions with the rule engine's (``combine``), and ``ModelAssistedEngine``, both behind the
``suggest``/``learn`` protocol, with ``simulate_with_retraining`` for the learning curve.

Importing this package loads neither jieba nor a model.
"""

from model.crf.combine import combine
from model.crf.engine import ModelAssistedEngine, RetrainingResult, count_decisions, simulate_with_retraining
from model.crf.prediction import CrfModel
from model.crf.serialisation import ModelFormatError, ModelInfo

__all__ = [
    "CrfModel",
    "ModelAssistedEngine",
    "ModelFormatError",
    "ModelInfo",
    "RetrainingResult",
    "combine",
    "count_decisions",
    "simulate_with_retraining",
]
