"""Stacking: a model trained on top of a base model (say, one trained on a public news corpus) has the base
model's tags for each character and its neighbours as features; predicting runs both.

Pretrained tagger features: a model trained with a pretrained tagger (``model.pretrained``, say LAC) has the
tagger's tag for the character and its neighbours as features (``pt=B-PER``, ``pt-1=``, ``pt1=``, and the
pair ``pt-1pt=``), the way a base model's tags are stacked; so a project without a base model starts from
what the tagger knows about news. Such a model needs the same tagger to predict (``identity``).

Rule features: a model trained with the rule engine's suggestions (``rule_tags``) has their tag for the
character and its neighbours as features (``rs=B-ORG``, ``rs-1=``, ``rs1=``), so the team's documents teach
it where the rules' habits hold for this project. Only what the rules find in a text by themselves counts
(``stackable_rules``): not the team's confirmed strings (propagated) or the rules that recall single
confirmed characters, and not persons, which the pretrained tagger reads better (measured with LAC: with the
rules' persons the CRF's persons fell by up to 0.04 F1). In training the rules run without the project's
knowledge (a document's own confirmations would otherwise be the answer in its features); in prediction
they are the suggestions the rule engine has already made for the text (the engine does not run twice)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any, Protocol, cast

from model.crf.features import FeatureExtractor, LexiconData
from model.crf.serialisation import ModelInfo
from model.spans import Origin
from model.suggest.in_word import RULE as IN_WORD_RULE
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token

# rules whose suggestions are the team's confirmations recalled, not the rules' own reading
LEARNED_RULES = frozenset({"learned_abbreviation", "learned_abbreviation_run", IN_WORD_RULE})
_OWN_ORIGINS = frozenset({Origin.RULE, Origin.JIEBA, Origin.DICTIONARY})


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


def add_pretrained_features(xseq: list[list[str]], tags: Sequence[str]) -> None:
    """A pretrained tagger's tags for the character and its neighbours become features."""
    n = len(tags)
    for i, f in enumerate(xseq):
        before = tags[i - 1] if i > 0 else "^"
        f.append("pt=" + tags[i])
        f.append("pt-1=" + before)
        f.append("pt1=" + (tags[i + 1] if i + 1 < n else "$"))
        f.append("pt-1pt=" + before + "|" + tags[i])


def stackable_rules(suggestions: Iterable[Suggestion], skip: Collection[str]) -> list[Suggestion]:
    """The rule engine's suggestions that count as rule features (see the module docstring); ``skip``: labels
    left out (the rules' persons)."""
    return [
        s
        for s in suggestions
        if s.origin in _OWN_ORIGINS and s.detail not in LEARNED_RULES and s.label not in skip
    ]


def rule_tags(length: int, suggestions: Iterable[Suggestion], skip: Collection[str]) -> list[str]:
    """BIO tags (``B-ORG``, ``I-ORG``, ``O``) of ``stackable_rules`` over a text of ``length`` characters."""
    tags = ["O"] * length
    for s in stackable_rules(suggestions, skip):
        for i in range(max(s.start, 0), min(s.end, length)):
            tags[i] = ("B-" if i == s.start else "I-") + s.label
    return tags


def add_rule_features(xseq: list[list[str]], tags: Sequence[str]) -> None:
    """The rule engine's tags (``rule_tags``) for the character and its neighbours become features."""
    n = len(tags)
    for i, f in enumerate(xseq):
        f.append("rs=" + tags[i])
        f.append("rs-1=" + (tags[i - 1] if i > 0 else "^"))
        f.append("rs1=" + (tags[i + 1] if i + 1 < n else "$"))


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
