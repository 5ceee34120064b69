"""What every repair rule works on: the text, its jieba words, the lexicons and the entities found so far.

``Context.base`` holds the single-word entities (jieba's filtered tags, the gazetteer's matches, the project's
confirmed strings) by word index, so merging rules can anchor on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from model.spans import Origin
from model.suggest.lexicons import Lexicons
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def all_han(word: str) -> bool:
    return _HAN.fullmatch(word) is not None


@dataclass(slots=True)
class Context:
    """One text being analysed: half-width text, jieba tokens, lexicons and the base entities by token."""

    text: str
    tokens: list[Token]
    lex: Lexicons
    freq: Callable[[str], int]
    base: dict[int, Suggestion] = field(default_factory=dict)  # token index → single-token entity
    learned_abbreviations: frozenset[str] = frozenset()  # one-character places the project has confirmed
    learned_names: dict[str, str] = field(default_factory=dict)  # confirmed project strings → engine label
    abbreviations: frozenset[str] = frozenset()  # bundled place abbreviations plus the learned ones

    def __post_init__(self) -> None:
        self.abbreviations = frozenset(self.lex.abbreviations) | self.learned_abbreviations

    def label_at(self, i: int) -> str | None:
        s = self.base.get(i)
        return s.label if s else None


def rule_suggestion(start: int, end: int, label: str, rule: str, score: float) -> Suggestion:
    return Suggestion(start, end, label, Origin.RULE, rule, score)
