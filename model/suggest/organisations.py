"""Rules for organisations: a place or organisation plus an organisation head, ordinals, congresses."""

from __future__ import annotations

import re

from model.suggest.context import Context, all_han, rule_suggestion
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token

# jieba flags of the words that may stand between a name anchor and an organisation head (越南 | 人民 | 军队).
_MODIFIER_FLAGS = frozenset({"n", "nz", "vn", "j", "ns", "nt", "b", "an", "ng", "l"})


_ORDINAL = re.compile(r"^第[一二三四五六七八九十百零〇0-9]+[届次]$")


def _is_ordinal(tok: Token) -> bool:
    return _ORDINAL.match(tok.word) is not None


def _abbreviation_pair(ctx: Context, tok: Token) -> bool:
    """A word of two or three place abbreviations (美中, 中俄): it names the parties of a joint body."""
    return 2 <= len(tok.word) <= 3 and all(c in ctx.abbreviations for c in tok.word)


def _name_anchor(ctx: Context, k: int, max_modifiers: int) -> int | None:
    """Index of the entity token (or abbreviation pair: 美中 贸易 全国委员会) a head at ``k`` attaches to,
    walking left over up to ``max_modifiers`` modifier tokens (ordinals like 第十五次 always allowed)."""
    j = k - 1
    seen = 0
    while j >= 0:
        if ctx.label_at(j) in ("LOC", "ORG", "PER") or _abbreviation_pair(ctx, ctx.tokens[j]):
            return j
        tok = ctx.tokens[j]
        if not _is_ordinal(tok):
            if seen >= max_modifiers or tok.flag not in _MODIFIER_FLAGS or not all_han(tok.word):
                return None
            seen += 1
        j -= 1
    return None


def merge_place_org(ctx: Context) -> list[Suggestion]:
    """A place or organisation, up to two modifier words, and an organisation head → one ORG
    (越南 外交部 → 越南外交部; 美国 国务院; 老挝人民革命党 中央委员会; 中国共产党 第十五次 全国代表大会).
    A head that is itself a known organisation takes no modifiers but an ordinal (中国 支持 联合国 stays)."""
    out: list[Suggestion] = []
    for k, tok in enumerate(ctx.tokens):
        if k == 0 or ctx.lex.org_suffix(tok.word) is None or not all_han(tok.word):
            continue
        head_label = ctx.label_at(k)
        if head_label in (None, "ORG"):
            a = _name_anchor(ctx, k, 0 if head_label == "ORG" else 2)
        else:
            continue
        if a is None or ctx.label_at(a) == "PER":
            continue
        out.append(rule_suggestion(ctx.tokens[a].start, tok.end, "ORG", "merge_place_org", 0.88))
    return out


# The bodies an ordinal numbers (第九届全国人民代表大会, 第十五届中央委员会, 第二届立法会): a body elected
# or convened for a term is named with its number. Before any other organisation the ordinal counts the
# event that follows (第九次东盟-美国领导人会议: the ninth summit, not the ninth ASEAN; 第五届亚足联亚洲杯),
# so it stays out. In MSRA's training part, 27 of 31 organisations an ordinal stands before end so and take
# it in; of the other organisations (理事会, 非统, 亚足联, 东盟...), 30 take it out and 3 in.
_NUMBERED_BODIES = ("大会", "委员会", "委会", "立法会", "人大", "政协", "议会", "国会", "政治局", "书记处")


def ordinal_org(ctx: Context) -> list[Suggestion]:
    """An ordinal (第九届, 第十五次) directly before a body it numbers → part of it (第九届全国人民代表大会).
    ``_NUMBERED_BODIES``: which bodies."""
    out: list[Suggestion] = []
    for k, tok in enumerate(ctx.tokens[:-1]):
        body = ctx.tokens[k + 1]
        if (
            tok.word[:1] == "第"
            and _is_ordinal(tok)
            and ctx.label_at(k + 1) == "ORG"
            and body.word.endswith(_NUMBERED_BODIES)
        ):
            out.append(rule_suggestion(tok.start, body.end, "ORG", "ordinal_org", 0.85))
    return out


_CONGRESS = re.compile(r"^[一二三四五六七八九]?十[一二三四五六七八九]?大$")


def party_congress(ctx: Context) -> list[Suggestion]:
    """A numbered congress abbreviation standing as its own word (十五大, 二十大) → ORG."""
    return [
        rule_suggestion(t.start, t.end, "ORG", "party_congress", 0.7)
        for t in ctx.tokens
        if t.word[-1:] == "大" and _CONGRESS.match(t.word)
    ]
