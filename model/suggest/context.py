"""What every repair rule works on: the text, its jieba words, the lexicons and the entities found so far.

``Context.base`` holds the single-word entities (jieba's filtered tags, the gazetteer's matches, the project's
confirmed strings) by word index, so merging rules can anchor on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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


ADMIN_HEADS = frozenset("省市县区镇乡州")  # the administrative heads a place name may end in
_RARE_PLACE = 50  # jieba dictionary frequency below which a word ending in such a head is a place name


def rare_place_word(word: str, ctx: Context, heads: frozenset[str] = ADMIN_HEADS) -> bool:
    """A word of three or more characters ending in one of ``heads`` that jieba's dictionary hardly knows:
    a place name jieba may not tag as one (鼓楼区/n, 岳麓区/nr, 渝中区/nt), not a noun (开发区, 工业区)."""
    return len(word) >= 3 and word[-1] in heads and ctx.freq(word) < _RARE_PLACE


# What a department of a company, bank, school, society or newspaper follows (公司 商务部, 银行 科技部,
# 学生会 体育部, 报社 新闻部, 人民日报 体育部): a department named there is no body of the state.
_PARENT_ENDS = ("公司", "集团", "会", "社", "行", "校", "报")
_DEPARTMENT = "部"
# Events whose name ends in 会 like a society's (记者会 商务部 发言人: the ministry's spokesman at the press
# conference), and 会 words that are no body at all; a one-character word (会/v, 行/v, 报/v) is none either.
_EVENTS = (
    "记者会",
    "发布会",
    "大会",
    "座谈会",
    "研讨会",
    "招待会",
    "见面会",
    "说明会",
    "通气会",
    "吹风会",
    "例会",
)
_EVENTS_TOO = (
    "年会",
    "峰会",
    "晚会",
    "酒会",
    "宴会",
    "博览会",
    "展览会",
    "运动会",
    "交易会",
    "洽谈会",
    "茶话会",
)
_NOT_PARENTS = _EVENTS + _EVENTS_TOO + ("机会", "社会", "体会", "约会", "聚会", "开会", "散会")
# jieba's parts of speech of a word that ends like a parent and is none: a verb (举行/v, 进行/v, 举报/v,
# 在校/v), an adverb, a numeral (一行/m), an idiom (势在必行/i), an adjective (pronouns stay: 该行, 本报)
_NOT_PARENT_FLAGS = ("v", "d", "m", "i", "a")


def after_a_parent(tokens: Sequence[Token], i: int) -> bool:
    """Whether word ``i`` follows a word naming a company, bank, school, society or paper (公司 商务部); not a
    verb or another word that only ends like one (举行 商务部 …: the ministry)."""
    if i == 0:
        return False
    word = tokens[i - 1].word
    return (
        len(word) > 1
        and word.endswith(_PARENT_ENDS)
        and not word.endswith(_NOT_PARENTS)
        and not tokens[i - 1].flag.startswith(_NOT_PARENT_FLAGS)
    )


def a_department(tokens: Sequence[Token], i: int, surface: str) -> bool:
    """Whether ``surface``, starting at word ``i``, is a department (…部) of the company, bank, school,
    society or paper named just before it (公司 商务部, 银行 科技部), not the ministry it is also the name
    of: what the gazetteer and jieba (商务部/nt) would read as one."""
    return surface.endswith(_DEPARTMENT) and after_a_parent(tokens, i)


def rule_suggestion(start: int, end: int, label: str, rule: str, score: float) -> Suggestion:
    return Suggestion(start, end, label, Origin.RULE, rule, score)
