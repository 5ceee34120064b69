"""Stacking: a model trained on top of a base model (say, one trained on a public news corpus) has the base
model's tags for each character and its neighbours as features; predicting runs both.

Pretrained tagger features: a model trained with a pretrained tagger (``model.pretrained``, say LAC) has the
tagger's tag for the character and its neighbours as features (``pt=B-PER``, ``pt-1=``, ``pt1=``, and the
pair ``pt-1pt=``), the way a base model's tags are stacked; so a project without a base model starts from
what the tagger knows about news. Where the tagger hesitated over an entity (its second most probable tag at
a character is an entity's, ``pt2=I-ORG``: 饭店 in 坎诺特饭店, read as a noun), that is a feature too: the
project's CRF learns how often such a near miss is the entity after all. Such a model needs the same tagger
to predict (``identity``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, cast

from model.crf.features import FeatureExtractor, LexiconData
from model.crf.serialisation import ModelInfo
from model.suggest.tokenizer import Token

ENTITY_LABELS = frozenset({"PER", "LOC", "ORG"})  # the tagger's runner-up tags worth a feature


class BaseModel(Protocol):
    """What stacking needs of the model underneath (``CrfModel``)."""

    @property
    def base(self) -> BaseModel | None: ...

    @property
    def lexicons(self) -> LexiconData: ...

    @property
    def info(self) -> ModelInfo: ...

    @property
    def identity(self) -> dict[str, Any]: ...

    def tag_segment(
        self,
        piece: str,
        original: str,
        tokens: Sequence[Token] | None = None,
        xseq: list[list[str]] | None = None,
    ) -> list[str]: ...


def add_base_features(xseq: list[list[str]], tags: Sequence[str]) -> None:
    """Stacking: a base model's tags for the character and its neighbours become features."""
    n = len(tags)
    for i, f in enumerate(xseq):
        f.append("bt=" + tags[i])
        f.append("bt-1=" + (tags[i - 1] if i > 0 else "^"))
        f.append("bt1=" + (tags[i + 1] if i + 1 < n else "$"))


def add_pretrained_features(
    xseq: list[list[str]], tags: Sequence[str], runner_up: Sequence[str] = ()
) -> None:
    """A pretrained tagger's tags for the character and its neighbours become features; and where the tagger
    hesitated over an entity (``runner_up``: its second most probable tag, see ``Analysis``), that tag too
    (``pt2=B-ORG``)."""
    n = len(tags)
    for i, f in enumerate(xseq):
        before = tags[i - 1] if i > 0 else "^"
        f.append("pt=" + tags[i])
        f.append("pt-1=" + before)
        f.append("pt1=" + (tags[i + 1] if i + 1 < n else "$"))
        f.append("pt-1pt=" + before + "|" + tags[i])
    for f, second in zip(xseq, runner_up, strict=False):
        if second[2:] in ENTITY_LABELS:
            f.append("pt2=" + second)


def stacked_features(
    extractor: FeatureExtractor,
    base: BaseModel,
    share: bool,
    light: bool,
    piece: str,
    original: str,
    tokens: Sequence[Token],
    local: Sequence[tuple[int, int, str]],
) -> list[list[str]]:
    """Attribute lists of a model stacked on ``base`` for one segment: the base model's tags, and unless
    ``light`` every character feature and the project dictionary's hits. ``share``: the base model's
    attributes are this extractor's (same lexicons), so they are built once for both models."""
    full = extractor.features(piece, tokens, original, ()) if share or not light else None
    tags = base.tag_segment(piece, original, tokens, full if share else None)
    if light:
        xseq = [["b"] for _ in piece]
    else:
        xseq = cast(list[list[str]], full)
        FeatureExtractor.add_project(xseq, local)
    add_base_features(xseq, tags)
    return xseq


def shares_attributes(base: BaseModel | None, lexicons: LexiconData) -> bool:
    """Whether a model with these lexicons stacked on ``base`` can hand ``base`` its own attribute lists."""
    return base is not None and base.base is None and base.lexicons == lexicons
